"""Alternative solution (monitor): queue_declare by name on one channel it closes itself, consumers collected
in a defaultdict of sets, the report built with str.join over formatted rows."""
from collections import defaultdict

import tasks


def queue_names(app):
    return sorted({q.name for q in app.conf.task_queues})


def queue_depths(app):
    with app.connection_for_read() as connection:
        channel = connection.channel()
        try:
            return {name: channel.queue_declare(queue=name).message_count for name in queue_names(app)}
        finally:
            channel.close()


def consumers(app, timeout=1.0):
    listening = defaultdict(set)
    for worker, queues in (app.control.inspect(timeout=timeout).active_queues() or {}).items():
        for queue in queues:
            listening[queue["name"]].add(worker)
    return {name: sorted(listening.get(name, ())) for name in queue_names(app)}


def report(app):
    depths = queue_depths(app)
    workers = consumers(app)
    rows = ("{} {} {}".format(name, depths[name], ",".join(workers[name]) if workers[name] else "-") for name in queue_names(app))
    return "\n".join(rows)


if __name__ == "__main__":
    print(report(tasks.app))
