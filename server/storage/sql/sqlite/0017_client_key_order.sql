-- natter: foreign-keys-off
-- Natter schema version 17: the idempotency key is indexed as (client_msg_id, sender_id)
-- instead of (sender_id, client_msg_id). The constraint is the same (a key is unique per
-- sender); only the order of the index changes. Keys are time-ordered UUIDs (version 7, made
-- by newClientMsgId), so a new key now lands at the end of the index instead of at the end of
-- its sender's range: a thousand senders touched a thousand index pages per commit, each one
-- written again to the WAL and checkpointed; now a commit touches one or two of this index.
-- The table is rebuilt (SQLite cannot drop a table constraint's index) with foreign keys off,
-- as in version 3; rows keep their ids, so the search index and every reference stay valid.
-- The upgrade copies the messages once: the WAL grows to about twice their size meanwhile,
-- and the database file keeps the freed pages for the messages that follow.

CREATE TABLE messages_v17 (
    id               INTEGER PRIMARY KEY,
    room_id          INTEGER NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
    seq              INTEGER NOT NULL,
    sender_id        INTEGER NOT NULL REFERENCES users(id),
    client_msg_id    TEXT    NOT NULL,
    body             TEXT    NOT NULL,
    sent_at          INTEGER NOT NULL,
    kind             TEXT    NOT NULL DEFAULT 'message',
    subject_id       INTEGER REFERENCES users(id),
    target_id        INTEGER,
    reply_to         INTEGER,
    edited_at        INTEGER,
    deleted_at       INTEGER,
    attachment_count INTEGER NOT NULL DEFAULT 0,
    UNIQUE (room_id, seq),
    UNIQUE (client_msg_id, sender_id)
);
INSERT INTO messages_v17 (id, room_id, seq, sender_id, client_msg_id, body, sent_at, kind, subject_id,
                          target_id, reply_to, edited_at, deleted_at, attachment_count)
    SELECT id, room_id, seq, sender_id, client_msg_id, body, sent_at, kind, subject_id,
           target_id, reply_to, edited_at, deleted_at, attachment_count FROM messages;
DROP TABLE messages;
ALTER TABLE messages_v17 RENAME TO messages;

CREATE TRIGGER search_change_delete AFTER DELETE ON messages BEGIN
    INSERT INTO search_changes (message_id, old_kind, old_body, floor)
        VALUES (old.id, old.kind, old.body, (SELECT COALESCE(MAX(id), 0) FROM messages));
END;

CREATE TRIGGER search_change_update AFTER UPDATE OF body, kind ON messages BEGIN
    INSERT INTO search_changes (message_id, old_kind, old_body) VALUES (old.id, old.kind, old.body);
END;
