-- Verified seconds of video per user and program day, over all videos: video-watch events carry whole minutes of
-- them (the rule counts accumulated whole minutes), so a beat that completes no new minute writes no ledger event.
create table content.watch_total (
    user_id      bigint      not null,
    program_key  varchar(60) not null,
    day          date        not null,
    seconds      integer     not null check (seconds >= 0),
    primary key (user_id, program_key, day)
);
