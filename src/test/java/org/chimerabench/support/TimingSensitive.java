package org.chimerabench.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test whose assertions are about wall-clock time (arrivals within 5 ms, a measurement within 0.5 ms, updates a
 * second): Surefire runs these in a JVM of their own after the others, with no second test JVM beside it, so that
 * the timing they check is the app's and not the neighbour's (pom.xml, execution {@code timing-tests}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Tag("timing")
public @interface TimingSensitive {
}
