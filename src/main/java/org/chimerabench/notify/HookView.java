package org.chimerabench.notify;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A hook as pages and the REST API show it: never its secret, and its URL masked (a chat service's hook URL is itself
 * a credential): scheme, host and port, and the path's last 4 characters.
 */
public record HookView(long id, String url, Set<NoticeKind> events, boolean chat, String createdBy,
                       OffsetDateTime createdAt) {

    static HookView of(Hook hook) {
        return new HookView(hook.getId(), masked(hook.getUrl()), hook.getEvents(), hook.isChat(), hook.getCreatedBy(),
                hook.getCreatedAt());
    }

    /** {@code https://hooks.example.com/…c0de}. */
    static String masked(String url) {
        java.net.URI uri = java.net.URI.create(url);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return uri.getScheme() + "://" + uri.getRawAuthority() + (path.length() <= 4 ? path : "/…"
                + path.substring(path.length() - 4));
    }
}
