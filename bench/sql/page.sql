-- (d) an agent's queue: statuses and a priority, updated before a random time, newest first,
-- one page of 20 (+1 to know whether there is a next page) and the total count.
\set k random(0, 2)
\set p random(1, 4)
\set s random(0, 28382400)
select id, number, title, status, priority, updated_at from problem_report
where status = any (case :k::int when 0 then array['IN_PROGRESS'] when 1 then array['IN_PROGRESS', 'PENDING']
                    else array['ACKNOWLEDGED', 'IN_PROGRESS', 'PENDING', 'HELD'] end)
  and priority = (array['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'])[:p::int]
  and updated_at < timestamptz '2026-11-01 00:00:00+00' - make_interval(secs => :s)
order by updated_at desc, id desc limit 21;
select count(*) from problem_report
where status = any (case :k::int when 0 then array['IN_PROGRESS'] when 1 then array['IN_PROGRESS', 'PENDING']
                    else array['ACKNOWLEDGED', 'IN_PROGRESS', 'PENDING', 'HELD'] end)
  and priority = (array['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'])[:p::int]
  and updated_at < timestamptz '2026-11-01 00:00:00+00' - make_interval(secs => :s);
