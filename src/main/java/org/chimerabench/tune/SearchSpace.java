package org.chimerabench.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.chimerabench.base.Numbers;

/**
 * The options a tuning searches and why: one axis per option worth trying, each with its values and one sentence a
 * person reads on the page. Proposed from the model's facts and Ollama's own placement at the defaults
 * ({@link ModelProbe}), so a user need not know which values of num_gpu, num_ctx, num_batch or num_thread matter.
 */
public record SearchSpace(List<Axis> axes, List<String> skipped) {

    /** One option, its values (ascending) and the reason they were chosen. */
    public record Axis(String option, List<Integer> values, String why) {

        public Axis {
            values = List.copyOf(values);
        }
    }

    public SearchSpace {
        axes = List.copyOf(axes);
        skipped = List.copyOf(skipped);
    }

    /** Thread counts tried for CPU layers: Ollama does not report the server's cores. */
    static final List<Integer> THREADS = List.of(4, 6, 8, 12, 16);

    /**
     * The proposal: num_gpu from below Ollama's fit up to every layer (only when the model does not fit whole),
     * num_ctx from the user's minimum upward in doublings while the KV cache still fits beside the weights, num_batch
     * where it matters for the objective, num_thread only with layers on the CPU.
     */
    public static SearchSpace propose(ModelProbe probe, TuningObjective objective, Integer minContext) {
        return propose(probe, objective, minContext, null);
    }

    /**
     * The same under a cap on the model's share of GPU memory ({@code maxVramPct}, % of the model, as /api/ps
     * reports size_vram / size): a model that fits whole then gets a num_gpu axis around the cap too, and the
     * feasibility probes leave out what holds more.
     */
    public static SearchSpace propose(ModelProbe probe, TuningObjective objective, Integer minContext,
                                      Double maxVramPct) {
        if (probe.model().blockCount() == null) {
            throw new IllegalArgumentException("The server does not report the model's layer count (/api/show), so"
                    + " no num_gpu range can be proposed.");
        }
        List<Axis> axes = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int all = probe.offloadableLayers();
        int fit = probe.layersOllamaFits();
        boolean capped = maxVramPct != null && maxVramPct < 100;
        if (probe.fitsWhole() && capped) {
            int around = (int) Math.round(maxVramPct / 100 * all);
            List<Integer> layers = new ArrayList<>();
            for (int n = Math.max(0, around - 3); n <= Math.min(all, around + 1); n++) {
                layers.add(n);
            }
            axes.add(new Axis("num_gpu", layers, "All " + all + " layers fit, but you allow at most "
                    + Numbers.number(maxVramPct, 0) + " % of the model in GPU memory: about " + around
                    + " layers; those that hold more are left out."));
        } else if (probe.fitsWhole()) {
            skipped.add("num_gpu: all " + all + " layers fit on the GPU at the defaults, and fewer only run slower.");
        } else {
            TreeSet<Integer> layers = new TreeSet<>();
            for (int n = Math.max(0, fit - 2); n <= all; n += n < fit + 4 ? 1 : 2) {
                layers.add(n);
            }
            layers.add(all);
            axes.add(new Axis("num_gpu", List.copyOf(layers), "Ollama's own fit put about " + fit + " of " + all
                    + " layers on the GPU (" + Numbers.pct(probe.atDefaults().gpuOffloadPct(), 0) + " of the"
                    + " model); it keeps headroom, so the values go from two below it to every layer, and those"
                    + " that do not load are recorded as infeasible."));
        }
        contextAxis(probe, minContext).ifPresentOrElse(axes::add, () -> skipped.add("num_ctx: "
                + contextReason(probe, minContext)));
        if (objective == TuningObjective.FIRST_TOKEN || objective == TuningObjective.GOODPUT) {
            axes.add(new Axis("num_batch", List.of(256, 512, 1024, 2048), "A larger batch processes the prompt"
                    + " faster (a shorter time to first token) but needs more GPU memory."));
        } else if (!probe.fitsWhole()) {
            axes.add(new Axis("num_batch", List.of(128, 256, 512), "A smaller batch needs less GPU memory, which"
                    + " can make room for another layer; decoding does not use the batch."));
        } else {
            skipped.add("num_batch: it changes only how fast the prompt is read, not the decode throughput.");
        }
        if (probe.fitsWhole()) {
            skipped.add("num_thread: no layer runs on the CPU.");
        } else {
            axes.add(new Axis("num_thread", THREADS, "Layers on the CPU decode fastest with somewhat fewer threads"
                    + " than cores (memory bandwidth, not compute, bounds them); Ollama does not report the"
                    + " server's cores, so 4 to 16 are tried."));
        }
        return new SearchSpace(axes, skipped);
    }

    private static Optional<Axis> contextAxis(ModelProbe probe, Integer minContext) {
        int start = minContext != null ? minContext : contextAtDefaults(probe);
        Integer trained = probe.model().contextLength();
        if (!probe.fitsWhole() || trained == null || trained < 2L * start) {
            return Optional.empty();
        }
        List<Integer> values = new ArrayList<>();
        for (long ctx = start; ctx <= trained && values.size() < 4; ctx *= 2) {
            values.add((int) ctx);
        }
        return Optional.of(new Axis("num_ctx", values, "From " + tokens(start)
                + (minContext != null ? " (your minimum)" : " (Ollama's default here)") + " upward in doublings,"
                + " at most to the " + tokens(trained) + " the model was trained on: its KV cache (about "
                + Numbers.number(kvBytesPerToken(probe) * 1024 / 1e6, 0) + " MB per 1,024 tokens) grows with it, and"
                + " where layers leave the GPU the search sees it."));
    }

    private static String contextReason(ModelProbe probe, Integer minContext) {
        int start = minContext != null ? minContext : contextAtDefaults(probe);
        return probe.fitsWhole()
                ? "kept at " + tokens(start) + ": the model was trained on no more than twice that."
                : "kept at " + tokens(start) + (minContext != null ? " (your minimum)" : "") + ": the model does"
                        + " not fit whole already, and a larger context only moves layers off the GPU.";
    }

    private static String tokens(long count) {
        return String.format(Locale.ROOT, "%,d tokens", count);
    }

    private static int contextAtDefaults(ModelProbe probe) {
        Integer context = probe.atDefaults().contextLength();
        return context == null ? 4096 : context;
    }

    /** The KV cache per token, estimated from the probe: its size beyond the weights over its context. */
    static long kvBytesPerToken(ModelProbe probe) {
        long beyondWeights = probe.atDefaults().sizeBytes() - probe.model().sizeBytes();
        return Math.max(0, beyondWeights / contextAtDefaults(probe));
    }
}
