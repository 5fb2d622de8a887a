-- Writes that must happen once are guarded by the database, not by a read-then-write check:
-- an order item is billed on at most one invoice line (concurrent invoiceIssue calls for the
-- same order cannot both commit). Replaces the plain index on the column.
create unique index invoice_line_order_item_uq on invoice_line (order_item_id) where order_item_id is not null;
drop index invoice_line_order_item_idx;
