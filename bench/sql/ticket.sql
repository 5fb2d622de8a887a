-- (a) ticket by id: the row the service reads for problemReport(id:).
\set id random(1, 2 * :scale)
select id, number, title, status, priority, severity, created_at, updated_at, version from problem_report where id = :id;
