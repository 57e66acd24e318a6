package org.chimerabench.notify;

import java.util.EnumSet;
import java.util.Set;

/** What the team can be told; the names are the REST API's ({@code events} of a hook or a subscription). */
public enum NoticeKind {
    /** A watch's check found a regression (docs/architecture.md §4.4). */
    REGRESSION("A watched setting regressed"),
    /** A watch's check could not measure. */
    CHECK_FAILED("A watch's check failed"),
    /** A sweep the subscriber started finished, failed or was cancelled (subscriptions only). */
    MY_SWEEP_ENDED("A sweep I started ended"),
    /** A tuning the subscriber asked for finished or failed (subscriptions only). */
    MY_TUNING_ENDED("A tuning I asked for ended");

    /** The kinds a hook may carry: the team's, not one person's. */
    public static final Set<NoticeKind> FOR_HOOKS = EnumSet.of(REGRESSION, CHECK_FAILED);

    private final String label;

    NoticeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether only the person who started the work is told. */
    public boolean personal() {
        return this == MY_SWEEP_ENDED || this == MY_TUNING_ENDED;
    }
}
