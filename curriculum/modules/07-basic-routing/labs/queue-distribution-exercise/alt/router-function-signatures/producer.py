"""Alternative solution (producer): signatures sent one by one, the rush order with set(queue=...)."""
from tasks import place_order, send_sms, track


def send_batch():
    signatures = [place_order.s(n) for n in range(1, 6)]
    signatures += [send_sms.s(phone, "shipped") for phone in ("+100", "+101", "+102")]
    signatures += [track.s("signup"), track.s("checkout"), place_order.s(99).set(queue="priority")]
    return [signature.apply_async() for signature in signatures]


if __name__ == "__main__":
    print("sent %d tasks" % len(send_batch()))
