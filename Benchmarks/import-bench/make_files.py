"""Builds national-size public files from the real rows in ../shared/realdata: each real
school of Surrey's KS2 tables copied with new URNs (and its GIAS row with it), spread over
150 local authorities so the KS2 tables count as national, every real value kept.

    python3 make_files.py OUT_FOLDER [--copies N]

Writes gias.csv, ks2-2017.csv and ks2-2018.csv in the real layouts, and prints the counts.
"""
import argparse
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REAL = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "realdata"))


def read(path):
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as file:
        rows = list(csv.reader(file))
    return rows[0], rows[1:]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--copies", type=int, default=72)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)

    gias_header, gias_rows = read(os.path.join(REAL, "gias", "20220420-gias-850-936.csv"))
    urn_at, la_code_at, la_name_at = (gias_header.index(name) for name in ("URN", "LA (code)", "LA (name)"))
    gias_by_urn = {row[urn_at]: row for row in gias_rows}

    years = {}
    for year in (2017, 2018):
        header, rows = read(os.path.join(REAL, "ks2", f"{year}-936-ks2.csv"))
        years[year] = (header, rows)
    # The schools: every school of either year's table that GIAS lists.
    base = sorted({row[years[y][0].index("URN")] for y in years for row in years[y][1]
                   if row[years[y][0].index("RECTYPE")] in ("1", "2")} & set(gias_by_urn))

    def new_urn(copy, index):
        return str(1_000_000 + copy * 1_000 + index)

    def la(copy, index):
        return str(800 + (copy * len(base) + index) % 150)

    with open(os.path.join(args.out, "gias.csv"), "w", encoding="utf-8", newline="") as file:
        out = csv.writer(file)
        out.writerow(gias_header)
        for copy in range(args.copies):
            for index, urn in enumerate(base):
                row = list(gias_by_urn[urn])
                row[urn_at], row[la_code_at], row[la_name_at] = new_urn(copy, index), la(copy, index), f"Authority {la(copy, index)}"
                out.writerow(row)

    for year, (header, rows) in years.items():
        urn_col, type_col, lea_col = header.index("URN"), header.index("RECTYPE"), header.index("LEA")
        index_of = {urn: index for index, urn in enumerate(base)}
        with open(os.path.join(args.out, f"ks2-{year}.csv"), "w", encoding="utf-8-sig", newline="") as file:
            out = csv.writer(file)
            out.writerow(header)
            for copy in range(args.copies):
                for row in rows:
                    if row[type_col] in ("1", "2") and row[urn_col] in index_of:
                        row = list(row)
                        index = index_of[row[urn_col]]
                        row[urn_col], row[lea_col] = new_urn(copy, index), la(copy, index)
                        out.writerow(row)
            for row in rows:  # England's rows, once
                if row[type_col] in ("4", "5"):
                    out.writerow(row)

    codes = sorted({la(copy, index) for copy in range(args.copies) for index in range(len(base))})
    print(f"{len(base) * args.copies} schools ({len(base)} real ones, {args.copies} copies each) over {len(codes)} authorities",
          file=sys.stderr)
    print(",".join(codes))


if __name__ == "__main__":
    main()
