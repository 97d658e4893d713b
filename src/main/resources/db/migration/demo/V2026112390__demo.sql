-- Remembers that the demo data was loaded, so that a restart never loads it twice.
create schema if not exists demo;
create table demo.load (
    name       varchar(40) primary key,
    loaded_at  timestamptz not null
);
