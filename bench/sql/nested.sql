-- (b) customer -> its first 20 orders (oldest first) -> their items, as one hand-written join.
\set id random(1, :scale)
select c.id, c.account_number, c.name, o.id, o.number, o.state, o.order_date,
       i.id, i.item_number, i.product_name, i.quantity, i.unit_price, i.currency
from customer c
left join lateral (select * from product_order o where o.customer_id = c.id order by o.created_at, o.id limit 20) o on true
left join order_item i on i.order_id = o.id
where c.id = :id
order by o.created_at, o.id, i.item_number;
