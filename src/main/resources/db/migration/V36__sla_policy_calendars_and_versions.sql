-- Business-hours calendars per SLA policy (docs/agent-work.md): both clocks count only working time, in the
-- calendar's time zone. All null: around the clock (every existing policy).
alter table sla_policy
    add column business_time_zone text,
    add column business_days      text[] check (business_days <@ array['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']::text[]),
    add column business_opens     time,
    add column business_closes    time,
    add column business_holidays  date[] not null default '{}',
    add constraint sla_policy_business_hours_check check (
        (business_time_zone is null and business_days is null and business_opens is null and business_closes is null)
        or (business_time_zone is not null and cardinality(business_days) > 0 and business_opens < business_closes));

-- Policy versions (slaPolicyUpdate, docs/agent-work.md): a change closes the row in force (valid_to) and inserts
-- the next version; a ticket runs on the version in force when it was created, so a change applies to new
-- tickets and every earlier version stays readable. Seeded policies are in force from the start.
alter table sla_policy
    add column version       integer     not null default 1,
    add column valid_from    timestamptz not null default '1900-01-01 00:00:00+00',
    add column valid_to      timestamptz,
    add column changed_by    text,
    add column change_reason text;
alter table sla_policy drop constraint sla_policy_segment_priority_key;
create unique index sla_policy_in_force_uq on sla_policy (segment, priority) where valid_to is null;
create unique index sla_policy_version_uq on sla_policy (segment, priority, version);
