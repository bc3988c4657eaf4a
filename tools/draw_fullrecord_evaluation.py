#!/usr/bin/env python3
"""Draw an evaluation set of full ClinicalTrials.gov records (seed 20261201).

The classic CSV rows of the earlier sets carry titles and intervention names only; the registry's bulk download, which
`import` reads, carries every field. jesnyder/mapClinical keeps the fields of 1,536 trials of the registry's MSC searches
as scraped from the registry's study-fields API (`program_generated/trials_scraped/trialsFound/`, one field list per
file and search). This script merges each trial's fields across those files (the first non-empty value of a field
wins; the files are read in path order), leaves out the records the project has already seen (every labels.csv named
with --exclude, the first set's labels.csv and data/trials.csv), and the records whose interventions or arm groups
cannot be paired (a list of names and a list of descriptions of different lengths), draws with one seeded random
generator, and writes into the output folder:

- registry_studies.json: the drawn records as API v2 study objects (identification, conditions, description, design
  study type, arms and interventions), the field values copied verbatim, enum spellings of the API for the study and
  intervention types, sorted by NCT id;
- draw.csv: nct_id, the first scraped file that holds the record, and how many hold it.

Labels are not written here: they are made by hand from the record text.

Usage: draw_fullrecord_evaluation.py [--seed N] [--size N] [--exclude LABELS]... MAPCLINICAL_GIT REPO_ROOT OUT_DIR
Standard library only; the same inputs give byte-identical outputs.
"""
import collections
import json
import os
import random
import sys

from draw_blind_evaluation import MAPCLINICAL_COMMIT, blobs, seen_ids, studies_json, write, write_csv

SEED, SIZE = 20261201, 100
SCRAPED_DIR = "program_generated/trials_scraped/trialsFound/"


def merged_records(gitdir):
    """NCT id -> (fields, source paths): each field's first non-empty value over the scraped files in path order."""
    fields, sources = collections.defaultdict(dict), collections.defaultdict(list)
    for path, blob in blobs(gitdir, MAPCLINICAL_COMMIT, SCRAPED_DIR):
        for study in json.loads(blob)["StudyFieldsResponse"].get("StudyFields", []):
            nct = study["NCTId"][0]
            sources[nct].append(path)
            for key, value in study.items():
                if value and key not in fields[nct]:
                    fields[nct][key] = value
    return fields, sources


def enum(text):
    """A display spelling as the API's enum: 'Expanded Access' -> 'EXPANDED_ACCESS'."""
    return text.strip().upper().replace(" ", "_").replace("-", "_")


def paired(names, *others):
    """The lists zipped when every non-empty one has as many items as names; None when they cannot be paired."""
    if any(other and len(other) != len(names) for other in others):
        return None
    return list(zip(names, *[other or [None] * len(names) for other in others]))


def study_object(nct, f):
    """One merged record as an API v2 study object, or None when its interventions or arms cannot be paired."""
    interventions = paired(f.get("InterventionName", []), f.get("InterventionType"), f.get("InterventionDescription"))
    arms = paired(f.get("ArmGroupLabel", []), f.get("ArmGroupDescription"))
    if interventions is None or arms is None:
        return None
    first = lambda key: f[key][0] if f.get(key) else None  # noqa: E731
    protocol = {
        "identificationModule": {k: v for k, v in (("nctId", nct), ("briefTitle", first("BriefTitle")),
                                                   ("officialTitle", first("OfficialTitle")), ("acronym", first("Acronym"))) if v},
        "conditionsModule": {"conditions": f.get("Condition", [])},
        "descriptionModule": {k: v for k, v in (("briefSummary", first("BriefSummary")),
                                                ("detailedDescription", first("DetailedDescription"))) if v},
        "designModule": {"studyType": enum(first("StudyType"))} if first("StudyType") else {},
        "armsInterventionsModule": {
            "armGroups": [{k: v for k, v in (("label", label), ("description", description)) if v} for label, description in arms],
            "interventions": [{k: v for k, v in (("type", enum(kind) if kind else None), ("name", name), ("description", description)) if v}
                              for name, kind, description in interventions],
        },
    }
    return {"protocolSection": {k: v for k, v in protocol.items() if v}}


def main(mapclinical_git, repo_root, out_dir, seed=SEED, size=SIZE, excluded=()):
    seen = seen_ids(repo_root, list(excluded))
    fields, sources = merged_records(mapclinical_git)
    pool, unpaired = {}, 0
    for nct in sorted(fields):
        if nct in seen or not fields[nct].get("BriefTitle"):
            continue
        study = study_object(nct, fields[nct])
        if study is None:
            unpaired += 1
        else:
            pool[nct] = study
    drawn = sorted(random.Random(seed).sample(sorted(pool), size))
    print(f"pool: {len(pool)} records ({len(fields)} scraped, {unpaired} left out as unpaired); drawn: {size}")
    os.makedirs(out_dir, exist_ok=True)
    write(os.path.join(out_dir, "registry_studies.json"), studies_json([pool[nct] for nct in drawn]))
    write_csv(os.path.join(out_dir, "draw.csv"), ["nct_id", "first_source_path", "source_files"],
              ((nct, sources[nct][0], len(sources[nct])) for nct in drawn))


def parse_args(argv, usage=__doc__, seed=SEED, size=SIZE, flags=()):
    """(positional, seed, size, excluded, flags set) from argv: --seed N, --size N, --exclude FILE (repeated) and the
    value-less options in flags; a bad option exits with one line, too few or many positionals with usage's last line."""
    options, excluded, positional, given = {"--seed": seed, "--size": size}, [], [], set()
    args = iter(argv)
    for arg in args:
        if arg in flags:
            given.add(arg)
        elif arg in ("--seed", "--size", "--exclude"):
            value = next(args, None)
            if value is None:
                sys.exit(f"{arg} needs a value")
            if arg == "--exclude":
                excluded.append(value)
            elif not value.isdecimal() or not value.isascii():
                sys.exit(f"{arg}: not a whole number: {value!r}")
            else:
                options[arg] = int(value)
        elif arg.startswith("--"):
            sys.exit(f"unknown option {arg!r}")
        else:
            positional.append(arg)
    if len(positional) != 3:
        sys.exit(usage.strip().splitlines()[-2])
    return positional, options["--seed"], options["--size"], excluded, given


if __name__ == "__main__":
    positional, seed, size, excluded, _ = parse_args(sys.argv[1:])
    main(*positional, seed=seed, size=size, excluded=excluded)
