-- SCIM 2.0 provisioning: the people and teams an identity provider provisions, with the SCIM
-- attributes Pitwall keeps beside the directory's own (docs/identity.md).
CREATE TABLE people_scim_user (
    person_id     BIGINT       NOT NULL PRIMARY KEY REFERENCES people_person (id),
    user_name     VARCHAR(320) NOT NULL,
    user_name_key VARCHAR(320) NOT NULL,
    external_id   VARCHAR(200),
    given_name    VARCHAR(200),
    family_name   VARCHAR(200),
    department    VARCHAR(200),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT people_scim_user_name_uk UNIQUE (user_name_key)
);
CREATE INDEX people_scim_user_external_ix ON people_scim_user (external_id);

CREATE TABLE people_scim_group (
    team_id     BIGINT       NOT NULL PRIMARY KEY REFERENCES people_team (id),
    external_id VARCHAR(200),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
