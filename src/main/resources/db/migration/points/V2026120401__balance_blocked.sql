-- Whether the account is blacklisted (LG-14), kept on the balance row that event judging locks anyway, so that the
-- judging reads it with the lock instead of asking the blacklist in another round trip. It is set and cleared in the
-- transactions that blacklist and lift (points.ledger.BlacklistReset), under the same row lock; a balance row created
-- later takes it from the blacklist. This one-time fill copies today's open blacklist entries.
alter table points.balance add column blocked boolean not null default false;
update points.balance b set blocked = true
where exists (select 1 from account.blacklist l where l.user_id = b.user_id and l.lifted_at is null);
