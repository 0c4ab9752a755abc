"""Profiles each report task on its own with cProfile.runctx, printing the statistics by cumulative time."""
import cProfile
import pstats
import random

import reports

rng = random.Random(1)
CASES = {
    "count_primes": (reports.count_primes, (30000,)),
    "top_words": (reports.top_words, (" ".join(f"w{rng.randrange(900)}" for _ in range(25000)), 10)),
    "enrich_orders": (reports.enrich_orders, ([{"id": i, "customer": i % 6} for i in range(30)],)),
}

for name, (task, args) in CASES.items():
    print(f"=== {name}")
    profile = cProfile.Profile()
    profile.runctx("task(*args)", globals(), {"task": task, "args": args})
    pstats.Stats(profile).strip_dirs().sort_stats(pstats.SortKey.CUMULATIVE).print_stats(8)
