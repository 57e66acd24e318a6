-- Fleet (issue 5): a sweep may run on several endpoints; each configuration is assigned to one of them.

CREATE TABLE sweep_endpoint (
    sweep_id     BIGINT NOT NULL REFERENCES sweep (id) ON DELETE CASCADE,
    position     INT    NOT NULL,                 -- order as named in the definition
    endpoint_id  BIGINT NOT NULL REFERENCES endpoint (id),
    PRIMARY KEY (sweep_id, position)
);

INSERT INTO sweep_endpoint (sweep_id, position, endpoint_id)
    SELECT id, 0, endpoint_id FROM sweep WHERE endpoint_id IS NOT NULL;

-- the endpoint that runs the trial; NULL = the sweep's (first) endpoint
ALTER TABLE trial ADD COLUMN endpoint_id BIGINT REFERENCES endpoint (id);
