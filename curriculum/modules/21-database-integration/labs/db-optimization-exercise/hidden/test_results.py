"""Hidden tests, module 21 optimisation exercise: what the three tasks return (black-box, by task name)."""
import uuid

import pytest

from coursebot_lab import call

T0 = 1_718_000_000


@pytest.fixture(scope="module")
def site():
    """A fresh location with three sensors (one without readings) and 90 readings."""
    tag = uuid.uuid4().hex[:8]
    location = f"plant-{tag}"
    sensors = [f"{location}-{name}" for name in ("boiler", "chiller", "pump")]
    for name in sensors:
        call("tasks.add_sensor", name, location)
    readings = [{"sensor": sensors[i % 2], "value": float(i), "taken_at": T0 + i} for i in range(90)]
    readings += [{"sensor": f"{location}-ghost", "value": 1.0, "taken_at": T0}] * 3
    imported = call("tasks.import_readings", readings, timeout=30)
    return {"location": location, "sensors": sensors, "imported": imported}


def test_import_readings_stores_known_sensors_and_skips_unknown_ones(site):
    assert site["imported"] == {"imported": 90, "skipped": 3}, f"expected {{'imported': 90, 'skipped': 3}}, got {site['imported']}"


def test_sensor_report_aggregates_per_sensor_sorted_by_name(site):
    boiler, chiller, pump = site["sensors"]
    report = call("tasks.sensor_report", site["location"], timeout=30)
    evens, odds = [float(i) for i in range(0, 90, 2)], [float(i) for i in range(1, 90, 2)]
    assert [row.get("sensor") for row in report] == [boiler, chiller, pump], f"one row per sensor, sorted by name: {report}"
    for row, values in ((report[0], evens), (report[1], odds)):
        assert row["count"] == 45 and row["min"] == min(values) and row["max"] == max(values), row
        assert abs(row["avg"] - sum(values) / len(values)) < 1e-6, row
    assert report[2] == {"sensor": pump, "count": 0, "avg": None, "min": None, "max": None}, (
        f"a sensor without readings still gets a row with count 0 (use an outer join): {report[2]}")


def test_purge_readings_deletes_only_old_readings_of_that_sensor(site):
    boiler, chiller, _ = site["sensors"]
    # boiler has readings at T0+0, T0+2, ..., T0+88: 20 of them are before T0+40.
    assert call("tasks.purge_readings", boiler, T0 + 40, timeout=30) == 20
    report = {row["sensor"]: row for row in call("tasks.sensor_report", site["location"], timeout=30)}
    assert report[boiler]["count"] == 25 and report[boiler]["min"] == 40.0, f"boiler should keep its 25 readings from T0+40 on: {report[boiler]}"
    assert report[chiller]["count"] == 45, f"other sensors' readings must stay: {report[chiller]}"
    assert call("tasks.purge_readings", f"{site['location']}-ghost", T0 + 40) == 0
