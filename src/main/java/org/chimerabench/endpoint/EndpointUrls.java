package org.chimerabench.endpoint;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks and normalises an endpoint base URL: http or https, a host, no query or fragment. */
public final class EndpointUrls {

    private EndpointUrls() {
    }

    /** The problem with the URL in words, or null when it is fine. */
    public static String problem(String url) {
        if (url == null || url.isBlank()) {
            return "Base URL is required, e.g. http://gpu-7:11434";
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return "Not a valid URL: " + e.getReason();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "The URL must start with http:// or https://";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "The URL needs a host, e.g. http://gpu-7:11434";
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            return "The URL must not have a query (?…) or fragment (#…)";
        }
        return null;
    }

    /** Trimmed, without a trailing slash. */
    public static String normalise(String url) {
        String trimmed = url.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
