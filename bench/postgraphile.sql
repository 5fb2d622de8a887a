-- PostGraphile's side of the status-change mutation: a volatile function, which PostGraphile
-- exposes as the custom mutation problemReportTransition. It does the work the service's
-- problemReportTransition does in one transaction: optimistic version check, the TMF621
-- transition table, the update, the status history row, the outbox event and the NOTIFY.
-- Lives in its own schema so the app's schema (owned by Flyway) stays untouched. It NOTIFYs its
-- own channel: the service under test LISTENs on supportgraph_events and must stay idle while
-- the peer is measured.
create schema if not exists bench;

create or replace function bench.problem_report_transition(report_id bigint, expected_version bigint, to_status text,
                                                           reason text default null)
    returns public.problem_report
    language plpgsql volatile as
$$
declare
    r public.problem_report;
    from_status text;
begin
    select * into r from public.problem_report where id = report_id for update;
    if not found then
        raise exception 'NOT_FOUND: problem report %', report_id;
    end if;
    if r.version <> expected_version then
        raise exception 'STALE_OBJECT: expected version %, found %', expected_version, r.version;
    end if;
    if (r.status, to_status) not in (
        ('ACKNOWLEDGED', 'IN_PROGRESS'), ('ACKNOWLEDGED', 'REJECTED'), ('ACKNOWLEDGED', 'CANCELLED'),
        ('IN_PROGRESS', 'PENDING'), ('IN_PROGRESS', 'HELD'), ('IN_PROGRESS', 'CANCELLED'), ('IN_PROGRESS', 'RESOLVED'),
        ('PENDING', 'IN_PROGRESS'), ('PENDING', 'CANCELLED'), ('HELD', 'IN_PROGRESS'),
        ('RESOLVED', 'CLOSED'), ('RESOLVED', 'IN_PROGRESS')) then
        raise exception 'INVALID_TRANSITION: % -> %', r.status, to_status;
    end if;
    from_status := r.status;
    update public.problem_report
    set status      = to_status,
        version     = version + 1,
        updated_at  = now(),
        resolved_at = case when to_status = 'RESOLVED' then now() else resolved_at end,
        closed_at   = case when to_status = 'CLOSED' then now() else closed_at end
    where id = report_id
    returning * into r;
    insert into public.status_change (problem_report_id, customer_id, from_status, to_status, reason, actor)
    values (report_id, r.customer_id, from_status, to_status, reason, current_user);
    insert into public.outbox_event (type, aggregate, aggregate_id, customer_id, payload)
    values ('TICKET_STATUS_CHANGED', 'PROBLEM_REPORT', report_id, r.customer_id,
            jsonb_build_object('number', r.number, 'from', from_status, 'to', to_status, 'reason', reason,
                               'actor', current_user, 'at', now()));
    perform pg_notify('supportgraph_bench_peer', currval(pg_get_serial_sequence('public.outbox_event', 'id'))::text);
    return r;
end
$$;
