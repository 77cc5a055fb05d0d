-- Natter schema version 2: indexes for the per-user lookups that version 1 scanned for.

CREATE INDEX room_members_by_user ON room_members(user_id, room_id);
CREATE INDEX friend_requests_by_target ON friend_requests(to_user);
CREATE INDEX blocks_by_blocked ON blocks(blocked);
CREATE INDEX sessions_by_user ON sessions(user_id);
CREATE INDEX sessions_by_expiry ON sessions(expires_at);
