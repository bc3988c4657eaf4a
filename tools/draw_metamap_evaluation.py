#!/usr/bin/env python3
"""Draw an evaluation set of full ClinicalTrials.gov records from jesnyder/meta_map (seventh full-record set).

Every full record of jesnyder/mapClinical's scraped MSC trials is in an earlier set, so this set takes its records
from another public repository: jesnyder/meta_map keeps, in `program_generated/clinical/json/`, the whole record of
1,783 trials (one file per trial, the registry's classic full-study JSON, fetched in January 2022) found by eight
registry searches whose CSV downloads are in `user_provided/clinical_trials/`. The pool is the records with a JSON file
that the four MSC searches found ("mesenchymal", "allogeneic mesenchymal", "autologous mesenchymal", "msc-derived
exosome"), less every NCT id in a file named with --exclude (the labels, draws, seen lists and product sources of the
earlier sets) and, always, the first set's labels and data/trials.csv. By default the other four searches (exosome,
extracellular vesicles, iPSC, genetically engineered) are left out, as the earlier pools came from MSC searches only.

Each drawn record is written as an API v2 study object with the same fields as the earlier full-record sets
(identification, conditions, description, design study type, arm labels and descriptions, intervention types, names
and descriptions), the values copied verbatim, enum spellings of the API for the study and intervention types. The
seeded draw takes --size records (default: the whole pool) and the output is sorted by NCT id:

- registry_studies.json: the drawn records;
- draw.csv: nct_id, the file the record was copied from, and the MSC searches that found it.

With --other-searches the pool is instead the records that the repository's four other searches found (exosome,
extracellular vesicles, iPSC, genetically engineered): the eighth set, mostly trials that give no MSCs, as a
whole-registry screen meets them, and MSC exosome trials.

Usage: draw_metamap_evaluation.py [--seed N] [--size N] [--other-searches] [--exclude FILE]... METAMAP_GIT REPO_ROOT OUT_DIR
Standard library only; the same inputs give byte-identical outputs.
"""
import csv
import io
import json
import os
import random
import sys

from draw_blind_evaluation import blobs, seen_ids, studies_json, write, write_csv
from draw_fullrecord_evaluation import enum, parse_args

SEED = 20261207
METAMAP_COMMIT = "912cdab139a096e1933e757fa4341278388cb394"
JSON_DIR = "program_generated/clinical/json/"
SEARCH_DIR = "user_provided/clinical_trials/"
MSC_SEARCHES = ["mesenchymal.csv", "allogeneic mesenchymal.csv", "autologous mesenchymal.csv", "msc-derived exosome.csv"]
# The repository's other searches, for --other-searches (the eighth set).
OTHER_SEARCHES = ["exosome.csv", "extracellular_vesicles.csv", "iPSC.csv", "genetically_engineered.csv"]


def search_hits(gitdir, searches=tuple(MSC_SEARCHES)):
    """NCT id -> the searches (file names, in the order given) whose download lists it."""
    hits = {}
    files = dict(blobs(gitdir, METAMAP_COMMIT, SEARCH_DIR))
    for name in searches:
        text = files[SEARCH_DIR + name].decode("utf-8-sig")
        for row in csv.DictReader(io.StringIO(text)):
            hits.setdefault(row["NCT Number"], []).append(name)
    return hits


def items(module, list_key, item_key):
    return (module or {}).get(list_key, {}).get(item_key, [])


def study_object(protocol):
    """One classic full-study ProtocolSection as an API v2 study object with the fields of the earlier sets."""
    ident, desc = protocol["IdentificationModule"], protocol.get("DescriptionModule", {})
    arms = protocol.get("ArmsInterventionsModule", {})
    study_type = protocol.get("DesignModule", {}).get("StudyType")
    v2 = {
        "identificationModule": {k: v for k, v in (("nctId", ident["NCTId"]), ("briefTitle", ident.get("BriefTitle")),
                                                   ("officialTitle", ident.get("OfficialTitle")),
                                                   ("acronym", ident.get("Acronym"))) if v},
        "conditionsModule": {"conditions": items(protocol.get("ConditionsModule"), "ConditionList", "Condition")},
        "descriptionModule": {k: v for k, v in (("briefSummary", desc.get("BriefSummary")),
                                                ("detailedDescription", desc.get("DetailedDescription"))) if v},
        "designModule": {"studyType": enum(study_type)} if study_type else {},
        "armsInterventionsModule": {
            "armGroups": [{k: v for k, v in (("label", g.get("ArmGroupLabel")), ("description", g.get("ArmGroupDescription"))) if v}
                          for g in items(arms, "ArmGroupList", "ArmGroup")],
            "interventions": [{k: v for k, v in (("type", enum(i["InterventionType"]) if i.get("InterventionType") else None),
                                                 ("name", i.get("InterventionName")),
                                                 ("description", i.get("InterventionDescription"))) if v}
                              for i in items(arms, "InterventionList", "Intervention")],
        },
    }
    return {"protocolSection": {k: v for k, v in v2.items() if v}}


def main(metamap_git, repo_root, out_dir, seed=SEED, size=None, excluded=(), other=False):
    seen = seen_ids(repo_root, list(excluded))
    hits = search_hits(metamap_git, OTHER_SEARCHES if other else MSC_SEARCHES)
    pool, files = {}, 0
    for path, blob in blobs(metamap_git, METAMAP_COMMIT, JSON_DIR):
        files += 1
        protocol = json.loads(blob)["ProtocolSection"]
        nct = protocol["IdentificationModule"]["NCTId"]
        if path != f"{JSON_DIR}{nct}.json":
            sys.exit(f"{path}: holds {nct}, not the record its name says")
        if nct in hits and nct not in seen:
            pool[nct] = (path, study_object(protocol))
    size = len(pool) if size is None else size
    if size > len(pool):
        sys.exit(f"--size {size}: the pool holds only {len(pool)} records")
    drawn = sorted(random.Random(seed).sample(sorted(pool), size))
    print(f"pool: {len(pool)} records ({files} full records, {len(hits)} found by the {'other' if other else 'MSC'} searches); drawn: {size}")
    os.makedirs(out_dir, exist_ok=True)
    write(os.path.join(out_dir, "registry_studies.json"), studies_json([pool[nct][1] for nct in drawn]))
    write_csv(os.path.join(out_dir, "draw.csv"), ["nct_id", "source_path", "other_searches" if other else "msc_searches"],
              ((nct, pool[nct][0], ";".join(hits[nct])) for nct in drawn))


if __name__ == "__main__":
    positional, seed, size, excluded, flags = parse_args(sys.argv[1:], __doc__, SEED, None, ("--other-searches",))
    main(*positional, seed=seed, size=size, excluded=excluded, other="--other-searches" in flags)
