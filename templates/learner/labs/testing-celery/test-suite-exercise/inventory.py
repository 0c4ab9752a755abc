"""The warehouse client (module 10 exercise). Do not change this file: mock it in tests."""


def reserve(sku, quantity):
    """Reserves `quantity` items of `sku`; True when they were available, False when not."""
    raise RuntimeError(f"reserve({sku!r}, {quantity!r}) tried to reach the warehouse: mock it in tests")
