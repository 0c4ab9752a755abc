"""The partner API's client library, simulated for the exercise (provided: do not change it).

Building a client is expensive and CPU-bound (TLS contexts, schema parsing: about 0.4 s of CPU);
each call waits about 0.3 s on the network and uses no CPU while it waits.
"""
import threading
import time

_lock = threading.Lock()
created = 0  # clients built in this process


class PartnerClient:
    def __init__(self):
        global created
        start = time.thread_time()
        while time.thread_time() - start < 0.4:
            pass
        with _lock:
            created += 1

    def fetch(self, item_id):
        time.sleep(0.3)
        return {"item": item_id, "price": item_id * 3}
