-- Outbox consumers (docs/webhooks.md): features that must act on every event once, whatever the
-- number of replicas (webhook fan-out, e-mail notifications). Each has a cursor row; a pass locks
-- it (FOR UPDATE SKIP LOCKED), reads the outbox after it in id order, writes its work rows and
-- advances it in one transaction. The purge keeps every row a consumer has not passed.
create table outbox_consumer (
    name          text        primary key,
    last_event_id bigint      not null,
    updated_at    timestamptz not null default now()
);
