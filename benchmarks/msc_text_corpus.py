#!/usr/bin/python3
"""Writes a bulk-download-shaped zip of real registry records rich in MSC and liver text, for timing the classifiers'
dearer paths, which the generator's fixture studies rarely reach (docs/performance.md, "An input rich in MSC and liver
text").

    /usr/bin/python3 benchmarks/msc_text_corpus.py HEALTHDATA_GIT OUT.zip

HEALTHDATA_GIT is the git directory of github.com/ejaybennett/healthdata (e.g. made by `git clone --mirror`); the
records are read at the commit the evaluation sets pin, through the draw script's readers. Every record whose title or
brief summary names mesenchymal, stromal, MSC, exosome, stem cell, marrow, adipose, umbilical, Wharton or follow-up is
written as a minimal API v2 study object (title, brief summary, detailed description), one entry per study
(NCTxxxxxxx/NCT….json), in NCT order. Standard library only; the same input gives the same entries.
"""
import json
import os
import re
import sys
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tools"))
from draw_blind_evaluation import healthdata_pool, study_object  # noqa: E402  (the pinned source and its reader)

WORDS = re.compile(r"mesenchym|stromal|MSC|exosom|secretome|stem cell|marrow|adipose|umbilical|wharton|follow", re.I)


def main(healthdata_git, out_zip):
    studies = [(nct, study_object(nct, *story)) for nct, (story, _) in sorted(healthdata_pool(healthdata_git).items())
               if WORDS.search(story[0]) or WORDS.search(story[2])]
    temporary = out_zip + ".tmp"
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
        for nct, study in studies:
            archive.writestr(zipfile.ZipInfo(f"{nct[:7]}xxxx/{nct}.json", (2026, 1, 1, 0, 0, 0)),
                             json.dumps(study, ensure_ascii=False), zipfile.ZIP_DEFLATED)
    os.replace(temporary, out_zip)
    print(f"wrote {out_zip}: {len(studies)} studies")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: msc_text_corpus.py HEALTHDATA_GIT OUT.zip")
    main(*sys.argv[1:])
