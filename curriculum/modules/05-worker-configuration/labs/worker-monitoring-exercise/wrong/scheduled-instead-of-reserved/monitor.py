"""Wrong: reads scheduled() (tasks with an ETA) where reserved() (prefetched, not started) was asked"""


def snapshot(app, timeout=1.0):
    inspect = app.control.inspect(timeout=timeout)
    stats = inspect.stats() or {}
    active = inspect.active() or {}
    reserved = inspect.scheduled() or {}
    report = {}
    for name, info in stats.items():
        concurrency = info.get("pool", {}).get("max-concurrency") or 0
        running = active.get(name) or []
        report[name] = {
            "concurrency": concurrency,
            "processed": sum((info.get("total") or {}).values()),
            "active": len(running),
            "reserved": len(reserved.get(name) or []),
            "active_tasks": [task["name"] for task in running],
            "utilization": round(len(running) / concurrency, 2) if concurrency else 0.0,
            "uptime": info.get("uptime", 0),
        }
    return report


def busiest(snap):
    if not snap:
        return None
    return max(sorted(snap), key=lambda name: snap[name]["utilization"])


def format_report(snap):
    if not snap:
        return "no workers answered"
    return "\n".join(
        f"{name}: {w['active']}/{w['concurrency']} busy, {w['reserved']} reserved, {w['processed']} processed"
        for name, w in sorted(snap.items())
    )


if __name__ == "__main__":
    from tasks import app

    current = snapshot(app)
    print(format_report(current))
    if current:
        print("busiest:", busiest(current))
