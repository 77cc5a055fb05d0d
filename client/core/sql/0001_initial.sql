-- Natter client cache, version 1. Immutable: change the schema with a new numbered file.
CREATE TABLE rooms (
    id INTEGER PRIMARY KEY,
    json TEXT NOT NULL
);
CREATE TABLE messages (
    room_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (room_id, seq)
) WITHOUT ROWID;
CREATE TABLE cursors (
    room_id INTEGER PRIMARY KEY,
    seq INTEGER NOT NULL
);
CREATE TABLE outbox (
    position INTEGER PRIMARY KEY AUTOINCREMENT,
    client_msg_id TEXT NOT NULL UNIQUE,
    room_id INTEGER NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    failed INTEGER NOT NULL DEFAULT 0,
    error TEXT NOT NULL DEFAULT ''
);
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
