"""Alternative solution: the three inspect replies gathered first, then one small function per worker;
the report built with str.format and the busiest worker found by sorting."""
import sys

LINE = "{name}: {active}/{concurrency} busy, {reserved} reserved, {processed} processed"


def _entry(stats, running, waiting):
    concurrency = int(stats.get("pool", {}).get("max-concurrency", 0))
    names = [task.get("name") for task in running]
    return {
        "concurrency": concurrency,
        "processed": sum(stats.get("total", {}).values()),
        "active": len(names),
        "reserved": len(waiting),
        "active_tasks": names,
        "utilization": round(len(names) / concurrency, 2) if concurrency > 0 else 0.0,
        "uptime": stats.get("uptime", 0),
    }


def snapshot(app, timeout=1.0):
    probe = app.control.inspect(timeout=timeout)
    replies = [probe.stats(), probe.active(), probe.reserved()]
    stats, active, reserved = (reply or {} for reply in replies)
    return {name: _entry(info, active.get(name, []), reserved.get(name, [])) for name, info in stats.items()}


def busiest(snap):
    ranked = sorted(snap.items(), key=lambda item: (-item[1]["utilization"], item[0]))
    return ranked[0][0] if ranked else None


def format_report(snap):
    lines = [LINE.format(name=name, **snap[name]) for name in sorted(snap)]
    return "\n".join(lines) if lines else "no workers answered"


def main():
    from tasks import app

    current = snapshot(app)
    sys.stdout.write(format_report(current) + "\n")
    if current:
        sys.stdout.write(f"busiest: {busiest(current)}\n")


if __name__ == "__main__":
    main()
