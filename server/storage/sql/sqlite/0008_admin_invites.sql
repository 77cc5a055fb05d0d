-- Natter schema version 8: the server's administrators and invite codes for sign-up.
-- The first account of a server is its administrator; on an existing database that is the
-- oldest account. invite_codes stores only the SHA-256 of a code (as for session tokens).

ALTER TABLE users ADD COLUMN admin INTEGER NOT NULL DEFAULT 0;

UPDATE users SET admin = 1 WHERE id = (SELECT MIN(id) FROM users);

CREATE TABLE invite_codes (
    code_hash  BLOB    PRIMARY KEY,          -- SHA-256 of the normalised code
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    uses_left  INTEGER NOT NULL CHECK (uses_left >= 0)
);
