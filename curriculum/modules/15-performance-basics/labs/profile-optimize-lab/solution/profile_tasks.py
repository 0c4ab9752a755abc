"""Profiles the report tasks in this process, away from the broker (module 15 lab)."""
import cProfile
import pstats

from reports import count_primes, enrich_orders, top_words

TEXT = " ".join(f"word{i % 700} common" for i in range(20000))
ORDERS = [{"id": i, "customer": i % 5} for i in range(40)]

profiler = cProfile.Profile()
profiler.enable()
count_primes(20000)
top_words(TEXT, 10)
enrich_orders(ORDERS)
profiler.disable()
pstats.Stats(profiler).sort_stats("cumulative").print_stats(15)
