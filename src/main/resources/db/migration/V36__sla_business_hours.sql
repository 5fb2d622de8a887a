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
