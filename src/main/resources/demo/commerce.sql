-- Demo orders and billing for dev mode (DemoData runs it after importing reference-data.ndjson,
-- whose customers and services it finds by account number and name). Every insert skips rows that
-- exist already, so it is safe to run at every start.

-- Product orders in several states.
insert into product_order (customer_id, description, state, priority, order_date, requested_start_date,
                           requested_completion_date, expected_completion_date, completion_date, state_reason,
                           created_at, updated_at)
select c.id, v.description, v.state, v.priority, v.ordered, v.ordered + interval '7 days', v.ordered + interval '30 days',
       v.ordered + interval '28 days', case when v.state = 'COMPLETED' then v.ordered + interval '25 days' end,
       v.reason, v.ordered, v.ordered + interval '1 day'
from (values ('ACME-0001', 'Berlin HQ fibre and SD-WAN rollout', 'COMPLETED', 1, timestamptz '2025-01-10 09:00+01', null),
             ('ACME-0001', 'Cloud PBX migration from on-premise PBX', 'IN_PROGRESS', 2, timestamptz '2025-05-03 14:30+02', null),
             ('ACME-0001', 'Add 40 PBX seats for the Munich office', 'PENDING', 3, timestamptz '2025-06-12 11:00+02', 'Waiting for site survey'),
             ('BLUE-0002', 'Cafe broadband and mobile bundle', 'COMPLETED', 4, timestamptz '2025-02-01 10:00-05', null),
             ('BLUE-0002', 'Upgrade broadband to 1 Gbit/s', 'HELD', 4, timestamptz '2025-06-20 08:15-05', 'Customer requested a later date'),
             ('CITY-0003', 'Municipal dark fibre ring', 'COMPLETED', 0, timestamptz '2024-11-04 13:00-05', null),
             ('CITY-0003', 'SD-WAN for 40 municipal sites', 'ACKNOWLEDGED', 1, timestamptz '2025-06-25 16:45-05', null),
             ('DOE-0004', 'Home fibre and mobile', 'COMPLETED', 4, timestamptz '2025-03-15 19:00-05', null),
             ('EXPR-0005', 'IP transit capacity increase', 'REJECTED', 2, timestamptz '2025-04-02 09:30+02', 'Credit check failed'))
         as v(account, description, state, priority, ordered, reason)
join customer c on c.account_number = v.account
where not exists (select 1 from product_order o where o.customer_id = c.id and o.description = v.description);

insert into order_item (order_id, customer_id, item_number, product_name, action, quantity, unit_price, currency, state, service_id)
select o.id, o.customer_id, v.item, v.product, v.action, v.quantity, v.price, v.currency, v.state, s.id
from (values ('Berlin HQ fibre and SD-WAN rollout', 1, 'Fibre Access 1 Gbit/s', 'ADD', 1, 399.00, 'EUR', 'COMPLETED', 'Fibre Access 1 Gbit/s - Berlin HQ'),
             ('Berlin HQ fibre and SD-WAN rollout', 2, 'SD-WAN Premium site licence', 'ADD', 12, 204.00, 'EUR', 'COMPLETED', 'SD-WAN Premium - 12 sites'),
             ('Berlin HQ fibre and SD-WAN rollout', 3, 'Installation and on-site activation', 'ADD', 1, 1250.00, 'EUR', 'COMPLETED', null),
             ('Cloud PBX migration from on-premise PBX', 1, 'Cloud PBX seat', 'ADD', 180, 8.00, 'EUR', 'IN_PROGRESS', 'Cloud PBX - 180 seats'),
             ('Cloud PBX migration from on-premise PBX', 2, 'Number porting (block of 100)', 'ADD', 2, 150.00, 'EUR', 'COMPLETED', null),
             ('Add 40 PBX seats for the Munich office', 1, 'Cloud PBX seat', 'MODIFY', 40, 8.00, 'EUR', 'PENDING', 'Cloud PBX - 180 seats'),
             ('Cafe broadband and mobile bundle', 1, 'Business Broadband 300 Mbit/s', 'ADD', 1, 59.00, 'USD', 'COMPLETED', 'Business Broadband 300 Mbit/s'),
             ('Cafe broadband and mobile bundle', 2, 'Mobile Business 20 GB', 'ADD', 3, 25.00, 'USD', 'COMPLETED', 'Mobile Business 20 GB x3'),
             ('Upgrade broadband to 1 Gbit/s', 1, 'Business Broadband 1 Gbit/s', 'MODIFY', 1, 99.00, 'USD', 'HELD', 'Business Broadband 300 Mbit/s'),
             ('Municipal dark fibre ring', 1, 'Dark fibre pair (per km)', 'ADD', 48, 95.00, 'USD', 'COMPLETED', 'Dark Fibre Ring - Municipal'),
             ('Municipal dark fibre ring', 2, 'Managed firewall HA pair', 'ADD', 1, 890.00, 'USD', 'COMPLETED', 'Managed Firewall Cluster'),
             ('SD-WAN for 40 municipal sites', 1, 'SD-WAN Standard site licence', 'ADD', 40, 90.00, 'USD', 'ACKNOWLEDGED', 'SD-WAN Standard - 40 sites'),
             ('Home fibre and mobile', 1, 'Home Fibre 500 Mbit/s', 'ADD', 1, 45.00, 'USD', 'COMPLETED', 'Home Fibre 500 Mbit/s'),
             ('Home fibre and mobile', 2, 'Mobile Unlimited', 'ADD', 1, 35.00, 'USD', 'COMPLETED', 'Mobile Unlimited'),
             ('IP transit capacity increase', 1, 'IP transit 10 Gbit/s port', 'MODIFY', 1, 1800.00, 'EUR', 'REJECTED', null))
         as v(description, item, product, action, quantity, price, currency, state, service)
join product_order o on o.description = v.description
left join service s on s.customer_id = o.customer_id and s.name = v.service
on conflict (order_id, item_number) do nothing;

-- Invoices, their lines (billing orders and items), payments and adjustments.
insert into invoice (customer_id, state, bill_date, period_start, period_end, payment_due_date, currency,
                     total_amount, paid_amount, adjusted_amount)
select c.id, v.state, v.billed, v.period_start, v.period_end, v.billed + 30, v.currency, v.total, v.paid, v.adjusted
from (values ('ACME-0001', 'SETTLED', date '2025-02-01', date '2025-01-01', date '2025-01-31', 'EUR', 4097.00, 4097.00, 0.00),
             ('ACME-0001', 'PARTIALLY_PAID', date '2025-06-01', date '2025-05-01', date '2025-05-31', 'EUR', 4589.00, 2000.00, 150.00),
             ('BLUE-0002', 'SENT', date '2025-03-01', date '2025-02-01', date '2025-02-28', 'USD', 134.00, 0.00, 0.00),
             ('CITY-0003', 'SETTLED', date '2024-12-01', date '2024-11-01', date '2024-11-30', 'USD', 5450.00, 5450.00, 0.00),
             ('CITY-0003', 'ON_HOLD', date '2025-06-01', date '2025-05-01', date '2025-05-31', 'USD', 6090.00, 0.00, 0.00),
             ('DOE-0004', 'NEW', date '2025-04-01', date '2025-03-15', date '2025-03-31', 'USD', 80.00, 0.00, 10.00))
         as v(account, state, billed, period_start, period_end, currency, total, paid, adjusted)
join customer c on c.account_number = v.account
where not exists (select 1 from invoice i where i.customer_id = c.id and i.bill_date = v.billed);

insert into invoice_line (invoice_id, customer_id, description, quantity, unit_amount, amount, order_id, order_item_id)
select i.id, i.customer_id, v.description, v.quantity, v.unit, v.quantity * v.unit, o.id, oi.id
from (values ('ACME-0001', date '2025-02-01', 'Fibre Access 1 Gbit/s - January', 1, 399.00, 'Berlin HQ fibre and SD-WAN rollout', 1),
             ('ACME-0001', date '2025-02-01', 'SD-WAN Premium site licences - January', 12, 204.00, 'Berlin HQ fibre and SD-WAN rollout', 2),
             ('ACME-0001', date '2025-02-01', 'Installation and on-site activation', 1, 1250.00, 'Berlin HQ fibre and SD-WAN rollout', 3),
             ('ACME-0001', date '2025-06-01', 'Monthly recurring charges - May', 1, 4289.00, null, null),
             ('ACME-0001', date '2025-06-01', 'Number porting (block of 100)', 2, 150.00, 'Cloud PBX migration from on-premise PBX', 2),
             ('BLUE-0002', date '2025-03-01', 'Business Broadband 300 Mbit/s - February', 1, 59.00, 'Cafe broadband and mobile bundle', 1),
             ('BLUE-0002', date '2025-03-01', 'Mobile Business 20 GB - February', 3, 25.00, 'Cafe broadband and mobile bundle', 2),
             ('CITY-0003', date '2024-12-01', 'Dark fibre pairs - November', 48, 95.00, 'Municipal dark fibre ring', 1),
             ('CITY-0003', date '2024-12-01', 'Managed firewall HA pair - November', 1, 890.00, 'Municipal dark fibre ring', 2),
             ('CITY-0003', date '2025-06-01', 'Monthly recurring charges - May', 1, 6090.00, null, null),
             ('DOE-0004', date '2025-04-01', 'Home Fibre 500 Mbit/s - March (pro rata)', 1, 45.00, 'Home fibre and mobile', 1),
             ('DOE-0004', date '2025-04-01', 'Mobile Unlimited - March (pro rata)', 1, 35.00, 'Home fibre and mobile', 2))
         as v(account, billed, description, quantity, unit, order_description, item)
join customer c on c.account_number = v.account
join invoice i on i.customer_id = c.id and i.bill_date = v.billed
left join product_order o on o.customer_id = c.id and o.description = v.order_description
left join order_item oi on oi.order_id = o.id and oi.item_number = v.item
where not exists (select 1 from invoice_line l where l.invoice_id = i.id and l.description = v.description);

insert into payment (invoice_id, customer_id, amount, method, reference, paid_at)
select i.id, i.customer_id, v.amount, v.method, v.reference, v.paid
from (values ('ACME-0001', date '2025-02-01', 4097.00, 'BANK_TRANSFER', 'SEPA-ACME-202502', timestamptz '2025-02-20 10:00+01'),
             ('ACME-0001', date '2025-06-01', 2000.00, 'BANK_TRANSFER', 'SEPA-ACME-202506-1', timestamptz '2025-06-18 10:00+02'),
             ('CITY-0003', date '2024-12-01', 5450.00, 'DIRECT_DEBIT', 'DD-NHV-202412', timestamptz '2024-12-28 06:00-05'))
         as v(account, billed, amount, method, reference, paid)
join customer c on c.account_number = v.account
join invoice i on i.customer_id = c.id and i.bill_date = v.billed
where not exists (select 1 from payment p where p.invoice_id = i.id and p.reference = v.reference);

insert into adjustment (invoice_id, customer_id, amount, reason, created_by, created_at)
select i.id, i.customer_id, v.amount, v.reason, v.created_by, v.created
from (values ('ACME-0001', date '2025-06-01', 150.00, 'SLA credit: SD-WAN outage of 6 hours on 2025-05-14', 'agent@supportgraph.dev', timestamptz '2025-06-05 09:00+02'),
             ('DOE-0004', date '2025-04-01', 10.00, 'Goodwill credit for delayed installation', 'agent@supportgraph.dev', timestamptz '2025-04-03 15:00-05'))
         as v(account, billed, amount, reason, created_by, created)
join customer c on c.account_number = v.account
join invoice i on i.customer_id = c.id and i.bill_date = v.billed
where not exists (select 1 from adjustment a where a.invoice_id = i.id and a.reason = v.reason);
