-- Issue 24: every call records where it ran and whether it paid a model load (docs/architecture.md §4.2, §5).
-- Why the call (or its batch) paid a model load: FIRST_LOAD, OPTIONS_CHANGED, FORCED (the runner unloaded first so
-- the arm runs on the runner its own options load), UNEXPECTED (no load was planned: another client or an
-- eviction); null = it ran warm. Calls that paid a load are left out of throughput and TTFT.
ALTER TABLE call_record ADD COLUMN reload_reason VARCHAR(24);
-- Why the call was disturbed (the placement changed under it, or it paid a load nobody planned); null = it was not.
-- A disturbed call is kept and listed, left out of every figure, and its trial runs once more.
ALTER TABLE call_record ADD COLUMN disturbance VARCHAR(200);
-- The context length /api/ps reported after the call (Ollama 0.10+).
ALTER TABLE call_record ADD COLUMN context_length INT;
