package org.chimerabench.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Any {@code /api/…} path no controller serves: a JSON 404 (without it, the request would fall through to the
 * Vaadin servlet, which answers every path with the app's HTML page and 200).
 */
@RestController
class UnknownApiPathController {

    @RequestMapping("/api/**")
    void unknown(HttpServletRequest request) {
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no API path " + request.getMethod() + " "
                + request.getRequestURI() + "; the API is described at /v3/api-docs");
    }
}
