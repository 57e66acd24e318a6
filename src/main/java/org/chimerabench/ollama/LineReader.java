package org.chimerabench.ollama;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads '\n'-terminated UTF-8 lines from a stream, refusing lines longer than a limit. */
final class LineReader {

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;
    private byte[] line = new byte[1024];

    LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line without its terminator, or null at end of stream (a last unterminated line is returned). */
    String next() throws IOException {
        int length = 0;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return length == 0 ? null : decode(length);
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int chunk = position - start;
            if (length + chunk > maxLineBytes) {
                throw new LineTooLongException(maxLineBytes);
            }
            if (length + chunk > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
            }
            System.arraycopy(buffer, start, line, length, chunk);
            length += chunk;
            if (position < limit) {
                position++; // the '\n'
                if (length > 0 && line[length - 1] == '\r') {
                    length--;
                }
                return decode(length);
            }
        }
    }

    private String decode(int length) {
        return new String(line, 0, length, StandardCharsets.UTF_8);
    }

    static final class LineTooLongException extends IOException {
        LineTooLongException(int maxLineBytes) {
            super("a line longer than " + maxLineBytes + " bytes");
        }
    }
}
