package org.chimerabench.execution;

import java.util.List;
import java.util.Optional;
import org.chimerabench.stats.Race;
import org.chimerabench.sweep.RacePlan;

/**
 * A race round by round, as the referee judged it (read from the stored calls and decisions).
 *
 * @param roundInProgress the round being run now; null when no trial is left to run
 * @param configurations  how many configurations the sweep has
 * @param racing          how many of them have not stopped yet
 * @param rounds          the complete rounds, first to last
 */
public record RaceHistory(RacePlan plan, Integer roundInProgress, int configurations, int racing,
                          List<Round> rounds) {

    /** After one complete round: the leader and each configuration that raced in it. */
    public record Round(int number, Long leaderId, List<Entry> entries) {

        public Optional<Entry> of(long configurationId) {
            return entries.stream().filter(e -> e.configurationId() == configurationId).findFirst();
        }

        /** How many configurations raced in this round. */
        public int raced() {
            return entries.size();
        }
    }

    /**
     * One configuration after a round: its repetitions and mean so far (null before any value), the half-width of
     * its mean's confidence interval in the objective's unit and as the target measures it (% of the mean, or
     * points), and the stop it got in this round (null: it raced on).
     */
    public record Entry(long configurationId, int repetitions, Double mean, Double halfWidth,
                        Double halfWidthAsJudged, Race.Stop stop) {

        public boolean eliminated() {
            return stop == Race.Stop.ELIMINATED;
        }
    }

    public Optional<Round> lastRound() {
        return rounds.isEmpty() ? Optional.empty() : Optional.of(rounds.get(rounds.size() - 1));
    }
}
