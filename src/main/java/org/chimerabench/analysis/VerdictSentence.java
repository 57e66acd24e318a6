package org.chimerabench.analysis;

import org.chimerabench.base.Numbers;

/** Puts a {@link Verdict} into words, with digits suited to each metric's uncertainty. */
final class VerdictSentence {

    /** How one metric is spoken of. */
    record Words(String metric, String adjective, String up, String down, String countedUp,
                         String countedDown) {
    }

    static final Words THROUGHPUT = new Words("throughput", "throughput", "higher", "lower",
            "were faster", "were slower");
    static final Words TTFT = new Words("first token", "first-token", "sooner", "later",
            "reached the first token sooner", "reached the first token later");

    private VerdictSentence() {
    }

    static String of(MetricVerdict throughput, MetricVerdict ttft) {
        if (throughput.configurations() == 0) {
            return "No configuration has been measured in both arms yet.";
        }
        String ttftPart = ttft.configurations() == 0 ? "first token not measured" : describe(ttft, TTFT);
        return "Tuned options: " + describe(throughput, THROUGHPUT) + "; " + ttftPart;
    }

    static String describe(MetricVerdict v, Words w) {
        if (v.ci95Low() == null) {
            return w.adjective() + " effect not testable (" + v.configurations()
                    + (v.configurations() == 1 ? " configuration" : " configurations, all equal") + ")";
        }
        Double uncertainty = v.halfWidth();
        String text = switch (v.outcome()) {
            case BETTER -> w.metric() + " " + Numbers.magnitudePct(v.meanPct(), uncertainty) + " " + w.up()
                    + " (" + Numbers.pEquals("p", v.pValue()) + ")";
            case WORSE -> w.metric() + " " + Numbers.magnitudePct(v.meanPct(), uncertainty) + " " + w.down()
                    + " (" + Numbers.pEquals("p", v.pValue()) + ")";
            case EQUIVALENT -> "no practical " + w.adjective() + " difference ("
                    + Numbers.signedPctWithin(v.meanPct(), uncertainty) + ", within ±"
                    + Numbers.plain(v.marginPct()) + " %)";
            case INCONCLUSIVE -> w.adjective() + " effect unclear (" + Numbers.signedPctWithin(v.meanPct(), uncertainty)
                    + ", 95 % CI " + interval(v) + ")";
            case INVALID -> "measurement invalid"; // a whole sweep's outcome, never one metric's
        };
        if ((v.outcome() == Outcome.EQUIVALENT || v.outcome() == Outcome.INCONCLUSIVE) && v.signTestSignificant()) {
            boolean mostlyUp = v.improved() * 2 > v.configurations();
            int count = mostlyUp ? v.improved() : v.configurations() - v.improved();
            text += ", though " + count + " of " + v.configurations() + " configurations "
                    + (mostlyUp ? w.countedUp() : w.countedDown()) + " (" + Numbers.pEquals("sign test p", v.signTestP())
                    + ")";
        }
        return text;
    }

    /** "−0.02 to +0.29 %", both ends with the digits of the interval's half-width. */
    static String interval(MetricVerdict v) {
        int decimals = Numbers.decimalsFor(v.halfWidth());
        return Numbers.interval(v.ci95Low(), v.ci95High(), decimals) + " %";
    }
}
