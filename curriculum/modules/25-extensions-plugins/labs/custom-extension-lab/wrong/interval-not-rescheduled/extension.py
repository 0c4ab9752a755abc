"""Wrong on purpose: set_pulse_interval records the new interval but the timer keeps the old one"""
import time

import click
import redis
from celery import bootsteps
from celery.worker.control import control_command, inspect_command


def pulse_key(hostname):
    """The Redis hash where the pulse of worker `hostname` is written."""
    return f"extension-lab:pulse:{hostname}"


class PulseStep(bootsteps.StartStopStep):
    """Every `pulse_interval` seconds, writes this worker's pulse to Redis."""

    requires = {"celery.worker.components:Timer"}

    def __init__(self, worker, pulse_interval=1.0, **kwargs):
        super().__init__(worker, **kwargs)
        self.interval = float(pulse_interval)
        self.beats = 0
        self.running = False
        self.entry = None
        self.timer = None
        self.hostname = worker.hostname
        self.store = redis.Redis.from_url(worker.app.conf.broker_url)
        worker.pulse = self

    def start(self, worker):
        self.timer = worker.timer
        self.running = True
        self.store.hset(pulse_key(self.hostname), mapping={"status": "running", "interval": self.interval, "beats": self.beats})
        self.beat()
        self.schedule()

    def schedule(self):
        if self.entry is not None:
            self.entry.cancel()
        self.entry = self.timer.call_repeatedly(self.interval, self.beat)

    def set_interval(self, interval):
        self.interval = float(interval)
        self.store.hset(pulse_key(self.hostname), "interval", self.interval)

    def beat(self):
        self.beats += 1
        self.store.hset(pulse_key(self.hostname), mapping={"beats": self.beats, "last": time.time()})

    def stop(self, worker):
        if self.entry is not None:
            self.entry.cancel()
            self.entry = None
        if self.running:
            self.running = False
            self.store.hset(pulse_key(self.hostname), "status", "stopped")

    shutdown = stop


@inspect_command()
def pulse_status(state):
    pulse = state.consumer.controller.pulse
    return {"running": pulse.running, "interval": pulse.interval, "beats": pulse.beats}


@control_command(args=[("interval", float)], signature="<seconds>")
def set_pulse_interval(state, interval):
    state.consumer.controller.pulse.set_interval(interval)
    return {"ok": f"pulse every {interval:g} s"}


def install(app):
    """Adds the extension to `app`: the --pulse-interval worker option and the pulse step."""
    app.user_options["worker"].add(
        click.Option(["--pulse-interval"], type=float, default=1.0, help="Seconds between two pulses.")
    )
    app.steps["worker"].add(PulseStep)
