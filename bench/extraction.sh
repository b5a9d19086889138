#!/usr/bin/env bash
# Speed of target extraction: a 20,000-character document (the corpus texts and the made-up test
# documents joined and repeated) through TargetExtractor.extract after a warm-up; prints median and
# 90th percentile, wall and CPU time. The issue asks for at most 20 ms. CPU time is the figure to
# trust on a busy machine. Usage: bench/extraction.sh [texts or folders…]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d target/classes/cn/qualityportal/extraction ] || ./mvnw --batch-mode --quiet compile
cp=$(mktemp)
trap 'rm -f "$cp"' EXIT
./mvnw --batch-mode --quiet dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=runtime >/dev/null
if [ $# -eq 0 ]; then
  set -- src/test/resources/extraction/made-up
  [ -d ../shared/corpus ] && set -- ../shared/corpus ../shared/corpus/web-excerpts "$@"
fi
java -cp "target/classes:$(cat "$cp")" bench/extraction/Bench.java "$@" 2>&1 | grep -v SLF4J
