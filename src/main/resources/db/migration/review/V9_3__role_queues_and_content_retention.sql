-- A review item routed under a right held by a role sits in that role's shared queue: assigned to
-- its least-loaded active member, decidable by any of them. Content is kept only until its
-- retention period (the workflow's review policy) ends; then it is removed from the item.
ALTER TABLE review_item ADD COLUMN assignee_role VARCHAR(100);
ALTER TABLE review_item ADD COLUMN content_expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE review_item ADD COLUMN content_removed_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX review_item_content_ix ON review_item (content_expires_at);
