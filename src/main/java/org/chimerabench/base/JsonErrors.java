package org.chimerabench.base;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Says in words where a JSON body went wrong and why, without Java class names or parser internals. Public in
 * {@code base}: the API's error handler and the controllers that read a body themselves (a sweep definition) use it.
 */
public final class JsonErrors {

    /** {@code field} is the JSON path ("workload.type", "axes.num_ctx.3"), empty for the body as a whole. */
    public record Problem(String field, String message) {
    }

    private JsonErrors() {
    }

    public static Problem describe(Throwable cause) {
        String field = cause instanceof JsonMappingException mapping ? path(mapping) : "";
        String message;
        if (cause instanceof UnrecognizedPropertyException unknown) {
            Collection<Object> known = unknown.getKnownPropertyIds();
            message = "Unknown field '" + field + "'" + (known == null || known.isEmpty() ? ""
                    : "; known here: " + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
        } else if (cause instanceof InvalidFormatException format) {
            message = "Wrong value for '" + field + "': expected " + expected(format.getTargetType()) + ", got '"
                    + shorten(String.valueOf(format.getValue())) + "'";
        } else if (cause instanceof ValueInstantiationException instantiation) {
            Throwable root = instantiation.getCause() == null ? instantiation : instantiation.getCause();
            message = "Wrong value" + (field.isEmpty() ? "" : " for '" + field + "'") + ": "
                    + (root.getMessage() == null ? "not accepted" : root.getMessage());
        } else if (cause instanceof MismatchedInputException mismatch) {
            String original = String.valueOf(mismatch.getOriginalMessage());
            if (original.startsWith("Trailing token")) {
                message = "The body has more content after its JSON value; send exactly one JSON value";
            } else if (original.startsWith("No content to map")) {
                message = "The body is empty; send a JSON object";
            } else {
                message = "Wrong type" + (field.isEmpty() ? " of the body" : " for '" + field + "'") + ": expected "
                        + expected(mismatch.getTargetType());
            }
        } else if (cause instanceof StreamConstraintsException constraint) {
            message = "The JSON is too large or nested too deeply: " + firstLine(constraint.getOriginalMessage())
                    .replaceAll("\\s*\\(.*\\)", "").strip();
        } else if (cause instanceof JsonProcessingException parse) {
            message = "The body is not valid JSON: " + firstLine(parse.getOriginalMessage());
        } else {
            message = "The body could not be read as JSON";
        }
        return new Problem(field, clean(message));
    }

    /** The problem as one field message, keyed "definition" when it concerns the body as a whole. */
    public static Map<String, String> asFields(Problem problem, String wholeBody) {
        return Map.of(problem.field().isEmpty() ? wholeBody : problem.field(), problem.message());
    }

    /** "workload.type", "axes.num_ctx.3" */
    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                : String.valueOf(r.getIndex())).collect(Collectors.joining("."));
    }

    /** What a Java type means to a person writing JSON. */
    public static String expected(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        return "an object";
    }

    /** Removes anything that looks like a Java class name or a parser location from a message. */
    private static String clean(String message) {
        return message.replaceAll("\\(class [\\w.$]+\\)", "")
                .replaceAll("`?\\b(?:java|javax|jakarta|com|org)\\.[\\w.$]+`?", "a value")
                .replaceAll("\\s*at \\[Source:.*", "")
                .replaceAll("\\s+", " ").strip();
    }

    public static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
