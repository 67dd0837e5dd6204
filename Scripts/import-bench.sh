#!/usr/bin/env bash
# Importing national-size real files, as whole processes, against a pandas script doing the
# same work (Benchmarks/import-bench): GIAS, then two years of KS2, into a new SQLite database
# (and PostgreSQL too when POSTGRES_URL is set). Prints figures; never fails on timing.
#   COPIES (72: about 17,000 schools), RUNS (3), POSTGRES_URL.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
python3 -c "import pandas" 2>/dev/null || pip install -q pandas
swift build -c release --product sift 2>&1 | tail -n 1
python3 Benchmarks/import-bench/run.py .build/release/sift --copies "${COPIES:-72}" --runs "${RUNS:-3}" \
    ${POSTGRES_URL:+--postgres "$POSTGRES_URL"}
