"""Reference solution: module 7, queue distribution exercise (monitor)."""
import tasks


def queue_names(app):
    return sorted(queue.name for queue in app.conf.task_queues)


def queue_depths(app):
    depths = {}
    with app.connection_for_read() as conn:
        channel = conn.default_channel
        for queue in app.conf.task_queues:
            # Declaring an existing queue changes nothing and reports its message count.
            depths[queue.name] = queue(channel).queue_declare().message_count
    return depths


def consumers(app, timeout=1.0):
    found = {name: [] for name in queue_names(app)}
    replies = app.control.inspect(timeout=timeout).active_queues() or {}
    for worker, queues in replies.items():
        for queue in queues:
            if queue["name"] in found:
                found[queue["name"]].append(worker)
    return {name: sorted(workers) for name, workers in found.items()}


def report(app):
    depths, workers = queue_depths(app), consumers(app)
    return "\n".join(
        f"{name} {depths[name]} {','.join(workers[name]) or '-'}" for name in queue_names(app)
    )


if __name__ == "__main__":
    print(report(tasks.app))
