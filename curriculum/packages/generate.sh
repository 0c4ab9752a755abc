#!/usr/bin/env bash
# Regenerates the two lists `coursebot curriculum validate` reads to check each lab's `packages:`:
#   python-stdlib-modules.txt   Python's standard library top-level modules (sys.stdlib_module_names
#                               of Debian 12's /usr/bin/python3, the interpreter the labs are proven with);
#   debian-python-modules.txt   for each installed python3-* Debian package, the top-level modules it
#                               makes importable: its own files (dpkg -L) plus those of the python3-*
#                               packages it depends on, since apt installs those with it.
# Run it on Debian 12 after `apt-get install` of every package a lab declares; it only reads dpkg's
# database. Committed output means validate needs no Python and no Debian.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
/usr/bin/python3 - "$here" <<'PY'
import os, re, subprocess, sys
here = sys.argv[1]
version = subprocess.run(["/usr/bin/python3", "--version"], capture_output=True, text=True).stdout.strip()
with open(os.path.join(here, "python-stdlib-modules.txt"), "w") as out:
    out.write(f"# sys.stdlib_module_names of Debian 12's {version}; regenerate with generate.sh\n")
    out.write("\n".join(sorted(sys.stdlib_module_names)) + "\n")

def query(fmt, *packages):
    return subprocess.run(["dpkg-query", "-W", "-f", fmt, *packages], capture_output=True, text=True).stdout

installed = {}
for line in query("${Package}\t${Version}\t${db:Status-Abbrev}\n", "python3-*").splitlines():
    name, version, status = line.split("\t")
    if status.startswith("ii"):
        installed[name.split(":")[0]] = version

roots = re.compile(r"^/usr/lib/python3(\.\d+)?/(dist-packages|site-packages)/([^/]+)")
def own_modules(package):
    modules = set()
    listing = subprocess.run(["dpkg", "-L", package], capture_output=True, text=True).stdout
    for path in listing.splitlines():
        match = roots.match(path)
        if not match:
            continue
        top = match.group(3)
        rest = path[match.end():]
        if top.endswith((".dist-info", ".egg-info", ".pth")) or top == "__pycache__":
            continue
        if top.endswith(".py"):
            modules.add(top[:-3])
        elif top.endswith(".so"):
            modules.add(top.split(".")[0])
        elif rest.endswith((".py", ".so")) and os.path.isdir(match.group(0)):
            modules.add(top)
    return modules

def depends(package):
    text = query("${Depends}", package)
    names = set()
    for clause in text.split(","):
        for alternative in clause.split("|"):
            name = alternative.strip().split(" ")[0].split(":")[0]
            if name in installed:
                names.add(name)
                break
    return names

own = {p: own_modules(p) for p in installed}
lines = []
for package in sorted(installed):
    seen, todo = set(), [package]
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo.extend(depends(current) - seen)
    modules = sorted(set().union(*(own[p] for p in seen)))
    if modules:
        lines.append(f"{package}: {' '.join(modules)}")
with open(os.path.join(here, "debian-python-modules.txt"), "w") as out:
    out.write("# Debian package: the top-level Python modules installing it makes importable (its own and its\n")
    out.write("# python3-* dependencies'), from dpkg -L on Debian 12; regenerate with generate.sh\n")
    out.write("\n".join(lines) + "\n")
print(f"{len(sys.stdlib_module_names)} stdlib modules, {len(lines)} packages")
PY
