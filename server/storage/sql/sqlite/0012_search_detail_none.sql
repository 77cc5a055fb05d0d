-- Natter schema version 12: a leaner search index.
-- The trigram index kept the position of every trigram of every message (detail=full) and a
-- per-row size table, which the search never uses: it only asks which messages contain all
-- trigrams of a text and confirms the text itself in the row check. With detail=none and
-- columnsize=0 indexing a message costs about half as much and the index is half the size. A
-- text of three or more characters is now matched as the AND of its trigrams
-- (SearchRepository::matchExpression), never as an FTS5 phrase (detail=none has no positions).
-- automerge 8 lets eight segments of a level accumulate before they are merged (4 by default):
-- fewer rewrites of the same entries while messages arrive. The triggers of migration 9 keep
-- working unchanged: they name the table, which is recreated with the same name.

DROP TABLE message_search;

CREATE VIRTUAL TABLE message_search USING fts5(body, content='messages', content_rowid='id',
    tokenize='trigram', detail=none, columnsize=0);

INSERT INTO message_search (message_search, rank) VALUES ('automerge', 8);

-- Everything indexed before stays indexed; what is still pending is indexed at the next commit.
INSERT INTO message_search (rowid, body)
    SELECT id, body FROM messages
    WHERE kind = 'message' AND id NOT IN (SELECT id FROM search_pending);
