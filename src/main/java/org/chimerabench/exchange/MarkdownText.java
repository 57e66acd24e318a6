package org.chimerabench.exchange;

import java.util.Locale;
import java.util.Set;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * Text from users, files and servers inside the Markdown reports (docs/architecture.md §9): shown as text, never as
 * Markdown — a sweep named {@code Q3 [raw data](javascript:alert(1))} stays those characters — and, as a second
 * guard, links rendered to HTML only to http, https and mailto addresses.
 */
final class MarkdownText {

    private MarkdownText() {
    }

    /** The text with every character Markdown could read as markup escaped (inline: links, emphasis, code, HTML). */
    static String text(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') { // one line: a line break would end a heading, a table row or a list item
                escaped.append(' ');
                continue;
            }
            if ("\\`*_[]<>!#|".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** Links to http, https and mailto only; anything else (javascript:, data:, vbscript:, file:) becomes "#". */
    static final UrlSanitizer SAFE_LINKS = new UrlSanitizer() {
        private static final Set<String> LINKS = Set.of("http", "https", "mailto");
        private static final Set<String> IMAGES = Set.of("http", "https");

        @Override
        public String sanitizeLinkUrl(String url) {
            return allowed(url, LINKS) ? url : "#";
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return allowed(url, IMAGES) ? url : "";
        }
    };

    /** A scheme from the allowed set, or none at all (a relative link); control characters and spaces stripped. */
    static boolean allowed(String url, Set<String> schemes) {
        String plain = url.replaceAll("[\\x00-\\x20\\x7f]", "").toLowerCase(Locale.ROOT);
        int colon = plain.indexOf(':');
        int slash = plain.indexOf('/');
        int question = plain.indexOf('?');
        int hash = plain.indexOf('#');
        boolean hasScheme = colon >= 0 && (slash < 0 || colon < slash) && (question < 0 || colon < question)
                && (hash < 0 || colon < hash);
        return !hasScheme || schemes.contains(plain.substring(0, colon));
    }
}
