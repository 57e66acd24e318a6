package org.chimerabench.ollama;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import java.io.IOException;

/**
 * What the client needs from one streamed line, read straight from its bytes by Jackson's non-blocking parser — no
 * String of the line, no tree, no parser per line: a reply has hundreds of these lines, read on the HTTP client's
 * thread while other streams wait. Only the final line ({@code done:true}, with the metrics) is read as a tree.
 *
 * @param response the answer text of this line ({@code response}, or {@code message.content} in a chat)
 * @param thinking the thinking text ({@code thinking}, or {@code message.thinking})
 * @param error    the server's {@code error} text, or null
 * @param model    the {@code model} field, or null
 */
record NdjsonLine(String response, String thinking, boolean done, String error, String model) {

    /** A blank line, or one whose JSON value is not an object. */
    static final NdjsonLine NO_TEXT = new NdjsonLine("", "", false, null, null);

    /** The two shapes of a streamed reply. */
    enum Shape { GENERATE, CHAT }

    boolean hasText() {
        return !response.isEmpty() || !thinking.isEmpty();
    }

    /**
     * Reads the lines of one stream with one non-blocking Jackson parser, fed a line at a time: no parser, context
     * or symbol table is built per line.
     */
    static final class Reader {
        private final JsonParser parser;
        private final ByteArrayFeeder feeder;
        private final Shape shape;

        Reader(JsonFactory json, Shape shape) throws IOException {
            this.parser = json.createNonBlockingByteArrayParser();
            this.feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
            this.shape = shape;
        }

        /**
         * Reads one complete line: {@code bytes[0, length)} ends with its line break. A JSON object gives its
         * fields; any other JSON value is a line without text.
         *
         * @throws IOException when the line is not JSON, or ends before its value does (the stream cannot go on)
         */
        NdjsonLine read(byte[] bytes, int length) throws IOException {
            feeder.feedInput(bytes, 0, length);
            JsonToken root = parser.nextToken();
            if (root == JsonToken.NOT_AVAILABLE) { // a blank line
                return NO_TEXT;
            }
            NdjsonLine line = root == JsonToken.START_OBJECT ? object() : scalarOrArray(root);
            while (parser.nextToken() != JsonToken.NOT_AVAILABLE) { // the rest of the line: whitespace
                parser.skipChildren();
            }
            return line;
        }

        private NdjsonLine scalarOrArray(JsonToken root) throws IOException {
            if (root.isStructStart()) {
                parser.skipChildren();
            }
            return NO_TEXT;
        }

        private NdjsonLine object() throws IOException {
            String response = "";
            String thinking = "";
            boolean done = false;
            String error = null;
            String model = null;
            for (JsonToken token = next(); token != JsonToken.END_OBJECT; token = next()) {
                String field = parser.currentName();
                JsonToken value = next();
                switch (field) {
                    case "response" -> response = shape == Shape.GENERATE ? text(parser, value) : skip(parser);
                    case "thinking" -> thinking = shape == Shape.GENERATE ? text(parser, value) : skip(parser);
                    case "message" -> {
                        if (shape == Shape.CHAT && value == JsonToken.START_OBJECT) {
                            String[] message = message();
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
            return new NdjsonLine(response, thinking, done, error, model);
        }

        /** {@code message.content} and {@code message.thinking}; the parser is on the object's start. */
        private String[] message() throws IOException {
            String[] texts = {"", ""};
            for (JsonToken token = next(); token != JsonToken.END_OBJECT; token = next()) {
                String field = parser.currentName();
                JsonToken value = next();
                switch (field) {
                    case "content" -> texts[0] = text(parser, value);
                    case "thinking" -> texts[1] = text(parser, value);
                    default -> parser.skipChildren();
                }
            }
            return texts;
        }

        /** The next token; the whole line has been fed, so running out of input means the line was cut short. */
        private JsonToken next() throws IOException {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.NOT_AVAILABLE || token == null) {
                throw new JsonParseException(parser, "the line ends before its JSON value does");
            }
            return token;
        }
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
