-- Browser sessions, kept in the database by Spring Session JDBC so that every node of a
-- deployment serves every session (no sticky load balancing). The layout is Spring Session's
-- own (schema-postgresql.sql of spring-session-jdbc 4.0), under Pitwall's table names
-- (spring.session.jdbc.table-name). Rows are deleted when a session ends or expires.
CREATE TABLE platform_http_session (
    primary_id            CHAR(36)     NOT NULL,
    session_id            CHAR(36)     NOT NULL,
    creation_time         BIGINT       NOT NULL,
    last_access_time      BIGINT       NOT NULL,
    max_inactive_interval INT          NOT NULL,
    expiry_time           BIGINT       NOT NULL,
    principal_name        VARCHAR(100),
    CONSTRAINT platform_http_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX platform_http_session_ix1 ON platform_http_session (session_id);
CREATE INDEX platform_http_session_ix2 ON platform_http_session (expiry_time);
CREATE INDEX platform_http_session_ix3 ON platform_http_session (principal_name);

CREATE TABLE platform_http_session_attributes (
    session_primary_id CHAR(36)     NOT NULL,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BYTEA        NOT NULL,
    CONSTRAINT platform_http_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT platform_http_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES platform_http_session (primary_id) ON DELETE CASCADE
);
