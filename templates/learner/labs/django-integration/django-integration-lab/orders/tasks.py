"""Tasks of the orders app, found by app.autodiscover_tasks()."""

# TODO 4: a @shared_task process_order(order_id) (its name will be orders.tasks.process_order)
#         that loads the order by primary key, sets status to "processed" and processed_at to
#         timezone.now(), saves only those fields (save(update_fields=[...])), and returns
#         {"id": order.pk, "status": order.status}.
