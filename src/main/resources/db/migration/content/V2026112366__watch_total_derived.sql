-- The day's verified seconds over all videos are the sum of the day bitmaps' counts (content.watched_day.credited):
-- a table that kept the same total again is not needed.
drop table content.watch_total;
