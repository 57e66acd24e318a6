package org.chimerabench.ollama;

/** An installed model ({@code /api/tags}) or the details of one ({@code /api/show} + its tags entry). */
public record ModelInfo(String name, long sizeBytes, String digest, String family, String parameterSize,
                        String quantization, Integer blockCount, Integer contextLength) {
}
