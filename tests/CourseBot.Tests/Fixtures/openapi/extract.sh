#!/usr/bin/env bash
# Regenerates paths.json from GitHub's published OpenAPI description (npm @octokit/openapi):
#   paths     every REST route of GitHub, with the 2xx statuses of each method;
#   responses for each route the emulator serves (read from its Route(api, "METHOD", "/path") calls),
#             the JSON schema of each 2xx response with $refs resolved, trimmed to what the fidelity
#             test checks: type, nullable, enum, format date-time, required, properties, items,
#             oneOf/anyOf (allOf merged). Descriptions and examples are dropped, and below depth 3 an
#             object keeps only its type and required names, which keeps the file small.
# The emulator answers on a GHES-style base (/api/v3/) only because that is how Octokit addresses a
# host other than api.github.com; what it emulates is github.com, where the CourseBot App runs, so
# the api.github.com description is the reference, not a GHES one.
# Only this extract (about 380 KB) is committed, not the package (about 400 MB unpacked).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version="${1:-23.0.2}"
emulator="$here/../../../CourseBot.GitHubEmulator"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@octokit/openapi@$version" >/dev/null && tar xzf ./*.tgz)
grep -ho 'Route(api, "[A-Z]*", "[^"]*"' "$emulator"/*Routes.*.cs | sed -E 's/Route\(api, "([A-Z]+)", "([^"]+)"/\1 \2/; s/\{\*/{/g' | sort -u >"$work/routes.txt"
/usr/bin/python3 - "$work/package/generated/api.github.com.json" "$work/routes.txt" "$here/paths.json" "$version" <<'PY'
import json, sys
spec_path, routes_path, out, version = sys.argv[1:]
spec = json.load(open(spec_path))
max_depth = 3

def resolve(node):
    while isinstance(node, dict) and "$ref" in node:
        target = spec
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        # A sibling of $ref (such as nullable) wins over the target's own value.
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node

def merged(node):
    node = resolve(node)
    if "allOf" not in node:
        return node
    result = {k: v for k, v in node.items() if k != "allOf"}
    for part in node["allOf"]:
        part = merged(part)
        for key, value in part.items():
            if key == "properties":
                result["properties"] = {**result.get("properties", {}), **value}
            elif key == "required":
                result["required"] = sorted(set(result.get("required", [])) | set(value))
            else:
                result.setdefault(key, value)
    return result

def trim(node, depth):
    node = merged(node)
    out = {}
    for key in ("type", "nullable", "enum"):
        if key in node:
            out[key] = node[key]
    if node.get("format") == "date-time":
        out["format"] = "date-time"
    if node.get("required"):
        out["required"] = sorted(node["required"])
    if depth < max_depth:
        if "properties" in node:
            out["properties"] = {name: trim(value, depth + 1) for name, value in sorted(node["properties"].items())}
        for key in ("oneOf", "anyOf"):
            if key in node:
                out[key] = [trim(option, depth) for option in node[key]]
    # A list's items are its content, not a level deeper.
    if "items" in node:
        out["items"] = trim(node["items"], depth if depth == 0 else depth + 1)
    return out

paths = {}
for route, item in spec["paths"].items():
    for method, op in item.items():
        if method in ("get", "post", "put", "patch", "delete"):
            paths.setdefault(route, {})[method.upper()] = sorted(s for s in op.get("responses", {}) if s.startswith("2"))

responses = {}
for line in open(routes_path):
    method, route = line.split()
    op = spec["paths"].get(route, {}).get(method.lower())
    if op is None:
        continue  # the fidelity test reports routes GitHub does not have
    schemas = {}
    for status, response in op.get("responses", {}).items():
        content = resolve(response).get("content", {}).get("application/json") if status.startswith("2") else None
        if content:
            schemas[status] = trim(content.get("schema", {}), 0)
    responses[f"{method} {route}"] = schemas

json.dump({"source": f"@octokit/openapi@{version} generated/api.github.com.json", "paths": paths, "responses": responses}, open(out, "w"), indent=0, sort_keys=True)
print(f"{sum(len(v) for v in paths.values())} operations on {len(paths)} paths, {len(responses)} emulated with schemas -> {out}")
PY
