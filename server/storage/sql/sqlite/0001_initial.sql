-- Natter schema version 1: accounts, sessions, friendships, rooms and messages.
-- Migrations are immutable once released: change the schema with a new numbered file.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT    NOT NULL,
    username_key  TEXT    NOT NULL UNIQUE,   -- case-folded username, for uniqueness and search
    password_hash TEXT    NOT NULL,          -- libsodium crypto_pwhash_str (argon2id)
    created_at    INTEGER NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE sessions (
    token_hash   BLOB    PRIMARY KEY,        -- SHA-256 of the token; the token itself is never stored
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    device       TEXT    NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
);

CREATE TABLE friend_requests (
    from_user  INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    to_user    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (from_user, to_user)
);

CREATE TABLE blocks (
    blocker    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    blocked    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (blocker, blocked)
);

CREATE TABLE rooms (
    id            INTEGER PRIMARY KEY,
    kind          TEXT    NOT NULL CHECK (kind IN ('direct')),
    name          TEXT    NOT NULL DEFAULT '',
    direct_key    TEXT    UNIQUE,            -- "<lower id>:<higher id>" for direct rooms
    closed        INTEGER NOT NULL DEFAULT 0,
    last_seq      INTEGER NOT NULL DEFAULT 0,
    last_activity INTEGER NOT NULL,
    created_at    INTEGER NOT NULL
);

CREATE TABLE room_members (
    room_id   INTEGER NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
    user_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    joined_at INTEGER NOT NULL,
    PRIMARY KEY (room_id, user_id)
);

CREATE TABLE friendships (
    user_lo    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    user_hi    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    room_id    INTEGER NOT NULL REFERENCES rooms(id),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (user_lo, user_hi),
    CHECK (user_lo < user_hi)
);

CREATE TABLE messages (
    id            INTEGER PRIMARY KEY,
    room_id       INTEGER NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,
    sender_id     INTEGER NOT NULL REFERENCES users(id),
    client_msg_id TEXT    NOT NULL,
    body          TEXT    NOT NULL,
    sent_at       INTEGER NOT NULL,
    UNIQUE (room_id, seq),                   -- keyset paging: history and sync walk this index
    UNIQUE (sender_id, client_msg_id)        -- idempotent resend
);
