package org.chimerabench.base.startup;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Where an H2 file URL keeps its files, and the settings in it (the part after the first ';'). */
public record H2Location(Path database, String settings) {

    /** The location of an H2 file URL ({@code jdbc:h2:file:./data/x}, {@code jdbc:h2:~/x}, …); empty for others. */
    public static Optional<H2Location> of(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String rest = url.substring("jdbc:h2:".length());
        int semicolon = rest.indexOf(';');
        String name = semicolon < 0 ? rest : rest.substring(0, semicolon);
        String settings = semicolon < 0 ? "" : rest.substring(semicolon + 1);
        if (name.regionMatches(true, 0, "file:", 0, 5)) {
            name = name.substring(5);
        } else if (name.matches("(?i)[a-z]+:.*") && !name.matches("(?i)[a-z]:[\\\\/].*")) {
            return Optional.empty(); // mem:, tcp://, ssl://, zip:, nio…: not a plain file this process writes
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(new H2Location(Path.of(name).toAbsolutePath().normalize(), settings));
    }

    /** The folder the database files are in. */
    public Path folder() {
        return database.getParent();
    }

    /** The value a setting has in the URL ({@code AUTO_SERVER} → "TRUE"), case-insensitive; empty when unset. */
    public Optional<String> setting(String key) {
        for (String pair : settings.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).trim().equalsIgnoreCase(key)) {
                return Optional.of(pair.substring(equals + 1).trim());
            }
        }
        return Optional.empty();
    }
}
