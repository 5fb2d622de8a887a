-- Time-only SLA crossings (docs/agent-work.md, "Queue subscription"): a running clock becomes AT_RISK and then
-- BREACHED with no write. sla_announced is the last of these states announced for the ticket's stored clock (null:
-- none, on track when stored); the SLA job claims a crossing by moving it (a conditional update, so replicas and
-- re-runs announce each crossing once) and every rewrite of the clock sets it to the state the rewrite announced.
alter table problem_report add column sla_announced text check (sla_announced in ('AT_RISK', 'BREACHED'));
alter table service_trouble add column sla_announced text check (sla_announced in ('AT_RISK', 'BREACHED'));
-- Resource troubles get a clock (policy of the most demanding segment among the customers of the services on the
-- resource): the SLA job stores it as it does for the other kinds.
alter table resource_trouble
    add column sla_announced text check (sla_announced in ('AT_RISK', 'BREACHED')),
    add column sla_version bigint;
create index resource_trouble_sla_stale_idx on resource_trouble (id) where sla_version is distinct from version;

-- Clocks already past their due time were breached before this release: not announced again.
update problem_report set sla_announced = 'BREACHED' where resolution_clock = 'RUNNING' and resolution_due_at <= now();
update service_trouble set sla_announced = 'BREACHED' where resolution_clock = 'RUNNING' and resolution_due_at <= now();

-- What the job may still announce: running clocks not breached yet, read in due order up to the at-risk horizon.
create index problem_report_sla_crossing_idx on problem_report (resolution_due_at)
    where resolution_clock = 'RUNNING' and not resolution_breached and sla_announced is distinct from 'BREACHED';
create index service_trouble_sla_crossing_idx on service_trouble (resolution_due_at)
    where resolution_clock = 'RUNNING' and not resolution_breached and sla_announced is distinct from 'BREACHED';
create index resource_trouble_sla_crossing_idx on resource_trouble (resolution_due_at)
    where resolution_clock = 'RUNNING' and not resolution_breached and sla_announced is distinct from 'BREACHED';
