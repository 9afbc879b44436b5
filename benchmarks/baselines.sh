#!/usr/bin/env bash
# Compares the engine with its baselines, a naive on-heap Java implementation and Redis, on the same
# workload: installs Debian's redis-server if it is missing (the comparison starts its own on a free
# loopback port and stops it), builds benchmarks/target/benchmarks.jar if it is missing, then runs
# `java -jar benchmarks/target/benchmarks.jar baselines` with the arguments given (--help lists them).
# BASELINES_JAVA_OPTS adds JVM options, such as -Djava.io.tmpdir=/dev/shm for the engine's journal.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/benchmarks/target/benchmarks.jar"

if ! command -v redis-server >/dev/null; then
    echo "baselines: installing redis-server…" >&2
    sudo=()
    if [[ "$(id -u)" -ne 0 ]]; then
        sudo=(sudo)
    fi
    "${sudo[@]}" apt-get update -q >&2
    "${sudo[@]}" apt-get install -y -q redis-server >&2
fi

if [[ ! -f "$jar" ]]; then
    echo "baselines: building the benchmarks jar…" >&2
    (cd "$root" && mvn -B -q -pl benchmarks -am package -DskipTests) >&2
fi

# shellcheck disable=SC2086 # BASELINES_JAVA_OPTS holds several options
exec java ${BASELINES_JAVA_OPTS:-} -jar "$jar" baselines "$@"
