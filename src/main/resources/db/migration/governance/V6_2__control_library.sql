-- Pitwall's own control library (version 1 of each control). Organizations edit these and add
-- their own through the API or the pages; every change makes a new version.
-- required_tiers: the internal risk tiers whose workflows must implement the control.
INSERT INTO governance_control (control_key, name, description, evidence, required_tiers, built_in, version, updated_at) VALUES
('ownership', 'Ownership', 'A named accountable owner decides on the workflow''s AI output and answers for its risks; the decision rights are recorded.', 'The accountable owner and decision-rights record; the owner''s acceptance.', 'CRITICAL,HIGH,MEDIUM,LOW', TRUE, 1, CURRENT_TIMESTAMP),
('usage-policy', 'Usage policy', 'An acceptable-use policy says what the AI may and may not be used for in this workflow, and users have acknowledged it.', 'The policy document and the acknowledgement records.', 'CRITICAL,HIGH,MEDIUM,LOW', TRUE, 1, CURRENT_TIMESTAMP),
('training', 'Training and AI literacy', 'Users and overseers are trained in the AI''s capabilities, limits and risks before use (AI literacy).', 'Course material and completion records of the intended users.', 'CRITICAL,HIGH,MEDIUM,LOW', TRUE, 1, CURRENT_TIMESTAMP),
('boundaries', 'Boundaries', 'The intended purpose, the inputs the AI may receive, the actions it may take and the cases it must not handle are written down and enforced.', 'The boundary specification and the guardrail configuration or test results.', 'CRITICAL,HIGH,MEDIUM', TRUE, 1, CURRENT_TIMESTAMP),
('access-control', 'Access control', 'Only authorized people and systems can use the AI, change its configuration or read its data; access is reviewed.', 'The access list, the role configuration and the last access review.', 'CRITICAL,HIGH,MEDIUM', TRUE, 1, CURRENT_TIMESTAMP),
('logging', 'Logging', 'Inputs, outputs, decisions and overrides are logged automatically and kept for the required period.', 'The logging configuration, a sample log and the retention setting.', 'CRITICAL,HIGH,MEDIUM', TRUE, 1, CURRENT_TIMESTAMP),
('data-governance', 'Data governance', 'The data the workflow uses is fit for purpose, lawfully processed and protected; personal data has a legal basis and an impact assessment where required.', 'The data inventory, the DPIA or its screening, and the data-quality checks.', 'CRITICAL,HIGH,MEDIUM', TRUE, 1, CURRENT_TIMESTAMP),
('monitoring', 'Monitoring', 'Quality, drift, errors and cost are monitored against thresholds, and someone is alerted when they are crossed.', 'The monitor definitions, thresholds and a recent alert or report.', 'CRITICAL,HIGH,MEDIUM', TRUE, 1, CURRENT_TIMESTAMP),
('review-procedure', 'Review procedure', 'A documented procedure says which outputs people review before they take effect, how, and with what sampling.', 'The review procedure and review records.', 'CRITICAL,HIGH', TRUE, 1, CURRENT_TIMESTAMP),
('human-oversight', 'Human oversight', 'Named people with competence and authority oversee the AI, can interpret its output and can override or stop it.', 'The oversight assignment, their training and the override mechanism.', 'CRITICAL,HIGH', TRUE, 1, CURRENT_TIMESTAMP),
('fallback-path', 'Fallback path', 'The work can continue without the AI: a tested manual or alternative path exists and people know when to use it.', 'The fallback runbook and the last test of it.', 'CRITICAL,HIGH', TRUE, 1, CURRENT_TIMESTAMP),
('incident-response', 'Incident response', 'AI incidents and serious malfunctions are detected, reported to the provider and authorities where required, and handled.', 'The incident procedure, the reporting contacts and the incident log.', 'CRITICAL,HIGH', TRUE, 1, CURRENT_TIMESTAMP),
('documentation', 'Documentation', 'The system, its purpose, its provider''s instructions, its risks and its controls are documented and kept current; affected people are informed where required.', 'The system documentation, the provider''s instructions for use and notices to affected people.', 'CRITICAL,HIGH', TRUE, 1, CURRENT_TIMESTAMP);

INSERT INTO governance_control_reference (control_id, framework, ref)
SELECT c.id, r.framework, r.ref FROM governance_control c JOIN (VALUES
    ('ownership', 'NIST_AI_RMF', 'GOVERN 2.1'), ('ownership', 'NIST_AI_RMF', 'GOVERN 2.3'), ('ownership', 'NIST_AI_RMF', 'MAP 3.5'),
    ('ownership', 'ISO_42001', 'A.3.2'), ('ownership', 'EU_AI_ACT', 'Art. 26(2)'),
    ('usage-policy', 'NIST_AI_RMF', 'GOVERN 1.2'), ('usage-policy', 'NIST_AI_RMF', 'GOVERN 1.4'), ('usage-policy', 'NIST_AI_RMF', 'MAP 1.1'),
    ('usage-policy', 'ISO_42001', 'A.2.2'), ('usage-policy', 'ISO_42001', 'A.9.2'), ('usage-policy', 'ISO_42001', 'A.9.4'),
    ('usage-policy', 'EU_AI_ACT', 'Art. 26(1)'),
    ('training', 'NIST_AI_RMF', 'GOVERN 2.2'), ('training', 'NIST_AI_RMF', 'MAP 3.4'), ('training', 'ISO_42001', 'A.4.6'),
    ('training', 'EU_AI_ACT', 'Art. 4'),
    ('boundaries', 'NIST_AI_RMF', 'MAP 1.1'), ('boundaries', 'NIST_AI_RMF', 'MAP 2.1'), ('boundaries', 'NIST_AI_RMF', 'MAP 2.2'),
    ('boundaries', 'NIST_AI_RMF', 'MAP 3.3'), ('boundaries', 'ISO_42001', 'A.9.3'), ('boundaries', 'ISO_42001', 'A.6.1.2'),
    ('boundaries', 'EU_AI_ACT', 'Art. 26(1)'),
    ('access-control', 'NIST_AI_RMF', 'MANAGE 2.4'), ('access-control', 'NIST_AI_RMF', 'MEASURE 2.7'),
    ('logging', 'NIST_AI_RMF', 'MEASURE 2.8'), ('logging', 'NIST_AI_RMF', 'MANAGE 4.1'), ('logging', 'ISO_42001', 'A.6.2.8'),
    ('logging', 'EU_AI_ACT', 'Art. 26(6)'),
    ('data-governance', 'NIST_AI_RMF', 'MAP 4.1'), ('data-governance', 'NIST_AI_RMF', 'MEASURE 2.10'), ('data-governance', 'ISO_42001', 'A.7.2'),
    ('data-governance', 'ISO_42001', 'A.7.3'), ('data-governance', 'ISO_42001', 'A.7.4'), ('data-governance', 'ISO_42001', 'A.7.5'),
    ('data-governance', 'ISO_42001', 'A.7.6'), ('data-governance', 'EU_AI_ACT', 'Art. 26(4)'), ('data-governance', 'EU_AI_ACT', 'Art. 26(9)'),
    ('monitoring', 'NIST_AI_RMF', 'MEASURE 2.4'), ('monitoring', 'NIST_AI_RMF', 'MEASURE 3.1'), ('monitoring', 'NIST_AI_RMF', 'MANAGE 4.1'),
    ('monitoring', 'ISO_42001', 'A.6.2.6'), ('monitoring', 'EU_AI_ACT', 'Art. 26(5)'),
    ('review-procedure', 'NIST_AI_RMF', 'MAP 3.5'), ('review-procedure', 'NIST_AI_RMF', 'MEASURE 2.1'), ('review-procedure', 'ISO_42001', 'A.6.2.5'),
    ('review-procedure', 'ISO_42001', 'A.9.3'),
    ('human-oversight', 'NIST_AI_RMF', 'GOVERN 3.2'), ('human-oversight', 'NIST_AI_RMF', 'MAP 3.5'), ('human-oversight', 'ISO_42001', 'A.9.2'),
    ('human-oversight', 'EU_AI_ACT', 'Art. 26(2)'),
    ('fallback-path', 'NIST_AI_RMF', 'MANAGE 2.3'), ('fallback-path', 'NIST_AI_RMF', 'MANAGE 2.4'), ('fallback-path', 'ISO_42001', 'A.6.2.6'),
    ('incident-response', 'NIST_AI_RMF', 'MANAGE 4.3'), ('incident-response', 'NIST_AI_RMF', 'GOVERN 4.3'), ('incident-response', 'ISO_42001', 'A.8.4'),
    ('incident-response', 'EU_AI_ACT', 'Art. 26(5)'), ('incident-response', 'EU_AI_ACT', 'Art. 26(12)'),
    ('documentation', 'NIST_AI_RMF', 'GOVERN 1.6'), ('documentation', 'NIST_AI_RMF', 'MAP 4.1'), ('documentation', 'ISO_42001', 'A.6.2.7'),
    ('documentation', 'ISO_42001', 'A.8.2'), ('documentation', 'EU_AI_ACT', 'Art. 26(7)'), ('documentation', 'EU_AI_ACT', 'Art. 26(11)'),
    ('documentation', 'EU_AI_ACT', 'Art. 50(1)')
) AS r (control_key, framework, ref) ON r.control_key = c.control_key;
