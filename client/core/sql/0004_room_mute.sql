-- Natter client cache, version 4: whether the user muted a room (rooms.setMuted), as a column
-- so that it survives room records rewritten from events, which never carry it.
ALTER TABLE rooms ADD COLUMN muted INTEGER NOT NULL DEFAULT 0;
UPDATE rooms SET muted = COALESCE(json_extract(json, '$.muted'), 0) = 1;
