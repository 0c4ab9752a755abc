#!/usr/bin/env bash
# The one-machine build of the bot: `coursebot` as a self-contained single file (no .NET SDK or runtime needed on
# the machine that runs it), with the curriculum beside it. The Dockerfile runs this same script, and
# tests/CourseBot.Tests/Deployment/SingleFilePublishTests.cs runs it and starts `serve` from its output with no
# dotnet on PATH. Usage: deploy/publish-serve.sh OUTPUT_FOLDER [RUNTIME_ID, default linux-x64]
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
out="${1:?usage: deploy/publish-serve.sh OUTPUT_FOLDER [RUNTIME_ID]}"
rid="${2:-linux-x64}"
mkdir -p "$out"
dotnet publish "$here/bot/CourseBot.Cli/CourseBot.Cli.csproj" -c Release -r "$rid" --self-contained true \
  -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true -p:DebugType=none \
  -o "$out" --nologo -v q
# The course the bot serves and grades with (hidden tests included: they stay on the bot's machine), and the
# learner template beside it, which the curriculum's validation reads (each lab's starter files).
rm -rf "$out/curriculum" "$out/templates"
cp -a "$here/curriculum" "$out/curriculum"
mkdir -p "$out/templates"
cp -a "$here/templates/learner" "$out/templates/learner"
find "$out/curriculum" "$out/templates" \( -name __pycache__ -o -name '*.pyc' \) -prune -exec rm -rf {} +
echo "publish-serve: $out/coursebot ($rid, self-contained single file) and $out/curriculum"
