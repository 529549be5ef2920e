-- CASE exchange: items of a type unknown to Referentia (ItemType OTHER) keep the title of their
-- original CFItemType; association types widened to CASE's own list (the column is long enough).
ALTER TABLE framework_item ADD COLUMN type_label VARCHAR(200);
