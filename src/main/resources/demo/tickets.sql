-- Demo tickets for dev mode (DemoData runs it after reference-data.ndjson and commerce.sql). Every
-- statement is idempotent and joins to the rows it needs, so it inserts nothing for missing ones.
-- Problem reports are keyed by (customer, title), troubles by title.

-- Problem reports in every status, for the demo customers, linked to their first contact, order,
-- service and invoice where those exist.
insert into problem_report (customer_id, title, description, severity, priority, channel, status, resolution,
                            reported_by_id, related_order_id, related_service_id, related_invoice_id,
                            created_at, updated_at, resolved_at, closed_at)
select c.id, v.title, v.description, v.severity, v.priority, v.channel, v.status, v.resolution,
       (select min(x.id) from contact x where x.customer_id = c.id),
       case when v.about = 'order' then (select min(o.id) from product_order o where o.customer_id = c.id) end,
       case when v.about = 'service' then (select min(s.id) from service s where s.customer_id = c.id) end,
       case when v.about = 'invoice' then (select min(i.id) from invoice i where i.customer_id = c.id) end,
       now() - v.age, now() - v.age / 2,
       case when v.status in ('RESOLVED', 'CLOSED') then now() - v.age / 3 end,
       case when v.status = 'CLOSED' then now() - v.age / 4 end
from (values ('ACME-0001', 'Internet down at Berlin plant', 'All lines at the plant are down since 06:00.',
              'CRITICAL', 'CRITICAL', 'PHONE', 'IN_PROGRESS', null, 'service', interval '2 hours'),
             ('ACME-0001', 'Slow VPN between sites', 'Throughput between Berlin and Munich below 10 Mbit/s.',
              'MAJOR', 'HIGH', 'EMAIL', 'PENDING', null, 'service', interval '3 days'),
             ('ACME-0001', 'Wrong quantity on order', 'Ordered 20 handsets, received 10.',
              'MINOR', 'MEDIUM', 'PORTAL', 'RESOLVED', 'Remaining handsets shipped.', 'order', interval '10 days'),
             ('BLUE-0002', 'Card terminal offline', 'The payment terminal loses its connection every hour.',
              'MAJOR', 'HIGH', 'CHAT', 'HELD', null, 'service', interval '1 day'),
             ('BLUE-0002', 'Double charge on invoice', 'The router rental is billed twice.',
              'MINOR', 'MEDIUM', 'PORTAL', 'CLOSED', 'Credit note issued.', 'invoice', interval '30 days'),
             ('CITY-0003', 'Street cabinet alarm', 'Proactive: alarm on the cabinet serving the town hall.',
              'WARNING', 'LOW', 'PROACTIVE', 'ACKNOWLEDGED', null, 'service', interval '30 minutes'),
             ('DOE-0004', 'Request for faster plan', 'Not a fault: wants an upgrade.',
              'WARNING', 'LOW', 'PORTAL', 'REJECTED', null, null, interval '5 days'),
             ('EXPR-0005', 'Order delayed', 'Order not delivered, customer withdrew the complaint.',
              'MINOR', 'LOW', 'AGENT', 'CANCELLED', null, 'order', interval '12 days'))
         as v(account, title, description, severity, priority, channel, status, resolution, about, age)
join customer c on c.account_number = v.account
where not exists (select 1 from problem_report p where p.customer_id = c.id and p.title = v.title);

-- Status history along the state machine's path to each report's status, inserted in time order:
-- readers (statusHistory, the SLA clocks) take the ids' order as the order of the changes.
insert into status_change (problem_report_id, customer_id, from_status, to_status, reason, actor, changed_at)
select p.id, p.customer_id, h.from_status, h.to_status, h.reason, h.actor, p.created_at + h.step * (p.updated_at - p.created_at) / 3
from problem_report p
join (values ('ACKNOWLEDGED', 0, null, 'ACKNOWLEDGED', 'created', 'portal'),
             ('IN_PROGRESS', 0, null, 'ACKNOWLEDGED', 'created', 'agent@supportgraph.dev'),
             ('IN_PROGRESS', 1, 'ACKNOWLEDGED', 'IN_PROGRESS', 'assigned', 'agent@supportgraph.dev'),
             ('PENDING', 0, null, 'ACKNOWLEDGED', 'created', 'agent@supportgraph.dev'),
             ('PENDING', 1, 'ACKNOWLEDGED', 'IN_PROGRESS', 'assigned', 'agent@supportgraph.dev'),
             ('PENDING', 2, 'IN_PROGRESS', 'PENDING', 'waiting for traceroute from customer', 'agent@supportgraph.dev'),
             ('HELD', 0, null, 'ACKNOWLEDGED', 'created', 'agent@supportgraph.dev'),
             ('HELD', 1, 'ACKNOWLEDGED', 'IN_PROGRESS', 'assigned', 'agent@supportgraph.dev'),
             ('HELD', 2, 'IN_PROGRESS', 'HELD', 'blocked by network trouble', 'agent@supportgraph.dev'),
             ('RESOLVED', 0, null, 'ACKNOWLEDGED', 'created', 'portal'),
             ('RESOLVED', 1, 'ACKNOWLEDGED', 'IN_PROGRESS', 'assigned', 'agent@supportgraph.dev'),
             ('RESOLVED', 2, 'IN_PROGRESS', 'RESOLVED', 'fixed', 'agent@supportgraph.dev'),
             ('CLOSED', 0, null, 'ACKNOWLEDGED', 'created', 'portal'),
             ('CLOSED', 1, 'ACKNOWLEDGED', 'IN_PROGRESS', 'assigned', 'agent@supportgraph.dev'),
             ('CLOSED', 2, 'IN_PROGRESS', 'RESOLVED', 'credit note', 'agent@supportgraph.dev'),
             ('CLOSED', 3, 'RESOLVED', 'CLOSED', 'resolution accepted', 'portal'),
             ('REJECTED', 0, null, 'ACKNOWLEDGED', 'created', 'portal'),
             ('REJECTED', 1, 'ACKNOWLEDGED', 'REJECTED', 'not a fault', 'agent@supportgraph.dev'),
             ('CANCELLED', 0, null, 'ACKNOWLEDGED', 'created', 'agent@supportgraph.dev'),
             ('CANCELLED', 1, 'ACKNOWLEDGED', 'IN_PROGRESS', 'assigned', 'agent@supportgraph.dev'),
             ('CANCELLED', 2, 'IN_PROGRESS', 'CANCELLED', 'withdrawn by customer', 'agent@supportgraph.dev'))
         as h(status, step, from_status, to_status, reason, actor) on h.status = p.status
join customer c on c.id = p.customer_id and c.account_number in ('ACME-0001', 'BLUE-0002', 'CITY-0003', 'DOE-0004', 'EXPR-0005')
where not exists (select 1 from status_change s where s.problem_report_id = p.id and s.to_status = h.to_status)
order by p.id, h.step;

-- A public and an internal note on every demo problem report.
insert into ticket_note (problem_report_id, customer_id, visibility, author, body)
select p.id, p.customer_id, n.visibility, n.author, n.body
from problem_report p
join customer c on c.id = p.customer_id and c.account_number in ('ACME-0001', 'BLUE-0002', 'CITY-0003', 'DOE-0004', 'EXPR-0005')
cross join (values ('PUBLIC', 'agent@supportgraph.dev', 'Thank you, we are looking into it.'),
                   ('INTERNAL', 'agent@supportgraph.dev', 'Checked the line tests; see linked service trouble.'))
         as n(visibility, author, body)
where not exists (select 1 from ticket_note x where x.problem_report_id = p.id and x.body = n.body);

-- Service troubles: one outage with a follow-up child, linked to problem reports and affected services.
insert into service_trouble (title, description, severity, priority, impact, urgency, status, root_cause, created_at)
select v.title, v.description, v.severity, v.priority, v.impact, v.urgency, v.status, v.root_cause, now() - v.age
from (values ('Fibre cut Berlin north', 'Backhoe cut the fibre bundle on Nordstrasse.', 'CRITICAL', 'CRITICAL',
              'EXTENSIVE', 'CRITICAL', 'IN_PROGRESS', 'Civil works damage', interval '3 hours'),
             ('VPN concentrator overload', 'CPU at 100% on the VPN concentrator.', 'MAJOR', 'HIGH',
              'SIGNIFICANT', 'HIGH', 'PENDING', null, interval '3 days'))
         as v(title, description, severity, priority, impact, urgency, status, root_cause, age)
where not exists (select 1 from service_trouble s where s.title = v.title);

insert into service_trouble (title, description, severity, priority, impact, urgency, status, parent_id)
select 'Re-splice Nordstrasse cabinet', 'Follow-up work after the fibre cut.', 'MINOR', 'MEDIUM', 'MODERATE', 'MEDIUM',
       'ACKNOWLEDGED', parent.id
from service_trouble parent
where parent.title = 'Fibre cut Berlin north'
  and not exists (select 1 from service_trouble s where s.title = 'Re-splice Nordstrasse cabinet');

insert into problem_report_service_trouble (problem_report_id, service_trouble_id)
select p.id, s.id
from (values ('Internet down at Berlin plant', 'Fibre cut Berlin north'),
             ('Card terminal offline', 'Fibre cut Berlin north'),
             ('Slow VPN between sites', 'VPN concentrator overload')) as v(report, trouble)
join problem_report p on p.title = v.report
join service_trouble s on s.title = v.trouble
on conflict do nothing;

-- Affected services: the services of the problem reports linked to each trouble.
insert into service_trouble_service (service_trouble_id, service_id)
select distinct l.service_trouble_id, p.related_service_id
from problem_report_service_trouble l
join problem_report p on p.id = l.problem_report_id
join service_trouble s on s.id = l.service_trouble_id
where p.related_service_id is not null
  and s.title in ('Fibre cut Berlin north', 'VPN concentrator overload')
on conflict do nothing;

insert into ticket_note (service_trouble_id, visibility, author, body)
select s.id, 'INTERNAL', 'sre@supportgraph.dev', 'Field crew dispatched, ETA 2 hours.'
from service_trouble s
where s.title = 'Fibre cut Berlin north'
  and not exists (select 1 from ticket_note x where x.service_trouble_id = s.id);

insert into status_change (service_trouble_id, from_status, to_status, reason, actor, changed_at)
select s.id, h.from_status, h.to_status, h.reason, 'sre@supportgraph.dev', s.created_at + h.step * interval '20 minutes'
from service_trouble s
join (values ('ACKNOWLEDGED', 0, null, 'ACKNOWLEDGED', 'detected'),
             ('IN_PROGRESS', 0, null, 'ACKNOWLEDGED', 'detected'),
             ('IN_PROGRESS', 1, 'ACKNOWLEDGED', 'IN_PROGRESS', 'crew assigned'),
             ('PENDING', 0, null, 'ACKNOWLEDGED', 'detected'),
             ('PENDING', 1, 'ACKNOWLEDGED', 'IN_PROGRESS', 'investigating'),
             ('PENDING', 2, 'IN_PROGRESS', 'PENDING', 'waiting for vendor'))
         as h(status, step, from_status, to_status, reason) on h.status = s.status
where s.title in ('Fibre cut Berlin north', 'VPN concentrator overload', 'Re-splice Nordstrasse cabinet')
  and not exists (select 1 from status_change x where x.service_trouble_id = s.id and x.to_status = h.to_status)
order by s.id, h.step;

-- Resource troubles on a resource behind each affected service, linked to the service trouble.
insert into resource_trouble (title, description, resource_id, severity, priority, perceived_severity,
                              probable_cause, localization, status)
select distinct on (v.title) v.title, v.description, sr.resource_id, v.severity, v.priority, v.perceived,
       v.cause, v.localization, v.status
from (values ('Fibre cut Berlin north', 'LOS on uplink', 'Loss of signal on the uplink port.', 'CRITICAL',
              'CRITICAL', 'CRITICAL', 'lossOfSignal', 'slot 3 / port 1', 'IN_PROGRESS'),
             ('VPN concentrator overload', 'CPU threshold crossed', 'CPU above 95% for 15 minutes.', 'MAJOR',
              'HIGH', 'MAJOR', 'thresholdCrossed', 'CPU 0', 'ACKNOWLEDGED'))
         as v(trouble, title, description, severity, priority, perceived, cause, localization, status)
join service_trouble s on s.title = v.trouble
join service_trouble_service sts on sts.service_trouble_id = s.id
join service_resource sr on sr.service_id = sts.service_id
where not exists (select 1 from resource_trouble r where r.title = v.title)
order by v.title, sr.resource_id;

insert into service_trouble_resource_trouble (service_trouble_id, resource_trouble_id)
select s.id, r.id
from (values ('Fibre cut Berlin north', 'LOS on uplink'),
             ('VPN concentrator overload', 'CPU threshold crossed')) as v(trouble, resource_trouble)
join service_trouble s on s.title = v.trouble
join resource_trouble r on r.title = v.resource_trouble
on conflict do nothing;

insert into status_change (resource_trouble_id, from_status, to_status, reason, actor)
select r.id, null, 'ACKNOWLEDGED', 'alarm raised', 'nms'
from resource_trouble r
where r.title in ('LOS on uplink', 'CPU threshold crossed')
  and not exists (select 1 from status_change x where x.resource_trouble_id = r.id);
