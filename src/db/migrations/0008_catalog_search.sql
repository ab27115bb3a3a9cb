-- The catalog's search index. The catalog itself is computed from publications (and harvested
-- metadata) on every export; searching 50,000 entries that way would take seconds, so the
-- searchable fields are kept here, refreshed feed by feed (the national datasets, one
-- organization's publications, one organization's harvested datasets) whenever the feed's stamp
-- differs from the one stored below. A search first brings stale feeds up to date, so it never
-- answers from an index older than the catalog.

CREATE TABLE catalog_search_entries (
  id                 text PRIMARY KEY,
  feed               text NOT NULL,
  kind               text NOT NULL CHECK (kind IN ('publication', 'national', 'harvested')),
  organization_code  text REFERENCES organizations (code),
  lan_code           text,
  -- Platform IRIs are stored as paths ("/catalog/datasets/0580.badplatser") and answered with the
  -- request's base; harvested IRIs are absolute.
  iri                text NOT NULL,
  landing_page       text NOT NULL,
  title_sv           text NOT NULL,
  title_en           text NOT NULL,
  description_sv     text NOT NULL,
  description_en     text NOT NULL,
  keywords           text[] NOT NULL,
  themes             text[] NOT NULL,
  formats            text[] NOT NULL,
  licence            text,
  spec_slug          text,
  hvd                boolean NOT NULL,
  modified           timestamptz,
  -- Folded (lower case, no diacritics) title, keywords and description: their Swedish stems, the
  -- whole words, and the tails of the title's and keywords' words, so that a part of a compound
  -- ("plats" in "badplatser") is found by prefix.
  document           tsvector NOT NULL
);

CREATE INDEX catalog_search_entries_feed_idx ON catalog_search_entries (feed);
CREATE INDEX catalog_search_entries_document_idx ON catalog_search_entries USING gin (document);
CREATE INDEX catalog_search_entries_organization_idx ON catalog_search_entries (organization_code);
CREATE INDEX catalog_search_entries_lan_idx ON catalog_search_entries (lan_code);
CREATE INDEX catalog_search_entries_themes_idx ON catalog_search_entries USING gin (themes);
CREATE INDEX catalog_search_entries_formats_idx ON catalog_search_entries USING gin (formats);
-- Listing without search words is by title: a page is read off the index.
CREATE INDEX catalog_search_entries_title_sv_idx ON catalog_search_entries (title_sv, id);
CREATE INDEX catalog_search_entries_title_en_idx ON catalog_search_entries (title_en, id);

CREATE TABLE catalog_search_feeds (
  feed        text PRIMARY KEY,
  stamp       text NOT NULL,
  indexed_at  timestamptz NOT NULL DEFAULT now()
);
