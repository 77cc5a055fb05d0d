-- Natter schema version 9: new messages reach the search index once per write batch.
-- With an insert trigger writing to message_search, FTS5 flushed its pending terms into a new
-- index segment at every savepoint, i.e. for every message the writer stored (each write job
-- runs in its own savepoint): that flush cost more than the rest of a send together. Now an
-- insert only records the message id in search_pending; the writer indexes all pending
-- messages with their current text in one statement just before each commit
-- (SearchRepository::indexPending), so at every commit search_pending is empty and the index
-- matches messages exactly. Edits and deletes of a message still pending leave the index alone
-- (it is indexed later with its then current text); of an indexed message they update the index
-- at once, as before.

CREATE TABLE search_pending (id INTEGER PRIMARY KEY);

DROP TRIGGER message_search_insert;
DROP TRIGGER message_search_update;
DROP TRIGGER message_search_delete;

CREATE TRIGGER message_search_insert AFTER INSERT ON messages WHEN new.kind = 'message' BEGIN
    INSERT OR IGNORE INTO search_pending (id) VALUES (new.id);
END;

CREATE TRIGGER message_search_delete AFTER DELETE ON messages WHEN old.kind = 'message' BEGIN
    INSERT INTO message_search (message_search, rowid, body)
        SELECT 'delete', old.id, old.body WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE id = old.id);
    DELETE FROM search_pending WHERE id = old.id;
END;

CREATE TRIGGER message_search_update AFTER UPDATE OF body, kind ON messages
    WHEN NOT EXISTS (SELECT 1 FROM search_pending WHERE id = old.id) BEGIN
    INSERT INTO message_search (message_search, rowid, body) SELECT 'delete', old.id, old.body WHERE old.kind = 'message';
    INSERT INTO message_search (rowid, body) SELECT new.id, new.body WHERE new.kind = 'message';
END;
