#!/usr/bin/env bash
# Compares the checked-in OpenAPI spec with a candidate and prints what changed, operation by operation and field by
# field, marking what breaks callers of the generated client. See README.md, "Updating the API".
#
#   ./spec-diff.sh CANDIDATE                    CANDIDATE: a file path or an http(s) URL (OpenAPI 3.0 or 3.1)
#   ./spec-diff.sh --accept-breaking CANDIDATE  exit 0 even when something breaks
#   ./spec-diff.sh --base OTHER CANDIDATE       compare with OTHER instead of the checked-in spec
#
# Exit codes: 0 nothing breaks (or --accept-breaking), 1 something breaks, 2 usage, read or build error.
# The report goes to stdout; Maven's build output, if any, to stderr. Needs only a JDK 17+ (the Maven Wrapper
# fetches Maven), like the rest of the build.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
classpath_file="$root/spec-diff/target/spec-diff.classpath"

# Build (compile only, no tests) and write the runtime classpath; quick when nothing changed.
if ! (cd "$root" && ./mvnw -q -B -pl spec-diff compile dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile="$classpath_file") >&2; then
  echo "spec-diff: building the spec-diff module failed (Maven's output is above)" >&2
  exit 2
fi

java_cmd="java"
if [[ -n "${JAVA_HOME:-}" ]]; then
  java_cmd="$JAVA_HOME/bin/java"
fi

# Runs from the caller's directory, so a relative CANDIDATE path means what the caller typed.
exec "$java_cmd" -Dairbyte.spec="$root/api-spec/src/main/openapi/airbyte-api.yaml" \
  -cp "$root/spec-diff/target/classes:$(cat "$classpath_file")" \
  io.github.airbytejava.specdiff.SpecDiff "$@"
