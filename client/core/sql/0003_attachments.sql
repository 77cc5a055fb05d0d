-- Natter client cache, version 3: an outbox entry remembers the attachments sent with it
-- (finished uploads, as decimal ids separated by commas; empty if none).
ALTER TABLE outbox ADD COLUMN attachment_ids TEXT NOT NULL DEFAULT '';
