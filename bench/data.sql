-- Deterministic benchmark data set, set-based (generate_series), for the schema Flyway created.
-- psql -v scale=N: N customers; everything else is proportional (defaults for N = 100,000):
--   2 contacts, 2 services and 10 orders x 3 items per customer; 12 monthly invoices x 2 lines
--   (one per service) with a payment for each settled invoice; resources N/20 with 1-2 per
--   service; problem reports 2N, service troubles N/5, resource troubles N/20, and links.
-- "Random" choices are hashes of the row id (hashint8extended with a per-column seed), so the
-- data is the same whatever order or plan PostgreSQL uses; setseed pins anything else.
-- Ids are explicit and derived from the parent's id, so the load scripts can compute valid ids
-- (customer c owns contacts 2c-1..2c, services 2c-1..2c, orders 10c-9..10c) without reading.
\set ON_ERROR_STOP on
select setseed(0.42);
-- The rows are consistent by construction: skip the per-row foreign key triggers while loading.
set session_replication_role = replica;
set synchronous_commit = off;

-- h(seed, n, k): a value in 0..k-1 derived from n; t0: the fixed "now" of the data set.
create function pg_temp.h(seed int, n bigint, k int) returns int
    language sql immutable as $$ select ((hashint8extended(n, seed) & 2147483647) % k)::int $$;
create function pg_temp.charge(service_id bigint) returns numeric
    language sql immutable as $$ select (1000 + pg_temp.h(7, service_id, 9000))::numeric / 100 $$;
create function pg_temp.t0() returns timestamptz
    language sql immutable as $$ select timestamptz '2026-11-01 00:00:00+00' $$;

insert into customer (id, account_number, name, status, segment, credit_rating, preferred_language, created_at, updated_at)
select c, 'ACC-' || lpad(c::text, 10, '0'), 'Customer ' || c,
       (array['ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','SUSPENDED',
              'ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','INACTIVE','PROSPECTIVE'])[1 + pg_temp.h(1, c, 20)],
       (array['CONSUMER','CONSUMER','CONSUMER','SMALL_BUSINESS','ENTERPRISE','WHOLESALE'])[1 + pg_temp.h(2, c, 6)],
       pg_temp.h(3, c, 1001),
       (array['en','en','de','fr','es'])[1 + pg_temp.h(4, c, 5)],
       pg_temp.t0() - make_interval(days => 400 + pg_temp.h(5, c, 1000)),
       pg_temp.t0() - make_interval(days => pg_temp.h(6, c, 400))
from generate_series(1, :scale) c;

insert into contact (id, customer_id, name, role, email, phone, preferred_channel, language, created_at, updated_at)
select (c - 1) * 2 + k, c, 'Contact ' || c || '-' || k, (array['PRIMARY','BILLING'])[k],
       'contact' || ((c - 1) * 2 + k) || '@example.com', '+49 30 ' || lpad(((c - 1) * 2 + k)::text, 8, '0'),
       (array['EMAIL','PHONE','SMS','PORTAL'])[1 + pg_temp.h(11, (c - 1) * 2 + k, 4)], 'en',
       pg_temp.t0() - interval '400 days', pg_temp.t0() - interval '400 days'
from generate_series(1, :scale) c, generate_series(1, 2) k;

insert into service (id, customer_id, name, category, state, monthly_charge, currency, created_at, updated_at)
select s, c, (array['Broadband','Mobile','Voice','IPTV','VPN'])[1 + pg_temp.h(21, s, 5)] || ' ' || s,
       (array['BROADBAND','MOBILE','VOICE','IPTV','VPN'])[1 + pg_temp.h(21, s, 5)],
       case when pg_temp.h(22, s, 20) = 0 then 'TERMINATED' else 'ACTIVE' end,
       pg_temp.charge(s), 'EUR', pg_temp.t0() - interval '400 days', pg_temp.t0() - interval '400 days'
from generate_series(1, :scale) c, generate_series(1, 2) k, lateral (select (c - 1) * 2 + k as s) ids;

insert into resource (id, name, category, location, operational_state, created_at, updated_at)
select r, 'RES-' || lpad(r::text, 8, '0'), (array['ROUTER','OLT','SWITCH','CELL','SERVER'])[1 + pg_temp.h(31, r, 5)],
       'Site ' || (1 + pg_temp.h(32, r, 500)), case when pg_temp.h(33, r, 50) = 0 then 'DISABLE' else 'ENABLE' end,
       pg_temp.t0() - interval '800 days', pg_temp.t0() - interval '800 days'
from generate_series(1, greatest(:scale / 20, 10)) r;

-- Every service runs on one resource, every other one on a second (distinct) one.
insert into service_resource (service_id, resource_id)
select s, 1 + pg_temp.h(34, s, greatest(:scale / 20, 10))
from generate_series(1, 2 * :scale) s
union all
select s, 1 + (pg_temp.h(34, s, greatest(:scale / 20, 10)) + 1 + pg_temp.h(35, s, greatest(:scale / 20, 10) - 1)) % greatest(:scale / 20, 10)
from generate_series(1, 2 * :scale) s
where s % 2 = 0;

insert into product_order (id, customer_id, number, description, state, priority, order_date, requested_start_date,
                           completion_date, created_at, updated_at)
select o, c, 'PO-' || lpad(o::text, 10, '0'), 'Order ' || k || ' of customer ' || c,
       (array['COMPLETED','COMPLETED','COMPLETED','COMPLETED','COMPLETED','COMPLETED','COMPLETED',
              'IN_PROGRESS','ACKNOWLEDGED','PENDING','CANCELLED','FAILED'])[1 + pg_temp.h(41, o, 12)],
       pg_temp.h(42, o, 5), ts, ts + interval '3 days', ts + interval '10 days', ts, ts + interval '10 days'
from generate_series(1, :scale) c, generate_series(1, 10) k,
     lateral (select (c - 1) * 10 + k as o,
                     pg_temp.t0() - make_interval(days => 30 * (10 - k) + pg_temp.h(43, (c - 1) * 10 + k, 30)) as ts) ids;

insert into order_item (id, order_id, customer_id, item_number, product_name, action, quantity, unit_price, currency,
                        state, service_id)
select (o - 1) * 3 + k, o, (o - 1) / 10 + 1, k,
       (array['Fibre 1000','Fibre 250','Mobile XL','Mobile S','Static IP','Router rental','TV package','VPN site'])[1 + pg_temp.h(51, (o - 1) * 3 + k, 8)],
       'ADD', 1 + pg_temp.h(52, (o - 1) * 3 + k, 3), (100 + pg_temp.h(53, (o - 1) * 3 + k, 20000))::numeric / 100, 'EUR',
       'COMPLETED', ((o - 1) / 10) * 2 + 1 + pg_temp.h(54, (o - 1) * 3 + k, 2)
from generate_series(1, 10 * :scale) o, generate_series(1, 3) k;

-- Monthly invoices: bill month m = 1..12 ends at t0; the two lines are the two services' charges.
insert into invoice (id, customer_id, number, state, bill_date, period_start, period_end, payment_due_date, currency,
                     total_amount, paid_amount, created_at, updated_at)
select i, c, 'INV-' || lpad(i::text, 10, '0'), st, bill, bill - interval '1 month', bill - 1, bill + 14, 'EUR',
       total, case when st = 'SETTLED' then total else 0 end, bill, bill
from generate_series(1, :scale) c, generate_series(1, 12) m,
     lateral (select (c - 1) * 12 + m as i, (date '2025-11-01' + make_interval(months => m))::date as bill,
                     pg_temp.charge((c - 1) * 2 + 1) + pg_temp.charge((c - 1) * 2 + 2) as total,
                     case when m = 12 then 'SENT' when m = 11 and c % 7 = 0 then 'PARTIALLY_PAID' else 'SETTLED' end as st) x;

insert into invoice_line (id, invoice_id, customer_id, description, quantity, unit_amount, amount)
select (i - 1) * 2 + k, i, (i - 1) / 12 + 1, 'Monthly charge, service ' || (((i - 1) / 12) * 2 + k), 1,
       pg_temp.charge(((i - 1) / 12) * 2 + k), pg_temp.charge(((i - 1) / 12) * 2 + k)
from generate_series(1, 12 * :scale) i, generate_series(1, 2) k;

insert into payment (invoice_id, customer_id, amount, method, reference, paid_at)
select id, customer_id, total_amount, (array['CARD','BANK_TRANSFER','DIRECT_DEBIT'])[1 + pg_temp.h(61, id, 3)],
       'PAY-' || id, bill_date + 7
from invoice where state = 'SETTLED'
order by id;

insert into problem_report (id, customer_id, number, title, description, severity, priority, channel, status, resolution,
                            reported_by_id, related_order_id, related_service_id, related_invoice_id,
                            created_at, updated_at, resolved_at, closed_at)
select p, c, 'PR-' || lpad(p::text, 10, '0'),
       (array['No internet','Slow connection','Dropped calls','Wrong invoice amount','TV signal lost','Cannot log in',
              'Router keeps rebooting','Order delayed'])[1 + pg_temp.h(71, p, 8)] || ' (' || p || ')',
       'Reported through the benchmark data set.',
       (array['CRITICAL','MAJOR','MINOR','MINOR','WARNING'])[1 + pg_temp.h(72, p, 5)],
       (array['CRITICAL','HIGH','MEDIUM','MEDIUM','LOW','LOW'])[1 + pg_temp.h(73, p, 6)],
       (array['PORTAL','PHONE','EMAIL','CHAT','AGENT','PROACTIVE'])[1 + pg_temp.h(74, p, 6)],
       st, case when st in ('RESOLVED','CLOSED') then 'Fixed remotely' end,
       case when pg_temp.h(75, p, 10) > 0 then (c - 1) * 2 + 1 + pg_temp.h(76, p, 2) end,
       case when pg_temp.h(77, p, 10) < 3 then (c - 1) * 10 + 1 + pg_temp.h(78, p, 10) end,
       case when pg_temp.h(79, p, 10) < 7 then (c - 1) * 2 + 1 + pg_temp.h(80, p, 2) end,
       case when pg_temp.h(81, p, 10) = 0 then (c - 1) * 12 + 1 + pg_temp.h(82, p, 12) end,
       created, created + make_interval(hours => 1 + pg_temp.h(83, p, 72)),
       case when st in ('RESOLVED','CLOSED') then created + make_interval(hours => 1 + pg_temp.h(83, p, 72)) end,
       case when st = 'CLOSED' then created + make_interval(hours => 1 + pg_temp.h(83, p, 72)) end
from generate_series(1, 2 * :scale) p,
     lateral (select 1 + pg_temp.h(70, p, :scale) as c,
                     -- creation times increase with the id (like a real sequence), spread over a year
                     pg_temp.t0() - make_interval(secs => (2 * :scale - p) * (31536000.0 / (2 * :scale))) as created,
                     (array['CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED',
                            'RESOLVED','RESOLVED','IN_PROGRESS','IN_PROGRESS','IN_PROGRESS','ACKNOWLEDGED','ACKNOWLEDGED',
                            'PENDING','HELD','CANCELLED'])[1 + pg_temp.h(84, p, 20)] as st) x;

insert into service_trouble (id, number, title, description, severity, priority, impact, urgency, status, root_cause,
                             resolution, parent_id, created_at, updated_at)
select t, 'ST-' || lpad(t::text, 10, '0'), 'Service degradation ' || t, 'Detected by monitoring.',
       (array['CRITICAL','MAJOR','MINOR','WARNING'])[1 + pg_temp.h(91, t, 4)],
       (array['CRITICAL','HIGH','MEDIUM','LOW'])[1 + pg_temp.h(92, t, 4)],
       (array['EXTENSIVE','SIGNIFICANT','MODERATE','MINOR'])[1 + pg_temp.h(93, t, 4)],
       (array['CRITICAL','HIGH','MEDIUM','LOW'])[1 + pg_temp.h(94, t, 4)],
       st, case when st in ('RESOLVED','CLOSED') then 'Line card failure' end,
       case when st in ('RESOLVED','CLOSED') then 'Card replaced' end,
       case when t > 10 and pg_temp.h(95, t, 10) = 0 then 1 + pg_temp.h(96, t, t - 1) end,
       created, created + interval '2 hours'
from generate_series(1, greatest(:scale / 5, 10)) t,
     lateral (select pg_temp.t0() - make_interval(secs => (greatest(:scale / 5, 10) - t) * (31536000.0 / greatest(:scale / 5, 10))) as created,
                     (array['CLOSED','CLOSED','CLOSED','RESOLVED','IN_PROGRESS','ACKNOWLEDGED','PENDING','HELD'])[1 + pg_temp.h(97, t, 8)] as st) x;

insert into service_trouble_service (service_trouble_id, service_id)
select t, 1 + pg_temp.h(98, t, 2 * :scale) from generate_series(1, greatest(:scale / 5, 10)) t
union all
select t, 1 + (pg_temp.h(98, t, 2 * :scale) + 1 + pg_temp.h(99, t, 2 * :scale - 1)) % (2 * :scale)
from generate_series(1, greatest(:scale / 5, 10)) t;

insert into resource_trouble (id, number, title, description, resource_id, severity, priority, perceived_severity,
                              probable_cause, localization, status, created_at, updated_at)
select r, 'RT-' || lpad(r::text, 10, '0'), 'Alarm ' || r, 'Raised by the element manager.',
       1 + pg_temp.h(101, r, greatest(:scale / 20, 10)),
       (array['CRITICAL','MAJOR','MINOR','WARNING'])[1 + pg_temp.h(102, r, 4)],
       (array['CRITICAL','HIGH','MEDIUM','LOW'])[1 + pg_temp.h(103, r, 4)],
       (array['CRITICAL','MAJOR','MINOR','WARNING','INDETERMINATE','CLEARED'])[1 + pg_temp.h(104, r, 6)],
       'equipmentMalfunction', 'slot ' || (1 + pg_temp.h(105, r, 16)),
       (array['CLOSED','CLOSED','RESOLVED','IN_PROGRESS','ACKNOWLEDGED'])[1 + pg_temp.h(106, r, 5)],
       created, created + interval '1 hour'
from generate_series(1, greatest(:scale / 20, 10)) r,
     lateral (select pg_temp.t0() - make_interval(secs => (greatest(:scale / 20, 10) - r) * (31536000.0 / greatest(:scale / 20, 10))) as created) x;

-- One problem report in ten was isolated to a service trouble; one service trouble in five to an alarm.
insert into problem_report_service_trouble (problem_report_id, service_trouble_id)
select p, 1 + pg_temp.h(111, p, greatest(:scale / 5, 10)) from generate_series(1, 2 * :scale) p where pg_temp.h(110, p, 10) = 0;

insert into service_trouble_resource_trouble (service_trouble_id, resource_trouble_id)
select t, 1 + pg_temp.h(113, t, greatest(:scale / 20, 10)) from generate_series(1, greatest(:scale / 5, 10)) t where pg_temp.h(112, t, 5) = 0;

insert into ticket_note (problem_report_id, customer_id, visibility, author, body, created_at)
select id, customer_id, case when id % 4 = 0 then 'INTERNAL' else 'PUBLIC' end, 'agent-' || (id % 50),
       'Called the customer back.', updated_at
from problem_report where id % 2 = 0
order by id;

-- Identity columns and number sequences continue after the loaded rows.
do $$
declare t text;
begin
    foreach t in array array['customer','contact','service','resource','product_order','order_item','invoice',
                             'invoice_line','payment','problem_report','service_trouble','resource_trouble','ticket_note',
                             'status_change','adjustment']
    loop
        execute format('select setval(pg_get_serial_sequence(%L, ''id''), greatest((select max(id) from %I), 1))', t, t);
    end loop;
end $$;
select setval('product_order_number_seq', (select count(*) from product_order) + 1);
select setval('invoice_number_seq', (select count(*) from invoice) + 1);
select setval('problem_report_number_seq', (select count(*) from problem_report) + 1);
select setval('service_trouble_number_seq', greatest((select count(*) from service_trouble), 1) + 1);
select setval('resource_trouble_number_seq', greatest((select count(*) from resource_trouble), 1) + 1);
