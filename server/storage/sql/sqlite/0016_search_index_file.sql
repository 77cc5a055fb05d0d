-- Natter schema version 16: the search index leaves this database for a file of its own.
-- Indexing a pass of new messages (and the merges FTS5 runs inside it) held the only write
-- transaction for tens of milliseconds, and every message sent meanwhile waited. The index now
-- lives in <database>-search.db, attached as `search` (see sqlconnection.cpp and
-- SearchRepository::prepareIndex), written by an indexer thread of its own while the writer
-- goes on. It is a contentless FTS5 table, built again from the messages whenever it is missing
-- or belongs to another copy of this database (search_source, which `natterd backup` renews in
-- the copy it writes).
-- What the indexer cannot see from ids alone is logged here, in the transaction that does it:
-- every deleted message and every change of a message's body or kind, with the old values
-- (the contentless index forgets a row only when given the text it indexed). A deletion also
-- logs the highest id left (`floor`): SQLite gives ids above it again, so the indexer knows
-- which later changes and rows belong to new messages. The indexer applies what it has not
-- applied yet (its search_state.changes_through); the writer then deletes it.

DROP TRIGGER message_search_delete;
DROP TRIGGER message_search_update;
DROP TABLE message_search;
DROP TABLE search_state;

CREATE TABLE search_changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, -- never given again: the indexer keeps a mark
    message_id INTEGER NOT NULL,
    old_kind TEXT NOT NULL,
    old_body TEXT NOT NULL,
    floor INTEGER -- deletions: the highest message id left after it
);

CREATE TABLE search_source (token TEXT NOT NULL);
INSERT INTO search_source (token) VALUES (lower(hex(randomblob(16))));

CREATE TRIGGER search_change_delete AFTER DELETE ON messages BEGIN
    INSERT INTO search_changes (message_id, old_kind, old_body, floor)
        VALUES (old.id, old.kind, old.body, (SELECT COALESCE(MAX(id), 0) FROM messages));
END;

CREATE TRIGGER search_change_update AFTER UPDATE OF body, kind ON messages BEGIN
    INSERT INTO search_changes (message_id, old_kind, old_body) VALUES (old.id, old.kind, old.body);
END;
