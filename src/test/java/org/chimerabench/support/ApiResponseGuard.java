package org.chimerabench.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Watches every {@code /api/**} response of the test suite (MockMvc and the real server alike): an HTML body or a
 * Java class name in a body is recorded, and {@link ApiResponseGuardListener} fails the test that caused it.
 */
public class ApiResponseGuard extends OncePerRequestFilter {

    /** A Java class or package name, an inner-class reference, or an exception's simple name. */
    public static final Pattern JAVA_NAME = Pattern.compile("\\b(?:java|javax|jakarta|sun|com\\.fasterxml|org\\.springframework"
            + "|org\\.hibernate|org\\.h2|org\\.apache|org\\.chimerabench)\\.[a-z][\\w.]*"
            + "|\\b[A-Z]\\w*\\$[A-Z]\\w*|\\b[A-Z][a-z]\\w*(?:Exception|Error)\\b");

    private static final int SCANNED = 2 * 1024 * 1024;
    private static final Queue<String> VIOLATIONS = new ConcurrentLinkedQueue<>();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, wrapper);
        } finally {
            inspect(request, wrapper);
            wrapper.copyBodyToResponse();
        }
    }

    private static void inspect(HttpServletRequest request, ContentCachingResponseWrapper response) {
        byte[] body = response.getContentAsByteArray();
        String text = new String(body, 0, Math.min(body.length, SCANNED), StandardCharsets.UTF_8);
        String where = request.getMethod() + " " + request.getRequestURI() + " → " + response.getStatus();
        String type = response.getContentType() == null ? "" : response.getContentType();
        String start = text.stripLeading().toLowerCase();
        if (type.startsWith("text/html") || start.startsWith("<!doctype") || start.startsWith("<html")) {
            VIOLATIONS.add(where + ": an HTML body");
        }
        Matcher name = JAVA_NAME.matcher(text);
        if (name.find()) {
            int from = Math.max(0, name.start() - 60);
            VIOLATIONS.add(where + ": a Java class name '" + name.group() + "' in …"
                    + text.substring(from, Math.min(text.length(), name.end() + 40)) + "…");
        }
    }

    /** The violations recorded since the last call, cleared. */
    static List<String> drain() {
        List<String> found = new ArrayList<>();
        for (String violation; (violation = VIOLATIONS.poll()) != null; ) {
            found.add(violation);
        }
        return found;
    }
}
