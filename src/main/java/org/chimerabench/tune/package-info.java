/**
 * Tuning (issue 27, docs/architecture.md §4.3): "find the best options for this model on this server". A probe
 * ({@link org.chimerabench.tune.ModelProbe}) and the proposed search space ({@link org.chimerabench.tune.SearchSpace}),
 * what loads ({@link org.chimerabench.tune.Feasibility}), the racing stages ({@link org.chimerabench.tune.StagePlanner})
 * run as sweeps by {@link org.chimerabench.tune.TuningRunner}, a confirmation against Ollama's defaults, and the answer
 * ({@link org.chimerabench.tune.TuningAnswer}); {@link org.chimerabench.tune.TuningService} is the API.
 */
package org.chimerabench.tune;
