-- An SLA policy may name a set of ticket categories (docs/agent-work.md, "Policies by category"): category_ids,
-- sorted and distinct, null for the default policy of its segment and priority. A ticket runs on the policy in force
-- for its segment and priority whose set holds its category, else on the default. A category is in at most one
-- in-force set per segment and priority: slaPolicyCreate checks it under the default's row lock (an index cannot
-- see into overlapping arrays); the unique indexes keep one set's versions apart as V48 did for one category.
-- Categories are never deleted (only deactivated), so the ids stay valid without a foreign key per element.
alter table sla_policy add column category_ids bigint[] check (cardinality(category_ids) > 0);
update sla_policy set category_ids = array[category_id] where category_id is not null;
drop index sla_policy_in_force_uq;
drop index sla_policy_version_uq;
alter table sla_policy drop column category_id;
create unique index sla_policy_in_force_uq on sla_policy (segment, priority, coalesce(category_ids, '{}')) where valid_to is null;
create unique index sla_policy_version_uq on sla_policy (segment, priority, coalesce(category_ids, '{}'), version);
