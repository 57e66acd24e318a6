/**
 * The measuring instrument: a plain-Java Ollama client (JDK HttpClient on HTTP/1.1 + Jackson; no Spring, JPA or
 * Vaadin — ArchitectureTest). {@link org.chimerabench.ollama.OllamaClient#generate} streams {@code /api/generate}
 * and returns a {@link org.chimerabench.ollama.StreamedCall} with every measurement of docs/architecture.md §5; the
 * lookups read {@code /api/tags}, {@code /api/ps}, {@code /api/show} and {@code /api/version}. Wire behaviour
 * follows docs/ollama-api.md.
 */
package org.chimerabench.ollama;
