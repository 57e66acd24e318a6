package org.chimerabench.watch.ui;

import java.util.Map;
import java.util.stream.Collectors;
import org.chimerabench.base.Numbers;
import org.chimerabench.watch.WatchReport;

/** How the watch pages say things: outcomes in words and colours, options, schedules, the noise. */
final class WatchTexts {

    private WatchTexts() {
    }

    static String colour(String outcome) {
        if (outcome == null) {
            return "inherit";
        }
        return switch (outcome) {
            case "REGRESSED", "FAILED" -> "var(--lumo-error-text-color)";
            case "IMPROVED" -> "var(--lumo-success-text-color)";
            default -> "inherit";
        };
    }

    static String outcome(String outcome) {
        if (outcome == null) {
            return "not checked yet";
        }
        return switch (outcome) {
            case "UNCHANGED" -> "unchanged";
            case "REGRESSED" -> "regressed";
            case "IMPROVED" -> "improved";
            case "INCONCLUSIVE" -> "inconclusive";
            default -> "failed";
        };
    }

    static String options(Map<String, Object> options) {
        return options.isEmpty() ? "Ollama's defaults" : options.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" · "));
    }

    static String schedule(String cron) {
        return cron.equals("0 3 * * *") ? "daily at 03:00" : "on the schedule \"" + cron + "\"";
    }

    static String noise(WatchReport.Noise noise, double marginPct) {
        if (noise.aaChecks() == 0) {
            return "Noise not measured yet: no A/A check (Ollama's defaults against themselves) on this endpoint and"
                    + " model. Until then a check's interval is its own; the margin is ±" + Numbers.number(marginPct, 1)
                    + " %.";
        }
        return "The smallest change this endpoint can detect: about " + Numbers.number(noise.minimumDetectablePct(), 1)
                + " % (80 % power), from " + noise.aaChecks() + " A/A check" + (noise.aaChecks() == 1 ? "" : "s")
                + "; false alarms among them: " + noise.falseAlarms() + " (" + Numbers.number(noise.falseAlarmPct(), 0)
                + " %, measured). The margin is ±" + Numbers.number(marginPct, 1) + " %.";
    }

    static String check(WatchReport.Check c) {
        String when = Numbers.dateTime(c.at() != null ? c.at() : c.startedAt());
        String kind = c.kind().equals("AA") ? "A/A check" : "Check";
        if (c.status().equals("RUNNING")) {
            return kind + " running since " + Numbers.dateTime(c.startedAt()) + " (" + c.reason() + ").";
        }
        if ("FAILED".equals(c.outcome())) {
            return when + " · " + kind + " failed: " + c.error() + " (" + c.reason() + ").";
        }
        return when + " · " + kind + " " + outcome(c.outcome()) + ": " + Numbers.signedPct(c.deltaPct(), 1)
                + " decode tok/s (95 % CI " + Numbers.interval(c.ci95Low(), c.ci95High(), 1) + " %)"
                + (c.ttftDeltaPct() == null ? "" : ", time to first token " + Numbers.signedPct(c.ttftDeltaPct(), 1)
                + " (95 % CI " + Numbers.interval(c.ttftCi95Low(), c.ttftCi95High(), 1) + " %)")
                + (c.gainVsDefaultsPct() == null ? "" : ", " + Numbers.signedPct(c.gainVsDefaultsPct(), 1)
                + " against Ollama's defaults") + (c.gpuSharePct() == null ? "" : ", " + Numbers.number(
                c.gpuSharePct(), 0) + " % in GPU memory") + " (" + c.reason() + ")."
                + (c.cause() == null ? "" : " What changed before it: " + c.cause());
    }
}
