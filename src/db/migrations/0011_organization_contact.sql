-- The registry tells the truth: each organization's own website (from the reference data until
-- its publisher sets one) and its own contact mailbox (null until its publisher gives one; the
-- catalog then shows a placeholder and pre-flight says the catalog is not ready for dataportal.se).
-- contact_updated_at is set when the organization edits these; the seed then leaves the website alone.
ALTER TABLE organizations ADD COLUMN IF NOT EXISTS website text CHECK (website ~ '^https?://');
ALTER TABLE organizations ADD COLUMN IF NOT EXISTS contact_email text CHECK (contact_email ~ '^[^@\s]+@[^@\s]+$');
ALTER TABLE organizations ADD COLUMN IF NOT EXISTS contact_updated_at timestamptz;
