-- Demo routing for dev mode (DemoData runs it after tickets.sql): the dev tokens' staff as agents,
-- two work groups with members, and open tickets assigned, escalated or waiting in a queue, with
-- their field history. Idempotent like the other demo scripts.

insert into agent (subject, name, email)
values ('agent@dev.local', 'Dev Agent', 'agent@dev.local'),
       ('sre@dev.local', 'Dev SRE', 'sre@dev.local'),
       ('admin@dev.local', 'Dev Admin', 'admin@dev.local')
on conflict (subject) do nothing;

insert into work_group (name, description)
values ('Service Desk L1', 'First line: customer problem reports'),
       ('Network Operations L2', 'Second line: service and resource troubles, escalations')
on conflict (name) do nothing;

insert into work_group_member (work_group_id, agent_id)
select g.id, a.id
from (values ('Service Desk L1', 'agent@dev.local'), ('Network Operations L2', 'sre@dev.local'),
             ('Network Operations L2', 'admin@dev.local')) as v(grp, subject)
join work_group g on g.name = v.grp
join agent a on a.subject = v.subject
on conflict do nothing;

-- Problem reports: one assigned in L1, one escalated to L2, one waiting unassigned in L1's queue.
update problem_report p
set work_group_id = g.id, assignee_id = a.id
from (values ('Internet down at Berlin plant', 'Network Operations L2', 'sre@dev.local'),
             ('Slow VPN between sites', 'Service Desk L1', 'agent@dev.local'),
             ('Street cabinet alarm', 'Service Desk L1', null)) as v(title, grp, subject)
join work_group g on g.name = v.grp
left join agent a on a.subject = v.subject
where p.title = v.title and p.work_group_id is null;

insert into ticket_field_change (problem_report_id, customer_id, field, action, old_value, new_value, reason, actor, changed_at)
select p.id, p.customer_id, v.field, v.action, v.old_value, v.new_value, v.reason, v.actor, p.created_at + v.after
from (values ('Internet down at Berlin plant', 'WORK_GROUP', 'ASSIGN', null, 'Service Desk L1', 'Triage', 'agent@dev.local', interval '5 minutes'),
             ('Internet down at Berlin plant', 'PRIORITY', 'UPDATE', 'HIGH', 'CRITICAL', 'Whole plant down', 'agent@dev.local', interval '6 minutes'),
             ('Internet down at Berlin plant', 'WORK_GROUP', 'ESCALATE', 'Service Desk L1', 'Network Operations L2', 'Fibre fault, needs L2', 'agent@dev.local', interval '20 minutes'),
             ('Internet down at Berlin plant', 'ASSIGNEE', 'ASSIGN', null, 'Dev SRE', null, 'sre@dev.local', interval '25 minutes'),
             ('Slow VPN between sites', 'WORK_GROUP', 'ASSIGN', null, 'Service Desk L1', null, 'agent@dev.local', interval '10 minutes'),
             ('Slow VPN between sites', 'ASSIGNEE', 'ASSIGN', null, 'Dev Agent', null, 'agent@dev.local', interval '10 minutes'),
             ('Street cabinet alarm', 'WORK_GROUP', 'ASSIGN', null, 'Service Desk L1', null, 'agent@dev.local', interval '1 minute'))
         as v(title, field, action, old_value, new_value, reason, actor, after)
join problem_report p on p.title = v.title
where not exists (select 1 from ticket_field_change x where x.problem_report_id = p.id);

-- Troubles: routed to network operations.
update service_trouble t set work_group_id = g.id, assignee_id = a.id
from work_group g, agent a
where g.name = 'Network Operations L2' and a.subject = 'sre@dev.local'
  and t.status not in ('CLOSED', 'REJECTED', 'CANCELLED') and t.work_group_id is null;
update resource_trouble t set work_group_id = g.id
from work_group g
where g.name = 'Network Operations L2' and t.status not in ('CLOSED', 'REJECTED', 'CANCELLED') and t.work_group_id is null;
