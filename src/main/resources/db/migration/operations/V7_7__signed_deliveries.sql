-- Deliveries other modules queue without a subscription (review decisions to an AI system's callback)
-- carry the key they are signed with.
ALTER TABLE operations_delivery ADD COLUMN signing_secret VARCHAR(200);
