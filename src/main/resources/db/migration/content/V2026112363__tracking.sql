-- Verified reading and watching (LG-7.2.3, LG-7.2.4, LG-13): the sequence number of each session's last heartbeat
-- (a resent beat credits nothing), the client's own time at that beat (only to notice a skewed client clock), and
-- one row per user whose lock serializes all of that user's heartbeats and whose last reading beat is the one
-- wall clock that all of the user's reading tabs share.
alter table content.playback add column last_seq bigint not null default 0;
alter table content.playback add column last_client_at timestamptz;
alter table content.reading add column last_seq bigint not null default 0;
alter table content.reading add column last_client_at timestamptz;

create table content.tracking_user (
    user_id               bigint      primary key,
    last_reading_beat_at  timestamptz
);

-- the user's active playback (the one a new playback supersedes)
create index playback_active on content.playback (user_id) where superseded_at is null;
-- integrity signals per user and reason over a period
create index rejected_heartbeat_at_user on content.rejected_heartbeat (at, user_id, reason);
