-- LG-18: a notice is worded in the reader's language when it is read, from the facts of the activation it announces:
-- the version activated (version), the active version it was compared with (previous_version, null for a program's
-- first), and from that version's row the rulebook (effective time, validity, rules to diff) and the operator's
-- reason (activation_reason), which never change once the version is active. title and body stay as they were
-- published, in Chinese: the record of what the learners were told.
alter table rulebook.notice add column previous_version integer;

-- Notices published before this script were compared with the active version of the highest number at the time.
-- Versions are activated in the order of their numbers (activating one withdraws every older draft, and an active
-- version stays active for good), so that was the highest active version below the notice's own.
update rulebook.notice n
   set previous_version = (select max(v.version)
                             from rulebook.rulebook_version v
                            where v.program_id = n.program_id
                              and v.status = 'active'
                              and v.version < n.version);

-- The wording reads both versions: neither may be missing.
alter table rulebook.notice
    add constraint notice_version foreign key (program_id, version)
        references rulebook.rulebook_version (program_id, version),
    add constraint notice_previous_version foreign key (program_id, previous_version)
        references rulebook.rulebook_version (program_id, version),
    add constraint notice_previous_before check (previous_version < version);
