"""Configuration tests: where each task goes, and how the app is set up (module 10 exercise)."""
import tasks  # noqa: F401

# TODO 6: charge_card is routed to "payments", send_receipt to "emails", reserve_stock to the
#         default queue "celery" (ask tasks.app.amqp.router.route({}, name)).
# TODO 7: tasks are acknowledged late (task_acks_late) with a prefetch multiplier of 1.
# TODO 8: messages are JSON only (task_serializer, accept_content).
