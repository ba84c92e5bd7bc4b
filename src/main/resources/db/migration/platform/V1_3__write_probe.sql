-- A table the health check writes to (and rolls back) to prove the database accepts writes. Its
-- CHECK constraint is deliberate: H2 2.4 failed exactly such constraints once the connection that
-- created them had closed, while reads kept working and health said UP.
CREATE TABLE platform_write_probe (
    id              INT          PRIMARY KEY,
    state           VARCHAR(10)  NOT NULL,
    CONSTRAINT platform_write_probe_state_ck CHECK (state IN ('PROBE', 'SPARE'))
);
