#!/usr/bin/env bash
# JMH, in process: the pure points engine judging Longgang events (src/test/java/org/jifen/points/bench).
# Usage: bench/engine.sh   (compiles the tests, then runs 1 fork, 3 warm-up and 5 measured iterations of 1 s)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  org.jifen.points.bench.EngineBenchmark
