package org.chimerabench.ollama;

/** Ollama's model names: a name given without a tag means {@code :latest} ({@code llama3} = {@code llama3:latest}). */
public final class ModelNames {

    private ModelNames() {
    }

    /** Whether the name a server lists is the model asked for. */
    public static boolean same(String listed, String asked) {
        return listed.equals(asked) || listed.equals(asked + ":latest");
    }
}
