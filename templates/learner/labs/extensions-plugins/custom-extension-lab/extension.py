"""A worker extension: a pulse that tells the world this worker is alive (module 25 lab).

See README.md in this folder. The pulse is a worker bootstep; operators tune and query it with the
worker option --pulse-interval and two remote control commands.
"""
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
        # TODO 1: keep the interval (the --pulse-interval option arrives here as pulse_interval),
        # a beat counter, a Redis client for worker.app.conf.broker_url, and make this step
        # reachable from remote control commands (for example worker.pulse = self).

    def start(self, worker):
        # TODO 2: mark the pulse "running" (hash fields status, interval, beats, last) and beat every
        # interval: worker.timer.call_repeatedly(interval, self.beat) returns a timer entry you can .cancel().
        pass

    def beat(self):
        # TODO 3: count the beat and write beats and last (time.time()) to the hash.
        pass

    def stop(self, worker):
        # TODO 4: cancel the timer entry and mark the pulse "stopped".
        pass


# TODO 5: an inspect command pulse_status that returns {"running": ..., "interval": ..., "beats": ...},
# and a control command set_pulse_interval(interval) that changes the interval of the running pulse:
#
# @inspect_command()
# def pulse_status(state):
#     worker = state.consumer.controller   # the WorkController, the `worker` your step received
#     ...


def install(app):
    """Adds the extension to `app`: the --pulse-interval worker option and the pulse step."""
    app.user_options["worker"].add(
        click.Option(["--pulse-interval"], type=float, default=1.0, help="Seconds between two pulses.")
    )
    # TODO 6: add PulseStep to the worker blueprint (app.steps["worker"]); pass the class, not an instance.
