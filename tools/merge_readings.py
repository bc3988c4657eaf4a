#!/usr/bin/env python3
"""Join, compare and resolve two independent readings of a full-record evaluation set.

A set read twice (evaluation-full-records-4 to -8, evaluation-blind-4) keeps each reading and the label of record side
by side:

- labels-first.csv, labels-second.csv: the two readings, each made of the labellers' parts (halves or quarters);
- disagreements.csv: the records where the readings differ on liver or msc_source, both readings side by side, for
  a third reader who adjudicates them blind to the classifier;
- adjudication.csv: that reader's label for each disagreement (nct_id, liver, msc_source, decision, reason);
- labels.csv: the label of record, the one the classifier is scored against: the agreed label where the readings
  agree (with the first reading's evidence), the adjudicated one where they differ (with the adjudicator's reason).

Commands (SET is the set's folder, holding registry_studies.json or healthdata_studies.json):
  join SET OUT PART PART...  write OUT from two or more parts (halves, quarters): every record of the set exactly
                             once, rows unchanged, sorted by NCT id
  compare SET                write disagreements.csv from labels-first.csv and labels-second.csv
  resolve SET                write labels.csv from the two readings and adjudication.csv

Every row is checked (ids exactly those of the set, each once; codes in the value sets; one adjudication per
disagreement and no other). A failure is one line naming the file, and nothing is written. Outputs are written to a
temporary file and renamed. Standard library only; the same inputs give byte-identical outputs.
"""
import csv
import io
import json
import os
import sys

HEADER = ["nct_id", "source", "liver", "msc_source", "evidence"]
LIVER = {"liver", "not_liver"}
# lib/MscAlf/Codes/MscSourceCode.cs in snake_case, and x (the text cannot tell; left out of scoring).
SOURCES = {"bone_marrow", "umbilical_cord", "cord_blood", "adipose", "placenta", "amniotic", "menstrual_blood",
           "dental_pulp", "skin", "ipsc_derived", "other", "mixed", "unspecified", "not_applicable", "x"}
DECISIONS = {"first", "second", "own"}


class Bad(Exception):
    """An input that breaks a rule; the message names the file."""


RECORD_FILES = ("registry_studies.json", "healthdata_studies.json")


def record_file(folder):
    """The set's one file of records: registry_studies.json (full records) or healthdata_studies.json."""
    found = [name for name in RECORD_FILES if os.path.isfile(os.path.join(folder, name))]
    if len(found) != 1:
        raise Bad(f"{folder}: expected exactly one of {', '.join(RECORD_FILES)}, found {len(found)}")
    return found[0]


def set_ids(folder):
    path = os.path.join(folder, record_file(folder))
    with open(path, encoding="utf-8") as f:
        return [s["protocolSection"]["identificationModule"]["nctId"] for s in json.load(f)]


def read_rows(path, header):
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        if next(reader, None) != header:
            raise Bad(f"{path}: line 1: the header is not {','.join(header)}")
        rows = []
        for line, row in enumerate(reader, start=2):
            if len(row) != len(header):
                raise Bad(f"{path}: line {line}: {len(row)} fields, expected {len(header)}")
            rows.append(dict(zip(header, row)))
        return rows


def check_labels(path, rows, allowed_ids=None):
    seen = set()
    for line, row in enumerate(rows, start=2):
        if row["nct_id"] in seen:
            raise Bad(f"{path}: line {line}: {row['nct_id']} appears twice")
        seen.add(row["nct_id"])
        if allowed_ids is not None and row["nct_id"] not in allowed_ids:
            raise Bad(f"{path}: line {line}: {row['nct_id']} is not a record of the set")
        if row["liver"] not in LIVER:
            raise Bad(f"{path}: line {line}: liver '{row['liver']}' is not one of {sorted(LIVER)}")
        if row["msc_source"] not in SOURCES:
            raise Bad(f"{path}: line {line}: msc_source '{row['msc_source']}' is not a code")
    return seen


def reading(folder, name, ids):
    path = os.path.join(folder, name)
    rows = read_rows(path, HEADER)
    seen = check_labels(path, rows, set(ids))
    if seen != set(ids):
        raise Bad(f"{path}: {len(set(ids) - seen)} records of the set have no label")
    return {r["nct_id"]: r for r in rows}


def csv_text(header, rows):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([row[c] for c in header] for row in rows)
    return out.getvalue()


def write(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    os.replace(tmp, path)


def join(folder, out, *parts):
    ids, source = set_ids(folder), record_file(folder)
    rows, owner = [], {}
    for part in parts:
        part_rows = read_rows(part, HEADER)
        check_labels(part, part_rows, set(ids))
        for line, row in enumerate(part_rows, start=2):
            if row["source"] != source:
                raise Bad(f"{part}: line {line}: source '{row['source']}' is not the set's record file {source}")
            if row["nct_id"] in owner:
                raise Bad(f"{part}: line {line}: {row['nct_id']} is also labelled in {owner[row['nct_id']]}")
            owner[row["nct_id"]] = part
        rows += part_rows
    if set(owner) != set(ids):
        raise Bad(f"{' + '.join(parts)}: {len(set(ids) - set(owner))} records of the set have no label")
    write(out, csv_text(HEADER, sorted(rows, key=lambda r: r["nct_id"])))
    return f"joined {len(rows)} rows into {out}"


def differ(first, second):
    return first["liver"] != second["liver"] or first["msc_source"] != second["msc_source"]


DISAGREEMENT = ["nct_id", "liver_1", "msc_source_1", "evidence_1", "liver_2", "msc_source_2", "evidence_2"]


def compare(folder):
    ids = set_ids(folder)
    first, second = reading(folder, "labels-first.csv", ids), reading(folder, "labels-second.csv", ids)
    rows = [{"nct_id": i, "liver_1": first[i]["liver"], "msc_source_1": first[i]["msc_source"],
             "evidence_1": first[i]["evidence"], "liver_2": second[i]["liver"],
             "msc_source_2": second[i]["msc_source"], "evidence_2": second[i]["evidence"]}
            for i in sorted(ids) if differ(first[i], second[i])]
    write(os.path.join(folder, "disagreements.csv"), csv_text(DISAGREEMENT, rows))
    return f"{len(rows)} of {len(ids)} records differ; wrote disagreements.csv"


ADJUDICATION = ["nct_id", "liver", "msc_source", "decision", "reason"]


def resolve(folder):
    ids = set_ids(folder)
    first, second = reading(folder, "labels-first.csv", ids), reading(folder, "labels-second.csv", ids)
    path = os.path.join(folder, "adjudication.csv")
    rows = read_rows(path, ADJUDICATION)
    check_labels(path, rows, set(ids))
    decided = {r["nct_id"]: r for r in rows}
    differing = {i for i in ids if differ(first[i], second[i])}
    if set(decided) != differing:
        raise Bad(f"{path}: adjudicates {len(set(decided) - differing)} records the readings agree on and misses "
                  f"{len(differing - set(decided))} they differ on")
    for line, row in enumerate(rows, start=2):
        if row["decision"] not in DECISIONS:
            raise Bad(f"{path}: line {line}: decision '{row['decision']}' is not one of {sorted(DECISIONS)}")
    out = []
    for i in sorted(ids):
        if i in decided:
            d = decided[i]
            out.append({"nct_id": i, "source": record_file(folder), "liver": d["liver"],
                        "msc_source": d["msc_source"], "evidence": "adjudicated: " + d["reason"]})
        else:
            out.append(first[i])
    write(os.path.join(folder, "labels.csv"), csv_text(HEADER, out))
    return f"{len(ids) - len(decided)} agreed and {len(decided)} adjudicated labels; wrote labels.csv"


def main(argv):
    commands = {"join": (join, 4), "compare": (compare, 1), "resolve": (resolve, 1)}
    count_ok = argv and argv[0] in commands and (
        len(argv) - 1 >= 4 if argv[0] == "join" else len(argv) - 1 == commands[argv[0]][1])
    if not count_ok:
        sys.exit(__doc__.split("Commands")[1].split("Every row")[0].strip())
    run, _ = commands[argv[0]]
    try:
        print(run(*argv[1:]))
    except (Bad, OSError, ValueError, KeyError) as error:
        sys.exit(f"merge_readings: {error}")


if __name__ == "__main__":
    main(sys.argv[1:])
