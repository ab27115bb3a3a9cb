-- The prioritized list and the specifications. A specification version is immutable once
-- stored: its document and checksum never change (the seed refuses a changed file).

CREATE TABLE specifications (
  slug        text PRIMARY KEY CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  title_sv    text NOT NULL,
  title_en    text NOT NULL,
  level       text NOT NULL CHECK (level IN ('kommun', 'region', 'both'))
);

CREATE TABLE specification_versions (
  slug        text NOT NULL REFERENCES specifications (slug),
  version     text NOT NULL CHECK (version ~ '^[0-9]+\.[0-9]+\.[0-9]+$'),
  -- For ordering: semantic versions do not sort as text.
  major       int NOT NULL,
  minor       int NOT NULL,
  patch       int NOT NULL,
  published   date NOT NULL,
  document    jsonb NOT NULL,
  checksum    text NOT NULL,
  PRIMARY KEY (slug, version)
);

CREATE TABLE priority_list (
  slug           text PRIMARY KEY CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  -- Deferred, so that two entries can swap places in one transaction.
  rank           int NOT NULL CHECK (rank > 0) CONSTRAINT priority_list_rank_key UNIQUE DEFERRABLE INITIALLY DEFERRED,
  official_rank  int CHECK (official_rank > 0),
  name_sv        text NOT NULL,
  name_en        text NOT NULL,
  area_sv        text NOT NULL,
  area_en        text NOT NULL,
  level          text NOT NULL CHECK (level IN ('kommun', 'region', 'both')),
  hvd_category   jsonb,
  status         text NOT NULL CHECK (status IN ('specified', 'in-progress', 'identified')),
  confirmation   text NOT NULL CHECK (confirmation IN ('official', 'candidate')),
  basis_url      text NOT NULL,
  notes          text NOT NULL DEFAULT '',
  updated_at     timestamptz NOT NULL DEFAULT now(),
  updated_by     text NOT NULL DEFAULT 'seed'
);

CREATE INDEX priority_list_area_idx ON priority_list (area_sv);

-- Every change to the list: who, when, and the entry before and after.
CREATE TABLE priority_list_history (
  id          bigserial PRIMARY KEY,
  slug        text NOT NULL,
  changed_at  timestamptz NOT NULL DEFAULT now(),
  changed_by  text NOT NULL,
  before      jsonb,
  after       jsonb
);

CREATE INDEX priority_list_history_slug_idx ON priority_list_history (slug, changed_at);
