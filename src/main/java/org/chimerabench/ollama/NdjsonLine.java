package org.chimerabench.ollama;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * What the client needs from one streamed line, read straight from its bytes with Jackson's streaming parser — no
 * String of the line and no tree: a reply has hundreds of these lines, read on the HTTP client's thread while
 * other streams wait. Only the final line ({@code done:true}, with the metrics) is read as a tree.
 *
 * @param response the answer text of this line ({@code response}, or {@code message.content} in a chat)
 * @param thinking the thinking text ({@code thinking}, or {@code message.thinking})
 * @param error    the server's {@code error} text, or null
 * @param model    the {@code model} field, or null
 */
record NdjsonLine(String response, String thinking, boolean done, String error, String model) {

    /** The two shapes of a streamed reply. */
    enum Shape { GENERATE, CHAT }

    boolean hasText() {
        return !response.isEmpty() || !thinking.isEmpty();
    }

    /**
     * Reads one line (a JSON object; anything else counts as a line without text).
     *
     * @throws IOException when the line is not JSON
     */
    static NdjsonLine parse(JsonFactory json, byte[] bytes, int length, Shape shape) throws IOException {
        String response = "";
        String thinking = "";
        boolean done = false;
        String error = null;
        String model = null;
        try (JsonParser parser = json.createParser(bytes, 0, length)) {
            JsonToken root = parser.nextToken();
            if (root != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return new NdjsonLine("", "", false, null, null);
            }
            for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "response" -> response = shape == Shape.GENERATE ? text(parser, value) : skip(parser);
                    case "thinking" -> thinking = shape == Shape.GENERATE ? text(parser, value) : skip(parser);
                    case "message" -> {
                        if (shape == Shape.CHAT && value == JsonToken.START_OBJECT) {
                            String[] message = message(parser);
                            response = message[0];
                            thinking = message[1];
                        } else {
                            parser.skipChildren();
                        }
                    }
                    case "done" -> done = truthy(parser, value);
                    case "error" -> error = value == JsonToken.VALUE_NULL ? null : text(parser, value);
                    case "model" -> model = value == JsonToken.VALUE_STRING ? parser.getText() : skip(parser);
                    default -> parser.skipChildren();
                }
            }
        }
        return new NdjsonLine(response, thinking, done, error, model);
    }

    /** {@code message.content} and {@code message.thinking}; the parser is on the object's start. */
    private static String[] message(JsonParser parser) throws IOException {
        String[] texts = {"", ""};
        for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
            JsonToken value = parser.nextToken();
            switch (field) {
                case "content" -> texts[0] = text(parser, value);
                case "thinking" -> texts[1] = text(parser, value);
                default -> parser.skipChildren();
            }
        }
        return texts;
    }

    /** A scalar's text ("" for null, objects and arrays — as {@code JsonNode.asText("")} reads them). */
    private static String text(JsonParser parser, JsonToken value) throws IOException {
        if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
            return parser.getText();
        }
        parser.skipChildren();
        return "";
    }

    private static String skip(JsonParser parser) throws IOException {
        parser.skipChildren();
        return "";
    }

    /** {@code JsonNode.asBoolean(false)}: true, a non-zero number, or the string "true". */
    private static boolean truthy(JsonParser parser, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_TRUE -> true;
            case VALUE_NUMBER_INT -> parser.getLongValue() != 0;
            case VALUE_STRING -> "true".equals(parser.getText().trim());
            default -> {
                parser.skipChildren();
                yield false;
            }
        };
    }
}
