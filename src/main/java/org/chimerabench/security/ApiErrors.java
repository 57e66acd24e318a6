package org.chimerabench.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.chimerabench.base.ApiProblem;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/** The REST API's 401, 403 and 429 answers, in its one JSON error shape ({@link ApiProblem}). */
@Component
class ApiErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof LockedException) {
            response.setHeader("Retry-After", "60");
            write(request, response, 429, "Too many failed logins for this user or from this address; wait a minute");
            return;
        }
        if (!fromABrowser(request)) { // a browser gets no Basic prompt: credentials it cached would ride along with
            // any site's forms (issue 25); people log in on /login, scripts send Basic or a token without a prompt
            response.setHeader("WWW-Authenticate", "Basic realm=\"Chimera Bench\", charset=\"UTF-8\"");
        }
        write(request, response, 401, "Log in first: HTTP Basic with your user name and password, or"
                + " Authorization: Bearer <API token>");
    }

    /** Browsers send Sec-Fetch-Mode (all current ones) or ask for HTML; scripts in a page say X-Requested-With. */
    static boolean fromABrowser(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return "XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
                || request.getHeader("Sec-Fetch-Mode") != null
                || (accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/html"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException) {
            write(request, response, 403, "A state-changing request signed in by the browser session alone is refused;"
                    + " send HTTP Basic or an API token");
            return;
        }
        write(request, response, 403, "Your role may not do this: " + request.getMethod() + " " + request.getRequestURI());
    }

    /** The API's one error shape ({@link ApiProblem}), written straight to the response. */
    static void write(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        ApiProblem body = ApiProblem.of(status, message, null, request == null ? null : request.getRequestURI());
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        JSON.writeValue(response.getOutputStream(), body);
    }
}
