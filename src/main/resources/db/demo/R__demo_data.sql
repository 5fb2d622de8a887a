-- Demo data for dev mode (flyway location db/demo, dev profile only). Flyway re-runs this
-- repeatable script whenever it changes, so every statement must be safe to run twice.

insert into customer (account_number, name, status, segment, credit_rating, preferred_language)
values ('ACME-0001', 'Acme Manufacturing GmbH', 'ACTIVE', 'ENTERPRISE', 820, 'de'),
       ('BLUE-0002', 'Bluebird Cafe', 'ACTIVE', 'SMALL_BUSINESS', 610, 'en'),
       ('CITY-0003', 'City of Northhaven', 'ACTIVE', 'ENTERPRISE', 900, 'en'),
       ('DOE-0004', 'Jane Doe', 'ACTIVE', 'CONSUMER', 540, 'en'),
       ('EXPR-0005', 'Express Logistics SA', 'SUSPENDED', 'WHOLESALE', 280, 'fr')
on conflict (account_number) do nothing;

insert into contact (customer_id, name, role, email, phone, preferred_channel, language)
select c.id, v.name, v.role, v.email, v.phone, v.channel, v.language
from (values ('ACME-0001', 'Klaus Weber', 'IT manager', 'k.weber@acme.example', '+49 30 1234567', 'EMAIL', 'de'),
             ('ACME-0001', 'Petra Schmidt', 'Billing contact', 'billing@acme.example', '+49 30 1234568', 'EMAIL', 'de'),
             ('BLUE-0002', 'Sam Rivera', 'Owner', 'sam@bluebird.example', '+1 555 0100', 'SMS', 'en'),
             ('CITY-0003', 'Alex Morgan', 'Network operations', 'noc@northhaven.example', '+1 555 0200', 'PHONE', 'en'),
             ('CITY-0003', 'Priya Patel', 'Procurement', 'procurement@northhaven.example', null, 'PORTAL', 'en'),
             ('DOE-0004', 'Jane Doe', 'Account holder', 'jane@doe.example', '+1 555 0300', 'PORTAL', 'en'),
             ('EXPR-0005', 'Luc Martin', 'Operations lead', 'luc@express.example', '+33 1 555 0400', 'EMAIL', 'fr'))
         as v(account, name, role, email, phone, channel, language)
join customer c on c.account_number = v.account
where not exists (select 1 from contact x where x.customer_id = c.id and x.email is not distinct from v.email);
