-- A decision right may be held by one of the workflow's roles instead of a person: its members then
-- share the right (e.g. one review queue for every claims handler). The role is named, not
-- referenced by id, because applying a workflow's definition replaces its roles.
ALTER TABLE portfolio_decision_right ADD COLUMN role_name VARCHAR(100);
ALTER TABLE portfolio_decision_right ADD CONSTRAINT portfolio_decision_right_one_holder_ck
    CHECK (person_id IS NULL OR role_name IS NULL);
