-- A control may also be required by the EU AI Act obligations a workflow carries, whatever its tier:
-- TRANSPARENCY (Art. 50 duties), HIGH_RISK (Art. 26 deployer duties) or PROHIBITED.
ALTER TABLE governance_control ADD COLUMN required_eu_obligations VARCHAR(100) NOT NULL DEFAULT '';

INSERT INTO governance_control (control_key, name, description, evidence, required_tiers, required_eu_obligations,
    built_in, version, updated_at) VALUES
('transparency-notice', 'Transparency notice', 'People are told when they interact with the AI or are exposed to emotion recognition or biometric categorisation, and generated or manipulated content is marked as such, clearly and at the latest at the first interaction.', 'The notice as shown to people, the marking of generated content, and where they appear.', '', 'TRANSPARENCY', TRUE, 1, CURRENT_TIMESTAMP);

INSERT INTO governance_control_reference (control_id, framework, ref)
SELECT c.id, r.framework, r.ref FROM governance_control c JOIN (VALUES
    ('EU_AI_ACT', 'Art. 50(1)'), ('EU_AI_ACT', 'Art. 50(2)'), ('EU_AI_ACT', 'Art. 50(3)'),
    ('EU_AI_ACT', 'Art. 50(4) first subpara.'), ('EU_AI_ACT', 'Art. 50(4) second subpara.'), ('EU_AI_ACT', 'Art. 50(5)'),
    ('NIST_AI_RMF', 'MEASURE 2.8'), ('ISO_42001', 'A.8.5')
) AS r (framework, ref) ON c.control_key = 'transparency-notice';
