"""What an analyst would otherwise write: pandas reads the same GIAS and two KS2 files,
works out the same KS2 flags, trend flags, Coventry data designations and Milton Keynes
primary floor standards as Sift's bundled frameworks, and stores them in SQLite.

    python3 baseline.py FOLDER DATABASE LA_CODES

The rules, as the bundled frameworks read them:
- Coventry (coventry-2023.yaml, `flags`): KS2 RWM combined is flagged in the bottom national
  quintile (below the 20th percentile of state-funded schools' published figures, a figure
  on the boundary in the higher quintile); each KS2 progress score is flagged when its whole
  95% interval is below zero. A trend flag is the same flag in both years. Designation: A
  with three or more trend flags, B with one or two, C with none but two or more single-year
  flag groups (KS2 counts as one group), else D.
- Milton Keynes (milton-keynes-2019.yaml, `below_primary_floor`): below unless at least 65%
  meet the expected standard in RWM, or progress is at least -5 in reading and maths and -7
  in writing.
"""
import sqlite3
import sys

import numpy as np
import pandas as pd

KINDS = {
    "community school", "voluntary aided school", "voluntary controlled school", "foundation school",
    "community special school", "foundation special school", "local authority nursery school", "pupil referral unit",
    "academy converter", "academy sponsor led", "academy special converter", "academy special sponsor led",
    "free schools", "free schools special",
}
PROGRESS = {"read": "READPROG", "writ": "WRITPROG", "mat": "MATPROG"}


def figures(series):
    return pd.to_numeric(series.astype(str).str.strip().str.rstrip("%"), errors="coerce")


def read_ks2(path, year, schools):
    table = pd.read_csv(path, dtype=str, encoding="utf-8-sig", keep_default_na=False)
    england = table[table["RECTYPE"] == "5"]
    table = table[table["RECTYPE"].isin(["1", "2"])]
    out = pd.DataFrame({"urn": table["URN"].str.strip(), "rwm": figures(table["PTRWM_EXP"])})
    for short, column in PROGRESS.items():
        out[short] = figures(table[column])
        out[short + "_upper"] = figures(table[column + "_UPPER"])
    national = figures(england["PTRWM_EXP"]).iloc[0] if len(england) else np.nan
    published = np.sort(out["rwm"].dropna().to_numpy())
    q4_from = published[int(len(published) * 0.2)]
    out = out[out["urn"].isin(schools)].copy()
    out["year"] = year
    out["national"] = national
    out["flag_rwm"] = out["rwm"] < q4_from
    for short in PROGRESS:
        out["flag_" + short] = out[short + "_upper"] < 0
    return out


def main():
    folder, database, la_codes = sys.argv[1], sys.argv[2], set(sys.argv[3].split(","))
    # A GIAS custom download puts each link beyond the first in a column past the header's last.
    with open(folder + "/gias.csv", encoding="utf-8") as file:
        header = file.readline().rstrip("\r\n").split(",")
    gias = pd.read_csv(folder + "/gias.csv", dtype=str, encoding="utf-8", keep_default_na=False, skiprows=1,
                       names=header + [f"link {n}" for n in range(2, 12)])
    gias = gias[gias["LA (code)"].isin(la_codes) & gias["TypeOfEstablishment (name)"].str.lower().isin(KINDS)]
    schools = set(gias["URN"])
    older, newer = read_ks2(folder + "/ks2-2017.csv", 2017, schools), read_ks2(folder + "/ks2-2018.csv", 2018, schools)

    flags = ["flag_rwm"] + ["flag_" + short for short in PROGRESS]
    both = newer.merge(older[["urn"] + flags], on="urn", how="left", suffixes=("", "_before"))
    for flag in flags:
        both["trend_" + flag[5:]] = both[flag] & both[flag + "_before"].fillna(False).astype(bool)
    trend_count = both[["trend_" + flag[5:] for flag in flags]].sum(axis=1)
    single_groups = both[flags].any(axis=1).astype(int)  # the KS2 measures are one group
    both["designation"] = np.select([trend_count >= 3, trend_count >= 1, single_groups >= 2], ["A", "B", "C"], "D")
    above = (both["rwm"] >= 65) | ((both["read"] >= -5) & (both["mat"] >= -5) & (both["writ"] >= -7))
    both["below_primary_floor"] = ~above

    with sqlite3.connect(database) as db:
        gias[["URN", "EstablishmentName", "TypeOfEstablishment (name)", "PhaseOfEducation (name)", "LA (code)"]].rename(
            columns={"URN": "urn", "EstablishmentName": "name", "TypeOfEstablishment (name)": "kind",
                     "PhaseOfEducation (name)": "phase", "LA (code)": "la"}).to_sql("establishments", db, index=False)
        pd.concat([older, newer])[["urn", "year", "rwm", "national", "read", "read_upper", "writ", "writ_upper", "mat", "mat_upper"]].to_sql(
            "measures", db, index=False)
        both[["urn", "designation", "below_primary_floor"] + flags + ["trend_" + flag[5:] for flag in flags]].to_sql(
            "results", db, index=False)
    print(f"{len(gias)} establishments, {len(both)} with KS2 results; designations {both['designation'].value_counts().to_dict()}")


if __name__ == "__main__":
    main()
