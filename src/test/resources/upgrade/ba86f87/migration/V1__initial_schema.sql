-- Chimera Bench domain (architecture.md §2, §5). Never edit once applied: add V2__… instead.

CREATE TABLE endpoint (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    name          VARCHAR(120)  NOT NULL,
    base_url      VARCHAR(500)  NOT NULL,
    notes         VARCHAR(2000),
    simulated     BOOLEAN       NOT NULL DEFAULT FALSE,
    allowed       BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_endpoint_name UNIQUE (name)
);

CREATE TABLE sweep (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    name               VARCHAR(200)  NOT NULL,
    label              VARCHAR(120),
    description        VARCHAR(4000),
    status             VARCHAR(20)   NOT NULL,   -- DRAFT, QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED, IMPORTED
    status_message     VARCHAR(2000),
    model              VARCHAR(200),
    endpoint_id        BIGINT REFERENCES endpoint (id),
    workload_type      VARCHAR(20)   NOT NULL,   -- SINGLE_PROMPT, AGENT_WORKFLOW, IMPORTED
    prompt             CLOB,
    fixed_options      VARCHAR(4000) NOT NULL,   -- JSON object sent with every CHIMERA call
    baseline_options   VARCHAR(4000),            -- JSON object; NULL = Ollama defaults (no options sent)
    repetitions        INT           NOT NULL,
    warmup_trials      INT           NOT NULL DEFAULT 0,
    cold_start         BOOLEAN       NOT NULL DEFAULT FALSE,
    run_order          VARCHAR(20)   NOT NULL DEFAULT 'AS_DEFINED', -- AS_DEFINED, SHUFFLED
    shuffle_seed       BIGINT,
    prompt_variation   BOOLEAN       NOT NULL DEFAULT FALSE,
    max_tokens         INT,
    timeouts           VARCHAR(1000),            -- JSON: connect, first token, idle, total (ms)
    definition         CLOB,                     -- the SweepDefinition JSON as submitted
    environment        CLOB,                     -- JSON captured at start (version, digest, host, …)
    imported           BOOLEAN       NOT NULL DEFAULT FALSE,
    source_file        VARCHAR(500),
    simulated          BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at         TIMESTAMP WITH TIME ZONE,
    finished_at        TIMESTAMP WITH TIME ZONE
);

CREATE TABLE sweep_axis (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    sweep_id     BIGINT        NOT NULL REFERENCES sweep (id) ON DELETE CASCADE,
    position     INT           NOT NULL,
    option_name  VARCHAR(60)   NOT NULL,
    axis_values  VARCHAR(4000) NOT NULL,        -- JSON array, in display order
    CONSTRAINT uq_axis UNIQUE (sweep_id, option_name)
);

CREATE TABLE configuration (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    sweep_id   BIGINT        NOT NULL REFERENCES sweep (id) ON DELETE CASCADE,
    position   INT           NOT NULL,
    options    VARCHAR(4000) NOT NULL,          -- JSON object: one value per axis
    CONSTRAINT uq_configuration UNIQUE (sweep_id, options)
);
CREATE INDEX ix_configuration_sweep ON configuration (sweep_id, position);

CREATE TABLE trial (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    configuration_id  BIGINT      NOT NULL REFERENCES configuration (id) ON DELETE CASCADE,
    arm               VARCHAR(10) NOT NULL,     -- BASELINE, CHIMERA
    repetition        INT         NOT NULL,     -- 1-based; warm-ups are numbered separately
    warmup            BOOLEAN     NOT NULL DEFAULT FALSE,
    plan_position     INT,                      -- order in the execution plan
    status            VARCHAR(20) NOT NULL,     -- PENDING, RUNNING, DONE, FAILED
    started_at        TIMESTAMP WITH TIME ZONE,
    finished_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_trial UNIQUE (configuration_id, arm, repetition, warmup)
);
CREATE INDEX ix_trial_configuration ON trial (configuration_id);

-- one streamed /api/generate request; every field of architecture.md §5
CREATE TABLE call_record (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    trial_id              BIGINT        NOT NULL REFERENCES trial (id) ON DELETE CASCADE,
    sweep_id              BIGINT        NOT NULL REFERENCES sweep (id) ON DELETE CASCADE,
    stage                 VARCHAR(20),              -- NULL (single prompt), ANALYSIS, REPORT
    status                VARCHAR(10)   NOT NULL,   -- OK, FAILED
    error                 VARCHAR(4000),
    endpoint              VARCHAR(500),
    model                 VARCHAR(200),
    options_sent          VARCHAR(4000),            -- JSON object actually sent (NULL = none)
    started_at            TIMESTAMP WITH TIME ZONE,
    ttft_ms               DOUBLE PRECISION,
    time_to_headers_ms    DOUBLE PRECISION,
    e2e_ms                DOUBLE PRECISION,
    chunk_gaps_ms         CLOB,                     -- JSON array of gaps between content lines
    itl_mean_ms           DOUBLE PRECISION,
    itl_p50_ms            DOUBLE PRECISION,
    itl_p90_ms            DOUBLE PRECISION,
    itl_p99_ms            DOUBLE PRECISION,
    tpot_ms               DOUBLE PRECISION,
    decode_tok_per_sec    DOUBLE PRECISION,
    prefill_tok_per_sec   DOUBLE PRECISION,
    e2e_tok_per_sec       DOUBLE PRECISION,
    load_ms               DOUBLE PRECISION,
    prompt_eval_ms        DOUBLE PRECISION,
    eval_ms               DOUBLE PRECISION,
    total_ms              DOUBLE PRECISION,
    cold                  BOOLEAN,
    gpu_offload_pct       DOUBLE PRECISION,
    size_bytes            BIGINT,
    size_vram_bytes       BIGINT,
    done_reason           VARCHAR(40),
    eval_count            INT,
    prompt_eval_count     INT,
    response_chars        INT,
    response_text         CLOB
);
CREATE INDEX ix_call_sweep ON call_record (sweep_id, status);
CREATE INDEX ix_call_trial ON call_record (trial_id);
