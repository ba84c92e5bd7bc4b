-- Failed sign-ins per user name and per client address, so that password guessing is slowed
-- down on every node alike (no sticky sessions needed): see LoginThrottle.
CREATE TABLE platform_login_throttle (
    throttle_key    VARCHAR(400) PRIMARY KEY,
    failures        INT          NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    blocked_until   TIMESTAMP WITH TIME ZONE
);
