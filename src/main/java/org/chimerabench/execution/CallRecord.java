package org.chimerabench.execution;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import org.chimerabench.sweep.Load;
import org.chimerabench.ollama.StreamedCall;

/**
 * One streamed {@code /api/generate} call as stored: the raw material of every figure. Field meanings are
 * docs/architecture.md §5; times in milliseconds, rates in tokens per second.
 */
@Entity
@Table(name = "call_record")
public class CallRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "trial_id")
    private Trial trial;

    @Column(name = "sweep_id", nullable = false)
    private Long sweepId;

    @Convert(converter = Stage.Column.class)
    private Stage stage;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CallStatus status;

    private String error;
    private String endpoint;
    private String model;
    @Column(name = "options_sent")
    private String optionsSent;
    @Column(name = "started_at")
    private OffsetDateTime startedAt;

    @Column(name = "ttft_ms")
    private Double ttftMs;
    @Column(name = "time_to_headers_ms")
    private Double timeToHeadersMs;
    @Column(name = "e2e_ms")
    private Double e2eMs;
    @Lob
    @Column(name = "chunk_gaps_ms")
    private String chunkGapsMs;
    @Column(name = "itl_mean_ms")
    private Double itlMeanMs;
    @Column(name = "itl_p50_ms")
    private Double itlP50Ms;
    @Column(name = "itl_p90_ms")
    private Double itlP90Ms;
    @Column(name = "itl_p99_ms")
    private Double itlP99Ms;
    @Column(name = "tpot_ms")
    private Double tpotMs;
    @Column(name = "decode_tok_per_sec")
    private Double decodeTokPerSec;
    @Column(name = "prefill_tok_per_sec")
    private Double prefillTokPerSec;
    @Column(name = "e2e_tok_per_sec")
    private Double e2eTokPerSec;
    @Column(name = "load_ms")
    private Double loadMs;
    @Column(name = "prompt_eval_ms")
    private Double promptEvalMs;
    @Column(name = "eval_ms")
    private Double evalMs;
    @Column(name = "total_ms")
    private Double totalMs;
    private Boolean cold;
    @Column(name = "gpu_offload_pct")
    private Double gpuOffloadPct;
    @Column(name = "size_bytes")
    private Long sizeBytes;
    @Column(name = "size_vram_bytes")
    private Long sizeVramBytes;
    @Column(name = "done_reason")
    private String doneReason;
    @Column(name = "eval_count")
    private Integer evalCount;
    @Column(name = "prompt_eval_count")
    private Integer promptEvalCount;
    @Column(name = "response_chars")
    private Integer responseChars;
    @Lob
    @Column(name = "response_text")
    private String responseText;
    /** The load the call ran under: calls in flight at once, or the request rate (docs/architecture.md §4.1). */
    private Integer concurrency;
    @Column(name = "request_rate")
    private Double requestRate;
    /** Time in the server's queue, estimated: time to headers − load − prompt eval, at least 0 (§5). */
    @Column(name = "queue_ms")
    private Double queueMs;
    /** Why this call, or its batch, paid a model load; null = it ran warm (§4.2). */
    @Enumerated(EnumType.STRING)
    @Column(name = "reload_reason")
    private ReloadReason reloadReason;
    /** Why the call was disturbed (another client changed the placement under it); null = it was not (§4.2). */
    private String disturbance;
    /** The context length /api/ps reported after the call. */
    @Column(name = "context_length")
    private Integer contextLength;

    protected CallRecord() {
    }

    /** A successful call of the given trial; fill the measures with the setters. */
    public static CallRecord ok(Trial trial, Long sweepId) {
        CallRecord call = new CallRecord();
        call.trial = trial;
        call.sweepId = sweepId;
        call.status = CallStatus.OK;
        return call;
    }

    /** A measured call: every §5 field from the stream, plus what /api/ps said right after it. */
    public static CallRecord measured(Trial trial, Long sweepId, Stage stage, String endpoint, String options,
                                      StreamedCall call, boolean cold, Long sizeBytes,
                                      Long sizeVramBytes) {
        CallRecord record = base(trial, sweepId, stage, endpoint, options, CallStatus.OK, null);
        record.model = call.model() == null || call.model().length() <= 200 ? call.model()
                : call.model().substring(0, 199) + "…"; // a server's word; the column holds 200
        record.ttftMs = finite(call.ttftMs());
        record.timeToHeadersMs = call.timeToHeadersMs();
        record.e2eMs = call.e2eMs();
        record.chunkGapsMs = Arrays.toString(call.chunkGapsMs());
        record.itlMeanMs = finite(call.itlMeanMs());
        record.itlP50Ms = finite(call.itlP50Ms());
        record.itlP90Ms = finite(call.itlP90Ms());
        record.itlP99Ms = finite(call.itlP99Ms());
        record.tpotMs = finite(call.tpotMs());
        record.decodeTokPerSec = call.decodeTokPerSec();
        record.prefillTokPerSec = call.prefillTokPerSec();
        record.e2eTokPerSec = call.e2eTokPerSec();
        record.loadMs = call.loadMs();
        record.promptEvalMs = call.promptEvalMs();
        record.evalMs = call.evalMs();
        record.totalMs = call.totalMs();
        record.cold = cold;
        record.sizeBytes = sizeBytes;
        record.sizeVramBytes = sizeVramBytes;
        record.gpuOffloadPct = sizeBytes == null || sizeBytes == 0 ? null : sizeVramBytes * 100.0 / sizeBytes;
        record.doneReason = call.doneReason() == null || call.doneReason().length() <= 40 ? call.doneReason()
                : call.doneReason().substring(0, 40); // a server's word; the column holds 40
        record.evalCount = call.evalCount();
        record.promptEvalCount = call.promptEvalCount();
        record.responseChars = call.responseChars();
        record.responseText = call.responseText();
        record.queueMs = queueMs(call.timeToHeadersMs(), call.loadMs(), call.promptEvalMs());
        // built when the call ended: it started e2e earlier (the batch's wall time is read from these)
        record.startedAt = record.startedAt.minusNanos(Math.round(call.e2eMs() * 1e6));
        return record;
    }

    /**
     * The estimate of a call's wait in the server's queue: Ollama sends the headers with the first token, so the
     * time to headers is queue + load + prompt eval + one token (+ network); the server reports load and prompt
     * eval, and what is left is the queue plus one token's decode and the HTTP overhead (a few ms). Null when a
     * part is missing.
     */
    static Double queueMs(Double timeToHeadersMs, Double loadMs, Double promptEvalMs) {
        if (timeToHeadersMs == null || !Double.isFinite(timeToHeadersMs)) {
            return null;
        }
        return Math.max(0, timeToHeadersMs - (loadMs == null ? 0 : loadMs) - (promptEvalMs == null ? 0
                : promptEvalMs));
    }

    /** What /api/ps reported of the model after the call: its context length. */
    CallRecord withContextLength(Integer contextLength) {
        this.contextLength = contextLength;
        return this;
    }

    /** Why the call (or its batch) paid a model load; null = warm. */
    CallRecord loadedBecause(ReloadReason reason) {
        this.reloadReason = reason;
        this.cold = reason != null || Boolean.TRUE.equals(cold);
        return this;
    }

    /** The call ran disturbed: why (it is kept, listed and left out of every figure). */
    CallRecord disturbedBy(String why) {
        this.disturbance = why.length() > 200 ? why.substring(0, 200) : why;
        return this;
    }

    /**
     * Whether the server's load_duration says this call paid a model load: over 10 ms when one was planned (a warm
     * call reports a few ms; the simulator at a small time scale loads in tens), over 500 ms when none was.
     */
    boolean paidLoad(boolean planned) {
        return loadMs != null && loadMs > (planned ? PLANNED_LOAD_MS : UNPLANNED_LOAD_MS);
    }

    static final double PLANNED_LOAD_MS = 10;
    static final double UNPLANNED_LOAD_MS = 500;

    public String getDisturbance() {
        return disturbance;
    }

    /** The load this call ran under. */
    CallRecord under(Load load) {
        this.concurrency = load.paced() ? null : load.concurrency();
        this.requestRate = load.requestRate();
        return this;
    }

    /** A call that failed (after its retries), with the reason; excluded from every statistic. */
    public static CallRecord failed(Trial trial, Long sweepId, Stage stage, String endpoint, String options,
                                    String error) {
        return base(trial, sweepId, stage, endpoint, options, CallStatus.FAILED,
                error.length() > 4000 ? error.substring(0, 4000) : error);
    }

    private static CallRecord base(Trial trial, Long sweepId, Stage stage, String endpoint, String options,
                                   CallStatus status, String error) {
        CallRecord record = new CallRecord();
        record.trial = trial;
        record.sweepId = sweepId;
        record.stage = stage;
        record.endpoint = endpoint;
        record.optionsSent = options;
        record.status = status;
        record.error = error;
        record.startedAt = OffsetDateTime.now();
        return record;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** The same record attached to a managed trial (calls are built outside the transaction that stores them). */
    CallRecord rebind(Trial managed) {
        this.trial = managed;
        return this;
    }

    public String getResponseText() {
        return responseText;
    }

    public Long getId() {
        return id;
    }

    public CallStatus getStatus() {
        return status;
    }

    public String getError() {
        return error;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public void setTtftMs(Double ttftMs) {
        this.ttftMs = ttftMs;
    }

    public Double getE2eMs() {
        return e2eMs;
    }

    public void setDecodeTokPerSec(Double decodeTokPerSec) {
        this.decodeTokPerSec = decodeTokPerSec;
    }

    public void setLoadMs(Double loadMs) {
        this.loadMs = loadMs;
    }

    public void setPromptEvalMs(Double promptEvalMs) {
        this.promptEvalMs = promptEvalMs;
    }

    public void setEvalMs(Double evalMs) {
        this.evalMs = evalMs;
    }

    public void setTotalMs(Double totalMs) {
        this.totalMs = totalMs;
    }

    public void setEvalCount(Integer evalCount) {
        this.evalCount = evalCount;
    }

}
