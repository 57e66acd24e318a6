-- Issue 16: adaptive sweeps (races). The sweep's race settings as JSON (NULL = a fixed sweep), and per configuration
-- why it got no more repetitions (PRECISE, ELIMINATED, EXHAUSTED; NULL while it runs or in a fixed sweep) and after
-- which round.
ALTER TABLE sweep ADD COLUMN race VARCHAR(1000);
ALTER TABLE configuration ADD COLUMN stop_reason VARCHAR(20);
ALTER TABLE configuration ADD COLUMN stopped_at_round INT;
