"""White-box tests, module 21 optimisation exercise: how many SQL statements each task runs.

They import the learner's tasks.py and db.py, call the tasks as plain functions (no worker), and
count the statements that go through db.engine.
"""
import uuid
from contextlib import contextmanager

from sqlalchemy import event

import db
import tasks

T0 = 1_700_000_000


@contextmanager
def counting():
    statements = []

    def before(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", before)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", before)


def site(sensors=3):
    location = f"wb-{uuid.uuid4().hex[:8]}"
    names = [f"{location}-{i}" for i in range(sensors)]
    for name in names:
        tasks.add_sensor(name, location)
    return location, names


def shown(statements):
    return "\n".join(s.split("\n")[0][:100] for s in statements[:6]) + ("\n..." if len(statements) > 6 else "")


def test_import_readings_runs_at_most_4_statements_for_300_readings():
    location, names = site(3)
    readings = [{"sensor": names[i % 3], "value": i / 10, "taken_at": T0 + i} for i in range(300)]
    readings += [{"sensor": f"{location}-unknown", "value": 0.0, "taken_at": T0}]
    with counting() as statements:
        result = tasks.import_readings(readings)
    assert result == {"imported": 300, "skipped": 1}, f"import_readings must still return the right counts: {result}"
    assert 1 <= len(statements) <= 4, (
        f"import_readings ran {len(statements)} statements for 301 readings (limit 4): look up the sensor ids in one "
        f"query and insert all rows with one executemany INSERT. First statements:\n{shown(statements)}")


def test_sensor_report_runs_at_most_2_statements_for_6_sensors():
    location, names = site(6)
    tasks.import_readings([{"sensor": name, "value": float(i), "taken_at": T0 + i} for i in range(60) for name in names[:5]])
    with counting() as statements:
        report = tasks.sensor_report(location)
    assert [row["sensor"] for row in report] == sorted(names) and report[0]["count"] == 60 and report[5]["count"] == 0, (
        f"sensor_report must still return one correct row per sensor: {report}")
    assert 1 <= len(statements) <= 2, (
        f"sensor_report ran {len(statements)} statements for 6 sensors (limit 2): one query with an outer join and "
        f"GROUP BY avoids the N+1 pattern. First statements:\n{shown(statements)}")


def test_purge_readings_runs_at_most_3_statements():
    location, names = site(2)
    tasks.import_readings([{"sensor": name, "value": 1.0, "taken_at": T0 + i} for i in range(50) for name in names])
    with counting() as statements:
        deleted = tasks.purge_readings(names[0], T0 + 40)
    assert deleted == 40, f"purge_readings must still return how many readings it deleted (40): {deleted}"
    assert 1 <= len(statements) <= 3, (
        f"purge_readings ran {len(statements)} statements to delete 40 readings (limit 3): one DELETE ... WHERE does it. "
        f"First statements:\n{shown(statements)}")
