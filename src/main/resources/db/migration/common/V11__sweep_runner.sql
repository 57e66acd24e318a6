-- Which app instance runs (or last ran) the sweep: "host · pid 1234" (several instances may share a database).
ALTER TABLE sweep ADD COLUMN runner VARCHAR(200);
