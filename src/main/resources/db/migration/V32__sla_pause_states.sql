-- Which states pause a policy's resolution clock (docs/agent-work.md). By default only PENDING, waiting on
-- the customer: HELD is the provider's own wait (TMF656) and must not stop the customer's clock.
alter table sla_policy add column resolution_pause_states text[] not null default '{PENDING}'
    check (resolution_pause_states <@ array['PENDING', 'HELD']::text[]);
