-- Natter schema version 5: message edits, deletes, edit history and replies.
--
-- messages.body always holds the current text of a kind = 'message' row: an edit updates it in
-- place (the previous text moves to message_revisions), a delete sets it to '' and stamps
-- deleted_at, leaving a tombstone. Edits and deletes are themselves timeline entries (kind
-- 'edited' / 'deleted', with their own seq) naming the changed message in target_id; they store
-- no text. No other table holds a copy of a message's text.
--
-- target_id and reply_to name rows of the same room; rows of a room are only ever removed
-- together with the room, so they carry no foreign key.

ALTER TABLE messages ADD COLUMN target_id INTEGER;
ALTER TABLE messages ADD COLUMN reply_to INTEGER;
ALTER TABLE messages ADD COLUMN edited_at INTEGER;
ALTER TABLE messages ADD COLUMN deleted_at INTEGER;

CREATE TABLE message_revisions (
    id          INTEGER PRIMARY KEY,
    message_id  INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    body        TEXT    NOT NULL,
    sent_at     INTEGER NOT NULL,   -- when this text became current (the send or an earlier edit)
    replaced_at INTEGER NOT NULL    -- when an edit replaced it
);
CREATE INDEX message_revisions_by_message ON message_revisions(message_id, id);
