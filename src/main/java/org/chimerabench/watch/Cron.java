package org.chimerabench.watch;

import java.time.ZonedDateTime;
import org.springframework.scheduling.support.CronExpression;

/**
 * A watch's schedule: a cron expression of 5 fields (minute hour day month weekday, as crontab: {@code 0 3 * * *} =
 * every day at 03:00) or 6 (seconds first, as Spring), in the server's time zone.
 */
final class Cron {

    static final String DEFAULT = "0 3 * * *";

    private Cron() {
    }

    /** The problem in words, or null when the expression is fine. */
    static String problem(String cron) {
        if (cron == null || cron.isBlank()) {
            return "A schedule is required, e.g. \"0 3 * * *\" (every day at 03:00)";
        }
        if (cron.length() > 100) {
            return "The schedule has " + cron.length() + " characters; at most 100";
        }
        try {
            CronExpression expression = CronExpression.parse(sixFields(cron));
            ZonedDateTime first = expression.next(ZonedDateTime.now());
            ZonedDateTime second = first == null ? null : expression.next(first);
            if (second == null) {
                return "The schedule \"" + cron + "\" never comes round (e.g. the 30th of February)";
            }
            return null;
        } catch (IllegalArgumentException wrong) {
            return "Not a cron schedule (minute hour day month weekday, e.g. \"0 3 * * *\"): " + wrong.getMessage();
        }
    }

    /** The shortest gap between two of its times, over its next 50 (a schedule must leave the endpoint time). */
    static java.time.Duration shortestGap(String cron) {
        CronExpression expression = CronExpression.parse(sixFields(cron));
        ZonedDateTime at = expression.next(ZonedDateTime.now());
        java.time.Duration shortest = java.time.Duration.ofDays(3650);
        for (int i = 0; i < 50 && at != null; i++) {
            ZonedDateTime next = expression.next(at);
            if (next != null && java.time.Duration.between(at, next).compareTo(shortest) < 0) {
                shortest = java.time.Duration.between(at, next);
            }
            at = next;
        }
        return shortest;
    }

    /** The next time after {@code after}. */
    static ZonedDateTime next(String cron, ZonedDateTime after) {
        return CronExpression.parse(sixFields(cron)).next(after);
    }

    private static String sixFields(String cron) {
        String trimmed = cron.strip();
        return trimmed.split("\\s+").length == 5 ? "0 " + trimmed : trimmed;
    }
}
