#!/usr/bin/env bash
# Fuzzes the CSV reader with libFuzzer for a bounded time (FUZZ_SECONDS, default 60).
# Seeds: Fuzz/corpus. A crash is saved in Fuzz/findings, where the test suite replays every
# file (CSVReaderTests, "every input the fuzzer ever found"), and this script fails.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
SECONDS_TO_RUN=${FUZZ_SECONDS:-60}
mkdir -p .build/fuzz
swiftc -sanitize=fuzzer -parse-as-library -O -module-name CSVFuzz Fuzz/CSVReaderFuzz.swift \
    Sources/SiftCore/PublicData/CSVReader.swift Sources/SiftCore/PublicData/Windows1252.swift \
    Sources/SiftCore/PublicData/CSVColumns.swift -o .build/fuzz/csv-reader-fuzz
# The corpus grows in a scratch copy: the checked-in seeds stay as they are.
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp Fuzz/corpus/* "$WORK/"
.build/fuzz/csv-reader-fuzz -max_total_time="$SECONDS_TO_RUN" -rss_limit_mb=1024 -max_len=65536 \
    -artifact_prefix=Fuzz/findings/ -print_final_stats=1 "$WORK" 2>&1 | grep -E "^(Done|stat::number_of_executed_units|==|SUMMARY)|crash|leak|timeout" || true
if ls Fuzz/findings/crash-* Fuzz/findings/timeout-* Fuzz/findings/oom-* >/dev/null 2>&1; then
    echo "the fuzzer found inputs that break the CSV reader: see Fuzz/findings"
    exit 1
fi
echo "fuzzing the CSV reader for ${SECONDS_TO_RUN} s found nothing"
