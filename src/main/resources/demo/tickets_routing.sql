-- Demo routing for dev mode (DemoData runs it after tickets.sql): the dev tokens' staff as agents,
-- two work groups with members, and open tickets assigned, escalated or waiting in a queue, with
-- their field history; categories, a queue with at-risk and breached reports, notes on every ticket
-- kind and a rating. Idempotent like the other demo scripts.

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

-- Categories (TMF621 ticketType) on every demo ticket.
insert into ticket_category (code, name, description)
values ('OUTAGE', 'Outage', 'A service is down'),
       ('PERFORMANCE', 'Performance', 'A service is slow or unstable'),
       ('BILLING', 'Billing', 'Invoices and charges'),
       ('ORDER', 'Order handling', 'Orders and deliveries'),
       ('ALARM', 'Network alarm', 'Raised by network management')
on conflict (code) do nothing;

-- The queue of Service Desk L1 with one report at risk (due in 15 minutes) and one breached (an hour
-- overdue), timed from the policy of the customer's segment and the report's priority; the SLA job
-- stores their due times on its first run.
insert into problem_report (customer_id, title, description, severity, priority, channel, status, work_group_id, assignee_id,
                            reported_by_id, created_at, updated_at)
select c.id, v.title, v.description, 'MAJOR', v.priority, 'PHONE', v.status, g.id, a.id,
       (select min(x.id) from contact x where x.customer_id = c.id),
       now() - (sp.resolution_minutes + v.overdue_minutes) * interval '1 minute', now() - interval '5 minutes'
from (values ('ACME-0001', 'Packet loss on backup line', 'Up to 8% loss on the LTE backup since this morning.', 'HIGH',
              'ACKNOWLEDGED', null, -15),
             ('CITY-0003', 'Phones dropping calls', 'Calls at the town hall drop after about a minute.', 'MEDIUM',
              'IN_PROGRESS', 'agent@dev.local', 60))
         as v(account, title, description, priority, status, subject, overdue_minutes)
join customer c on c.account_number = v.account
join sla_policy sp on sp.segment = c.segment and sp.priority = v.priority and sp.category_ids is null and sp.valid_to is null
join work_group g on g.name = 'Service Desk L1'
left join agent a on a.subject = v.subject
where not exists (select 1 from problem_report p where p.customer_id = c.id and p.title = v.title);

insert into status_change (problem_report_id, customer_id, from_status, to_status, reason, actor, changed_at)
select p.id, p.customer_id, h.from_status, h.to_status, h.reason, 'agent@dev.local', p.created_at + h.after
from problem_report p
join (values ('Packet loss on backup line', null, 'ACKNOWLEDGED', 'created', interval '0 minutes'),
             ('Phones dropping calls', null, 'ACKNOWLEDGED', 'created', interval '0 minutes'),
             ('Phones dropping calls', 'ACKNOWLEDGED', 'IN_PROGRESS', 'assigned', interval '10 minutes'))
         as h(title, from_status, to_status, reason, after) on h.title = p.title
where not exists (select 1 from status_change s where s.problem_report_id = p.id and s.to_status = h.to_status)
order by p.id, h.after;

update problem_report p set category_id = k.id
from (values ('Internet down at Berlin plant', 'OUTAGE'), ('Slow VPN between sites', 'PERFORMANCE'),
             ('Wrong quantity on order', 'ORDER'), ('Card terminal offline', 'OUTAGE'), ('Double charge on invoice', 'BILLING'),
             ('Street cabinet alarm', 'ALARM'), ('Request for faster plan', 'ORDER'), ('Order delayed', 'ORDER'),
             ('Packet loss on backup line', 'PERFORMANCE'), ('Phones dropping calls', 'PERFORMANCE')) as v(title, code)
join ticket_category k on k.code = v.code
where p.title = v.title and p.category_id is null;
update service_trouble t set category_id = k.id from ticket_category k where k.code = 'OUTAGE' and t.category_id is null;
update resource_trouble t set category_id = k.id from ticket_category k where k.code = 'ALARM' and t.category_id is null;

-- Notes on every ticket kind: each trouble without one gets an internal note and a public status line.
insert into ticket_note (service_trouble_id, visibility, author, body, by_staff, created_at)
select t.id, v.visibility, 'sre@dev.local', v.body, true, t.created_at + v.after
from service_trouble t
cross join (values ('INTERNAL', 'Correlated with the alarms of the affected resources.', interval '10 minutes'),
                   ('PUBLIC', 'We are working on it and will update this ticket within the hour.', interval '15 minutes'))
         as v(visibility, body, after)
where not exists (select 1 from ticket_note x where x.service_trouble_id = t.id and x.visibility = v.visibility);
insert into ticket_note (resource_trouble_id, visibility, author, body, by_staff, created_at)
select r.id, 'INTERNAL', 'sre@dev.local', 'Alarm confirmed on the element; replacement part requested.', true, r.created_at + interval '5 minutes'
from resource_trouble r
where not exists (select 1 from ticket_note x where x.resource_trouble_id = r.id);
insert into ticket_note (problem_report_id, customer_id, visibility, author, body, by_staff, created_at)
select p.id, p.customer_id, 'PUBLIC', 'agent@dev.local', 'We see the issue and are on it.', true, p.created_at + interval '12 minutes'
from problem_report p
where p.title in ('Packet loss on backup line', 'Phones dropping calls')
  and not exists (select 1 from ticket_note x where x.problem_report_id = p.id);

-- A rating of the closed report, by its customer after the closure.
insert into satisfaction_rating (problem_report_id, customer_id, score, comment, rated_by, created_at)
select p.id, p.customer_id, 4, 'Sorted quickly, the credit note came a bit late.', 'portal', p.closed_at + interval '1 hour'
from problem_report p
where p.title = 'Double charge on invoice' and p.status = 'CLOSED'
on conflict (problem_report_id) do nothing;
