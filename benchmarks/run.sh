#!/usr/bin/env bash
# Runs the search benchmark (docs/performance.md): builds, generates the synthetic ESCO-scale
# referential, starts the application on a fresh H2 database and index under target/bench/data,
# measures start-up, heap, in-process search latency and HTTP throughput, and prints a report
# (also written to target/bench/report.txt). Extra arguments go to Maven, e.g.
#   bash benchmarks/run.sh -Dbench.http.seconds=30 -Dbench.http.connections=16
# The HTTP load comes from wrk when it is installed (Debian package "wrk"; installed here when
# running as root with apt-get), otherwise from the Java load client in its own process.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "bench: installing wrk (apt-get install wrk)"
        (apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq wrk >/dev/null 2>&1; }) \
            || echo "bench: wrk could not be installed; the Java load client will be used"
    else
        echo "bench: wrk not found; the Java load client will be used (apt-get install wrk for the C client)"
    fi
fi

echo "bench: machine load before the run: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
exec ./mvnw -q -B -Pbench verify "$@"
