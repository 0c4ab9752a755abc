"""Shows how work is spread over the queues, and who consumes each (module 7 exercise).

Run: python3 monitor.py      prints one line per queue, sorted by name:
<queue> <messages waiting> <consumers: worker names joined by "," or "-" when none>
"""
import tasks


def queue_names(app):
    """The names of the queues in app.conf.task_queues, sorted."""
    # TODO 3
    raise NotImplementedError


def queue_depths(app):
    """{queue name: number of messages waiting in it} for every queue of queue_names(app).

    Ask the broker, not Redis directly, so it works on RabbitMQ too: open a connection
    (with app.connection_for_read() as conn:) and declare each kombu Queue of task_queues on its
    channel, queue(conn.default_channel).queue_declare(): declaring a queue that exists changes
    nothing and answers with its name, message_count and consumer_count. (A passive declare
    fails on Redis for an empty queue, because Redis deletes empty lists.)"""
    # TODO 4
    raise NotImplementedError


def consumers(app, timeout=1.0):
    """{queue name: sorted list of the workers consuming it} for every queue of queue_names(app),
    from app.control.inspect(timeout=timeout).active_queues() (None when no worker answers)."""
    # TODO 5
    raise NotImplementedError


def report(app):
    """The lines described at the top of this file, joined with newlines."""
    # TODO 6
    raise NotImplementedError


if __name__ == "__main__":
    print(report(tasks.app))
