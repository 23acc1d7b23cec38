#!/usr/bin/env bash
# Regenerates the connector facts (connector-facts/src/main/facts/connector-facts.json) from Airbyte's api_sdk.yaml
# and a connector registry TSV, and prints which connectors and fields were added, removed or changed, marking what
# breaks callers of airbyte-connectors. See README.md, "Connectors".
#
#   ./connector-facts.sh API_SDK_YAML REGISTRY_TSV                   derive, print the changes, write the file
#   ./connector-facts.sh --check API_SDK_YAML REGISTRY_TSV           print the changes only
#   ./connector-facts.sh --compare OLD_FACTS NEW_FACTS               compare two facts files
#
# Exit codes: 0 nothing breaks (or --accept-breaking), 1 something breaks, 2 usage, read or build error.
# Then build (./mvnw -q -B install -DskipTests): the classes are generated from the new facts.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
classpath_file="$root/connector-tools/target/connector-tools.classpath"

if ! (cd "$root" && ./mvnw -q -B -pl connector-tools compile dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile="$classpath_file") >&2; then
  echo "connector-facts: building the connector-tools module failed (Maven's output is above)" >&2
  exit 2
fi

java_cmd="java"
if [[ -n "${JAVA_HOME:-}" ]]; then
  java_cmd="$JAVA_HOME/bin/java"
fi

exec "$java_cmd" -Dairbyte.connector.facts="$root/connector-facts/src/main/facts/connector-facts.json" \
  -cp "$root/connector-tools/target/classes:$(cat "$classpath_file")" \
  io.github.airbytejava.connectortools.Regenerate "$@"
