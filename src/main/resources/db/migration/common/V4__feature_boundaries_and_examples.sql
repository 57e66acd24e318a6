-- Issue 11.
-- A trial names its sweep, so execution reads its own tables (trial, call_record) without joining sweep's
-- configuration table.
ALTER TABLE trial ADD COLUMN sweep_id BIGINT;
UPDATE trial SET sweep_id = (SELECT c.sweep_id FROM configuration c WHERE c.id = trial.configuration_id);
ALTER TABLE trial ALTER COLUMN sweep_id SET NOT NULL;
CREATE INDEX ix_trial_sweep ON trial (sweep_id, status, plan_position);

-- A sweep loaded from the bundled example data carries the example's key (e.g. chimeraforge:rust), so
-- loading the example again finds it instead of importing a second copy.
ALTER TABLE sweep ADD COLUMN example_key VARCHAR(100);
CREATE UNIQUE INDEX uq_sweep_example_key ON sweep (example_key);
