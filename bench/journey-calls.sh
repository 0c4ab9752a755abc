#!/usr/bin/env bash
# GitHub API calls per learner action, counted by the GitHub emulator during the end-to-end journey
# (enrollment through the Enroll form; a graded push that does not complete a module; a module
# completion). Installation-token requests are left out: tokens are cached for their hour.
# The test asserts the budget (graded push <= 3, completion <= 8); this prints the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet test tests/CourseBot.Tests --nologo --filter "FullyQualifiedName~Learner_EnrollsAndPassesModulesOneToThree" \
  --logger "console;verbosity=detailed" 2>&1 | grep -E "GitHub API calls|Passed!|Failed!"
