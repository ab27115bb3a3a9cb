-- Fetches of URL sources as jobs a publisher can poll. A source's fetch holds a lease on its
-- publication (fetch_lease_token = the running job's id), so the scheduler and manual fetches,
-- on any number of instances, never fetch the same source at once; a dead instance's lease runs out.
ALTER TABLE publications ADD COLUMN fetch_lease_token text, ADD COLUMN fetch_lease_until timestamptz;

CREATE TABLE source_fetches (
  id                 text PRIMARY KEY,
  organization_code  text NOT NULL,
  spec_slug          text NOT NULL,
  -- manual: "fetch now"; source-set: the first fetch of a new source; schedule: the interval came round.
  trigger            text NOT NULL CHECK (trigger IN ('manual', 'source-set', 'schedule')),
  state              text NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'done', 'failed')),
  outcome            text CHECK (outcome IN ('released', 'not-modified', 'failed')),
  release_id         text,
  error              jsonb,
  created_by         text NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  finished_at        timestamptz,
  FOREIGN KEY (organization_code, spec_slug) REFERENCES publications (organization_code, spec_slug) ON DELETE CASCADE
);

CREATE INDEX source_fetches_publication_idx ON source_fetches (organization_code, spec_slug, created_at DESC);
