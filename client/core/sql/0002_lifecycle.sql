-- Natter client cache, version 2: message ids and reply targets as columns, so that edited and
-- deleted entries can update the messages they change (and the replies quoting them); the
-- outbox remembers what a message replies to.
ALTER TABLE messages ADD COLUMN message_id INTEGER;
ALTER TABLE messages ADD COLUMN reply_to INTEGER;
UPDATE messages SET message_id = json_extract(json, '$.id'), reply_to = json_extract(json, '$.replyTo');
CREATE INDEX messages_by_id ON messages(message_id);
CREATE INDEX messages_by_reply ON messages(reply_to);
ALTER TABLE outbox ADD COLUMN reply_to INTEGER NOT NULL DEFAULT 0;
