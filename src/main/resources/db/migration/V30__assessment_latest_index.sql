-- The latest assessment of each person, competency and source, read in order without sorting or visiting the
-- table (issue 12's branch-wide gaps: an index-only scan, the newest row of each source first).
CREATE INDEX ix_assessment_latest ON assessment (person_id, framework_code, item_code, source, assessed_at DESC,
    level_rank, not_observed);
