-- natter: foreign-keys-off
-- Natter schema version 3: group rooms with roles and invitations, timeline events, and each
-- member's readable window. The rooms table is rebuilt (SQLite cannot alter its CHECK), with
-- foreign keys off during the migration and checked before it commits.

CREATE TABLE rooms_v3 (
    id                 INTEGER PRIMARY KEY,
    kind               TEXT    NOT NULL CHECK (kind IN ('direct', 'group')),
    name               TEXT    NOT NULL DEFAULT '',
    topic              TEXT    NOT NULL DEFAULT '',
    open               INTEGER NOT NULL DEFAULT 0,
    history_visibility TEXT    NOT NULL DEFAULT 'shared' CHECK (history_visibility IN ('shared', 'joined')),
    direct_key         TEXT    UNIQUE,
    closed             INTEGER NOT NULL DEFAULT 0,
    last_seq           INTEGER NOT NULL DEFAULT 0,
    last_activity      INTEGER NOT NULL,
    created_at         INTEGER NOT NULL
);
INSERT INTO rooms_v3 (id, kind, name, direct_key, closed, last_seq, last_activity, created_at)
    SELECT id, kind, name, direct_key, closed, last_seq, last_activity, created_at FROM rooms;
DROP TABLE rooms;
ALTER TABLE rooms_v3 RENAME TO rooms;
CREATE INDEX rooms_open ON rooms(open) WHERE open = 1;

-- A member who leaves keeps a row with active = 0: they may still read read_from_seq to
-- read_until_seq (the seq of their leave event), and nothing after.
ALTER TABLE room_members ADD COLUMN role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'admin', 'owner'));
ALTER TABLE room_members ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
ALTER TABLE room_members ADD COLUMN read_from_seq INTEGER NOT NULL DEFAULT 1;
ALTER TABLE room_members ADD COLUMN read_until_seq INTEGER;

CREATE TABLE room_invites (
    room_id    INTEGER NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    inviter_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (room_id, user_id)
);
CREATE INDEX room_invites_by_user ON room_invites(user_id);

ALTER TABLE messages ADD COLUMN kind TEXT NOT NULL DEFAULT 'message';
ALTER TABLE messages ADD COLUMN subject_id INTEGER REFERENCES users(id);
