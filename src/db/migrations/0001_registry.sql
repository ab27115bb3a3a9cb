-- The registry: the 21 counties (län), the organizations (290 kommuner, 21 regioner,
-- Region Gotland being both) and their boundaries. Codes are text, never numbers.

CREATE TABLE lan (
  code        text PRIMARY KEY CHECK (code ~ '^[0-9]{2}$'),
  name        text NOT NULL,
  short_name  text NOT NULL
);

CREATE TABLE organizations (
  code                 text PRIMARY KEY CHECK (code ~ '^([0-9]{2}|[0-9]{4})$'),
  name                 text NOT NULL,
  short_name           text NOT NULL,
  types                text[] NOT NULL CHECK (cardinality(types) > 0 AND types <@ ARRAY['kommun', 'region']),
  lan_code             text NOT NULL REFERENCES lan (code),
  organization_number  text CHECK (organization_number ~ '^[0-9]{6}-[0-9]{4}$'),
  -- Lowercase, diacritics removed (foldForSearch in src/core/text.ts), for "linkoping" → Linköping.
  search_text          text NOT NULL
);

CREATE INDEX organizations_lan_code_idx ON organizations (lan_code);
CREATE INDEX organizations_types_idx ON organizations USING gin (types);

-- One boundary per kommun and per län, GeoJSON geometry in WGS 84 (lon, lat).
CREATE TABLE boundaries (
  area_type  text NOT NULL CHECK (area_type IN ('kommun', 'lan')),
  code       text NOT NULL,
  geometry   jsonb NOT NULL,
  -- [west, south, east, north]
  bbox       double precision[] NOT NULL CHECK (cardinality(bbox) = 4),
  PRIMARY KEY (area_type, code)
);
