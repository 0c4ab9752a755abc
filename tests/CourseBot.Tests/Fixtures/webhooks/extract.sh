#!/usr/bin/env bash
# Regenerates examples.json: GitHub's own example payloads (npm @octokit/webhooks-examples) for
# every event the CourseBot App subscribes to (bot/app-manifest.json) plus those GitHub always sends
# an App (ping, installation, installation_repositories). The package is about 9 MB; only this
# extract is committed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version="${1:-7.6.1}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@octokit/webhooks-examples@$version" >/dev/null && tar xzf ./*.tgz)
/usr/bin/python3 - "$work/package/api.github.com/index.json" "$here/../../../../bot/app-manifest.json" "$here/examples.json" "$version" <<'PY'
import json, sys
index, manifest, out, version = sys.argv[1:]
events = set(json.load(open(manifest))["default_events"]) | {"ping", "installation", "installation_repositories"}
examples = []
for entry in json.load(open(index)):
    if entry["name"] in events:
        for payload in entry["examples"]:
            examples.append({"event": entry["name"], "action": payload.get("action"), "payload": payload})
json.dump({"source": f"@octokit/webhooks-examples@{version} api.github.com", "examples": examples}, open(out, "w"), indent=1, sort_keys=True)
print(f"{len(examples)} examples for {len(events)} events -> {out}")
PY
