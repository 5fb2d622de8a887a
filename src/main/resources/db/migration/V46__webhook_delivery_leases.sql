-- Webhook delivery at volume (docs/webhooks.md). A claim stamps its rows with a lease token; an
-- outcome is recorded only while the row still carries that token and is PENDING, so the late
-- completion of a lease that expired (and was claimed again) cannot undo or repeat a delivery.
alter table webhook_delivery add column lease_id uuid;

-- The claim walks each listener's and resource's PENDING queue in id order (the order index, with the
-- due time carried along); nothing reads the pending rows by due time any more.
drop index webhook_delivery_due_idx;
drop index webhook_delivery_order_idx;
create index webhook_delivery_order_idx on webhook_delivery (listener_id, resource_key, id) include (next_attempt_at)
    where status = 'PENDING';
