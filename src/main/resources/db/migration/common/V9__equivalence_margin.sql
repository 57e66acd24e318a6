-- The margin within which a sweep's mean effect counts as "no practical difference" (docs/architecture.md §6.5).
ALTER TABLE sweep ADD COLUMN equivalence_margin_pct DOUBLE PRECISION DEFAULT 1.0 NOT NULL;
