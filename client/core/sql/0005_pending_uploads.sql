-- Natter client cache, version 5: files of an outbox message that were still uploading, so
-- that they continue (or start again) after the client quits. An outbox entry with
-- waiting_files > 0 is not sent until its files are finished; then attachment_ids is filled,
-- waiting_files becomes 0 and its rows here are deleted, in one transaction.
ALTER TABLE outbox ADD COLUMN waiting_files INTEGER NOT NULL DEFAULT 0;
CREATE TABLE pending_uploads (
    client_msg_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    path TEXT NOT NULL,
    name TEXT NOT NULL,
    mime_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    upload_id TEXT NOT NULL DEFAULT '',
    stored INTEGER NOT NULL DEFAULT 0,
    attachment_id INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (client_msg_id, position)
);
