-- Natter schema version 6: full-text search over message text.
-- message_search indexes messages.body of the rows whose kind is 'message' (timeline events
-- are not searchable). It is an external-content FTS5 table with the trigram tokenizer: it
-- stores no copy of the text, matches any substring of three or more characters in any
-- script, case-insensitively. The triggers keep it in step with every INSERT, every UPDATE of
-- body or kind (edits; deletion blanks the body) and every DELETE (including the cascade of
-- a deleted room), so text that is gone from messages is gone from the index in the same
-- transaction.

CREATE VIRTUAL TABLE message_search USING fts5(body, content='messages', content_rowid='id', tokenize='trigram');

INSERT INTO message_search (rowid, body) SELECT id, body FROM messages WHERE kind = 'message';

CREATE TRIGGER message_search_insert AFTER INSERT ON messages WHEN new.kind = 'message' BEGIN
    INSERT INTO message_search (rowid, body) VALUES (new.id, new.body);
END;

CREATE TRIGGER message_search_delete AFTER DELETE ON messages WHEN old.kind = 'message' BEGIN
    INSERT INTO message_search (message_search, rowid, body) VALUES ('delete', old.id, old.body);
END;

CREATE TRIGGER message_search_update AFTER UPDATE OF body, kind ON messages BEGIN
    INSERT INTO message_search (message_search, rowid, body) SELECT 'delete', old.id, old.body WHERE old.kind = 'message';
    INSERT INTO message_search (rowid, body) SELECT new.id, new.body WHERE new.kind = 'message';
END;

-- Searches without an indexable text (only short terms, or only filters) walk one room's
-- messages, or a window of ids across the reader's rooms, newest first.
CREATE INDEX messages_by_room_id ON messages(room_id, id);
