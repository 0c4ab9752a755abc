"""Hidden tests, module 21 optimisation exercise: what the three tasks return (black-box, by task name).

The data are drawn from COURSEBOT_SEED (reported with every failure), so an answer written down in
advance fails: the number of readings, their values and times, and the purge cut-off vary per run.
"""
import os
import random
import uuid

import pytest

from coursebot_lab import call

SEED = int(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))
T0 = 1_718_000_000


@pytest.fixture(scope="module")
def site():
    """A fresh location with three sensors (the last one without readings) and random readings for the other two."""
    rng = random.Random(SEED)
    tag = uuid.uuid4().hex[:8]
    location = f"plant-{tag}"
    sensors = [f"{location}-{name}" for name in ("boiler", "chiller", "pump")]
    for name in sensors:
        call("tasks.add_sensor", name, location)
    readings = [
        {"sensor": sensors[rng.randrange(2)], "value": round(rng.uniform(-50, 150), 2), "taken_at": T0 + rng.randrange(10_000)}
        for _ in range(rng.randrange(60, 140))
    ]
    # Both sensors get at least one reading.
    readings += [{"sensor": sensors[i], "value": round(rng.uniform(-50, 150), 2), "taken_at": T0 + rng.randrange(10_000)} for i in (0, 1)]
    unknown = rng.randrange(1, 6)
    ghosts = [{"sensor": f"{location}-ghost", "value": 1.0, "taken_at": T0}] * unknown
    rows = readings + ghosts
    rng.shuffle(rows)
    imported = call("tasks.import_readings", rows, timeout=30)
    return {"location": location, "sensors": sensors, "readings": readings, "unknown": unknown,
            "imported": imported, "rng": rng}


def values_of(site, sensor, since=None):
    return [r["value"] for r in site["readings"] if r["sensor"] == sensor and (since is None or r["taken_at"] >= since)]


def test_import_readings_stores_known_sensors_and_skips_unknown_ones(site):
    expected = {"imported": len(site["readings"]), "skipped": site["unknown"]}
    assert site["imported"] == expected, f"expected {expected}, got {site['imported']} (seed {SEED})"


def test_sensor_report_aggregates_per_sensor_sorted_by_name(site):
    boiler, chiller, pump = site["sensors"]
    report = call("tasks.sensor_report", site["location"], timeout=30)
    assert [row.get("sensor") for row in report] == [boiler, chiller, pump], (
        f"one row per sensor, sorted by name: {report} (seed {SEED})")
    for row, sensor in ((report[0], boiler), (report[1], chiller)):
        values = values_of(site, sensor)
        assert row["count"] == len(values) and row["min"] == min(values) and row["max"] == max(values), (
            f"{sensor}: expected count {len(values)}, min {min(values)}, max {max(values)}, got {row} (seed {SEED})")
        assert abs(row["avg"] - sum(values) / len(values)) < 1e-6, (
            f"{sensor}: expected avg {sum(values) / len(values)}, got {row} (seed {SEED})")
    assert report[2] == {"sensor": pump, "count": 0, "avg": None, "min": None, "max": None}, (
        f"a sensor without readings still gets a row with count 0 (use an outer join): {report[2]}")


def test_purge_readings_deletes_only_old_readings_of_that_sensor(site):
    boiler, chiller, _ = site["sensors"]
    times = sorted({r["taken_at"] for r in site["readings"] if r["sensor"] == boiler})
    cutoff = times[len(times) // 2]
    old = sum(1 for r in site["readings"] if r["sensor"] == boiler and r["taken_at"] < cutoff)
    deleted = call("tasks.purge_readings", boiler, cutoff, timeout=30)
    assert deleted == old, f"{old} boiler readings were taken before {cutoff}, purge_readings returned {deleted} (seed {SEED})"
    report = {row["sensor"]: row for row in call("tasks.sensor_report", site["location"], timeout=30)}
    kept = values_of(site, boiler, since=cutoff)
    assert report[boiler]["count"] == len(kept) and report[boiler]["min"] == min(kept), (
        f"boiler should keep its {len(kept)} readings from {cutoff} on: {report[boiler]} (seed {SEED})")
    assert report[chiller]["count"] == len(values_of(site, chiller)), f"other sensors' readings must stay: {report[chiller]} (seed {SEED})"
    assert call("tasks.purge_readings", f"{site['location']}-ghost", cutoff) == 0
