-- Content (LG-7.2.3, LG-7.2.4, LG-7.2.6, LG-13): articles, videos and courses of a program, the reading and playback
-- sessions whose heartbeats the server verifies, the seconds of video credited per day, shares, and every rejected
-- heartbeat as an integrity signal. Items are identified in learning events by their id (as text).
create schema if not exists content;

-- Articles, videos and courses share one id sequence, so an item id names one thing in events and share links.
create table content.item (
    id                bigserial    primary key,
    program_key       varchar(60)  not null,
    kind              varchar(10)  not null check (kind in ('article', 'video', 'course')),
    title             varchar(200) not null,
    channel           varchar(60)  not null,
    tags              text[]       not null default '{}',
    focus             boolean      not null default false,     -- "today's focus" (今日关注)
    body_html         text,                                     -- article: sanitized on the server
    body_chars        integer,                                  -- article: length of its text, for the reading time
    summary           varchar(500),
    cover_key         varchar(200),                             -- storage key of the cover image
    media_key         varchar(200),                             -- video: storage key of the file
    media_type        varchar(40),                              -- video: video/mp4 or video/webm
    media_bytes       bigint,
    duration_seconds  integer      check (duration_seconds is null or duration_seconds > 0),
    publish_at        timestamptz  not null,
    unpublish_at      timestamptz,
    created_by        bigint,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    check (kind <> 'video' or (media_key is not null and duration_seconds is not null)),
    check (kind <> 'article' or body_html is not null)
);
create index item_program_published on content.item (program_key, kind, publish_at desc);
create index item_title_search on content.item (program_key, lower(title) text_pattern_ops);

-- A course (慕课) is an ordered list of videos.
create table content.course_video (
    course_id  bigint  not null references content.item (id),
    position   integer not null,
    video_id   bigint  not null references content.item (id),
    primary key (course_id, position)
);

-- Per program: how long an article must be open before it counts as read (derived from its length, with a floor),
-- and how often pages send heartbeats.
create table content.settings (
    program_key                varchar(60) primary key,
    reading_floor_seconds      integer not null default 30 check (reading_floor_seconds > 0),
    reading_chars_per_minute   integer not null default 600 check (reading_chars_per_minute > 0),
    heartbeat_seconds          integer not null default 15 check (heartbeat_seconds between 1 and 120),
    updated_at                 timestamptz
);

-- One row per opened article page. credited_seconds is server-measured time; counted_at when it reached
-- required_seconds and an article-read event was emitted.
create table content.reading (
    id                varchar(40)  primary key,
    user_id           bigint       not null,
    item_id           bigint       not null references content.item (id),
    program_key       varchar(60)  not null,
    started_at        timestamptz  not null,
    last_beat_at      timestamptz  not null,
    beats             integer      not null default 0,
    credited_seconds  numeric(10,3) not null default 0,
    required_seconds  integer      not null,
    counted_at        timestamptz
);
create index reading_user on content.reading (user_id, started_at desc);
create index reading_item on content.reading (item_id);

-- One row per playback of a video. Only the user's newest playback is active: starting another supersedes it
-- (a second tab pauses the first). verified_seconds counts distinct seconds verified in this session (the 80 %
-- rule of a today's-focus video); focus_counted_at when its focus-video-watch event was emitted.
create table content.playback (
    id                 varchar(40)  primary key,
    user_id            bigint       not null,
    item_id            bigint       not null references content.item (id),
    program_key        varchar(60)  not null,
    started_at         timestamptz  not null,
    last_beat_at       timestamptz  not null,
    last_position      numeric(10,3) not null default 0,
    beats              integer      not null default 0,
    verified           bytea        not null default '\x'::bytea,   -- bitmap of seconds verified in this session
    verified_seconds   integer      not null default 0,
    superseded_at      timestamptz,
    focus_counted_at   timestamptz
);
create index playback_user on content.playback (user_id, started_at desc);
create index playback_item on content.playback (item_id);

-- The seconds of a video credited to a user on a program day (bitmap): each second of video counts once a day.
create table content.watched_day (
    user_id        bigint  not null,
    item_id        bigint  not null references content.item (id),
    day            date    not null,
    seconds        bytea   not null,
    credited       integer not null,
    primary key (user_id, item_id, day)
);

create table content.share (
    token        varchar(40)  primary key,
    user_id      bigint       not null,
    item_id      bigint       not null references content.item (id),
    program_key  varchar(60)  not null,
    at           timestamptz  not null,
    opened       integer      not null default 0
);
create index share_item on content.share (item_id);
create index share_user on content.share (user_id, at desc);

-- Every heartbeat the server refused, with its reason (time-beyond-wall-clock, overlapping-session,
-- impossible-position, …): the integrity signals a security admin reviews per user.
create table content.rejected_heartbeat (
    id           bigserial    primary key,
    user_id      bigint       not null,
    session_id   varchar(40)  not null,
    item_id      bigint,
    kind         varchar(10)  not null check (kind in ('reading', 'playback')),
    reason       varchar(40)  not null,
    detail       varchar(300),
    at           timestamptz  not null
);
create index rejected_heartbeat_user on content.rejected_heartbeat (user_id, at desc);
create index rejected_heartbeat_at on content.rejected_heartbeat (at desc);

create function content.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'integrity signals are append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger rejected_heartbeat_append_only
    before update or delete on content.rejected_heartbeat
    for each row execute function content.refuse_change();
