/**
 * Tuning (issue 27): "find the best options for this model on this server". So far the proposal of the search space
 * ({@link org.chimerabench.tune.SearchSpace}) from the model's facts and one probe load at Ollama's defaults
 * ({@link org.chimerabench.tune.ModelProbe}); the staged search, its REST paths and its view come next
 * (docs/architecture.md §4.3).
 */
package org.chimerabench.tune;
