-- Datasets an organization describes in the guided form: what it publishes elsewhere (its own web
-- site, an API) and wants in the catalog. These rows keep what was typed, so the form can be
-- edited; the catalog entry itself is made from them by the harvest pipeline (decision 29).
CREATE TABLE described_datasets (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organization_code  text NOT NULL REFERENCES organizations (code),
  description        jsonb NOT NULL,
  created_by         text NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX described_datasets_organization_idx ON described_datasets (organization_code, id);
