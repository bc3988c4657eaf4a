#!/usr/bin/env python3
"""Draw the blind evaluation set of ClinicalTrials.gov records (seed 20261128).

Reads two public repositories at pinned commits (their git directories are given on the command line, e.g. the
copies made by `git clone --mirror`), removes the records the project has already seen (the first evaluation set's
labels.csv and data/trials.csv), draws by stratum with one seeded random generator, and writes into the output folder:

- mapclinical_classic_export.csv: the drawn rows of the website's classic CSV download, copied verbatim, the Rank
  column renumbered 1..n in NCT order, every field quoted, LF line ends (as the first set did);
- healthdata_studies.json: the drawn healthdata records re-shaped as minimal API v2 study objects
  (nctId, briefTitle, briefSummary, detailedDescription), nothing added, sorted by NCT id, indent 1;
- draw.csv: nct_id, record file, stratum and the source path of every drawn record.

Labels are not written here: they are made by hand from the record text.

A later draw takes another seed and also leaves out the records of earlier sets (their labels.csv files):
  --seed N          the seed (default 20261128, the first blind set)
  --exclude LABELS  a labels.csv whose records are left out as well (repeatable)

Usage: draw_blind_evaluation.py [--seed N] [--exclude LABELS]... MAPCLINICAL_GIT HEALTHDATA_GIT REPO_ROOT OUT_DIR
Standard library only; the same inputs give byte-identical outputs.
"""
import csv
import io
import json
import os
import random
import re
import subprocess
import sys

SEED = 20261128
MAPCLINICAL_COMMIT = "9be4b641ed11ab91345fa6e847107bc183f46bd5"
MAPCLINICAL_DIR = "user_provided/clinicalTrialsDownload/"
# The registry's MSC searches, in the order a record's row is taken from when several files hold it.
MAPCLINICAL_FILES = [
    "mesenchymal stem OR mesenchymal stromal.csv",
    "SearchResults_003.csv",
    "SearchResults_004.csv",
    "SearchResults_005.csv",
    "SearchResults_006.csv",
]
HEALTHDATA_COMMIT = "a3af0d128132c19c811a48ce985c64fa1f4912a4"
HEALTHDATA_STORY = re.compile(r"^CNNFORMAT/summaries\d+/(NCT\d{8})\.story$")

# Strata: (name, size). Classic CSV: does the Title or the Interventions cell say "mesenchymal" or the word MSC(s)?
CLASSIC_STRATA = [("classic_says_msc", 60), ("classic_no_msc_word", 40)]
# healthdata: liver word in the title, else stem/stromal/mesenchymal cells named anywhere in the text, else other.
# (A liver title with stem cells in the text would be a fourth stratum, but all 38 such records of the repository are
# already in the first evaluation set or in data/trials.csv; the liver-titled stratum takes them into account.)
HEALTHDATA_STRATA = [
    ("hd_liver_title", 25),
    ("hd_other_title_stem_cells", 13),
    ("hd_other_title_other", 12),
]
MSC_WORD = re.compile(r"mesenchymal|\bMSCs?\b", re.IGNORECASE)
LIVER_WORD = re.compile(r"\b(liver|hepat\w*|cirrho\w*|biliar\w*|cholang\w*|cholesta\w*)", re.IGNORECASE)
STEM_CELLS = re.compile(r"\b(stem|stromal)[ -]cells?\b|mesenchymal", re.IGNORECASE)


def git(gitdir, *args):
    return subprocess.run(["git", "--git-dir", gitdir, *args], check=True, capture_output=True).stdout


def nct_ids(paths):
    """The nct_id column of every CSV file in paths (labels.csv, draw.csv, data/trials.csv)."""
    ids = set()
    for path in paths:
        if not os.path.isfile(path):
            sys.exit(f"{path}: no such file")
        with open(path, newline="", encoding="utf-8") as f:
            ids.update(row["nct_id"] for row in csv.DictReader(f))
    return ids


def seen_ids(repo_root, excluded):
    first = os.path.join(repo_root, "tests/MscAlf.Tests/Fixtures/registry/evaluation/labels.csv")
    return nct_ids([first, *excluded, os.path.join(repo_root, "data/trials.csv")])


def blobs(gitdir, commit, folder):
    """(path, bytes) of every file under folder at commit, sorted by path, read by one `git cat-file --batch`."""
    listing = git(gitdir, "ls-tree", "-r", commit, folder).decode("utf-8").splitlines()
    entries = sorted((line.split("\t", 1)[1], line.split()[2]) for line in listing)
    batch = "".join(sha + "\n" for _, sha in entries).encode()
    out = subprocess.run(["git", "--git-dir", gitdir, "cat-file", "--batch"], input=batch, check=True,
                         capture_output=True).stdout
    pos = 0
    for path, _ in entries:
        end = out.index(b"\n", pos)
        size = int(out[pos:end].split()[2])
        yield path, out[end + 1:end + 1 + size]
        pos = end + 1 + size + 1


def healthdata_stories(gitdir):
    """(NCT id, path, parsed story) for every healthdata .story file at the pinned commit."""
    for path, blob in blobs(gitdir, HEALTHDATA_COMMIT, "CNNFORMAT"):
        match = HEALTHDATA_STORY.match(path)
        if match:
            yield match.group(1), path, parse_story(blob.decode("utf-8"))


def classic_pool(gitdir):
    """NCT id -> (header, row, file) over the MSC search downloads; the first file in MAPCLINICAL_FILES wins."""
    pool, header = {}, None
    for name in MAPCLINICAL_FILES:
        text = git(gitdir, "show", f"{MAPCLINICAL_COMMIT}:{MAPCLINICAL_DIR}{name}").decode("utf-8")
        rows = list(csv.reader(io.StringIO(text, newline="")))
        if header is None:
            header = rows[0]
        if rows[0] != header or any(len(r) != len(header) for r in rows):
            sys.exit(f"{name}: unexpected columns")
        for row in rows[1:]:
            pool.setdefault(row[1], (row, name))
    return header, pool


def parse_story(text):
    """One healthdata .story file -> (title, detailed description, brief summary), as the first set re-shaped them.

    Line 1 is '(xxxQuint)Title.'; the paragraphs up to '@highlight' are the detailed description, except the text
    sharing the '@highlight' line (the title repeated), which is dropped; the paragraphs after it are the brief
    summary. Paragraphs are trimmed and joined with one space."""
    head, sep, tail = text.partition("@highlight")
    if not sep or "@highlight" in tail:
        raise ValueError("expected one @highlight")
    first, _, body = head.partition("\n")
    match = re.match(r"^\((\w+)\)(.*)$", first)
    if not match:
        raise ValueError("no (xxxQuint) prefix")
    title = match.group(2)
    if title.endswith("."):
        title = title[:-1]
    description = " ".join(x.strip() for x in body.split("\n")[:-1] if x.strip())
    summary = " ".join(x.strip() for x in tail.split("\n") if x.strip())
    return title, description, summary


def study_object(nct, title, description, summary):
    """One healthdata record as a minimal API v2 study object; an empty text is left out, as API v2 does."""
    module = {"briefSummary": summary, "detailedDescription": description}
    return {"protocolSection": {
        "identificationModule": {"nctId": nct, "briefTitle": title},
        "descriptionModule": {k: v for k, v in module.items() if v}}}


def studies_json(studies):
    """The study objects as the fixtures hold them: a JSON array, indent 1, non-ASCII kept, no final newline."""
    return json.dumps(studies, indent=1, ensure_ascii=False)


def healthdata_pool(gitdir):
    pool = {}
    for nct, path, story in healthdata_stories(gitdir):
        if nct in pool:
            sys.exit(f"{nct}: more than one .story file")
        pool[nct] = (story, path)
    return pool


def main(mapclinical_git, healthdata_git, repo_root, out_dir, seed=SEED, excluded=()):
    rng = random.Random(seed)
    seen = seen_ids(repo_root, list(excluded))
    draw = []

    header, classic = classic_pool(mapclinical_git)
    title_i, interventions_i = header.index("Title"), header.index("Interventions")
    strata = {"classic_says_msc": [], "classic_no_msc_word": []}
    for nct in sorted(classic):
        if nct in seen:
            continue
        row = classic[nct][0]
        says = MSC_WORD.search(row[title_i] + " " + row[interventions_i])
        strata["classic_says_msc" if says else "classic_no_msc_word"].append(nct)
    classic_drawn = []
    for name, size in CLASSIC_STRATA:
        picked = rng.sample(strata[name], size)
        classic_drawn += picked
        draw += [(nct, "mapclinical_classic_export.csv", name, MAPCLINICAL_DIR + classic[nct][1]) for nct in picked]
        print(f"{name}: {size} of {len(strata[name])}")

    healthdata = healthdata_pool(healthdata_git)
    strata = {name: [] for name, _ in HEALTHDATA_STRATA}
    for nct in sorted(healthdata):
        if nct in seen or nct in classic_drawn:
            continue
        title, description, summary = healthdata[nct][0]
        if LIVER_WORD.search(title):
            strata["hd_liver_title"].append(nct)
        elif STEM_CELLS.search(" ".join((title, description, summary))):
            strata["hd_other_title_stem_cells"].append(nct)
        else:
            strata["hd_other_title_other"].append(nct)
    healthdata_drawn = []
    for name, size in HEALTHDATA_STRATA:
        picked = rng.sample(strata[name], size)
        healthdata_drawn += picked
        draw += [(nct, "healthdata_studies.json", name, healthdata[nct][1]) for nct in picked]
        print(f"{name}: {len(picked)} of {len(strata[name])}")

    os.makedirs(out_dir, exist_ok=True)
    buf = io.StringIO()
    writer = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(header)
    for rank, nct in enumerate(sorted(classic_drawn), start=1):
        writer.writerow([str(rank)] + classic[nct][0][1:])
    write(os.path.join(out_dir, "mapclinical_classic_export.csv"), buf.getvalue())

    studies = [study_object(nct, *healthdata[nct][0]) for nct in sorted(healthdata_drawn)]
    write(os.path.join(out_dir, "healthdata_studies.json"), studies_json(studies))

    write_csv(os.path.join(out_dir, "draw.csv"), ["nct_id", "record_file", "stratum", "source_path"], sorted(draw))


def write_csv(path, header, rows):
    """A CSV file as the draws write them (quoted only where needed, LF line ends), through write()."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    write(path, buf.getvalue())


def write(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    os.replace(tmp, path)


def parse_args(argv):
    seed, excluded, positional = SEED, [], []
    args = iter(argv)
    for arg in args:
        if arg in ("--seed", "--exclude"):
            value = next(args, None)
            if value is None:
                sys.exit(f"{arg} needs a value")
            if arg == "--seed":
                if not value.isdigit():
                    sys.exit(f"--seed: not a whole number: {value!r}")
                seed = int(value)
            else:
                excluded.append(value)
        elif arg.startswith("--"):
            sys.exit(f"unknown option {arg!r}")
        else:
            positional.append(arg)
    if len(positional) != 4:
        sys.exit(__doc__.strip().splitlines()[-2])
    return positional, seed, excluded


if __name__ == "__main__":
    positional, seed, excluded = parse_args(sys.argv[1:])
    main(*positional, seed=seed, excluded=excluded)
