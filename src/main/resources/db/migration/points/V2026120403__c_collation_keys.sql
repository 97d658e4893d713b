-- Event ids, items and rule ids are identifiers, not words: compare them byte by byte. Under the database's default
-- collation every key comparison of judging went through strcoll (perf put strcoll/varstr_cmp among PostgreSQL's
-- hottest functions during batch ingestion, docs/benchmarks.md). Rebuilds the affected primary keys.
alter table points.event_outcome alter column event_id type varchar(100) collate "C";
alter table points.item_award alter column award_key type varchar(60) collate "C",
    alter column item type varchar(200) collate "C";
alter table points.rule_day alter column rule_id type varchar(60) collate "C";
