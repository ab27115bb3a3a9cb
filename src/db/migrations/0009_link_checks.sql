-- Link checks: the access and download URLs of harvested distributions, fetched on a schedule
-- (HEAD, SSRF-safe), so a publisher and the quality score see which links no longer answer. The
-- platform's own URLs are answered by this server and are not listed.
CREATE TABLE link_checks (
  url               text PRIMARY KEY,
  status            text NOT NULL DEFAULT 'unchecked' CHECK (status IN ('unchecked', 'ok', 'broken')),
  http_status       int,
  -- Why it is broken, in plain words: {"kind", "sv", "en"}.
  error             jsonb,
  -- Failures in a row: a broken link is checked again sooner, then less often.
  failures          int NOT NULL DEFAULT 0,
  first_seen_at     timestamptz NOT NULL DEFAULT now(),
  last_checked_at   timestamptz,
  next_check_at     timestamptz NOT NULL DEFAULT now(),
  lease_until       timestamptz
);

CREATE INDEX link_checks_due_idx ON link_checks (next_check_at);
