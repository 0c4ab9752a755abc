"""Sends one batch of work to the shop's queues (module 7 exercise). Run: python3 producer.py"""
from tasks import place_order, send_sms, track  # noqa: F401


def send_batch():
    """Sends, and returns the AsyncResults of, exactly these 11 messages:

    - place_order for the order ids 1, 2, 3, 4 and 5 (routed to "orders" by your task_routes);
    - send_sms three times, to "+100", "+101" and "+102", with the text "shipped";
    - track twice, with the events "signup" and "checkout";
    - one rush order, id 99, sent to the "priority" queue with apply_async(queue="priority").
    Do not wait for any result: nothing may be consuming these queues yet.
    """
    # TODO 2
    raise NotImplementedError


if __name__ == "__main__":
    print(f"sent {len(send_batch())} tasks")
