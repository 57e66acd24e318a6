package org.chimerabench.notify;

import java.time.OffsetDateTime;
import java.util.Set;

/** A hook as pages and the REST API show it: never its secret. */
public record HookView(long id, String url, Set<NoticeKind> events, boolean chat, String createdBy,
                       OffsetDateTime createdAt) {

    static HookView of(Hook hook) {
        return new HookView(hook.getId(), hook.getUrl(), hook.getEvents(), hook.isChat(), hook.getCreatedBy(),
                hook.getCreatedAt());
    }
}
