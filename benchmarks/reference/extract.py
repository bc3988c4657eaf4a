#!/usr/bin/python3
"""Reference for the import benchmark: the same extraction as `import`, written the way a data scientist would in
pandas (Debian python3-pandas), to compare time and peak memory on the same input.

Reads the registry's bulk zip (one API v2 study JSON per entry) or the website's CSV download, takes one row per
study (NCT id, titles, conditions, interventions, phases, status, study type, enrollment, countries, dates, sponsor),
tags liver conditions and the MSC source with regular expressions, keeps the newest record of each NCT id (by last
update posted) and writes a CSV.

usage: /usr/bin/python3 extract.py INPUT.zip|INPUT.csv OUTPUT.csv
"""
import json
import re
import sys
import zipfile

import pandas as pd

LIVER = r"(?i)\b(?:liver|hepat\w*|cirrho\w*|biliary|cholang\w*|ACLF|NASH|NAFLD|steatohepatitis)\b"
MSC = r"(?i)mesenchyma|\bMSCs?\b|stromal cells?"
SOURCES = [
    ("cord_blood", r"(?i)cord[\s-]+blood"),
    ("umbilical_cord", r"(?i)umbilical|wharton"),
    ("bone_marrow", r"(?i)bone[\s-]+marrow|\bBM-?MSC"),
    ("adipose", r"(?i)adipose|\bAD-?MSC|\bADSC"),
    ("placenta", r"(?i)placenta"),
]


def study_row(study):
    p = study.get("protocolSection", {})
    ident = p.get("identificationModule", {})
    status = p.get("statusModule", {})
    design = p.get("designModule", {})
    arms = p.get("armsInterventionsModule", {})
    locations = p.get("contactsLocationsModule", {}).get("locations", [])
    return {
        "nct_id": ident.get("nctId"),
        "title": ident.get("briefTitle"),
        "official_title": ident.get("officialTitle"),
        "summary": p.get("descriptionModule", {}).get("briefSummary"),
        "conditions": "|".join(p.get("conditionsModule", {}).get("conditions", [])),
        "interventions": "|".join(f"{i.get('type')}: {i.get('name')}" for i in arms.get("interventions", [])),
        "phases": "|".join(design.get("phases", [])),
        "status": status.get("overallStatus"),
        "study_type": design.get("studyType"),
        "enrollment": design.get("enrollmentInfo", {}).get("count"),
        "countries": "|".join(dict.fromkeys(l.get("country") for l in locations if l.get("country"))),
        "start_date": status.get("startDateStruct", {}).get("date"),
        "first_posted": status.get("studyFirstPostDateStruct", {}).get("date"),
        "last_update_posted": status.get("lastUpdatePostDateStruct", {}).get("date"),
        "sponsor": p.get("sponsorCollaboratorsModule", {}).get("leadSponsor", {}).get("name"),
    }


def read_zip(path):
    with zipfile.ZipFile(path) as archive:
        rows = [study_row(json.loads(archive.read(name))) for name in archive.namelist() if name.endswith(".json")]
    return pd.DataFrame(rows)


def read_csv(path):
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    out = pd.DataFrame({
        "nct_id": frame["NCT Number"],
        "title": frame.get("Study Title"),
        "summary": frame.get("Brief Summary"),
        "conditions": frame.get("Conditions"),
        "interventions": frame.get("Interventions"),
        "phases": frame.get("Phases"),
        "status": frame.get("Study Status"),
        "study_type": frame.get("Study Type"),
        "enrollment": pd.to_numeric(frame.get("Enrollment"), errors="coerce"),
        "countries": frame.get("Locations", pd.Series(dtype=str)).str.split("|").apply(
            lambda items: "|".join(dict.fromkeys(i.rsplit(",", 1)[-1].strip() for i in items if i)) if isinstance(items, list) else ""),
        "start_date": frame.get("Start Date"),
        "first_posted": frame.get("First Posted"),
        "last_update_posted": frame.get("Last Update Posted"),
        "sponsor": frame.get("Sponsor"),
    })
    return out


def main(source, target):
    frame = read_zip(source) if source.endswith(".zip") else read_csv(source)
    text = frame[["conditions", "title"]].fillna("").agg(" ".join, axis=1)
    frame["liver"] = text.str.contains(LIVER)
    intervention_text = frame["interventions"].fillna("") + " " + frame["title"].fillna("")
    has_msc = intervention_text.str.contains(MSC)
    frame["msc_source"] = "not_applicable"
    frame.loc[has_msc, "msc_source"] = "unspecified"
    for code, pattern in reversed(SOURCES):
        frame.loc[has_msc & intervention_text.str.contains(pattern), "msc_source"] = code
    frame = frame.sort_values("last_update_posted", na_position="first").drop_duplicates("nct_id", keep="last")
    frame.sort_values("nct_id").to_csv(target, index=False)
    print(f"{len(frame)} studies, {int(frame['liver'].sum())} liver -> {target}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
