-- Issue 17: the load a configuration is measured under (docs/architecture.md §4.1).
-- A sweep's own load: calls in flight at once, or a request rate instead; the configurations' batch sizes summed.
ALTER TABLE sweep ADD COLUMN concurrency INT DEFAULT 1 NOT NULL;
ALTER TABLE sweep ADD COLUMN request_rate DOUBLE PRECISION;
ALTER TABLE sweep ADD COLUMN batch_slots BIGINT;
-- A trial's place in its batch (0 … batch size − 1); the batch is configuration × arm × repetition.
ALTER TABLE trial ADD COLUMN slot INT DEFAULT 0 NOT NULL;
ALTER TABLE trial DROP CONSTRAINT uq_trial;
ALTER TABLE trial ADD CONSTRAINT uq_trial UNIQUE (configuration_id, arm, repetition, warmup, slot);
-- Per call: the load it was made under, and the time it waited in the server's queue (an estimate, §5).
ALTER TABLE call_record ADD COLUMN concurrency INT;
ALTER TABLE call_record ADD COLUMN request_rate DOUBLE PRECISION;
ALTER TABLE call_record ADD COLUMN queue_ms DOUBLE PRECISION;
-- Free-form server settings an admin records per endpoint (OLLAMA_NUM_PARALLEL=4, …), copied into environments.
ALTER TABLE endpoint ADD COLUMN server_settings VARCHAR(4000);
