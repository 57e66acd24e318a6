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
            CronExpression.parse(sixFields(cron));
            return null;
        } catch (IllegalArgumentException wrong) {
            return "Not a cron schedule (minute hour day month weekday, e.g. \"0 3 * * *\"): " + wrong.getMessage();
        }
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
