-- Nothing lost by accident (issue 14): the removal guard, rollback and diffs between releases.
--
-- held: a release that would remove all of an organization's rows, or more than half, waits for
-- the publisher's confirmation; its staged rows are kept until then (or until another release
-- becomes current, which makes it unconfirmable). withdrawn: a header-only file, confirmed, that
-- removed the organization's rows.
ALTER TABLE releases DROP CONSTRAINT releases_status_check;
ALTER TABLE releases ADD CONSTRAINT releases_status_check
  CHECK (status IN ('published', 'partial', 'rejected', 'held', 'withdrawn'));
-- cli: published with the dataverkstad command; restore: an earlier release made current again.
ALTER TABLE releases DROP CONSTRAINT releases_origin_check;
ALTER TABLE releases ADD CONSTRAINT releases_origin_check
  CHECK (origin IN ('upload', 'url', 'demo', 'cli', 'restore'));
ALTER TABLE releases
  -- The current release a held one was measured against: confirming is refused once it changed.
  ADD COLUMN based_on_release_id text REFERENCES releases (id) ON DELETE SET NULL,
  ADD COLUMN restored_from_release_id text REFERENCES releases (id) ON DELETE SET NULL,
  -- Whether release_rows holds this release's row ids and hashes (releases before this migration
  -- that are not current have none, and are indexed from their stored file when first diffed).
  ADD COLUMN rows_indexed boolean NOT NULL DEFAULT false;

-- Every release's rows as ids and hashes (not the data): diffs between any two releases are exact
-- set operations in the database, and the changed rows' fields are read from the stored files.
CREATE TABLE release_rows (
  release_id  text NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
  record_id   text NOT NULL,
  row_hash    text NOT NULL,
  PRIMARY KEY (release_id, record_id)
);

INSERT INTO release_rows (release_id, record_id, row_hash)
  SELECT release_id, record_id, row_hash FROM dataset_rows;
UPDATE releases SET rows_indexed = true
  WHERE id IN (SELECT current_release_id FROM publications WHERE current_release_id IS NOT NULL)
    OR status = 'rejected';
