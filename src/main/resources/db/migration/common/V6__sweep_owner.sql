-- Issue 12: who created (or imported) a sweep. An operator may delete their own sweeps; an admin any.
-- Sweeps from before have no owner: only an admin may delete them.
ALTER TABLE sweep ADD COLUMN created_by VARCHAR(60);
