-- Publishing and the national consolidated datasets.
--
-- A publication is (organization, specification) with its source. Every file it receives becomes
-- an immutable release: the stored original (by sha256), its validation report and its counts. The
-- publication points at its current release, the newest one that was published; a rejected file
-- never moves that pointer (last-valid fallback).

-- Files in the content-addressed file store (src/files). A row is written only after the file is
-- complete on disk, so a release can never point at a partial file.
CREATE TABLE stored_files (
  sha256     text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  bytes      bigint NOT NULL CHECK (bytes >= 0),
  stored_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE publications (
  organization_code   text NOT NULL REFERENCES organizations (code),
  spec_slug           text NOT NULL REFERENCES specifications (slug),
  source_kind         text NOT NULL DEFAULT 'upload' CHECK (source_kind IN ('upload', 'url')),
  source_url          text CHECK ((source_kind = 'url') = (source_url IS NOT NULL)),
  fetch_interval_minutes int CHECK (fetch_interval_minutes IS NULL OR fetch_interval_minutes >= 5),
  next_fetch_at       timestamptz,
  fetch_etag          text,
  fetch_last_modified text,
  last_fetch_at       timestamptz,
  last_fetch_error    jsonb,
  current_release_id  text,
  latest_release_id   text,
  -- Synthetic content from demo mode; shown as such in the UI and the API.
  demo                boolean NOT NULL DEFAULT false,
  -- A lease, not a lock held by a connection: it works the same on PGlite and on a server with
  -- many app instances, and a crashed writer's lease simply runs out.
  lease_token         text,
  lease_until         timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_code, spec_slug)
);

CREATE INDEX publications_spec_idx ON publications (spec_slug);
CREATE INDEX publications_next_fetch_idx ON publications (next_fetch_at) WHERE source_kind = 'url';

CREATE TABLE releases (
  id                 text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
  organization_code  text NOT NULL,
  spec_slug          text NOT NULL,
  spec_version       text NOT NULL,
  -- published: every row; partial: only the valid rows, by the publisher's choice; rejected: none.
  status             text NOT NULL CHECK (status IN ('published', 'partial', 'rejected')),
  origin             text NOT NULL CHECK (origin IN ('upload', 'url', 'demo')),
  file_sha256        text NOT NULL REFERENCES stored_files (sha256),
  file_bytes         bigint NOT NULL,
  file_name          text,
  format             text NOT NULL,
  report             jsonb NOT NULL,
  rows_total         int NOT NULL CHECK (rows_total >= 0),
  rows_published     int NOT NULL CHECK (rows_published >= 0),
  -- What consolidation changed in the national dataset: rows added, changed and removed.
  rows_added         int,
  rows_changed       int,
  rows_removed       int,
  created_at         timestamptz NOT NULL DEFAULT now(),
  created_by         text NOT NULL,
  demo               boolean NOT NULL DEFAULT false,
  FOREIGN KEY (organization_code, spec_slug) REFERENCES publications (organization_code, spec_slug),
  FOREIGN KEY (spec_slug, spec_version) REFERENCES specification_versions (slug, version)
);

CREATE INDEX releases_publication_idx ON releases (organization_code, spec_slug, created_at DESC);

ALTER TABLE publications
  ADD CONSTRAINT publications_current_release_fk FOREIGN KEY (current_release_id) REFERENCES releases (id),
  ADD CONSTRAINT publications_latest_release_fk FOREIGN KEY (latest_release_id) REFERENCES releases (id);

-- The national dataset of every specification: each organization's rows from its current release.
-- The primary key leads with the specification, so the table can be list-partitioned by it.
CREATE TABLE dataset_rows (
  spec_slug          text NOT NULL,
  organization_code  text NOT NULL,
  -- The row's key within the organization's data (the specification's primary key without
  -- `source`); the national id is organization_code || ':' || record_id.
  record_id          text NOT NULL,
  release_id         text NOT NULL REFERENCES releases (id),
  source_row         int NOT NULL,
  -- Where the row lies: the municipality (by position, or the publishing kommun) and its län.
  kommun_code        text,
  lan_code           text,
  latitude           double precision,
  longitude          double precision,
  data               jsonb NOT NULL,
  row_hash           text NOT NULL,
  search             tsvector NOT NULL,
  demo               boolean NOT NULL DEFAULT false,
  PRIMARY KEY (spec_slug, organization_code, record_id)
);

CREATE INDEX dataset_rows_kommun_idx ON dataset_rows (spec_slug, kommun_code, organization_code, record_id);
CREATE INDEX dataset_rows_lan_idx ON dataset_rows (spec_slug, lan_code, organization_code, record_id);
CREATE INDEX dataset_rows_position_idx ON dataset_rows (spec_slug, latitude, longitude);
CREATE INDEX dataset_rows_search_idx ON dataset_rows USING gin (search);

-- Rows of a release being prepared, loaded in short batches before the one-transaction swap.
-- Leftovers of a crashed publish are removed by the next publish of any publication.
CREATE TABLE staged_rows (
  release_id   text NOT NULL,
  record_id    text NOT NULL,
  source_row   int NOT NULL,
  kommun_code  text,
  lan_code     text,
  latitude     double precision,
  longitude    double precision,
  data         jsonb NOT NULL,
  row_hash     text NOT NULL,
  -- The row's text, and the same without diacritics: searched with Swedish stemming and as written.
  search_text    text NOT NULL,
  search_folded  text NOT NULL,
  staged_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (release_id, record_id)
);

-- One revision counter per national dataset: bumped by every consolidation, it makes the ETag of
-- every data API answer without reading the rows.
CREATE TABLE dataset_revisions (
  spec_slug   text PRIMARY KEY REFERENCES specifications (slug),
  revision    bigint NOT NULL DEFAULT 0,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
