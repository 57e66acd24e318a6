package org.chimerabench.endpoint;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Free-form server settings an admin records for an endpoint — what the client cannot see or change, such as
 * {@code OLLAMA_NUM_PARALLEL=4}, {@code OLLAMA_FLASH_ATTENTION=1}, {@code OLLAMA_KV_CACHE_TYPE=q8_0} — one
 * {@code NAME=value} per line (or separated by commas); copied into the environment of every sweep run on it.
 */
public final class ServerSettings {

    static final int MAX_LENGTH = 4000;
    static final int MAX_SETTINGS = 50;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    private ServerSettings() {
    }

    /** The settings in order; an empty map for none. */
    public static Map<String, String> parse(String text) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return settings;
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Server settings must be at most " + MAX_LENGTH + " characters");
        }
        for (String raw : text.split("[\\n,]")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            String name = equals < 0 ? line : line.substring(0, equals).strip();
            if (equals < 0 || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("Write each server setting as NAME=value (e.g."
                        + " OLLAMA_NUM_PARALLEL=4); '" + line + "' is not");
            }
            if (settings.put(name, line.substring(equals + 1).strip()) != null) {
                throw new IllegalArgumentException("Server setting " + name + " is given twice");
            }
        }
        if (settings.size() > MAX_SETTINGS) {
            throw new IllegalArgumentException("At most " + MAX_SETTINGS + " server settings, got " + settings.size());
        }
        return settings;
    }

    /** One setting per line, as stored and shown in the endpoint dialog. */
    public static String format(Map<String, String> settings) {
        StringBuilder text = new StringBuilder();
        settings.forEach((name, value) -> text.append(text.isEmpty() ? "" : "\n").append(name).append('=')
                .append(value));
        return text.toString();
    }
}
