-- The learning events that verified beats earned (LG-7.2.3, LG-7.2.4), kept until the points ledger has judged
-- them. A beat that earns writes its events here in its own transaction, then records them through the ledger's
-- group commit, which is a second transaction: if the process dies between the two commits, or the ledger fails,
-- the row is still here, and TrackingReplay submits it again once it is older than a grace period
-- (jifen.tracking.replay-after). The same job removes the rows of events the ledger did judge, so that a beat costs
-- one insert here and nothing more. Event ids are the ledger's idempotency keys: a replay never counts twice.
-- No index besides the key: the job walks the key, and every index would cost each earning beat one more write.
create table content.tracking_outbox (
    event_id     text collate "C" primary key,   -- read:<session>, watch:<session>:<seq> or focus:<session>
    program_key  varchar(60)  not null,
    user_id      bigint       not null,
    action       varchar(40)  not null,           -- article-read, video-watch or focus-video-watch
    item_id      bigint       not null,
    amount       bigint,                          -- seconds of whole minutes for video-watch; null otherwise
    at           timestamptz  not null,           -- the event's instant, by which the ledger judges it (its day)
    created_at   timestamptz  not null            -- when the beat wrote the row (platform clock): the grace period
                                                  -- counts from here
);
