#!/usr/bin/env bash
# Runs every coverage-guided fuzz test of the driver in fuzzing mode, one JVM each (the fuzzer
# drives one test method per JVM), for the time each @FuzzTest names (about 12 s). Run after the
# driver's test classes are compiled (e.g. after `mvn verify`). A finding fails the run; the input
# that caused it is written under the test's resources directory (…FuzzTestInputs/<method>/) so it
# replays in every later `mvn verify` — fix the bug and commit that file as a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(
  "io.ysql.internal.wire.BackendDecoderFuzzTest#decodeOneMessage"
  "io.ysql.internal.wire.BackendDecoderFuzzTest#readAStream"
  "io.ysql.config.ConnectionStringFuzzTest#parseAnyString"
  "io.ysql.internal.sql.PlaceholderFuzzTest#scanAnySql"
  "io.ysql.internal.codec.BinaryDecoderFuzzTest#decodeAnyBytes"
)
for t in "${targets[@]}"; do
  echo "fuzzing $t"
  JAZZER_FUZZ=1 mvn -B -ntp -q -pl driver surefire:test -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false
done
echo "fuzzing: ${#targets[@]} targets, no finding"
