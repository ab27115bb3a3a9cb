-- Progress and readiness. Readiness itself is computed from what it depends on (publications,
-- the prioritized list, declarations) whenever it is asked for, so it is never stale; what is
-- stored is what cannot be computed: organizations' own declarations, and the daily history.

-- A criterion an organization declares itself, with the evidence: a link, and for the data
-- contact a name and an address. The latest declaration per criterion counts.
CREATE TABLE readiness_declarations (
  organization_code  text NOT NULL REFERENCES organizations (code),
  criterion          text NOT NULL CHECK (criterion IN ('data-contact', 'open-data-policy', 'open-licence', 'api')),
  evidence_url       text NOT NULL CHECK (evidence_url ~ '^https?://'),
  contact_name       text,
  contact_email      text,
  declared_by        text NOT NULL,
  declared_at        timestamptz NOT NULL DEFAULT now(),
  demo               boolean NOT NULL DEFAULT false,
  PRIMARY KEY (organization_code, criterion),
  CHECK (criterion <> 'data-contact' OR (contact_name IS NOT NULL AND contact_email IS NOT NULL))
);

-- One row per organization and day: the level it had that day (the last computation of the day).
CREATE TABLE readiness_snapshots (
  day                date NOT NULL,
  organization_code  text NOT NULL REFERENCES organizations (code),
  level              int NOT NULL CHECK (level BETWEEN 0 AND 3),
  score              int NOT NULL CHECK (score >= 0),
  model_version      text NOT NULL,
  PRIMARY KEY (day, organization_code)
);

CREATE INDEX readiness_snapshots_organization_idx ON readiness_snapshots (organization_code, day);
