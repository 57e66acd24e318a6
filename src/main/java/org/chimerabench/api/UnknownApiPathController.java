package org.chimerabench.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.TreeSet;
import org.chimerabench.base.ApiProblem;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Any {@code /api/…} path no controller serves: a JSON 404 (without it, the request would fall through to the
 * Vaadin servlet, which answers every path with the app's HTML page and 200).
 */
@RestController
class UnknownApiPathController {

    private final RequestMappingHandlerMapping mappings;

    UnknownApiPathController(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    /** 405 with the allowed methods when the path exists for other methods, else 404. */
    @RequestMapping("/api/**")
    ResponseEntity<ApiProblem> unknown(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        PathContainer container = PathContainer.parsePath(path);
        Set<String> allowed = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType() == UnknownApiPathController.class || info.getPathPatternsCondition() == null) {
                return;
            }
            boolean matches = info.getPathPatternsCondition().getPatterns().stream()
                    .anyMatch(pattern -> pattern.matches(container));
            if (matches) {
                info.getMethodsCondition().getMethods().forEach(m -> allowed.add(m.name()));
            }
        });
        if (!allowed.isEmpty()) {
            return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).allow(allowed.stream()
                            .map(HttpMethod::valueOf).toArray(HttpMethod[]::new))
                    .body(ApiProblem.of(405, request.getMethod() + " is not allowed on " + request.getRequestURI()
                            + "; allowed: " + String.join(", ", allowed), null, request.getRequestURI()));
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no API path " + request.getMethod() + " "
                + request.getRequestURI() + "; the API is described at /v3/api-docs");
    }
}
