-- Judging reads a user's day counters for a range of days and their item awards for given items. With the day and
-- the item second in their keys (after the user), both reads are ranges of the primary key instead of a scan of every
-- row the user ever had (measured in docs/benchmarks.md, issue 3). ON CONFLICT infers the same keys (a set of columns).
alter table points.rule_day drop constraint rule_day_pkey,
    add constraint rule_day_pkey primary key (program_id, user_id, day, rule_id);
alter table points.item_award drop constraint item_award_pkey,
    add constraint item_award_pkey primary key (program_id, user_id, item, award_key);
