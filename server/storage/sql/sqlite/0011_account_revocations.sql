-- Natter schema version 11: a log of accounts an administrator disabled or whose sessions were
-- revoked (natterd user disable / reset-password). The command line writes a row in the same
-- transaction as the change; a running natterd reads the rows newer than the last it saw and
-- closes those users' live connections. Rows older than a week are pruned when natterd user … records a new one.

CREATE TABLE account_revocations (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused, so "newer than" is stable
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    reason     TEXT    NOT NULL CHECK (reason IN ('disabled', 'sessions_revoked')),
    created_at INTEGER NOT NULL
);

CREATE INDEX account_revocations_by_time ON account_revocations(created_at);
