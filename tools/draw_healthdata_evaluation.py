#!/usr/bin/env python3
"""Draw an evaluation set of healthdata records that no rule change has touched (the fourth blind set, seed 20261209).

Every full record of the MSC searches on this machine is in an earlier set, but ejaybennett/healthdata still holds
about 101,000 registry records (title, brief summary, detailed description) of which only a few hundred were labelled.
The rules were checked for side effects on the 16,103 of them whose title or brief summary names MSC, stem-cell or
tissue words (`benchmarks/msc_text_corpus.py`): the rule writer read the records whose classification changed and
searched that corpus for phrases. So the pool leaves out every record of that corpus, and with it every record any rule
change touched, besides every NCT id in a file named with --exclude (the labels, draws, seen lists and product sources
of the earlier sets) and, always, the first set's labels and data/trials.csv. The set's `seen_before_draw.csv` lists
the records of the strata left out for these reasons (the corpus; a classification that differs between two commits
that changed the classifiers; an NCT id named in the repository's text or the project's notes); pass it with --exclude.

The rest are split into strata by the words of the whole record, and each stratum is sampled with one seeded generator:

- hd_msc_word: "mesenchymal", "MSC(s)" or "stromal cell(s)" somewhere in the record (the whole stratum is taken);
- hd_stem_or_tissue: otherwise stem cells, marrow, adipose, umbilical cord, Wharton's jelly, exosomes or secretome;
- hd_liver_title: otherwise a liver or biliary word in the title.

It writes into the output folder:

- healthdata_studies.json: the drawn records as minimal API v2 study objects (as the earlier blind sets), by NCT id;
- draw.csv: nct_id, record file, stratum and the source path of every drawn record.

Usage: draw_healthdata_evaluation.py [--seed N] [--exclude FILE]... HEALTHDATA_GIT REPO_ROOT OUT_DIR
Standard library only; the same inputs give byte-identical outputs.
"""
import os
import random
import re
import sys

from draw_blind_evaluation import LIVER_WORD, healthdata_pool, seen_ids, studies_json, study_object, write, write_csv
from draw_fullrecord_evaluation import parse_args

SEED = 20261209
# (name, size); None takes the whole stratum (the MSC-word records left are few, and the ones a screen must get right).
STRATA = [("hd_msc_word", None), ("hd_stem_or_tissue", 63), ("hd_liver_title", 50)]
MSC_WORD = re.compile(r"mesenchymal|\bMSCs?\b|\bstromal[ -]cells?\b", re.IGNORECASE)
STEM_OR_TISSUE = re.compile(r"\bstem[ -]cells?\b|marrow|adipose|umbilical|wharton|exosom|secretome", re.IGNORECASE)


def stratum(title, description, summary):
    """The stratum of one record, or None when it belongs to none."""
    text = " ".join((title, description, summary))
    if MSC_WORD.search(text):
        return "hd_msc_word"
    if STEM_OR_TISSUE.search(text):
        return "hd_stem_or_tissue"
    if LIVER_WORD.search(title):
        return "hd_liver_title"
    return None


def main(healthdata_git, repo_root, out_dir, seed=SEED, excluded=()):
    rng = random.Random(seed)
    seen = seen_ids(repo_root, list(excluded))
    pool = healthdata_pool(healthdata_git)
    strata = {name: [] for name, _ in STRATA}
    for nct in sorted(pool):
        name = None if nct in seen else stratum(*pool[nct][0])
        if name:
            strata[name].append(nct)
    drawn = []
    for name, size in STRATA:
        picked = strata[name] if size is None else rng.sample(strata[name], size)
        drawn += [(nct, "healthdata_studies.json", name, pool[nct][1]) for nct in picked]
        print(f"{name}: {len(picked)} of {len(strata[name])}")

    os.makedirs(out_dir, exist_ok=True)
    studies = [study_object(nct, *pool[nct][0]) for nct, *_ in sorted(drawn)]
    write(os.path.join(out_dir, "healthdata_studies.json"), studies_json(studies))
    write_csv(os.path.join(out_dir, "draw.csv"), ["nct_id", "record_file", "stratum", "source_path"], sorted(drawn))


if __name__ == "__main__":
    positional, seed, size, excluded, _ = parse_args(sys.argv[1:], __doc__, SEED, None)
    if size is not None:
        sys.exit("--size: the strata fix the size of this draw")
    main(*positional, seed=seed, excluded=excluded)
