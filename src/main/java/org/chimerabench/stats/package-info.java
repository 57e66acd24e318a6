/**
 * Plain-Java statistics used by the analysis (docs/architecture.md §6): descriptive summaries,
 * NumPy/R-type-7 quantiles, one-sample and Welch t-tests with t-based confidence intervals,
 * Cohen's d, Benjamini–Hochberg and Holm adjustments, the sign test, and the stopping rules of a race ({@link
 * org.chimerabench.stats.Race}). No Spring, JPA or Vaadin here (ArchitectureTest).
 * Distributions come from Apache Commons Math.
 */
package org.chimerabench.stats;
