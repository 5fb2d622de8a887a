-- Triage (docs/agent-work.md): a portal customer states an urgency in their own words; staff set priority
-- and severity, which (priority) select the SLA policy. Null for reports made before this.
alter table problem_report add column urgency text check (urgency in ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW'));
