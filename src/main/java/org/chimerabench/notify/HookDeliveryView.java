package org.chimerabench.notify;

import java.time.OffsetDateTime;

/** One delivery of a hook, for its delivery log: {@code status} PENDING, DELIVERED or GAVE_UP. */
public record HookDeliveryView(long id, NoticeKind event, String status, int attempts, Integer lastStatusCode,
                               String lastError, OffsetDateTime createdAt, OffsetDateTime nextAttemptAt,
                               OffsetDateTime deliveredAt) {

    static HookDeliveryView of(HookDelivery d) {
        return new HookDeliveryView(d.getId(), d.getEvent(), d.getStatus().name(), d.getAttempts(),
                d.getLastStatusCode(), d.getLastError(), d.getCreatedAt(), d.getNextAttemptAt(), d.getDeliveredAt());
    }

    /** The state in words, for the delivery log. */
    public String statusText() {
        return switch (status) {
            case "DELIVERED" -> "delivered";
            case "GAVE_UP" -> "given up after " + attempts + " attempts";
            default -> attempts == 0 ? "waiting" : "retrying (" + attempts + " failed)";
        };
    }
}
