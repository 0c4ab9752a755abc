"""Profiles the report tasks in this process, away from the broker (module 15 lab).

Calling a task object directly (count_primes(20000)) runs its code right here, like a function.

TODO 1: run count_primes(20000), top_words(<some text>, 10) and enrich_orders(<some orders>) under
        cProfile and print the 15 most expensive entries sorted by cumulative time (pstats).
        Run it before and after your changes and keep the numbers in PERFORMANCE.md.
"""
import cProfile  # noqa: F401
import pstats  # noqa: F401

from reports import count_primes, enrich_orders, top_words  # noqa: F401
