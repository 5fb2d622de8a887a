-- SLA policies by ticket category (docs/agent-work.md): a policy may name a category; a ticket runs on the policy in
-- force for its segment and priority that names its category, else on the one naming none (the default). Each
-- (segment, priority, category) has its own versions, as the defaults have.
alter table sla_policy add column category_id bigint references ticket_category (id);
drop index sla_policy_in_force_uq;
drop index sla_policy_version_uq;
create unique index sla_policy_in_force_uq on sla_policy (segment, priority, coalesce(category_id, 0)) where valid_to is null;
create unique index sla_policy_version_uq on sla_policy (segment, priority, coalesce(category_id, 0), version);
