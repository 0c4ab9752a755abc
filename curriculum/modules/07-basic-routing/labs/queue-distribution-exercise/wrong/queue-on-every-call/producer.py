"""Wrong: every call names its queue (no routes in tasks.py)"""
from tasks import place_order, send_sms, track


def send_batch():
    results = [place_order.apply_async((order_id,), queue="orders") for order_id in range(1, 6)]
    results += [send_sms.apply_async((phone, "shipped"), queue="notifications") for phone in ("+100", "+101", "+102")]
    results += [track.apply_async((event,), queue="analytics") for event in ("signup", "checkout")]
    results.append(place_order.apply_async((99,), queue="priority"))
    return results


if __name__ == "__main__":
    print(f"sent {len(send_batch())} tasks")
