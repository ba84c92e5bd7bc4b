-- Serious incidents under the EU AI Act (Art. 73): the kind, which sets the reporting deadline, when
-- the incident was marked serious, the deadline, the escalations at half and 90 % of the time, and
-- when (and under which reference) it was reported to the market surveillance authority.
ALTER TABLE operations_incident ADD COLUMN serious_kind VARCHAR(30);
ALTER TABLE operations_incident ADD COLUMN report_due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE operations_incident ADD COLUMN report_escalations INT DEFAULT 0 NOT NULL;
ALTER TABLE operations_incident ADD COLUMN reported_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE operations_incident ADD COLUMN report_reference VARCHAR(200);
