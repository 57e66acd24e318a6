package org.chimerabench.base;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The one error body of the REST API (every 4xx and 5xx under {@code /api/**}): {@code status}, {@code error} (the
 * status' name, e.g. "Bad Request"), {@code message} (what went wrong and what to do, naming the field or parameter
 * and the rule), {@code fields} (one message per wrong field, when the request had fields) and {@code path}. Not RFC
 * 9457 problem details: the same information with the field names this API used from the start. Never a Java class
 * name, a stack trace, SQL or HTML.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiProblem(int status, String error, String message, Map<String, String> fields, String path) {

    public static ApiProblem of(int status, String message, Map<String, String> fields, String path) {
        HttpStatus known = HttpStatus.resolve(status);
        return new ApiProblem(status, known == null ? "Error " + status : known.getReasonPhrase(), message,
                fields == null || fields.isEmpty() ? null : Collections.unmodifiableMap(new LinkedHashMap<>(fields)),
                path);
    }
}
