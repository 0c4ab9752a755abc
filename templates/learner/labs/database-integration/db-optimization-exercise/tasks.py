"""Module 21 exercise: optimise database-intensive tasks. See README.md in this folder.

Every task below returns the right answer, slowly: one statement (and often one transaction) per
row. Keep what each one returns, and make it run a handful of statements whatever the data size.
"""
from celery import Celery

from db import Reading, Sensor, Session, init_db

# The broker and result backend come from CELERY_BROKER_URL and CELERY_RESULT_BACKEND.
app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

init_db()


@app.task
def add_sensor(name, location):
    """Given: registers a sensor (the grader uses it to set up data)."""
    with Session.begin() as session:
        session.add(Sensor(name=name, location=location))
    return name


@app.task
def import_readings(readings):
    """readings: [{"sensor": "boiler-1", "value": 71.5, "taken_at": 1718000000}, ...].

    Stores the readings of known sensors and skips the others: {"imported": n, "skipped": m}.
    """
    # TODO 1: one query for the ids of all the sensor names involved, then one bulk INSERT
    #         (session.execute(insert(Reading), [dict, ...]) runs a single executemany), in one transaction.
    imported = skipped = 0
    for reading in readings:
        with Session.begin() as session:  # one transaction, two statements per row
            sensor = session.query(Sensor).filter_by(name=reading["sensor"]).first()
            if sensor is None:
                skipped += 1
                continue
            session.add(Reading(sensor_id=sensor.id, value=reading["value"], taken_at=reading["taken_at"]))
            imported += 1
    return {"imported": imported, "skipped": skipped}


@app.task
def sensor_report(location):
    """Per sensor at `location`, sorted by name: {"sensor", "count", "avg", "min", "max"}
    (count 0 and None for a sensor without readings)."""
    # TODO 2: one query: sensors outer-joined to readings, GROUP BY sensor, with count/avg/min/max
    #         computed by the database.
    report = []
    with Session() as session:
        for sensor in session.query(Sensor).filter_by(location=location).order_by(Sensor.name):
            values = [reading.value for reading in sensor.readings]  # N+1: one query per sensor
            report.append({
                "sensor": sensor.name,
                "count": len(values),
                "avg": sum(values) / len(values) if values else None,
                "min": min(values) if values else None,
                "max": max(values) if values else None,
            })
    return report


@app.task
def purge_readings(sensor_name, before):
    """Deletes the readings of one sensor taken before `before` (Unix time); returns how many."""
    # TODO 3: a single DELETE ... WHERE in the database, and its rowcount.
    deleted = 0
    with Session() as session:
        sensor = session.query(Sensor).filter_by(name=sensor_name).first()
        if sensor is None:
            return 0
        old = session.query(Reading).filter(Reading.sensor_id == sensor.id, Reading.taken_at < before).all()
        for reading in old:  # loads every row, then one DELETE and one commit per row
            session.delete(reading)
            session.commit()
            deleted += 1
    return deleted
