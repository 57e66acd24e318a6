package org.chimerabench.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.chimerabench.base.ApiProblem;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat answers some requests before Spring sees them (an encoded {@code /} or a NUL in the path, a header it
 * cannot parse) with its own HTML error page. Under {@code /api/} the page is the API's JSON error shape instead.
 */
@Component
class ApiTomcatErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
            }
        });
    }

    /** Tomcat's error report valve, answering JSON for {@code /api/} paths. Public: Tomcat creates it. */
    public static class JsonErrorReportValve extends ErrorReportValve {

        private static final ObjectMapper JSON = new ObjectMapper();

        public JsonErrorReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            String uri = request.getRequestURI();
            int status = response.getStatus();
            if (uri == null || !uri.startsWith("/api/") || status < 400 || response.isCommitted()) {
                super.report(request, response, throwable);
                return;
            }
            try {
                String message = status == 400 ? "The request's path or headers are not allowed: an encoded '/',"
                        + " '\\\\' or NUL, or a header that cannot be read. Use plain path segments." : "The request"
                        + " could not be handled (HTTP " + status + ")";
                response.setContentType("application/json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(JSON.writeValueAsString(ApiProblem.of(status, message, null, uri)));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                super.report(request, response, throwable);
            }
        }
    }
}
