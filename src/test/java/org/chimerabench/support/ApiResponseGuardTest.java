package org.chimerabench.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The suite-wide guard itself: it notices HTML and Java class names in API bodies, and nothing else. */
class ApiResponseGuardTest {

    @AfterEach
    void clear() {
        ApiResponseGuard.drain();
    }

    @Test
    void noticesJavaClassNamesAndHtml() throws Exception {
        answer("/api/sweeps", "application/json", "{\"error\":\"(class java.lang.Integer) not accepted\"}");
        answer("/api/sweeps", "application/json", "{\"message\":\"SweepController$Created\"}");
        answer("/api/sweeps", "application/json", "{\"message\":\"NullPointerException at line 3\"}");
        answer("/api/imports", "text/html", "<!doctype html><html></html>");
        assertThat(ApiResponseGuard.drain()).hasSize(4);
    }

    @Test
    void letsCleanAnswersAndOtherPathsPass() throws Exception {
        answer("/api/sweeps", "application/json", "{\"status\":500,\"error\":\"Internal Server Error\","
                + "\"message\":\"Something went wrong\"}");
        answer("/api/sweeps/1/calls", "text/csv", "id,endpoint\n1,gpu-1\n");
        answer("/login", "text/html", "<!doctype html><html></html>");
        assertThat(ApiResponseGuard.drain()).isEmpty();
    }

    private static void answer(String path, String type, String body) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRequestURI(path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new ApiResponseGuard().doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req, HttpServletResponse res)
                    throws java.io.IOException {
                res.setContentType(type);
                res.getWriter().write(body);
            }
        }));
    }
}
