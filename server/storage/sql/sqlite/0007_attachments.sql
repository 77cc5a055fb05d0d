-- Natter schema version 7: attachments. File contents are stored once per SHA-256 under
-- <data-dir>/files/<first two hex digits>/<hash> (and <hash>.thumb.jpg for thumbnails); a row in
-- `files` exists exactly for each stored content. An attachment is one upload of a content by
-- one user into one room; it becomes part of a message when sent with it (message_id).

CREATE TABLE files (
    sha256         TEXT    PRIMARY KEY,         -- lowercase hex
    size           INTEGER NOT NULL,
    width          INTEGER NOT NULL DEFAULT 0,  -- pixels when readable as an image, else 0
    height         INTEGER NOT NULL DEFAULT 0,
    thumbnail_size INTEGER NOT NULL DEFAULT 0,  -- bytes of the JPEG thumbnail; 0: none
    created_at     INTEGER NOT NULL
);

CREATE TABLE attachments (
    id          INTEGER PRIMARY KEY,
    uploader_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    room_id     INTEGER NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
    sha256      TEXT    NOT NULL REFERENCES files(sha256),
    name        TEXT    NOT NULL,
    mime_type   TEXT    NOT NULL,
    message_id  INTEGER REFERENCES messages(id) ON DELETE CASCADE,  -- NULL until sent
    position    INTEGER NOT NULL DEFAULT 0,     -- order within the message
    created_at  INTEGER NOT NULL
);
CREATE INDEX attachments_by_message ON attachments(message_id, position) WHERE message_id IS NOT NULL;
CREATE INDEX attachments_by_sha ON attachments(sha256);
CREATE INDEX attachments_unsent ON attachments(created_at) WHERE message_id IS NULL;

-- How many attachments a message has, so timeline reads look attachments up only where needed.
ALTER TABLE messages ADD COLUMN attachment_count INTEGER NOT NULL DEFAULT 0;
