-- Harvesting: an organization's own DCAT-AP-SE catalog, fetched on a schedule, and the datasets
-- found in it, normalised so the platform's export still passes the shapes.

CREATE TABLE harvest_sources (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organization_code  text NOT NULL REFERENCES organizations (code),
  -- 'remote': a catalog fetched from url on a schedule. 'form': the datasets the organization
  -- describes in the platform's guided form, run through the same normalisation and checks
  -- whenever one of them is saved (url is then a urn naming the organization; never fetched).
  kind               text NOT NULL DEFAULT 'remote' CHECK (kind IN ('remote', 'form')),
  url                text NOT NULL,
  interval_minutes   int NOT NULL DEFAULT 1440 CHECK (interval_minutes >= 5),
  enabled            boolean NOT NULL DEFAULT true,
  next_run_at        timestamptz,
  -- The last run: when it started and finished, and what it came to.
  last_started_at    timestamptz,
  last_finished_at   timestamptz,
  last_success_at    timestamptz,
  status             text NOT NULL DEFAULT 'new'
                     CHECK (status IN ('new', 'running', 'harvested', 'unchanged', 'failed')),
  datasets_added       int NOT NULL DEFAULT 0,
  datasets_updated     int NOT NULL DEFAULT 0,
  datasets_unchanged   int NOT NULL DEFAULT 0,
  datasets_tombstoned  int NOT NULL DEFAULT 0,
  datasets_rejected    int NOT NULL DEFAULT 0,
  -- Why the last run failed ({"sv", "en", "kind"}), or what it noted (duplicates); null when clean.
  last_error         jsonb,
  last_notes         jsonb,
  -- sha256 of the last document that was harvested successfully: the same bytes are not parsed again.
  content_sha256     text,
  fetch_etag         text,
  fetch_last_modified text,
  -- One runner at a time, across instances: a lease that runs out if its holder dies.
  lease_token        text,
  lease_until        timestamptz,
  created_by         text NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_code, url)
);

CREATE INDEX harvest_sources_due_idx ON harvest_sources (next_run_at) WHERE enabled;

CREATE TABLE harvested_datasets (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source_id          bigint NOT NULL REFERENCES harvest_sources (id) ON DELETE CASCADE,
  organization_code  text NOT NULL REFERENCES organizations (code),
  dataset_iri        text NOT NULL,
  -- dct:identifier, when the source gives one: duplicates are merged on it too.
  identifier         text,
  -- sha256 of the normalised description: an equal hash means nothing is rewritten.
  content_sha256     text NOT NULL,
  -- The normalised description: {"own": [RdfNode…], "shared": [RdfNode…]}, skolem IRIs under a
  -- base token that the export replaces with its base.
  graph              jsonb NOT NULL,
  -- For search and listings: language → text, language → keywords, and IRIs.
  title              jsonb NOT NULL,
  summary            jsonb NOT NULL,
  keywords           jsonb NOT NULL,
  themes             text[] NOT NULL DEFAULT '{}',
  formats            text[] NOT NULL DEFAULT '{}',
  licences           text[] NOT NULL DEFAULT '{}',
  status             text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'tombstoned')),
  -- Whether the normalised description passes the shapes; only valid ones are exported.
  valid              boolean NOT NULL,
  violations         jsonb NOT NULL DEFAULT '[]',
  -- What normalisation dropped, added or changed, for the pre-flight page.
  normalisation      jsonb NOT NULL DEFAULT '[]',
  first_seen_at      timestamptz NOT NULL DEFAULT now(),
  last_seen_at       timestamptz NOT NULL DEFAULT now(),
  tombstoned_at      timestamptz,
  -- Moves when what is exported changes (content, status): part of the catalog's ETag.
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_code, dataset_iri)
);

CREATE INDEX harvested_datasets_source_idx ON harvested_datasets (source_id);
CREATE INDEX harvested_datasets_identifier_idx ON harvested_datasets (organization_code, identifier)
  WHERE identifier IS NOT NULL;
CREATE INDEX harvested_datasets_export_idx ON harvested_datasets (organization_code, dataset_iri)
  WHERE status = 'active' AND valid;
