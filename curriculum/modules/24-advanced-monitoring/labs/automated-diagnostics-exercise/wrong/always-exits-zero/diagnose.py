"""Wrong on purpose: prints the findings but always exits 0, so a probe never sees a problem"""
import argparse
import sys
import time

OK, WARNING, CRITICAL = "OK", "WARNING", "CRITICAL"
EXIT_CODES = {OK: 0, WARNING: 1, CRITICAL: 2}
SEVERITY = [OK, WARNING, CRITICAL]


def finding(check, level, detail, action=""):
    return {"check": check, "level": level, "detail": detail, "action": action}


def check_workers(app, timeout=1.0):
    replies = app.control.ping(timeout=timeout) or []
    names = sorted(name for reply in replies for name in reply)
    if not names:
        return finding("workers", CRITICAL, f"no worker answered a ping within {timeout:g} s",
                       "start the workers (systemctl start celery) and read their logs for the reason they stopped")
    return finding("workers", OK, f"{len(names)} worker(s) answered: {', '.join(names)}")


def check_queue(app, queue, warning=10, critical=50):
    with app.connection_for_read() as connection:
        depth = connection.default_channel.client.llen(queue)
    check = f"queue:{queue}"
    if depth >= critical:
        return finding(check, CRITICAL, f"{depth} messages waiting (critical from {critical})",
                       f"add workers consuming '{queue}' now, or find what stopped them consuming it")
    if depth >= warning:
        return finding(check, WARNING, f"{depth} messages waiting (warning from {warning})",
                       f"check that workers consume '{queue}' and keep up; scale out if it keeps growing")
    return finding(check, OK, f"{depth} messages waiting")


def check_stuck_tasks(app, stuck_after=60.0, timeout=1.0):
    active = app.control.inspect(timeout=timeout).active()
    if active is None:
        return finding("stuck-tasks", OK, "no worker answered, so no running task to judge")
    now = time.time()
    stuck = [
        f"{task.get('name')}[{task.get('id')}] on {worker} for {now - task['time_start']:.1f} s"
        for worker, tasks in active.items()
        for task in tasks
        if task.get("time_start") and now - task["time_start"] > stuck_after
    ]
    if stuck:
        return finding("stuck-tasks", WARNING, f"running longer than {stuck_after:g} s: " + "; ".join(stuck),
                       "look at what the task waits for (py-spy dump, celery inspect active); revoke it with terminate=True if it hangs")
    running = sum(len(tasks) for tasks in active.values())
    return finding("stuck-tasks", OK, f"{running} running task(s), none longer than {stuck_after:g} s")


def diagnose(app, queues=("celery",), queue_warning=10, queue_critical=50, stuck_after=60.0):
    findings = [check_workers(app)]
    findings += [check_queue(app, queue, queue_warning, queue_critical) for queue in queues]
    findings.append(check_stuck_tasks(app, stuck_after))
    return findings


def overall(findings):
    return max((f["level"] for f in findings), key=SEVERITY.index, default=OK)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Diagnose the Celery deployment of tasks.app")
    parser.add_argument("--queue", action="append", dest="queues", help="a queue to watch (repeatable; default: celery)")
    parser.add_argument("--stuck-after", type=float, default=60.0, help="seconds after which a running task counts as stuck")
    args = parser.parse_args(argv)
    from tasks import app

    findings = diagnose(app, queues=args.queues or ["celery"], stuck_after=args.stuck_after)
    for f in findings:
        print(f"{f['level']} {f['check']}: {f['detail']}" + (f" -> {f['action']}" if f["action"] else ""))
    level = overall(findings)
    print(f"overall: {level}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
