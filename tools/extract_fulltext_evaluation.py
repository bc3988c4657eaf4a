#!/usr/bin/env python3
"""Extract the full-text evaluation set: the classic-CSV rows of both evaluation sets joined with their healthdata text.

The two hand-labelled sets (`evaluation/`, `evaluation-blind/`) hold rows of the website's classic CSV download, which
carry no summary. For every one of those rows whose NCT id also has a `CNNFORMAT/summaries*/NCT*.story` file in
github.com/ejaybennett/healthdata (pinned commit), this writes into the output folder:

- healthdata_studies.json: those records re-shaped exactly as tools/draw_blind_evaluation.py re-shapes healthdata
  records (minimal API v2 study objects: nctId, briefTitle, briefSummary, detailedDescription; nothing added; sorted by
  NCT id; indent 1);
- sources.csv: nct_id, the set whose folder holds its classic row, and the path of its .story file.

Every overlapping id is taken; there is no selection and no randomness. Labels are not written here: they are made by
hand from the classic row and the brief summary.

Usage: extract_fulltext_evaluation.py HEALTHDATA_GIT REPO_ROOT OUT_DIR
Standard library only; the same inputs give byte-identical outputs.
"""
import csv
import io
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from draw_blind_evaluation import healthdata_pool, study_object, studies_json, write  # noqa: E402

REGISTRY = "tests/MscAlf.Tests/Fixtures/registry"
SETS = ["evaluation", "evaluation-blind"]
CLASSIC_FILE = "mapclinical_classic_export.csv"


def classic_ids(repo_root):
    """NCT id -> the set whose classic CSV holds it; an id in both sets is an error."""
    owner = {}
    for name in SETS:
        path = os.path.join(repo_root, REGISTRY, name, CLASSIC_FILE)
        with open(path, newline="", encoding="utf-8") as f:
            for line, row in enumerate(csv.DictReader(f), start=2):
                nct = row["NCT Number"]
                if nct in owner:
                    sys.exit(f"{path}:{line}: {nct} already in {owner[nct]}")
                owner[nct] = name
    return owner


def main(healthdata_git, repo_root, out_dir):
    owner = classic_ids(repo_root)
    healthdata = healthdata_pool(healthdata_git)
    picked = sorted(nct for nct in owner if nct in healthdata)
    for name in SETS:
        print(f"{name}: {sum(owner[nct] == name for nct in picked)} of {sum(v == name for v in owner.values())}")

    os.makedirs(out_dir, exist_ok=True)
    studies = [study_object(nct, *healthdata[nct][0]) for nct in picked]
    write(os.path.join(out_dir, "healthdata_studies.json"), studies_json(studies))

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["nct_id", "set", "source_path"])
    writer.writerows([nct, owner[nct], healthdata[nct][1]] for nct in picked)
    write(os.path.join(out_dir, "sources.csv"), buf.getvalue())


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__.strip().splitlines()[-2])
    main(*sys.argv[1:])
