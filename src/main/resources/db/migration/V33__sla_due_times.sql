-- The resolution clock as the queues filter and order by it (docs/agent-work.md, "SLA due time"). The SLA
-- job writes these from the same reading the Ticket.sla field shows (sla/SlaTimeline) for every ticket whose
-- version moved since (sla_version): every change that can move a clock moves the version.
-- resolution_clock: RUNNING, PAUSED or STOPPED; null where no policy applies (resource troubles, troubles
-- without affected services). resolution_due_at: the due time of a RUNNING clock, else null.
-- resolution_breached: the target was missed when last written (a running clock also breaches by time).
-- resolution_due_order: the sort key; tickets without a running clock sort after every due one.
alter table problem_report
    add column resolution_clock text check (resolution_clock in ('RUNNING', 'PAUSED', 'STOPPED')),
    add column resolution_due_at timestamptz,
    add column resolution_breached boolean not null default false,
    add column resolution_due_order timestamptz not null
        generated always as (coalesce(resolution_due_at, '9999-12-31 00:00:00+00'::timestamptz)) stored,
    add column sla_version bigint;
alter table service_trouble
    add column resolution_clock text check (resolution_clock in ('RUNNING', 'PAUSED', 'STOPPED')),
    add column resolution_due_at timestamptz,
    add column resolution_breached boolean not null default false,
    add column resolution_due_order timestamptz not null
        generated always as (coalesce(resolution_due_at, '9999-12-31 00:00:00+00'::timestamptz)) stored,
    add column sla_version bigint;
-- Resource troubles have no SLA clock: the columns keep every ticket kind's list orderable the same way.
alter table resource_trouble
    add column resolution_clock text check (resolution_clock in ('RUNNING', 'PAUSED', 'STOPPED')),
    add column resolution_due_at timestamptz,
    add column resolution_breached boolean not null default false,
    add column resolution_due_order timestamptz not null
        generated always as (coalesce(resolution_due_at, '9999-12-31 00:00:00+00'::timestamptz)) stored;

create index problem_report_due_idx on problem_report (resolution_due_order, id);
create index service_trouble_due_idx on service_trouble (resolution_due_order, id);
create index resource_trouble_due_idx on resource_trouble (resolution_due_order, id);
-- What the SLA job still has to write: small, as it only holds tickets changed since its last run.
create index problem_report_sla_stale_idx on problem_report (id) where sla_version is distinct from version;
create index service_trouble_sla_stale_idx on service_trouble (id) where sla_version is distinct from version;
