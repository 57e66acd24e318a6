-- Issue 12: who changed what, when, from where. Rows are only ever added.
CREATE TABLE audit_event (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    username    VARCHAR(60),
    address     VARCHAR(64),
    action      VARCHAR(40)  NOT NULL,
    target      VARCHAR(200),
    detail      VARCHAR(1000)
);
CREATE INDEX ix_audit_event_at ON audit_event (at DESC);
