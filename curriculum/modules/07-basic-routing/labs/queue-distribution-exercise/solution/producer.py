"""Reference solution: module 7, queue distribution exercise (producer)."""
from tasks import place_order, send_sms, track


def send_batch():
    results = [place_order.delay(order_id) for order_id in range(1, 6)]
    results += [send_sms.delay(phone, "shipped") for phone in ("+100", "+101", "+102")]
    results += [track.delay(event) for event in ("signup", "checkout")]
    results.append(place_order.apply_async((99,), queue="priority"))
    return results


if __name__ == "__main__":
    print(f"sent {len(send_batch())} tasks")
