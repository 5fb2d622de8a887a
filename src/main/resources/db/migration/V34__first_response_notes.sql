-- First response (docs/agent-work.md): the first PUBLIC note by staff, or the move to IN_PROGRESS, whichever
-- comes first. Notes written before this have no recorded author role and do not count.
alter table ticket_note add column by_staff boolean not null default false;
