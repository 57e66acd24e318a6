package org.chimerabench.exchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.chimerabench.base.Access;
import org.chimerabench.base.AuditAction;
import org.chimerabench.base.AuditTrail;
import org.chimerabench.base.CurrentUser;
import org.chimerabench.base.OptionsJson;
import org.chimerabench.exchange.ParsedSweep.ParsedCall;
import org.chimerabench.exchange.ParsedSweep.ParsedConfiguration;
import org.chimerabench.exchange.ParsedSweep.ParsedTrial;
import org.chimerabench.execution.CallRecord;
import org.chimerabench.execution.CallRecordRepository;
import org.chimerabench.execution.Trial;
import org.chimerabench.execution.TrialRepository;
import org.chimerabench.sweep.OllamaOption;
import org.chimerabench.sweep.Configuration;
import org.chimerabench.sweep.Sweep;
import org.chimerabench.sweep.SweepLifecycle;
import org.chimerabench.sweep.SweepOwner;
import org.chimerabench.sweep.SweepAxis;
import org.chimerabench.sweep.SweepService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports seed results files as sweeps. All files of one request are read and checked first; only then is
 * anything stored, in one transaction — a bad file stores nothing. Files with the same label (language) are
 * merged into one sweep, so 18 Rust metrics.json files become one sweep of 18 configurations.
 */
@Service
public class ImportService {

    private final SweepService sweeps;
    private final SweepLifecycle lifecycle;
    private final TrialRepository trials;
    private final CallRecordRepository calls;
    private final long maxFileBytes;
    private final AuditTrail audit;
    private final ObjectProvider<SecurityContextHolderStrategy> strategy;

    ImportService(SweepService sweeps, SweepLifecycle lifecycle, TrialRepository trials, CallRecordRepository calls,
                  ObjectProvider<SecurityContextHolderStrategy> strategy, AuditTrail audit,
                  @Value("${chimera.import.max-file-bytes:20971520}") long maxFileBytes) {
        this.audit = audit;
        this.strategy = strategy;
        this.sweeps = sweeps;
        this.lifecycle = lifecycle;
        this.trials = trials;
        this.calls = calls;
        this.maxFileBytes = maxFileBytes;
    }

    /** At most this many files in one import. */
    public static final int MAX_FILES = 500;
    /** At most this many bytes in one import, all files together. */
    public static final long MAX_TOTAL_BYTES = 100L * 1024 * 1024;
    /** The longest label (the {@code sweep.label} column). */
    public static final int MAX_LABEL = 120;
    /** The longest model name (the {@code sweep.model} column). */
    public static final int MAX_MODEL = 200;

    /** The largest throughput an imported call may claim (no GPU decodes a million tokens per second). */
    static final double MAX_TOK_PER_SEC = 1_000_000;
    /** The longest TTFT an imported call may claim: a day, in ms. */
    static final double MAX_TTFT_MS = 86_400_000;

    /**
     * An option the catalogue does not know is refused, with its name: the analysis, the editor and the exports
     * all speak in the catalogue's options, and a typo in a file would otherwise become an axis nobody can run.
     */
    private static void requireKnown(String option, String where) {
        if (OllamaOption.byKey(option).isEmpty()) {
            throw new ImportException(where + ": unknown Ollama option '" + (option.length() > 60 ? option.substring(0, 60) + "…" : option)
                    + "'; the options are those of the sweep editor (num_gpu, num_ctx, temperature, …)");
        }
    }

    public long maxFileBytes() {
        return maxFileBytes;
    }

    /**
     * @param label     optional label for the resulting sweep (only when the files make one sweep)
     * @param intoSweep optional id of an imported sweep to append the configurations to
     * @return ids of the created (or appended-to) sweeps
     * @throws ImportException for any bad file; nothing is stored then
     */
    @Transactional(rollbackFor = ImportException.class)
    @PreAuthorize(Access.OPERATOR)
    public List<Long> importFiles(List<UploadedFile> files, String label, Long intoSweep) {
        if (files == null || files.isEmpty()) {
            throw new ImportException("no file uploaded: send the files as multipart/form-data parts named 'files',"
                    + " or one file as the raw body with ?filename=");
        }
        if (files.size() > MAX_FILES) {
            throw new ImportException(files.size() + " files is more than " + MAX_FILES + " in one import");
        }
        long total = files.stream().mapToLong(f -> f.content().length).sum();
        if (total > MAX_TOTAL_BYTES) {
            throw new ImportException("the files hold " + total / (1024 * 1024) + " MB together, more than the limit of "
                    + MAX_TOTAL_BYTES / (1024 * 1024) + " MB per import");
        }
        if (label != null && !label.isBlank()) {
            checkLabel(label.strip(), "parameter 'label'");
        }
        Map<String, ParsedSweep> merged = new LinkedHashMap<>();
        for (UploadedFile file : files) {
            checkSize(file);
            for (ParsedSweep parsed : ResultsFileReader.read(file).sweeps()) {
                merged.merge(parsed.label(), parsed, ImportService::merge);
            }
        }
        String sources = sources(files);
        if (intoSweep != null) {
            if (merged.size() != 1) {
                throw new ImportException("the files hold " + merged.size() + " sweeps (" + String.join(", ",
                        merged.keySet()) + "); only one can be appended to sweep " + intoSweep);
            }
            long appended = append(intoSweep, merged.values().iterator().next(), sources);
            audit.record(AuditAction.IMPORTED, "sweep " + appended, "appended " + sources);
            return List.of(appended);
        }
        if (label != null && !label.isBlank() && merged.size() > 1) {
            throw new ImportException("a label names one sweep, but the files hold " + merged.size() + " ("
                    + String.join(", ", merged.keySet()) + ")");
        }
        List<Long> ids = new ArrayList<>();
        for (ParsedSweep parsed : merged.values()) {
            String sweepLabel = label == null || label.isBlank() ? parsed.label() : label.strip();
            ids.add(create(parsed, sweepLabel, sources));
        }
        audit.record(AuditAction.IMPORTED, "sweeps " + ids, sources);
        return ids;
    }

    private void checkSize(UploadedFile file) {
        if (file.content().length > maxFileBytes) {
            throw new ImportException(file.fileName() + ": " + file.content().length + " bytes is over the limit of "
                    + maxFileBytes / (1024 * 1024) + " MB per file");
        }
    }

    private static ParsedSweep merge(ParsedSweep a, ParsedSweep b) {
        List<ParsedConfiguration> configurations = new ArrayList<>(a.configurations());
        configurations.addAll(b.configurations());
        return new ParsedSweep(a.label(), a.model() != null ? a.model() : b.model(), a.fixedOptions(), configurations);
    }

    /** Texts from a file that are stored: each within its column, said with the file's problem. */
    /** Letters, digits and a few separators, starting with a letter or digit (never a formula), ≤ 120. */
    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._:+()/'#&-]*");

    private static void checkLabel(String label, String what) {
        if (label.length() > MAX_LABEL) {
            throw new ImportException(what + " has " + label.length() + " characters; at most " + MAX_LABEL);
        }
        if (!LABEL.matcher(label).matches()) {
            throw new ImportException(what + " '" + (label.length() > 40 ? label.substring(0, 40) + "…" : label)
                    + "' is not a label: it names a sweep (e.g. rust), starts with a letter or digit and holds"
                    + " letters, digits, spaces and . _ : + ( ) / ' # & - only");
        }
    }

    private static void checkTexts(ParsedSweep parsed, String label) {
        for (String option : parsed.fixedOptions().keySet()) {
            requireKnown(option, "a fixed option");
        }
        for (ParsedSweep.ParsedConfiguration configuration : parsed.configurations()) {
            for (String option : configuration.options().keySet()) {
                requireKnown(option, configuration.origin());
            }
            for (ParsedSweep.ParsedTrial trial : configuration.trials()) {
                ParsedSweep.ParsedCall call = trial.call();
                if (!(call.decodeTokPerSec() >= 0 && call.decodeTokPerSec() <= MAX_TOK_PER_SEC)
                        || !(call.ttftMs() >= 0 && call.ttftMs() <= MAX_TTFT_MS)) {
                    throw new ImportException(configuration.origin() + ": throughput " + call.decodeTokPerSec()
                            + " tok/s or TTFT " + call.ttftMs() + " ms is outside what a measurement can be (0 to "
                            + (long) MAX_TOK_PER_SEC + " tok/s, 0 to " + (long) MAX_TTFT_MS + " ms)");
                }
            }
        }
        if (label != null) {
            checkLabel(label, "the label");
        }
        if (parsed.model() != null && parsed.model().length() > MAX_MODEL) {
            throw new ImportException("the model name has " + parsed.model().length() + " characters; at most "
                    + MAX_MODEL);
        }
    }

    private Long create(ParsedSweep parsed, String label, String sources) {
        checkTexts(parsed, label);
        List<ParsedConfiguration> configurations = sorted(parsed.configurations());
        checkDuplicates(configurations, Set.of());
        checkSameOptions(configurations, null);
        Map<String, List<Object>> axes = new LinkedHashMap<>();
        for (String option : configurations.get(0).options().keySet()) {
            axes.put(option, axisValues(option, configurations, List.of()));
        }
        Sweep sweep = lifecycle.storeImported(new SweepLifecycle.ImportedSweep("Imported " + label + " sweep", label,
                sources, CurrentUser.name(strategy.getIfAvailable()).orElse(null), parsed.model(),
                parsed.fixedOptions(), maxRepetitions(configurations), axes,
                configurations.stream().map(ParsedConfiguration::options).toList()));
        storeTrials(sweep.getId(), zip(configurations, sweep.getConfigurations()));
        return sweep.getId();
    }

    private Long append(Long sweepId, ParsedSweep parsed, String sources) {
        checkTexts(parsed, null);
        Sweep sweep = sweeps.read(sweepId)
                .orElseThrow(() -> new ImportException("there is no sweep " + sweepId + " to append to"));
        SweepOwner.check(sweep, strategy.getIfAvailable(), "append files to");
        if (!sweep.isImported()) {
            throw new ImportException("sweep " + sweepId + " was measured here, not imported; files can only be"
                    + " appended to imported sweeps");
        }
        List<ParsedConfiguration> configurations = sorted(parsed.configurations());
        Set<String> existing = new HashSet<>();
        sweep.getConfigurations().forEach(c -> existing.add(OptionsJson.write(sortedKeys(c.getOptions()))));
        List<String> axisNames = sweep.getAxes().stream().map(SweepAxis::getOptionName).toList();
        checkSameOptions(configurations, axisNames);
        checkDuplicates(configurations, existing);
        Map<String, List<Object>> axes = new LinkedHashMap<>();
        for (SweepAxis axis : sweep.getAxes()) {
            axes.put(axis.getOptionName(), axisValues(axis.getOptionName(), configurations, axis.getValues()));
        }
        List<Configuration> added = lifecycle.appendImported(sweepId, axes,
                configurations.stream().map(c -> reorder(c.options(), axisNames)).toList(),
                truncate(sweep.getSourceFile() + ", " + sources), maxRepetitions(configurations));
        storeTrials(sweepId, zip(configurations, added));
        return sweepId;
    }

    /** Each parsed configuration with the one stored for it (same order): its calls are stored in grid order. */
    private static Map<ParsedConfiguration, Configuration> zip(List<ParsedConfiguration> parsed,
                                                               List<Configuration> stored) {
        Map<ParsedConfiguration, Configuration> zipped = new LinkedHashMap<>();
        for (int i = 0; i < parsed.size(); i++) {
            zipped.put(parsed.get(i), stored.get(i));
        }
        return zipped;
    }

    private void storeTrials(Long sweepId, Map<ParsedConfiguration, Configuration> stored) {
        List<CallRecord> records = new ArrayList<>();
        stored.forEach((parsed, configuration) -> {
            for (ParsedTrial parsedTrial : parsed.trials()) {
                Trial trial = trials.save(Trial.finished(configuration, parsedTrial.arm(), parsedTrial.repetition()));
                records.add(record(trial, sweepId, parsedTrial.call()));
            }
        });
        calls.saveAll(records);
    }

    private static CallRecord record(Trial trial, Long sweepId, ParsedCall parsed) {
        CallRecord call = CallRecord.ok(trial, sweepId);
        call.setDecodeTokPerSec(parsed.decodeTokPerSec());
        call.setTtftMs(parsed.ttftMs());
        call.setEvalCount(parsed.evalCount());
        call.setTotalMs(parsed.totalMs());
        call.setLoadMs(parsed.loadMs());
        call.setPromptEvalMs(parsed.promptEvalMs());
        call.setEvalMs(parsed.evalMs());
        return call;
    }

    /** Grid order: by each option's value, in the order the options appear. */
    private static List<ParsedConfiguration> sorted(List<ParsedConfiguration> configurations) {
        List<String> names = new ArrayList<>(configurations.get(0).options().keySet());
        Comparator<ParsedConfiguration> order = Comparator.comparingInt(c -> 0);
        for (String name : names) {
            order = order.thenComparingDouble(c -> numeric(c.options().get(name)));
        }
        return configurations.stream().sorted(order).toList();
    }

    private static double numeric(Object value) {
        return value instanceof Number number ? number.doubleValue() : Double.POSITIVE_INFINITY;
    }

    private static void checkSameOptions(List<ParsedConfiguration> configurations, List<String> axisNames) {
        Set<String> expected = axisNames == null
                ? configurations.get(0).options().keySet() : new LinkedHashSet<>(axisNames);
        for (ParsedConfiguration c : configurations) {
            if (!c.options().keySet().equals(expected)) {
                throw new ImportException(c.origin() + ": options " + c.options().keySet()
                        + " do not match the sweep's axes " + expected);
            }
        }
    }

    private static void checkDuplicates(List<ParsedConfiguration> configurations, Set<String> existing) {
        Map<String, String> seen = new HashMap<>();
        for (ParsedConfiguration c : configurations) {
            String key = OptionsJson.write(sortedKeys(c.options()));
            if (existing.contains(key)) {
                throw new ImportException(c.origin() + ": duplicate configuration " + OptionsJson.describe(c.options())
                        + " — the sweep already has it");
            }
            String earlier = seen.putIfAbsent(key, c.origin());
            if (earlier != null) {
                throw new ImportException(c.origin() + ": duplicate configuration " + OptionsJson.describe(c.options())
                        + " (also in " + earlier + ")");
            }
        }
    }

    private static Map<String, Object> sortedKeys(Map<String, Object> options) {
        return new TreeMap<>(options);
    }

    private static Map<String, Object> reorder(Map<String, Object> options, List<String> names) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        names.forEach(name -> ordered.put(name, options.get(name)));
        return ordered;
    }

    private static List<Object> axisValues(String option, List<ParsedConfiguration> configurations,
                                           List<Object> existing) {
        Map<String, Object> values = new LinkedHashMap<>();
        existing.forEach(v -> values.put(OptionsJson.format(v), v));
        configurations.forEach(c -> values.putIfAbsent(OptionsJson.format(c.options().get(option)),
                c.options().get(option)));
        return values.values().stream().sorted(Comparator.comparingDouble(ImportService::numeric)).toList();
    }

    private static int maxRepetitions(List<ParsedConfiguration> configurations) {
        return configurations.stream().flatMap(c -> c.trials().stream()).mapToInt(ParsedTrial::repetition)
                .max().orElse(1);
    }

    /** "a.csv", or "18 files: gpu60_….json, gpu80_….json, …" (fits the source column). */
    private static String sources(List<UploadedFile> files) {
        List<String> names = files.stream().map(UploadedFile::fileName).distinct().toList();
        if (names.size() <= 3) {
            return truncate(String.join(", ", names));
        }
        return truncate(names.size() + " files: " + String.join(", ", names));
    }

    private static String truncate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 497) + "…";
    }
}
