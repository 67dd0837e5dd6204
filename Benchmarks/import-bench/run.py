"""Importing national-size real files, timed as whole processes, against pandas.

    python3 run.py SIFT_BINARY [--copies 72] [--runs 3] [--postgres URL]

Builds the files (make_files.py), then for each run: the pandas baseline (baseline.py), and
Sift end to end into a new database — `sift import gias`, then `sift import ks2` for 2017 and
2018 — then the 2018 file imported again, unchanged. Prints each step's time and peak memory
(the process's own, from wait4), the median over the runs, and Sift's total against pandas.
With --postgres, Sift's steps run again on PostgreSQL: URL names a server whose `postgres`
database the script may create and drop a database on.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def timed(command, env=None):
    """Runs a command; returns (seconds, peak resident MB) of that process alone."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(command)} failed:\n{output.decode(errors='replace')}")
    return seconds, usage.ru_maxrss / 1024, output.decode(errors="replace")


def sift_steps(sift, folder, codes, database, env):
    """Sift end to end into a new database; returns [(step, seconds, MB, first line)]."""
    where = ["--database", database]
    subprocess.run([sift, "authorities", "create", "--code", "national", "--name", "National", "--framework", "coventry-2023"] + where,
                   check=True, stdout=subprocess.DEVNULL, env=env)
    steps = [
        ("sift import gias", ["import", "gias", f"{folder}/gias.csv", "--la", codes]),
        ("sift import ks2 2017", ["import", "ks2", f"{folder}/ks2-2017.csv", "--year", "2017"]),
        ("sift import ks2 2018", ["import", "ks2", f"{folder}/ks2-2018.csv", "--year", "2018"]),
        ("the 2018 file again, unchanged", ["import", "ks2", f"{folder}/ks2-2018.csv", "--year", "2018"]),
    ]
    results = []
    for name, arguments in steps:
        seconds, megabytes, output = timed([sift] + arguments + where, env)
        results.append((name, seconds, megabytes, output.strip().splitlines()[0] if output.strip() else ""))
    return results


def postgres_database(url, name, create):
    base = url.rsplit("/", 1)[0] + "/postgres"
    sql = f"CREATE DATABASE {name}" if create else f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"
    subprocess.run(["psql", base, "-qc", sql], check=True, stdout=subprocess.DEVNULL)
    return url.rsplit("/", 1)[0] + "/" + name


def report(label, runs, baseline):
    print(f"\n{label} (median of {len(runs)} run(s); seconds, peak MB):")
    names = [step[0] for step in runs[0]]
    total = 0.0
    for index, name in enumerate(names):
        seconds = statistics.median(run[index][1] for run in runs)
        megabytes = max(run[index][2] for run in runs)
        if index < 3:
            total += seconds
        print(f"  {name:34} {seconds:7.2f} s  {megabytes:6.0f} MB   {runs[-1][index][3][:70]}")
    print(f"  {'end to end (the three imports)':34} {total:7.2f} s       — {total / baseline:.1f}× pandas")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("sift")
    parser.add_argument("--copies", type=int, default=72)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--postgres")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="sift-import-bench-")
    codes = subprocess.run([sys.executable, f"{HERE}/make_files.py", folder, "--copies", str(args.copies)],
                           check=True, capture_output=True, text=True)
    print(codes.stderr.strip())
    codes = codes.stdout.strip()

    baselines = []
    for run in range(args.runs):
        database = f"{folder}/pandas-{run}.sqlite"
        seconds, megabytes, output = timed([sys.executable, f"{HERE}/baseline.py", folder, database, codes])
        baselines.append((seconds, megabytes))
    baseline = statistics.median(seconds for seconds, _ in baselines)
    print(f"\npandas: {baseline:.2f} s (median of {args.runs}), {max(mb for _, mb in baselines):.0f} MB; {output.strip()}")

    env = {**os.environ, "DATABASE_URL": ""}
    runs = [sift_steps(args.sift, folder, codes, f"{folder}/sift-{run}.sqlite", env) for run in range(args.runs)]
    report("Sift on SQLite", runs, baseline)

    if args.postgres:
        runs = []
        for run in range(args.runs):
            name = f"sift_import_bench_{os.getpid()}_{run}"
            url = postgres_database(args.postgres, name, create=True)
            try:
                runs.append(sift_steps(args.sift, folder, codes, "unused.sqlite", {**os.environ, "DATABASE_URL": url}))
            finally:
                postgres_database(args.postgres, name, create=False)
        report("Sift on PostgreSQL", runs, baseline)


if __name__ == "__main__":
    main()
