-- Natter schema version 14: message_marks instead of the messages_by_room_id index.
-- messages_by_room_id (room_id, id) served only searches without an indexable text, which walk
-- a reader's rooms in windows of message ids; yet every stored message paid for one more index
-- entry on a page of its own. Within a room ids grow with seq (both only ever grow), so the
-- unique (room_id, seq) index walks a room in id order too; what it cannot do alone is find
-- where a window of ids begins. message_marks notes the id of every 128th seq of each room
-- (MessageRepository::markEvery): a window [lower, before) of a room lies between the seq of the
-- last mark below `lower` and that of the first mark at or above `before`, at most 2 x 128
-- entries more than the window itself. A mark that were missing would only widen that range.

CREATE TABLE message_marks (
    room_id INTEGER NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
    id      INTEGER NOT NULL,   -- messages.id of the room's message at seq
    seq     INTEGER NOT NULL,   -- a multiple of 128
    PRIMARY KEY (room_id, id)
) WITHOUT ROWID;

INSERT INTO message_marks (room_id, id, seq) SELECT room_id, id, seq FROM messages WHERE seq % 128 = 0;

DROP INDEX messages_by_room_id;
