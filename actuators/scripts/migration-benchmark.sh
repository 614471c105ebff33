#!/usr/bin/env bash
# Ballast's live-migration benchmark (docs/actuators.md): builds actuators and its test classes, then runs
# dev.ballast.actuators.libvirt.MigrationBenchmark on a fresh two-host libvirt testbed. Needs root.
#   actuators/scripts/migration-benchmark.sh [REPETITIONS=3] [BANDWIDTH_MIB_S=64]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
if [ -z "${JAVA_HOME:-}" ]; then
  for candidate in /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/javac" ] && "$candidate/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then export JAVA_HOME=$candidate; break; fi
  done
fi
[ -n "${JAVA_HOME:-}" ] || { echo "migration-benchmark: needs a JDK 21+ (set JAVA_HOME)" >&2; exit 1; }
export PATH="$JAVA_HOME/bin:$PATH"
mvn -B -ntp -q -pl actuators -am test-compile dependency:build-classpath -Dmdep.outputFile=target/benchmark-classpath.txt -Dmdep.includeScope=test
classpath="actuators/target/test-classes:actuators/target/classes:collectors/target/classes:$(cat actuators/target/benchmark-classpath.txt)"
cd actuators   # the benchmark finds ../collectors/testbed/testbed.sh from here
exec java --enable-native-access=ALL-UNNAMED -cp "${classpath//actuators\/target/$root/actuators/target}" \
  dev.ballast.actuators.libvirt.MigrationBenchmark "${1:-3}" "${2:-64}"
