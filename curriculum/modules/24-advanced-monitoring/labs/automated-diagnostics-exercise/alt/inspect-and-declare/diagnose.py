"""Alternative correct solution (module 24 diagnostics): workers through inspect().ping(), queue depth
through the broker's queue_declare message count, levels ranked by a table, output built by one formatter."""
import argparse
import sys
import time

OK, WARNING, CRITICAL = "OK", "WARNING", "CRITICAL"
EXIT_CODES = {OK: 0, WARNING: 1, CRITICAL: 2}
RANK = {OK: 0, WARNING: 1, CRITICAL: 2}


def finding(check, level, detail, action=""):
    return {"check": check, "level": level, "detail": detail, "action": action}


def check_workers(app, timeout=1.0):
    answered = app.control.inspect(timeout=timeout).ping() or {}
    if answered:
        return finding("workers", OK, "%d worker(s) answered: %s" % (len(answered), ", ".join(sorted(answered))))
    return finding("workers", CRITICAL, "nobody answered within %s s" % timeout,
                   "restart the worker service and look at its log")


def queue_depth(app, queue):
    connection = app.connection_for_read()
    try:
        return connection.default_channel.queue_declare(queue=queue, passive=False).message_count
    finally:
        connection.release()


def check_queue(app, queue, warning=10, critical=50):
    depth = queue_depth(app, queue)
    level = CRITICAL if depth >= critical else WARNING if depth >= warning else OK
    action = {OK: "", WARNING: "watch '%s': scale out if it keeps growing" % queue,
              CRITICAL: "start more workers for '%s' at once" % queue}[level]
    return finding("queue:" + queue, level, "%d message(s) in the queue" % depth, action)


def check_stuck_tasks(app, stuck_after=60.0, timeout=1.0):
    running = app.control.inspect(timeout=timeout).active() or {}
    now = time.time()
    late = []
    total = 0
    for worker_name, tasks in running.items():
        for task in tasks:
            total += 1
            started = task.get("time_start")
            if started is not None and now - started > stuck_after:
                late.append("%s (%s) has run %.0f s on %s" % (task.get("id"), task.get("name"), now - started, worker_name))
    if late:
        return finding("stuck-tasks", WARNING, "; ".join(late), "inspect it and revoke it with terminate=True if it hangs")
    return finding("stuck-tasks", OK, "%d task(s) running, none past %s s" % (total, stuck_after))


def diagnose(app, queues=("celery",), queue_warning=10, queue_critical=50, stuck_after=60.0):
    results = [check_workers(app)]
    for queue in queues:
        results.append(check_queue(app, queue, warning=queue_warning, critical=queue_critical))
    results.append(check_stuck_tasks(app, stuck_after=stuck_after))
    return results


def overall(findings):
    worst = OK
    for f in findings:
        if RANK[f["level"]] > RANK[worst]:
            worst = f["level"]
    return worst


def render(f):
    line = "{level} {check}: {detail}".format(**f)
    return line + " -> " + f["action"] if f["action"] else line


def main(argv=None):
    parser = argparse.ArgumentParser(description="Diagnose the Celery deployment of tasks.app")
    parser.add_argument("--queue", action="append", dest="queues")
    parser.add_argument("--stuck-after", type=float, default=60.0)
    options = parser.parse_args(argv)
    from tasks import app

    findings = diagnose(app, queues=options.queues or ["celery"], stuck_after=options.stuck_after)
    print("\n".join(render(f) for f in findings))
    worst = overall(findings)
    print("overall: " + worst)
    return EXIT_CODES[worst]


if __name__ == "__main__":
    sys.exit(main())
