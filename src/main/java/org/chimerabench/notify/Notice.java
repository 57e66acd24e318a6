package org.chimerabench.notify;

import java.util.Map;
import java.util.Objects;

/**
 * One message to the team: a subject line, the text, the app path it is about ({@code /watches/3}), the user it
 * concerns (for the personal kinds: who started the work; else null) and the figures a machine reads
 * ({@code data}, the JSON hook body's {@code data}).
 */
public record Notice(NoticeKind kind, String subject, String text, String path, String owner,
                     Map<String, Object> data) {

    public Notice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        text = text == null ? "" : text;
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
