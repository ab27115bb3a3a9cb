-- Failed sign-ins per account and per client address, in fixed windows: the counters live in the
-- database so that every app instance sees the same ones.
CREATE TABLE sign_in_failures (
  key           text PRIMARY KEY,
  failures      int NOT NULL CHECK (failures > 0),
  window_start  timestamptz NOT NULL DEFAULT now()
);
