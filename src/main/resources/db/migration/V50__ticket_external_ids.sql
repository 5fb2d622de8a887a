-- Tickets may carry the id of a ticket in another system (a partner's or a customer's ticketing
-- system, a network manager's trouble): unique per kind where set, as for reference data (V20).
alter table problem_report add column external_id text;
create unique index problem_report_external_id_idx on problem_report (external_id) where external_id is not null;
alter table service_trouble add column external_id text;
create unique index service_trouble_external_id_idx on service_trouble (external_id) where external_id is not null;
alter table resource_trouble add column external_id text;
create unique index resource_trouble_external_id_idx on resource_trouble (external_id) where external_id is not null;

-- Setting or changing a ticket's externalId is recorded in its field history.
alter table ticket_field_change drop constraint ticket_field_change_field_check;
alter table ticket_field_change add constraint ticket_field_change_field_check
    check (field in ('TITLE', 'DESCRIPTION', 'PRIORITY', 'SEVERITY', 'URGENCY', 'WORK_GROUP', 'ASSIGNEE', 'CATEGORY', 'EXTERNAL_ID'));
