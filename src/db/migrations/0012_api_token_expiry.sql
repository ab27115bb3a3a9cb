-- API tokens run out: a lost token stops working by itself. NULL means no expiry (asked for
-- explicitly). Tokens made before this migration get a year from now, not from their making,
-- so none stops working the day this is deployed.
ALTER TABLE api_tokens ADD COLUMN expires_at timestamptz;

UPDATE api_tokens SET expires_at = now() + interval '1 year' WHERE revoked_at IS NULL;
