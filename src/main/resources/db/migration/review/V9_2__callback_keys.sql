-- The key each AI system's review callbacks are signed with (HMAC-SHA256), shown once when created.
CREATE TABLE review_callback_key (
    system_id    BIGINT       NOT NULL PRIMARY KEY REFERENCES portfolio_ai_system (id),
    secret       VARCHAR(200) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(200) NOT NULL
);
