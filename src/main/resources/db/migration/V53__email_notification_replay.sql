-- Admin replay of FAILED e-mails (docs/notifications.md): when an e-mail gave up, so a replay can
-- take "everything that failed since the outage began", and the admin list by status.
alter table email_notification add column failed_at timestamptz;
create index email_notification_status_idx on email_notification (status, id);
