package org.chimerabench.base.ui;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the few {@code feature/ui} components that another feature's page embeds (the live monitor on the
 * results page, the Δ chart in the printable report). They are public on purpose; everything else in a
 * {@code ui} package stays package-private (ArchitectureTest).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SharedComponent {
}
