"""Alternative correct extension (module 25): the pulse runs on a thread of its own, paced by an Event
(no worker timer), the commands find the step in a registry keyed by hostname, and the step is a
plain bootsteps.StartStopStep with the option read from kwargs."""
import threading
import time

import click
import redis
from celery import bootsteps
from celery.worker.control import control_command, inspect_command

STEPS = {}  # worker hostname -> its PulseStep


def pulse_key(hostname):
    return f"extension-lab:pulse:{hostname}"


class PulseStep(bootsteps.StartStopStep):
    def __init__(self, worker, **kwargs):
        super().__init__(worker, **kwargs)
        self.interval = float(kwargs.get("pulse_interval") or 1.0)
        self.beats = 0
        self.running = False
        self.wake = threading.Event()
        self.thread = None
        self.hostname = worker.hostname
        self.redis = redis.Redis.from_url(worker.app.conf.broker_url)
        STEPS[self.hostname] = self

    def _write(self, **fields):
        self.redis.hset(pulse_key(self.hostname), mapping=fields)

    def _loop(self):
        while self.running:
            self.beats += 1
            self._write(beats=self.beats, last=time.time())
            self.wake.wait(self.interval)
            self.wake.clear()

    def start(self, worker):
        self.running = True
        self._write(status="running", interval=self.interval, beats=self.beats)
        self.thread = threading.Thread(target=self._loop, name="pulse", daemon=True)
        self.thread.start()

    def retune(self, interval):
        self.interval = float(interval)
        self._write(interval=self.interval)
        self.wake.set()  # the loop starts a fresh wait with the new interval

    def stop(self, worker):
        if not self.running:
            return
        self.running = False
        self.wake.set()
        if self.thread is not None:
            self.thread.join(timeout=5)
        self._write(status="stopped")

    shutdown = stop


def _step(state):
    return STEPS[state.consumer.hostname]


@inspect_command()
def pulse_status(state):
    step = _step(state)
    return {"running": step.running, "interval": step.interval, "beats": step.beats}


@control_command(args=[("interval", float)], signature="<seconds>")
def set_pulse_interval(state, interval):
    _step(state).retune(interval)
    return {"ok": "pulse every %s s" % interval}


def install(app):
    app.user_options["worker"].add(click.Option(["--pulse-interval"], type=float, default=1.0))
    app.steps["worker"].add(PulseStep)
