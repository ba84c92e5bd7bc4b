-- Each person's (or unknown user's) events per calendar month over all workflows, one column per
-- day of the month: telemetry_person_month summed over workflows, a row per person instead of one
-- per person and workflow (20 times fewer at the benchmark's size). Alignment reads each person's
-- events in the window here, and from telemetry_person_month only the rows of the smaller of the
-- aligned and the unaligned workflows (docs/metrics.md, "Benchmark"). Kept and rebuilt by the rollup
-- writer with telemetry_person_month.
CREATE TABLE telemetry_person_month_total (
    month_index     INT           NOT NULL,
    person_id       BIGINT        NOT NULL,
    person_ref      VARCHAR(320)  NOT NULL,
    d01            BIGINT        NOT NULL DEFAULT 0,
    d02            BIGINT        NOT NULL DEFAULT 0,
    d03            BIGINT        NOT NULL DEFAULT 0,
    d04            BIGINT        NOT NULL DEFAULT 0,
    d05            BIGINT        NOT NULL DEFAULT 0,
    d06            BIGINT        NOT NULL DEFAULT 0,
    d07            BIGINT        NOT NULL DEFAULT 0,
    d08            BIGINT        NOT NULL DEFAULT 0,
    d09            BIGINT        NOT NULL DEFAULT 0,
    d10            BIGINT        NOT NULL DEFAULT 0,
    d11            BIGINT        NOT NULL DEFAULT 0,
    d12            BIGINT        NOT NULL DEFAULT 0,
    d13            BIGINT        NOT NULL DEFAULT 0,
    d14            BIGINT        NOT NULL DEFAULT 0,
    d15            BIGINT        NOT NULL DEFAULT 0,
    d16            BIGINT        NOT NULL DEFAULT 0,
    d17            BIGINT        NOT NULL DEFAULT 0,
    d18            BIGINT        NOT NULL DEFAULT 0,
    d19            BIGINT        NOT NULL DEFAULT 0,
    d20            BIGINT        NOT NULL DEFAULT 0,
    d21            BIGINT        NOT NULL DEFAULT 0,
    d22            BIGINT        NOT NULL DEFAULT 0,
    d23            BIGINT        NOT NULL DEFAULT 0,
    d24            BIGINT        NOT NULL DEFAULT 0,
    d25            BIGINT        NOT NULL DEFAULT 0,
    d26            BIGINT        NOT NULL DEFAULT 0,
    d27            BIGINT        NOT NULL DEFAULT 0,
    d28            BIGINT        NOT NULL DEFAULT 0,
    d29            BIGINT        NOT NULL DEFAULT 0,
    d30            BIGINT        NOT NULL DEFAULT 0,
    d31            BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (month_index, person_id, person_ref)
);

INSERT INTO telemetry_person_month_total (month_index, person_id, person_ref, d01, d02, d03, d04, d05, d06, d07, d08, d09, d10, d11, d12, d13, d14, d15, d16, d17, d18, d19, d20, d21, d22, d23, d24, d25, d26, d27, d28, d29, d30, d31)
SELECT month_index, person_id, person_ref, SUM(d01), SUM(d02), SUM(d03), SUM(d04), SUM(d05), SUM(d06), SUM(d07), SUM(d08), SUM(d09), SUM(d10), SUM(d11), SUM(d12), SUM(d13), SUM(d14), SUM(d15), SUM(d16), SUM(d17), SUM(d18), SUM(d19), SUM(d20), SUM(d21), SUM(d22), SUM(d23), SUM(d24), SUM(d25), SUM(d26), SUM(d27), SUM(d28), SUM(d29), SUM(d30), SUM(d31)
FROM telemetry_person_month GROUP BY month_index, person_id, person_ref;

-- Alignment reads one side's workflows of a month: without this it would read the whole month.
CREATE INDEX telemetry_person_month_workflow_ix ON telemetry_person_month (month_index, workflow_id);
