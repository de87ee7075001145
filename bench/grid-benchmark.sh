#!/usr/bin/env bash
# Measures the inventory grid with many devices: loading them into the grid, and filter-as-you-type
# (the time from each keystroke's filter to the next drawn frame). Runs headless with Monocle.
#
#   bench/grid-benchmark.sh [DEVICES]     (default: 100000 devices)
#
# Needs the compiled classes (mvn -B test-compile) and target/patchdesk.jar (mvn -B package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."

devices=${1:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

classpath="target/test-classes:target/classes:$(mvn -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
java ${PATCHDESK_JAVA_OPTIONS:-} -jar target/patchdesk.jar demo generate --devices "$devices" "$work/cmms.xlsx" >/dev/null
java ${PATCHDESK_JAVA_OPTIONS:-} -jar target/patchdesk.jar --data-dir "$work/data" import inventory "$work/cmms.xlsx"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), JVM options: ${PATCHDESK_JAVA_OPTIONS:-none}"
/usr/bin/time -f "grid benchmark process: %e s wall, %M KB peak" \
    java ${PATCHDESK_JAVA_OPTIONS:-} -Dtestfx.headless=true -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dheadless.geometry=1600x1000-32 -Dprism.order=sw \
    -cp "$classpath" org.patchdesk.bench.GridBenchmark "$work/data"
