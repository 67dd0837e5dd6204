#!/usr/bin/env bash
# Finds flaky tests before a user does: builds once, runs the Swift suites N times from that
# build (and the web suite on PostgreSQL too when SIFT_TEST_POSTGRES_URL is set), optionally
# the browser tests M times, and prints every test that failed at least once, with how often
# and its messages.
#
#   bash Scripts/repeat-tests.sh N [--browser M]
#
# Exits 1 when any test failed in any run. Each run's whole output is kept in the folder it
# names at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

RUNS=${1:?"usage: bash Scripts/repeat-tests.sh N [--browser M]"}
BROWSER_RUNS=0
if [ "${2:-}" = "--browser" ]; then BROWSER_RUNS=${3:?"--browser needs a number of runs"}; fi
LOGS=$(mktemp -d /tmp/sift-repeat-XXXXXX)

swift build --build-tests 2>&1 | tail -n 1
for run in $(seq 1 "$RUNS"); do
    start=$SECONDS
    SIFT_TEST_POSTGRES_URL="" swift test --skip-build > "$LOGS/swift-sqlite-$run.log" 2>&1 || true
    echo "Swift suites on SQLite, run $run of $RUNS: $(grep -E "Test run with" "$LOGS/swift-sqlite-$run.log" | tail -n 1 || echo "no summary: the test process stopped") ($((SECONDS - start)) s)"
    if [ -n "${SIFT_TEST_POSTGRES_URL:-}" ]; then
        start=$SECONDS
        swift test --skip-build --filter SiftWebTests > "$LOGS/swift-postgres-$run.log" 2>&1 || true
        echo "web suite on PostgreSQL, run $run of $RUNS: $(grep -E "Test run with" "$LOGS/swift-postgres-$run.log" | tail -n 1 || echo "no summary: the test process stopped") ($((SECONDS - start)) s)"
    fi
done
for run in $(seq 1 "$BROWSER_RUNS"); do
    start=$SECONDS
    python3 -m pytest -q -rfE -p no:cacheprovider Tests/browser > "$LOGS/browser-$run.log" 2>&1 || true
    echo "browser tests, run $run of $BROWSER_RUNS: $(tail -n 1 "$LOGS/browser-$run.log") ($((SECONDS - start)) s)"
done

python3 - "$LOGS" <<'PYTHON'
import glob, os, re, sys
from collections import defaultdict

logs = sys.argv[1]
failures = defaultdict(lambda: defaultdict(set))   # test -> message -> {run names}
runs = 0
for path in sorted(glob.glob(os.path.join(logs, "*.log"))):
    name = os.path.basename(path)[:-4]
    runs += 1
    text = open(path, encoding="utf-8", errors="replace").read()
    if name.startswith("browser"):
        # The first "E " line of each failure's section is its message.
        sections = dict(re.findall(r"^_{3,} (\S+) _{3,}$\n(.*?)(?=^_{3,} |^=+ short test summary)", text, re.M | re.S))
        for test in re.findall(r"^(?:FAILED|ERROR) (\S+)", text, re.M):
            lines = [line[1:].strip() for line in sections.get(test.split("::")[-1], "").splitlines() if line.startswith("E ")]
            failures["browser: " + test][lines[0] if lines else "(no message)"].add(name)
        if not re.search(r"\d+ (passed|failed)", text.splitlines()[-1] if text else ""):
            failures["browser: the pytest run"]["it did not finish: " + text[-300:]].add(name)
        continue
    for test, place, message in re.findall(r'^✘ Test (".*?"|\S+\(\)) recorded an issue at (\S+?): (.*)$', text, re.M):
        failures[test][place + ": " + message].add(name)
    for test, message in re.findall(r'^✘ Test (".*?"|\S+\(\)) failed after [\d.]+ seconds(.*)$', text, re.M):
        if test not in failures:
            failures[test]["failed" + message].add(name)
    if not re.search(r"^. Test run with \d+ tests? .* passed", text, re.M) and not any(name in r for m in failures.values() for r in m.values()):
        tail = "\n      ".join(text.strip().splitlines()[-8:])
        failures["the test process of " + name]["it ended without passing:\n      " + tail].add(name)

print()
if not failures:
    print(f"No test failed in {runs} runs (logs in {logs}).")
    sys.exit(0)
print(f"Tests that failed at least once in {runs} runs (logs in {logs}):")
for test, messages in sorted(failures.items()):
    seen = sorted(set().union(*messages.values()))
    print(f"\n  {test}: failed in {len(seen)} run(s): {', '.join(seen)}")
    for message, where in sorted(messages.items()):
        print(f"    - {message}  [{', '.join(sorted(where))}]")
sys.exit(1)
PYTHON
