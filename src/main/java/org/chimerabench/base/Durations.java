package org.chimerabench.base;

import java.util.Locale;

/** Durations as people read them: {@code 45 s}, {@code 3 min 05 s}, {@code 2 h 10 min}. */
public final class Durations {

    private Durations() {
    }

    public static String human(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
