-- Issue 12: read-only links for stakeholders, to one sweep's results (sweep_b NULL) or to a comparison of two.
-- Only the SHA-256 of the 128-bit token is stored; a link goes with its sweep(s).
CREATE TABLE share_link (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    token_hash  VARCHAR(64) NOT NULL,
    sweep_a     BIGINT      NOT NULL REFERENCES sweep (id) ON DELETE CASCADE,
    sweep_b     BIGINT               REFERENCES sweep (id) ON DELETE CASCADE,
    created_by  VARCHAR(60) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_share_link_token UNIQUE (token_hash)
);
CREATE INDEX ix_share_link_creator ON share_link (created_by);
