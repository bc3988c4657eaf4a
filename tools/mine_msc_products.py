#!/usr/bin/env python3
"""List the names that registry records define as MSC products: the candidates for lib/MscAlf/Assets/msc_products.csv.

A product named only by its brand or code ("Biological: JointStem") tells the classifier nothing unless it knows the
name. The approved products come from review tables; products still in trials are named in the registry itself, where
some record defines them ("JointStem (autologous adipose-derived mesenchymal stem cells)"). This script reads the
registry text of two public repositories at pinned commits (the same as tools/draw_blind_evaluation.py), leaves out
every record of the evaluation sets and of data/trials.csv, and prints every place where a brand-like name is defined
as MSCs by one of these patterns, within one sentence:

  name-then-definition   NAME (... MSC term ...)            "CELYVIR (autologous mesenchymal stem cells infected ...)"
  definition-then-name   MSC term ... (NAME)                "adipose derived mesenchymal stem cells (ALLO-ASC-DFU)"
  apposition             NAME, a/an/the ... MSC term        "NurOwn, a preparation of mesenchymal stromal cells ..."
  copula                 NAME is/are/consists of/contains ... MSC term
  label                  NAME: ... MSC term                 (an intervention or arm written "Name: description")

A registered or trademark sign (®, ™, "(R)", "(TM)") or "Inj." may stand between the name and its definition.

A brand-like name is one word of letters and digits, optionally joined by hyphens, with at least five letters or digits,
and a digit, two capitals, a capital inside the word (CELYVIR, JointStem, YB-1113, Cx601, iExosomes) or a registered or
trademark sign after it (Cartistem®); a name that is itself an
MSC term or holds one (MSCs, UC-MSC, hMSC, ADSC, MSC-NTF) is left out: the classifier reads it as MSCs already. Every candidate is printed with its record and sentence: the
list is reviewed by hand, and only names a sentence defines as MSCs given become rows of the product list.

Usage: mine_msc_products.py MAPCLINICAL_GIT HEALTHDATA_GIT REPO_ROOT OUT_CSV
Standard library only; the same inputs give byte-identical output.
"""
import csv
import glob
import io
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from draw_blind_evaluation import (  # noqa: E402  (the same pinned sources and readers)
    MAPCLINICAL_COMMIT, MAPCLINICAL_DIR, blobs, git, healthdata_stories, nct_ids)

SCRAPED_DIR = "program_generated/trials_scraped/trialsFound/"
SCRAPED_FIELDS = ["BriefTitle", "OfficialTitle", "BriefSummary", "DetailedDescription", "InterventionName",
                  "InterventionDescription", "InterventionOtherName", "ArmGroupLabel", "ArmGroupDescription"]
CLASSIC_FIELDS = ["Title", "Acronym", "Interventions"]

# The white space after "mesenchymal" is atomic and an MSC word starts at a word boundary, as in the library's
# MscProductDefinitions: without both, a long run of spaces or one long word takes quadratic time.
MSC_TERM = (r"(?:mesenchymal(?:(?>\s+)|-)(?:stem|stromal|progenitor|precursor)?\s*cells?|mesenchymal\s+stem|"
            r"mesenchymal\s+stromal|\b\w*-?MSCs?\b|stromal\s+cells?|\bADSCs?\b|\bMPCs?\b)")
NAME = r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*"
# What may follow a brand before its definition: a registered or trademark sign, written or in letters, and "Inj.".
MARK = r"(?P<mark>\s*(?:®|™|\((?:R|TM)\)))?(?:\s+Inj\.?)?"
PATTERNS = [
    ("name-then-definition", re.compile(rf"(?<![\w-])(?P<name>{NAME}){MARK}\s*\((?P<def>[^()]{{0,200}}?{MSC_TERM}[^()]{{0,200}}?)\)",
                                         re.IGNORECASE)),
    ("definition-then-name", re.compile(rf"(?P<def>{MSC_TERM}[^().;]{{0,80}}?)\(\s*(?P<name>{NAME}){MARK}\s*[),;]", re.IGNORECASE)),
    ("apposition", re.compile(rf"(?<![\w-])(?P<name>{NAME}){MARK},\s+(?:an?|the)\s+(?P<def>[^.;()]{{0,100}}?{MSC_TERM})",
                              re.IGNORECASE)),
    ("copula", re.compile(rf"(?<![\w-])(?P<name>{NAME}){MARK}\s+(?:is|are|consists? of|contains?|comprises?)\s+"
                          rf"(?P<def>[^.;()]{{0,100}}?{MSC_TERM})", re.IGNORECASE)),
    ("label", re.compile(rf"^(?:[A-Za-z ]+:\s*)?(?P<name>{NAME}){MARK}\s*:\s*(?P<def>[^.;]{{0,100}}?{MSC_TERM})", re.IGNORECASE)),
]
SELF_MSC = re.compile(rf"^(?:{MSC_TERM}|\w*ASCs?)$|(?:^|-)\w*MSCs?(?:-|$)", re.IGNORECASE)
SENTENCE = re.compile(r"(?<=[.!?])(?<!Inj\.)\s+(?=[A-Z(])")  # "FURESTEM-CD Inj. (…)" is one sentence


def brand_like(name, marked=False):
    """A brand-like name; one written with a registered or trademark sign is one whatever its capitals (Cartistem®)."""
    alnum = re.sub(r"[^A-Za-z0-9]", "", name)
    if len(alnum) < 5 or SELF_MSC.search(name):
        return False
    if marked:
        return True
    capitals = sum(c.isupper() for c in name)
    inner_capital = any(c.isupper() for c in name[1:])
    return any(c.isdigit() for c in name) or capitals >= 2 or inner_capital


def excluded_ids(repo_root):
    fixtures = os.path.join(repo_root, "tests/MscAlf.Tests/Fixtures/registry")
    return nct_ids(sorted(glob.glob(os.path.join(fixtures, "evaluation*", "draw.csv"))
                          + glob.glob(os.path.join(fixtures, "evaluation*", "labels.csv")))
                   + [os.path.join(repo_root, "data/trials.csv")])


def classic_texts(gitdir):
    """(nct, corpus, field, text) for every row of every classic CSV download of mapClinical."""
    listing = git(gitdir, "ls-tree", "--name-only", MAPCLINICAL_COMMIT, MAPCLINICAL_DIR).decode("utf-8").splitlines()
    for path in sorted(p for p in listing if p.endswith(".csv")):
        text = git(gitdir, "show", f"{MAPCLINICAL_COMMIT}:{path}").decode("utf-8")
        rows = csv.DictReader(io.StringIO(text, newline=""))
        if "NCT Number" not in (rows.fieldnames or []):
            continue
        for row in rows:
            for field in CLASSIC_FIELDS:
                for part in (row.get(field) or "").split("|"):
                    yield row["NCT Number"], "mapClinical " + path.rsplit("/", 1)[1], field, part.strip()


def scraped_texts(gitdir):
    for _, blob in blobs(gitdir, MAPCLINICAL_COMMIT, SCRAPED_DIR):
        for study in json.loads(blob)["StudyFieldsResponse"].get("StudyFields", []):
            nct = study["NCTId"][0]
            for field in SCRAPED_FIELDS:
                for value in study.get(field, []):
                    yield nct, "mapClinical scraped study fields", field, value


def healthdata_texts(gitdir):
    for nct, _, (title, description, summary) in healthdata_stories(gitdir):
        for field, value in (("briefTitle", title), ("briefSummary", summary), ("detailedDescription", description)):
            yield nct, "healthdata", field, value


def candidates(texts, excluded):
    seen, read = set(), set()
    for nct, corpus, field, text in texts:
        if nct in excluded or not text or not re.search(r"mesenchymal|MSC|stromal|ADSC|MPC", text, re.IGNORECASE):
            continue
        if (nct, corpus, field, text) in read:
            continue  # the scraped study fields repeat each trial in many files
        read.add((nct, corpus, field, text))
        for sentence in SENTENCE.split(text):
            for kind, pattern in PATTERNS:
                for match in pattern.finditer(sentence):
                    name = match.group("name")
                    if not brand_like(name, match.group("mark") is not None):
                        continue
                    key = (name.upper(), nct, kind)
                    if key in seen:
                        continue
                    seen.add(key)
                    yield [name, nct, corpus, field, kind, " ".join(sentence.split())[:400]]


def main(mapclinical_git, healthdata_git, repo_root, out_csv):
    excluded = excluded_ids(repo_root)
    rows = []
    for texts in (classic_texts(mapclinical_git), scraped_texts(mapclinical_git), healthdata_texts(healthdata_git)):
        rows += candidates(texts, excluded)
    rows.sort(key=lambda r: (r[0].upper(), r[1], r[4], r[2], r[3]))
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["name", "nct_id", "corpus", "field", "pattern", "sentence"])
    writer.writerows(rows)
    os.makedirs(os.path.dirname(out_csv) or ".", exist_ok=True)
    tmp = out_csv + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())
    os.replace(tmp, out_csv)
    names = {r[0].upper() for r in rows}
    print(f"{len(rows)} candidate definitions of {len(names)} names; {len(excluded)} evaluated records left out")


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__.strip().splitlines()[-2])
    main(*sys.argv[1:])
