-- Both designs: the benchmark's event id source and 10,000 balance rows.
create sequence points.ev_seq cache 1;
insert into points.balance (program_id, user_id) select 1, g from generate_series(1, 10000) g;
vacuum analyze;
