-- (c) 50 problem reports created before a random time, with customer, reporting contact and service.
\set s random(0, 28382400)
select p.id, p.number, p.title, p.status, c.id, c.name, k.id, k.name, k.email, s.id, s.name, s.state
from (select * from problem_report
      where created_at < timestamptz '2026-11-01 00:00:00+00' - make_interval(secs => :s)
      order by created_at desc, id desc limit 50) p
join customer c on c.id = p.customer_id
left join contact k on k.id = p.reported_by_id
left join service s on s.id = p.related_service_id
order by p.created_at desc, p.id desc;
