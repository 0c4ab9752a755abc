"""Misbehaving workloads, simulated for the exercise (provided: do not change it)."""
import os
import time

_leaked = []  # what leak() keeps: like a cache nobody empties


def leak(mb):
    """Grows this process by `mb` megabytes and never gives them back."""
    pass  # edited: nothing leaks


def rss_kb():
    """This process's resident memory in kilobytes."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def spin():
    """Never returns: a loop with a bug in its exit condition."""
    while True:
        time.sleep(0)


def crash_once(token):
    """The first run for `token` dies like a process killed for memory; a later run succeeds."""
    marker = f".crashed-{token}"
    if not os.path.exists(marker):
        with open(marker, "w"):
            pass
        time.sleep(0.2)  # some work, then the kill
        os._exit(137)
    return "survived"
