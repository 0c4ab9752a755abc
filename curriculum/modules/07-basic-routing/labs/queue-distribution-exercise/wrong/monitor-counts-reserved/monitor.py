"""Wrong: counts the tasks a worker reserved instead of the messages waiting in each queue"""
import tasks


def queue_names(app):
    return sorted(queue.name for queue in app.conf.task_queues)


def queue_depths(app):
    reserved = app.control.inspect(timeout=1.0).reserved() or {}
    counted = {name: 0 for name in queue_names(app)}
    for tasks_of_worker in reserved.values():
        for task in tasks_of_worker:
            queue = task.get("delivery_info", {}).get("routing_key")
            if queue in counted:
                counted[queue] += 1
    return counted


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
