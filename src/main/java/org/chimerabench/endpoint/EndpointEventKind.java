package org.chimerabench.endpoint;

/** What changed on an endpoint; the names are the REST API's ({@code kind}). */
public enum EndpointEventKind {
    /** Ollama's version ({@code /api/version}). */
    VERSION("Ollama version"),
    /** A model's digest ({@code /api/tags}): the model was pulled again or replaced. */
    DIGEST("model digest"),
    /** The server settings an admin recorded for the endpoint. */
    SETTINGS("server settings"),
    /** The loaded model's share in GPU memory ({@code /api/ps}). */
    PLACEMENT("GPU placement");

    private final String label;

    EndpointEventKind(String label) {
        this.label = label;
    }

    /** In words, for pages, reports and messages. */
    public String label() {
        return label;
    }

    /** Whether the change can make the same options run differently (a re-check is due): version and digest. */
    public boolean triggersRecheck() {
        return this == VERSION || this == DIGEST;
    }
}
