-- GitHub's user-teams report: who was in which GitHub team on a day (teams of fewer than five
-- Copilot-licensed members are not in GitHub's report). A day imported again replaces that day's
-- rows of its scope. Joined with the per-user usage report (source GITHUB_COPILOT) on day and login
-- to give team figures.
CREATE TABLE telemetry_github_team_member (
    scope           VARCHAR(200)  NOT NULL,
    member_day      DATE          NOT NULL,
    team_id         VARCHAR(40)   NOT NULL,
    slug            VARCHAR(200)  NOT NULL,
    user_ref        VARCHAR(320)  NOT NULL,
    user_id         VARCHAR(40),
    imported_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (scope, member_day, team_id, user_ref)
);
CREATE INDEX telemetry_github_team_member_day_ix ON telemetry_github_team_member (member_day);

-- Which Pitwall team a GitHub team is, where its slug is not simply the Pitwall team's name
-- (lower case, words joined by hyphens).
CREATE TABLE telemetry_github_team_map (
    slug            VARCHAR(200)  NOT NULL PRIMARY KEY,
    team_id         BIGINT        NOT NULL,
    mapped_by       VARCHAR(200)  NOT NULL,
    mapped_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
