-- The summaries scorecards read are added to by every rolled-up batch (INSERT ... ON CONFLICT DO
-- UPDATE): each addition leaves the row's old version dead. Packed full (fillfactor 100), the new
-- version lands on another page and only VACUUM reclaims the old one; while autovacuum was busy
-- with the event partitions of a large catch-up, telemetry_person_month_total grew to 13 times
-- its rows' size and telemetry_person_month to 6 times, and alignment, which reads them whole for
-- the window's months, took 0.1–0.9 s instead of 30 ms (docs/scaling.md, "Summaries kept
-- compact"). With room left on each page, an addition is a heap-only update on the same page,
-- which PostgreSQL prunes as it reads the page, without VACUUM; autovacuum also comes sooner.
-- New pages get the room; existing ones as rows move.
ALTER TABLE telemetry_person_month SET (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.02,
    autovacuum_analyze_scale_factor = 0.05);
ALTER TABLE telemetry_person_month_total SET (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.02,
    autovacuum_analyze_scale_factor = 0.05);
ALTER TABLE telemetry_active_month SET (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.02,
    autovacuum_analyze_scale_factor = 0.05);
ALTER TABLE telemetry_daily_rollup SET (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.02,
    autovacuum_analyze_scale_factor = 0.05);
ALTER TABLE telemetry_daily_slice SET (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.02,
    autovacuum_analyze_scale_factor = 0.05);
-- A workflow's month pack is rewritten whole (in TOAST) by each addition.
ALTER TABLE telemetry_active_pack SET (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.02,
    toast.autovacuum_vacuum_scale_factor = 0.02);
