#!/usr/bin/env bash
# Regenerates paths.json: every REST route and method of GitHub's published OpenAPI description
# (npm @octokit/openapi, api.github.com), with the names of each 2xx response schema's required
# properties. The emulator's fidelity test checks its routes and responses against it. Only this
# extract is committed, not the package.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version="${1:-23.0.2}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@octokit/openapi@$version" >/dev/null && tar xzf ./*.tgz)
/usr/bin/python3 - "$work/package/generated/api.github.com.json" "$here/paths.json" "$version" <<'PY'
import json, sys
spec_path, out, version = sys.argv[1:]
spec = json.load(open(spec_path))
def resolve(node):
    while isinstance(node, dict) and "$ref" in node:
        parts = node["$ref"].lstrip("#/").split("/")
        node = spec
        for p in parts:
            node = node[p]
    return node
paths = {}
for route, item in spec["paths"].items():
    for method, op in item.items():
        if method not in ("get", "post", "put", "patch", "delete"):
            continue
        required = {}
        for status, response in op.get("responses", {}).items():
            if not status.startswith("2"):
                continue
            content = resolve(response).get("content", {}).get("application/json")
            if not content:
                continue
            schema = resolve(content.get("schema", {}))
            if schema.get("type") == "array":
                schema = resolve(schema.get("items", {}))
            required[status] = sorted(schema.get("required", []))
        paths.setdefault(route, {})[method.upper()] = required
json.dump({"source": f"@octokit/openapi@{version} generated/api.github.com.json", "paths": paths}, open(out, "w"), indent=0, sort_keys=True)
print(f"{sum(len(v) for v in paths.values())} operations on {len(paths)} paths -> {out}")
PY
