-- Natter schema version 15: new messages reach the search index by id, without a trigger.
-- Migration 9's insert trigger recorded every new message in search_pending; a trigger on
-- INSERT also makes SQLite keep a statement journal (a copy of every page the insert changes)
-- for each message. Ids only grow, so what is not indexed yet is simply every message above
-- search_state.indexed_through; SearchRepository::indexPending indexes those and moves the
-- mark to the highest id. Edits and deletes of messages above the mark leave the index alone
-- (they are indexed later with their then current text); at or below it they update the index
-- at once, as before. A new message takes the highest id + 1, so if the highest messages are
-- deleted (a deleted room) the mark comes down to the highest id left: ids given again later
-- are then above it and get indexed.

CREATE TABLE search_state (indexed_through INTEGER NOT NULL);

-- What is still pending is indexed now, so that everything up to the highest id is.
INSERT INTO message_search (rowid, body)
    SELECT m.id, m.body FROM search_pending p CROSS JOIN messages m ON m.id = p.id WHERE m.kind = 'message';
INSERT INTO search_state (indexed_through) SELECT COALESCE(MAX(id), 0) FROM messages;

DROP TRIGGER message_search_insert;
DROP TRIGGER message_search_update;
DROP TRIGGER message_search_delete;
DROP TABLE search_pending;

CREATE TRIGGER message_search_delete AFTER DELETE ON messages BEGIN
    INSERT INTO message_search (message_search, rowid, body)
        SELECT 'delete', old.id, old.body
        WHERE old.kind = 'message' AND old.id <= (SELECT indexed_through FROM search_state);
    UPDATE search_state SET indexed_through = (SELECT COALESCE(MAX(id), 0) FROM messages)
        WHERE indexed_through > (SELECT COALESCE(MAX(id), 0) FROM messages);
END;

CREATE TRIGGER message_search_update AFTER UPDATE OF body, kind ON messages
    WHEN old.id <= (SELECT indexed_through FROM search_state) BEGIN
    INSERT INTO message_search (message_search, rowid, body) SELECT 'delete', old.id, old.body WHERE old.kind = 'message';
    INSERT INTO message_search (rowid, body) SELECT new.id, new.body WHERE new.kind = 'message';
END;
