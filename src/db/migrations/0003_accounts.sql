-- Accounts: users, their roles, sessions, API tokens and the audit log. Secrets are never
-- stored: passwords as scrypt hashes, session and API tokens as the SHA-256 of the token.

CREATE TABLE users (
  id             text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
  -- Stored lowercased and trimmed, so "Anna@Kommun.se" and "anna@kommun.se" are one account.
  email          text NOT NULL UNIQUE CHECK (email = lower(btrim(email)) AND email LIKE '%_@_%'),
  display_name   text NOT NULL CHECK (length(btrim(display_name)) > 0),
  -- scrypt$N$r$p$salt_b64$hash_b64 (src/accounts/password.ts)
  password_hash  text NOT NULL CHECK (password_hash LIKE 'scrypt$%'),
  created_at     timestamptz NOT NULL DEFAULT now(),
  disabled_at    timestamptz
);

-- A role with its scope: one län for a county coordinator, one organization for a publisher,
-- none for the others.
CREATE TABLE role_grants (
  id                 bigserial PRIMARY KEY,
  user_id            text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role               text NOT NULL CHECK (role IN ('administrator', 'national-coordinator', 'county-coordinator', 'publisher', 'data-user')),
  lan_code           text REFERENCES lan (code),
  organization_code  text REFERENCES organizations (code),
  granted_at         timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT role_grants_lan_scope CHECK ((role = 'county-coordinator') = (lan_code IS NOT NULL)),
  CONSTRAINT role_grants_organization_scope CHECK ((role = 'publisher') = (organization_code IS NOT NULL))
);

CREATE UNIQUE INDEX role_grants_unique_idx
  ON role_grants (user_id, role, COALESCE(lan_code, ''), COALESCE(organization_code, ''));
CREATE INDEX role_grants_role_idx ON role_grants (role);

CREATE TABLE sessions (
  -- Hex SHA-256 of the token in the cookie; the token itself is never stored.
  id            text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
  user_id       text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (expires_at > created_at)
);

CREATE INDEX sessions_user_id_idx ON sessions (user_id);
CREATE INDEX sessions_expires_at_idx ON sessions (expires_at);

CREATE TABLE api_tokens (
  id                 text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
  -- Hex SHA-256 of the token; the token is shown once, at creation.
  token_hash         text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  user_id            text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  organization_code  text NOT NULL REFERENCES organizations (code),
  scope              text NOT NULL CHECK (scope IN ('read', 'publish')),
  name               text NOT NULL CHECK (length(btrim(name)) > 0),
  created_at         timestamptz NOT NULL DEFAULT now(),
  last_used_at       timestamptz,
  revoked_at         timestamptz
);

CREATE INDEX api_tokens_user_id_idx ON api_tokens (user_id, created_at);

-- Every write: who, what, when and from where. Rows are only ever added.
CREATE TABLE audit_log (
  id            bigserial PRIMARY KEY,
  at            timestamptz NOT NULL DEFAULT now(),
  actor         text NOT NULL,
  action        text NOT NULL,
  object        text,
  from_address  text,
  details       jsonb
);

CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_actor_idx ON audit_log (actor, id);
