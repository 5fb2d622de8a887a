-- Systems of record (CRM, inventory, billing) name their objects by their own keys: external_id
-- is unique per type where set (partial unique indexes: objects created here have none). Upserts
-- and nodeByExternalId match on it.
alter table customer add column external_id text;
create unique index customer_external_id_idx on customer (external_id) where external_id is not null;
alter table contact add column external_id text;
create unique index contact_external_id_idx on contact (external_id) where external_id is not null;
alter table service add column external_id text;
create unique index service_external_id_idx on service (external_id) where external_id is not null;
alter table resource add column external_id text;
create unique index resource_external_id_idx on resource (external_id) where external_id is not null;
alter table product_order add column external_id text;
create unique index product_order_external_id_idx on product_order (external_id) where external_id is not null;
alter table invoice add column external_id text;
create unique index invoice_external_id_idx on invoice (external_id) where external_id is not null;

-- Contacts are deactivated, never deleted while tickets name them (reported_by_id).
alter table contact add column status text not null default 'ACTIVE' check (status in ('ACTIVE', 'INACTIVE'));
