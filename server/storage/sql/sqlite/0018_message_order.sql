-- natter: foreign-keys-off
-- Natter schema version 18: each room's order of messages moves from the messages table's
-- UNIQUE (room_id, seq) index to message_order, which the writer fills in bulk.
-- Every room's newest entries sat on a leaf of that index of their own, so a commit of about
-- forty messages to as many rooms rewrote about forty leaves of 4 KiB: four fifths of the pages
-- each commit wrote to the WAL, all of them copied back again by the checkpoint. message_order
-- holds (room_id, seq, id) for every message whose id is at most message_order_state.through;
-- the messages above it (the "tail", at most a few thousand: MessageRepository::orderTailLimit)
-- are found by their ids, the rowid range (through, max]. The writer moves the tail into
-- message_order sorted by room, so a room's leaf is written once for all of its tail's messages
-- (MessageRepository::flushOrder). Every query by (room_id, seq) reads both parts; within a
-- room, seq grows with id, so the tail's entries all come after the room's entries in
-- message_order.
-- Deleting a room deletes its messages explicitly (RoomRepository::remove): messages.room_id no
-- longer has an index a foreign key's cascade could use, so it is a plain column now.
-- The table is rebuilt (SQLite cannot drop a constraint's index) with foreign keys off, as in
-- version 17; rows keep their ids, so the search index and every reference stay valid.

CREATE TABLE messages_v18 (
    id               INTEGER PRIMARY KEY,
    room_id          INTEGER NOT NULL,
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
    UNIQUE (client_msg_id, sender_id)
);
INSERT INTO messages_v18 (id, room_id, seq, sender_id, client_msg_id, body, sent_at, kind, subject_id,
                          target_id, reply_to, edited_at, deleted_at, attachment_count)
    SELECT id, room_id, seq, sender_id, client_msg_id, body, sent_at, kind, subject_id,
           target_id, reply_to, edited_at, deleted_at, attachment_count FROM messages;
DROP TABLE messages;
ALTER TABLE messages_v18 RENAME TO messages;

CREATE TRIGGER search_change_delete AFTER DELETE ON messages BEGIN
    INSERT INTO search_changes (message_id, old_kind, old_body, floor)
        VALUES (old.id, old.kind, old.body, (SELECT COALESCE(MAX(id), 0) FROM messages));
END;

CREATE TRIGGER search_change_update AFTER UPDATE OF body, kind ON messages BEGIN
    INSERT INTO search_changes (message_id, old_kind, old_body) VALUES (old.id, old.kind, old.body);
END;

CREATE TABLE message_order (
    room_id INTEGER NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,
    id      INTEGER NOT NULL,   -- messages.id
    PRIMARY KEY (room_id, seq)
) WITHOUT ROWID;

CREATE TABLE message_order_state (
    through INTEGER NOT NULL    -- every message with an id up to this one is in message_order
);

INSERT INTO message_order (room_id, seq, id) SELECT room_id, seq, id FROM messages ORDER BY room_id, seq;
INSERT INTO message_order_state (through) SELECT COALESCE(MAX(id), 0) FROM messages;
