-- Natter schema version 4: each member's read marker (the last seq they have read).

ALTER TABLE room_members ADD COLUMN read_seq INTEGER NOT NULL DEFAULT 0;
