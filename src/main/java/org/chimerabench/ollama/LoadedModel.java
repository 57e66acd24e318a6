package org.chimerabench.ollama;

import java.time.OffsetDateTime;

/** A model resident in memory ({@code /api/ps}): total size and the part in GPU memory. */
public record LoadedModel(String name, String model, long sizeBytes, long sizeVramBytes, String digest,
                          OffsetDateTime expiresAt, Integer contextLength) {

    /** Whether this is the model asked for (by its listed name, tag implied, or its model field). */
    public boolean is(String asked) {
        return ModelNames.same(name, asked) || asked.equals(model);
    }

    /** size_vram / size × 100, or null when size is 0. */
    public Double gpuOffloadPct() {
        return sizeBytes == 0 ? null : sizeVramBytes * 100.0 / sizeBytes;
    }
}
