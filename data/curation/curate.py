#!/usr/bin/env python3
"""Build the curated CSVs in data/ from the raw research material kept in data/curation/sources/.

Run from the repository root (Python 3 and its standard library only):

    python3 data/curation/curate.py

It rewrites data/trials.csv, data/preclinical.csv and data/human_studies.csv (or writes them to --out DIR).
Every rule that changes a raw value is written out below, and every row-level judgement names the NCT id it
applies to, so a reader can see why each curated value is what it is. The project's code never runs this script: the
CSVs it wrote are committed and are the project's read-only inputs.
"""
import argparse
import csv
import os
import re
from datetime import datetime

MONTHS = {m: i + 1 for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August",
     "September", "October", "November", "December"])}

# Raw msc_source text -> controlled code (the set is documented in data/README.md).
MSC_SOURCE = {
    "bone marrow": "bone_marrow",
    "umbilical cord": "umbilical_cord",
    "umbilical cord (Wharton's jelly)": "umbilical_cord",
    "umbilical cord (exosomes)": "umbilical_cord",
    "umbilical cord blood": "cord_blood",
    "adipose": "adipose",
    "menstrual blood": "menstrual_blood",
    "skin (ABCB5+ dermal MSCs)": "skin",
    "bone marrow + umbilical cord": "mixed",
    "unspecified": "unspecified",
    "unspecified (MSC-EVs)": "unspecified",
    "not applicable (no MSC administered)": "not_applicable",
    "bone marrow (per review table 'BM-MSC')": "bone_marrow",
    "liver-derived progenitor cells (HepaStem) - not MSC-labelled in the page read": "other",
}

# Raw auto_allo text -> administration code; the qualifier in brackets goes to curation_notes.
ADMINISTRATION = {
    "": "", "autologous": "autologous", "allogeneic": "allogeneic",
    "allogeneic (third-party)": "allogeneic", "allogeneic (donor-specific)": "allogeneic",
    "autologous BM + UC": "autologous",
}

STATUS_FROM_PAGE = {  # overall_status read from a third-party page of unknown date
    "Recruiting (page date unknown)": "Recruiting",
    "Withdrawn (page date unknown)": "Withdrawn",
    "TERMINATED (page date unknown)": "Terminated",
    "Unknown (page: 'Recruitment Status : Unknown')": "Unknown status",
}

OUT_COLUMNS = [
    "nct_id", "title", "conditions", "phases", "overall_status", "last_known_status",
    "status_verified_date", "status_2021_11", "study_type", "enrollment", "enrollment_type",
    "msc_source", "msc_source_evidence", "administration", "administration_evidence", "countries",
    "start_date", "first_posted", "last_update_posted", "sponsor", "scope", "scope_note",
    "curation_notes", "snapshot", "sources",
]


def iso_date(text, nct, column, notes):
    """'January 9, 2007' -> 2007-01-09; 'February 2006' -> 2006-02 (precision kept)."""
    text = text.strip()
    if not text:
        return ""
    m = re.fullmatch(r"(\d{4})\.(\d{2}) \(per review table\)", text)
    if m:
        notes.append(f"{column} from a review table ('{m.group(1)}.{m.group(2)}'), not the registry")
        return f"{m.group(1)}-{m.group(2)}"
    m = re.fullmatch(r"([A-Z][a-z]+) (\d{1,2}), (\d{4})", text)
    if m:
        return datetime(int(m.group(3)), MONTHS[m.group(1)], int(m.group(2))).strftime("%Y-%m-%d")
    m = re.fullmatch(r"([A-Z][a-z]+) (\d{4})", text)
    if m:
        return f"{m.group(2)}-{MONTHS[m.group(1)]:02d}"
    raise ValueError(f"{nct}: unrecognised date in {column}: {text!r}")


def split_list(text, separator):
    return "|".join(part.strip() for part in text.split(separator) if part.strip())


def scope_of(row):
    """The scope code: from the hunt's scope_note flags and first-posted flag, in that order."""
    note, posted = row["scope_note"], row["first_posted_before_2021-12-01"]
    if note.startswith("OUT OF SCOPE"):
        return "out_of_scope"
    if note.startswith("EXCLUDED"):
        return "excluded"
    if note.startswith("BORDERLINE"):
        return "borderline"
    if note.startswith("POST-2021") or posted.startswith("no"):
        return "registered_after_cutoff"
    if note.startswith("NOT in the mapClinical 2022 data; only seen in review table"):
        return "unverified"
    if posted == "yes":
        return "in_scope"
    raise ValueError(f"{row['nct_id']}: cannot decide scope")


def curate_trial(row):
    nct = row["nct_id"]
    notes = []
    out = {c: "" for c in OUT_COLUMNS}
    out["nct_id"] = nct
    out["title"] = row["title"].strip()
    out["conditions"] = split_list(row["conditions"], " | ")

    phases = row["phases"]
    if phases.endswith(" (per review table 'Phase I/II')"):
        phases = phases.split(" (")[0]
        notes.append("phases from a review table ('Phase I/II'), not the registry")
    out["phases"] = split_list(phases, " | ")

    status = row["overall_status"]
    if status in STATUS_FROM_PAGE:
        notes.append(f"overall_status read from a page of unknown date: '{status}'")
        status = STATUS_FROM_PAGE[status]
    elif status == "Not yet enrolling (page date unknown)":
        # Not a registry value: the page's wording is kept in the note and the status left unknown.
        notes.append("overall_status left empty: a page of unknown date said 'Not yet enrolling', "
                     "which is not a registry status")
        status = ""
    out["overall_status"] = status
    out["last_known_status"] = row["last_known_status"]
    out["status_verified_date"] = iso_date(row["status_verified_date"], nct, "status_verified_date", notes)

    derived = row["status_2021-11_derived"]
    if derived == "(not registered yet)":
        notes.append("status_2021_11 empty: not yet registered in November 2021")
        derived = ""
    out["status_2021_11"] = derived
    out["study_type"] = row["study_type"]

    enrollment = row["enrollment_count"]
    if enrollment.endswith(" (per review table)"):
        enrollment = enrollment.split(" ")[0]
        notes.append("enrollment from a review table, not the registry")
    out["enrollment"] = enrollment
    etype = row["enrollment_type"]
    if etype == "(page: 'Target Recruitment')":
        notes.append("enrollment_type left empty: the page said 'Target Recruitment'")
        etype = ""
    out["enrollment_type"] = etype.lower()

    out["msc_source"] = MSC_SOURCE[row["msc_source"]]
    evidence = row["msc_source_evidence"].strip()
    if row["msc_source"] not in ("bone marrow", "umbilical cord", "unspecified", "adipose",
                                 "menstrual blood", "umbilical cord blood", "bone marrow + umbilical cord",
                                 "not applicable (no MSC administered)"):
        notes.append(f"msc_source curated as '{row['msc_source']}'")
    out["msc_source_evidence"] = evidence

    out["administration"] = ADMINISTRATION[row["auto_allo"]]
    if row["auto_allo"] not in ("", "autologous", "allogeneic"):
        notes.append(f"administration curated as '{row['auto_allo']}'")
    out["administration_evidence"] = row["auto_allo_evidence"].strip()

    countries = row["countries"]
    if countries == "Iran (per review table)":
        countries = "Iran, Islamic Republic of"
        notes.append("country from a review table ('Iran'), written with the registry's name")
    out["countries"] = split_list(countries, " | ")

    for column in ("start_date", "first_posted", "last_update_posted"):
        out[column] = iso_date(row[column], nct, column, notes)

    sponsor = row["sponsor"]
    if sponsor.endswith(" (verifying party named on page)"):
        sponsor = sponsor.split(" (")[0]
        notes.append("sponsor is the verifying party named on the stored page")
    out["sponsor"] = sponsor

    out["scope"] = scope_of(row)
    out["scope_note"] = row["scope_note"]
    posted = row["first_posted_before_2021-12-01"]
    if posted.startswith("no ("):
        notes.append("first posted after 2021-11-30: " + posted[4:-1])

    version = row["registry_data_version"]
    if version == "page reflects record last updated 2012-10-26":
        notes.append("snapshot is the record version shown on a stored registry page")
        version = "2012-10-26"
    out["snapshot"] = split_list(version, " ; ")
    out["sources"] = split_list(row["sources"], " ; ")
    out["curation_notes"] = "; ".join(notes)
    return out


def write_csv(path, columns, rows):
    tmp = path + ".tmp"
    with open(tmp, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    os.replace(tmp, path)


PRECLINICAL_SOURCE = {
    "Adipose tissue": "adipose", "Bone marrow": "bone_marrow", "Umbilical cord": "umbilical_cord",
    "Umbilical cord blood": "cord_blood", "Amniotic fluid": "amniotic", "Placenta": "placenta",
    "Menstrual blood": "menstrual_blood", "NA": "unspecified", "ESCs-MSCs": "other",
}

# Intervention as printed -> intervention_kind (set documented in data/README.md).
INTERVENTION_KIND = {
    "MSCs plus Eugenol": "msc_plus_drug",
    "MSC plus Neutrophil depletion": "msc_plus_other",
    "MSC plus Icaritin": "msc_plus_drug",
    "HNF4α-overexpressing MSCs plus Hepatocyte": "genetically_modified_msc",
    "VEGF165 -overexpressing MSCs": "genetically_modified_msc",
    "CXCR4-overexpressing MSCs": "genetically_modified_msc",
    "IL-1-overexpressing MSCs": "genetically_modified_msc",
    "MSCs plus IL-lRa-loaded chitosan nanoparticles": "msc_plus_drug",
    "Dexmedetomidine and Midazolam primed MSCs": "primed_msc",
    "MSCs plus G-CSF": "msc_plus_drug",
    "MSCs plus IL-1R antagonism": "msc_plus_drug",
    "MSCs seeded on human amniotic membranes (HAM)": "msc_plus_biomaterial",
    "Poly lactic-co-glycolic acid (PLGA) scaffold loaded with MSCs": "msc_plus_biomaterial",
    "MSCs-exosome": "exosome",
    "MSCs-extracellular vesicles": "extracellular_vesicles",
    "MSCs-conditioned medium": "conditioned_medium",
}

PRECLINICAL_COLUMNS = ["table", "row", "source_as_printed", "msc_source", "model_species",
                       "intervention_as_printed", "intervention_kind", "result", "reference"]

HUMAN_SOURCE = {"UC": "umbilical_cord", "BM": "bone_marrow", "BM-derived hepatocyte": "bone_marrow",
                "(UC, UCB, BM)": "mixed"}

HUMAN_COLUMNS = ["table", "row", "condition_as_printed", "administration", "source_as_printed",
                 "msc_source", "participants", "result", "reference"]

REF = re.compile(r"^(.*?)\s*\[([\d, ]+)\]$")


def split_result(text, where):
    m = REF.match(text.strip())
    if not m:
        raise ValueError(f"{where}: no reference number in {text!r}")
    return m.group(1), m.group(2).replace(" ", "").replace(",", "|")



def curate_preclinical(research, seeds):
    out = []
    with open(os.path.join(research, "paper_table_2.tsv"), encoding="utf-8") as f:
        t2 = list(csv.DictReader(f, delimiter="\t"))
    # Table 3: the seed holds all 13 rows (paper_table_3.tsv cuts the last one); its cells are split
    # on the known model names, since the seed's cells are separated by single spaces.
    t3 = []
    with open(os.path.join(seeds, "review_table_3.txt"), encoding="utf-8") as f:
        lines = f.read().split("Sources Model Intervention Result (ref)\n", 1)[1].splitlines()
    for line in lines:
        m = re.match(r"^(.+?) (Mice|Rat) (MSCs-\S+(?: \S+)?) (.+)$", line)
        if not m or line.startswith("  1."):
            continue
        source, model, rest = m.group(1), m.group(2), m.group(3) + " " + m.group(4)
        for kind in ("MSCs-conditioned medium", "MSCs-extracellular vesicles", "MSCs-exosome"):
            if rest.startswith(kind + " "):
                t3.append({"Sources": source, "Model": model, "Intervention": kind,
                           "Result (ref)": rest[len(kind) + 1:]})
                break
        else:
            raise ValueError(f"table 3: cannot split {line!r}")
    if len(t3) != 13:
        raise ValueError(f"table 3: expected 13 rows, found {len(t3)}")
    for table, rows in ((2, t2), (3, t3)):
        for number, r in enumerate(rows, start=1):
            result, reference = split_result(r["Result (ref)"], f"table {table} row {number}")
            out.append({
                "table": table, "row": number, "source_as_printed": r["Sources"],
                "msc_source": PRECLINICAL_SOURCE[r["Sources"]], "model_species": r["Model"],
                "intervention_as_printed": r["Intervention"],
                "intervention_kind": INTERVENTION_KIND[r["Intervention"]],
                "result": result, "reference": reference,
            })
    return out


def curate_human(research):
    out = []
    with open(os.path.join(research, "paper_table_4.tsv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    for number, r in enumerate(rows, start=1):
        if "[TRUNCATED" in "".join(v or "" for v in r.values()):
            continue  # the excerpt stops inside this row: it is left out, as data/README.md says
        text = r["Main results (ref)"].replace("bilirubin[172]", "bilirubin [172]")
        result, reference = split_result(text, f"table 4 row {number}")
        out.append({
            "table": 4, "row": number, "condition_as_printed": r["Condition"],
            "administration": r["Cell"].lower(), "source_as_printed": r["Source"],
            "msc_source": HUMAN_SOURCE[r["Source"]], "participants": r["Participant no"],
            "result": result, "reference": reference,
        })
    return out


def main(out):
    sources = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sources")
    with open(os.path.join(sources, "trials.tsv"), encoding="utf-8") as f:
        trials = [curate_trial(r) for r in csv.DictReader(f, delimiter="\t")]
    os.makedirs(out, exist_ok=True)  # --out may name a folder that does not exist yet
    write_csv(os.path.join(out, "trials.csv"), OUT_COLUMNS, trials)
    write_csv(os.path.join(out, "preclinical.csv"), PRECLINICAL_COLUMNS, curate_preclinical(sources, sources))
    write_csv(os.path.join(out, "human_studies.csv"), HUMAN_COLUMNS, curate_human(sources))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Rebuild the curated CSVs from data/curation/sources/.")
    parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."),
                        help="where to write trials.csv, preclinical.csv and human_studies.csv (default: data/)")
    main(parser.parse_args().out)
