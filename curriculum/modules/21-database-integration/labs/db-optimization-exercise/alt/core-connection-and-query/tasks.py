"""Module 21 exercise, another way: Core on a connection for the import, the legacy Query API elsewhere."""
from celery import Celery
from sqlalchemy import func, select

from db import Reading, Sensor, Session, engine, init_db

app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

init_db()

readings_table = Reading.__table__
sensors_table = Sensor.__table__


@app.task
def add_sensor(name, location):
    """Given: registers a sensor (the grader uses it to set up data)."""
    with Session.begin() as session:
        session.add(Sensor(name=name, location=location))
    return name


@app.task
def import_readings(readings):
    """One SELECT ... IN for the ids and one executemany INSERT on one connection, in one transaction."""
    wanted = sorted({r["sensor"] for r in readings})
    with engine.begin() as connection:
        known = {}
        if wanted:
            lookup = select(sensors_table.c.name, sensors_table.c.id).where(sensors_table.c.name.in_(wanted))
            known = {name: sensor_id for name, sensor_id in connection.execute(lookup)}
        batch = [dict(sensor_id=known[r["sensor"]], value=r["value"], taken_at=r["taken_at"]) for r in readings if r["sensor"] in known]
        if batch:
            connection.execute(readings_table.insert(), batch)
    return {"imported": len(batch), "skipped": len(readings) - len(batch)}


@app.task
def sensor_report(location):
    """The legacy Query API: one SELECT with LEFT OUTER JOIN and GROUP BY."""
    with Session() as session:
        rows = (
            session.query(Sensor.name, func.count(Reading.id), func.avg(Reading.value), func.min(Reading.value),
                          func.max(Reading.value))
            .outerjoin(Sensor.readings)
            .filter(Sensor.location == location)
            .group_by(Sensor.id)
            .order_by(Sensor.name.asc())
            .all()
        )
    keys = ("sensor", "count", "avg", "min", "max")
    return [dict(zip(keys, row)) for row in rows]


@app.task
def purge_readings(sensor_name, before):
    """Query.delete: DELETE FROM readings WHERE sensor_id IN (SELECT ...) AND taken_at < :before."""
    owner = select(Sensor.id).where(Sensor.name == sensor_name)
    with Session() as session:
        deleted = (
            session.query(Reading)
            .filter(Reading.sensor_id.in_(owner), Reading.taken_at < before)
            .delete(synchronize_session=False)
        )
        session.commit()
    return deleted
