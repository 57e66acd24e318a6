package org.chimerabench.execution.ui;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.chimerabench.base.Numbers;
import org.chimerabench.base.OptionsJson;
import org.chimerabench.execution.LiveSnapshot;

/**
 * The live monitor's words for a race: the round, the racing set shrinking round by round, and the leader with its
 * confidence interval narrowing — e.g. "Round 4 of at most 10 · 5 of 12 configurations still racing (12 → 12 → 9
 * by round)" and "Leader num_ctx=2048: 132.4 tok/s, CI ± 0.8 % (± 3.1 % → ± 1.9 % → ± 0.8 %)".
 */
final class RaceProgressText {

    /** How many rounds the trails show (the last ones). */
    static final int TRAIL = 8;

    private RaceProgressText() {
    }

    static String rounds(LiveSnapshot.RaceProgress race) {
        String round = race.roundInProgress() == null ? "Last round done"
                : "Round " + race.roundInProgress() + " of at most " + race.maxRounds();
        String trail = race.racedPerRound().size() < 2 ? ""
                : " (" + String.join(" → ", last(race.racedPerRound()).stream().map(String::valueOf).toList())
                        + " by round)";
        return round + " · " + race.racing() + " of " + race.configurations() + " configurations still racing"
                + trail;
    }

    /** Null before the first complete round. */
    static String leader(LiveSnapshot.RaceProgress race) {
        if (race.leaderOptions() == null || race.leaderMean() == null) {
            return null;
        }
        List<String> widths = last(race.leaderHalfWidthPerRound()).stream().filter(Objects::nonNull)
                .map(w -> halfWidth(w, race.objective().relativeTarget())).toList();
        String now = widths.isEmpty() ? "" : ", CI " + widths.get(widths.size() - 1);
        String trail = widths.size() < 2 ? "" : " (" + String.join(" → ", widths) + ")";
        return "Leader " + OptionsJson.describeOrNone(race.leaderOptions()) + ": " + mean(race) + now + trail;
    }

    private static String mean(LiveSnapshot.RaceProgress race) {
        double mean = race.leaderMean();
        return switch (race.objective()) {
            case THROUGHPUT_DELTA_PCT -> "throughput Δ " + String.format(Locale.ROOT, "%+.2f %%", mean)
                    .replace('-', '−');
            case CHIMERA_DECODE_TOK_PER_SEC -> Numbers.number(mean, 1) + " tok/s";
            case TTFT_MS -> Numbers.number(mean, 0) + " ms";
        };
    }

    private static String halfWidth(double width, boolean relative) {
        String number = Numbers.number(width, width < 0.1 ? 2 : 1);
        return "± " + number + (relative ? " %" : " points");
    }

    private static <T> List<T> last(List<T> values) {
        return values.subList(Math.max(0, values.size() - TRAIL), values.size());
    }
}
