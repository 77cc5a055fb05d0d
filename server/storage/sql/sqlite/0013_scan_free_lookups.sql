-- Natter schema version 13: indexes for lookups that walked a whole table on every use.
-- A user's friendships are asked for from either side (user_lo = ? OR user_hi = ?): the primary
-- key serves user_lo, friendships_by_hi now serves user_hi, so the friends list and the presence
-- audience read two index ranges instead of every friendship. Deleting a group room makes
-- SQLite find the rows that refer to it, for the foreign-key check of friendships.room_id and
-- the ON DELETE CASCADE of attachments.room_id; without an index each was a walk of the whole
-- table. attachments_by_room also finds the attachments a group deletion removes
-- (AttachmentRepository::detachRoom).

CREATE INDEX friendships_by_hi ON friendships(user_hi, user_lo);
CREATE INDEX friendships_by_room ON friendships(room_id);
CREATE INDEX attachments_by_room ON attachments(room_id);
