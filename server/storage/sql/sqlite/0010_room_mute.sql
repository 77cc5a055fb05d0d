-- Natter schema version 10: a member may mute a room (rooms.setMuted). The setting belongs to
-- the membership, so all the member's devices share it; it stays when the member leaves and
-- joins again.

ALTER TABLE room_members ADD COLUMN muted INTEGER NOT NULL DEFAULT 0;
