-- Every sweep the validation admits must store (docs/architecture.md §7 "Limits"): an axis may hold 1,000 values
-- and a configuration or an options object any number of admitted options, so these JSON columns are no longer
-- capped at 4,000 characters. (VARCHAR(1000000) fits H2 and PostgreSQL alike.)
ALTER TABLE sweep_axis ALTER COLUMN axis_values SET DATA TYPE VARCHAR(1000000);
ALTER TABLE configuration ALTER COLUMN options SET DATA TYPE VARCHAR(1000000);
ALTER TABLE sweep ALTER COLUMN fixed_options SET DATA TYPE VARCHAR(1000000);
ALTER TABLE sweep ALTER COLUMN baseline_options SET DATA TYPE VARCHAR(1000000);
ALTER TABLE call_record ALTER COLUMN options_sent SET DATA TYPE VARCHAR(1000000);
