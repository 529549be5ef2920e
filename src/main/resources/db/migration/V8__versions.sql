-- Versions of a referential: who published a version, and when. Published versions are frozen.
ALTER TABLE framework ADD COLUMN published_by VARCHAR(320);
ALTER TABLE framework ADD COLUMN published_at TIMESTAMP;
CREATE INDEX ix_framework_code_status ON framework (code, status);
