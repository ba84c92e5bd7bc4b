-- Entries of the audit log whose content was redacted by an erasure of personal data
-- (docs/privacy.md). An entry keeps its hash, so the chain still links; its redacted content is
-- checked against the SHA-256 recorded here and listed in the erasure's own (hash-checked) entry.
CREATE TABLE platform_audit_redaction (
    sequence         BIGINT   NOT NULL PRIMARY KEY REFERENCES platform_audit_entry (sequence),
    content_sha256   CHAR(64) NOT NULL,
    erasure_sequence BIGINT   NOT NULL REFERENCES platform_audit_entry (sequence),
    redacted_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
