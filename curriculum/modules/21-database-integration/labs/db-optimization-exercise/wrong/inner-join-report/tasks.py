"""Reference solution: module 21 exercise, database-intensive tasks in a handful of statements."""
from celery import Celery
from sqlalchemy import delete, func, insert, select

from db import Reading, Sensor, Session, init_db

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
    """2 statements whatever the size: the sensor ids, then one executemany INSERT, in one transaction."""
    names = {reading["sensor"] for reading in readings}
    with Session.begin() as session:
        ids = dict(session.execute(select(Sensor.name, Sensor.id).where(Sensor.name.in_(names))).all()) if names else {}
        rows = [
            {"sensor_id": ids[reading["sensor"]], "value": reading["value"], "taken_at": reading["taken_at"]}
            for reading in readings
            if reading["sensor"] in ids
        ]
        if rows:
            session.execute(insert(Reading), rows)
    return {"imported": len(rows), "skipped": len(readings) - len(rows)}


@app.task
def sensor_report(location):
    """1 statement: the database joins, groups and aggregates."""
    query = (
        select(Sensor.name, func.count(Reading.id), func.avg(Reading.value), func.min(Reading.value), func.max(Reading.value))
        .join(Reading, Reading.sensor_id == Sensor.id)
        .where(Sensor.location == location)
        .group_by(Sensor.id, Sensor.name)
        .order_by(Sensor.name)
    )
    with Session() as session:
        return [
            {"sensor": name, "count": count, "avg": avg, "min": low, "max": high}
            for name, count, avg, low, high in session.execute(query)
        ]


@app.task
def purge_readings(sensor_name, before):
    """1 statement: DELETE ... WHERE sensor_id = (SELECT ...) AND taken_at < :before."""
    sensor_id = select(Sensor.id).where(Sensor.name == sensor_name).scalar_subquery()
    with Session.begin() as session:
        result = session.execute(
            delete(Reading)
            .where(Reading.sensor_id == sensor_id, Reading.taken_at < before)
            .execution_options(synchronize_session=False)
        )
        return result.rowcount
