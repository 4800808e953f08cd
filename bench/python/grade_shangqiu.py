#!/usr/bin/env python3
"""Grades a shangqiu fact batch the plain way: no rules engine, no explanations.

The baseline govgrade is measured against (docs/benchmarks.md): what a county's IT person would
write from the circular and the pack's workbook. Standard library only.

    python3 grade_shangqiu.py BATCH.json WORKBOOK.xlsx > result.json
    python3 grade_shangqiu.py --agree result.json govgrade-result.json

The rules are those of rules-drl/shangqiu/shangqiu.drl and the shared rules it includes
(rules-lib/findings.drl, veto.drl, pass.drl); the numbers and words come from the workbook
(decision-tables/shangqiu/shangqiu.xlsx): 参数 staleDays, 问题 (wording and veto grade),
等级 (grade wording), 设置 summaryTotal. Shangqiu ranks nobody, so there are no ranks.
"""
import datetime
import json
import sys
import xml.etree.ElementTree as ET
import zipfile

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def read_sheets(path):
    """Every sheet of the workbook as {name: [row, ...]}, a row being the list of its cell texts."""
    book = zipfile.ZipFile(path)
    strings = []
    if "xl/sharedStrings.xml" in book.namelist():
        for si in ET.fromstring(book.read("xl/sharedStrings.xml")).iter(NS + "si"):
            strings.append("".join(t.text or "" for t in si.iter(NS + "t")))
    targets = {}
    for rel in ET.fromstring(book.read("xl/_rels/workbook.xml.rels")):
        targets[rel.get("Id")] = "xl/" + rel.get("Target").lstrip("/").replace("xl/", "", 1)
    sheets = {}
    for sheet in ET.fromstring(book.read("xl/workbook.xml")).iter(NS + "sheet"):
        rows = []
        for row in ET.fromstring(book.read(targets[sheet.get(REL)])).iter(NS + "row"):
            cells = []
            for c in row.iter(NS + "c"):
                v = c.find(NS + "v")
                if c.get("t") == "s":
                    cells.append(strings[int(v.text)])
                elif c.get("t") == "inlineStr":
                    cells.append("".join(t.text or "" for t in c.iter(NS + "t")))
                else:
                    cells.append(v.text if v is not None else "")
            rows.append(cells)
        sheets[sheet.get("name")] = rows
    return sheets


def table(rows):
    """The rows under a table's heading row (its first cell says 程序使用), up to a blank one."""
    out = []
    started = False
    for r in rows:
        if started:
            if not r or not r[0]:
                break
            out.append(r)
        elif r and "程序使用" in r[0]:
            started = True
    return out


def criteria(path):
    sheets = read_sheets(path)
    params = {r[0]: r[2] for r in table(sheets["参数"]) if len(r) > 2}
    grades = {r[0]: r[2] for r in table(sheets["等级"]) if len(r) > 2}
    settings = {r[0]: (r[2] if len(r) > 2 else "") for r in table(sheets["设置"])}
    label_to_grade = {label: code for code, label in grades.items()}
    problems = {}
    for r in table(sheets["问题"]):
        veto = r[3] if len(r) > 3 else "无"
        problems[r[0]] = {"label": r[2], "grade": label_to_grade.get(veto)}
    return {"staleDays": int(float(params["staleDays"])), "grades": grades, "problems": problems,
            "summaryTotal": settings.get("summaryTotal", "")}


def day(text):
    return datetime.date(int(text[0:4]), int(text[5:7]), int(text[8:10]))


def grade(batch, crit):
    period = batch["period"]
    start = day(period["from"])
    check = day(period.get("checkDate") or period["to"])
    units = {u["id"]: u for u in batch.get("units", [])}
    results = []
    for a in batch.get("accounts", []):
        # 内容2周内无更新: days between the newest post (or the given last update) and the check date.
        if "posts" in a:
            dates = [p["date"] for p in a["posts"]]
            if dates:
                since = max(0, (check - day(max(dates))).days)
            else:
                since = (check - (start - datetime.timedelta(days=1))).days
        elif a.get("lastUpdate"):
            since = max(0, (check - day(a["lastUpdate"])).days)
        else:
            since = None
        found = []
        if since is not None and since > crit["staleDays"]:
            found.append("NO_UPDATE_2_WEEKS")
        for f in a.get("findings", []):
            if f["code"] in crit["problems"] and f["code"] not in found:
                found.append(f["code"])
        # 单项否决: a problem the table gives a grade decides it; otherwise 合格.
        verdict = "PASS"
        for code in found:
            if crit["problems"][code]["grade"]:
                verdict = crit["problems"][code]["grade"]
                break
        region = a.get("region") or units.get(a.get("unit"), {}).get("region")
        results.append({"id": a["id"], "region": region, "grade": verdict, "label": crit["grades"][verdict],
                        "problems": [{"code": c, "label": crit["problems"][c]["label"]} for c in found]})
    return results


def summaries(results, total):
    regions = {}
    for r in results:
        s = regions.setdefault(r["region"], {"region": r["region"], "checked": 0, "failed": 0})
        s["checked"] += 1
        if r["grade"] != "PASS":
            s["failed"] += 1
    out = list(regions.values())
    if total:
        out.append({"region": total, "checked": len(results), "failed": sum(s["failed"] for s in out)})
    for s in out:
        s["passRate"] = round(100.0 * (s["checked"] - s["failed"]) / s["checked"], 1)
    return out


def agree(ours_path, theirs_path):
    with open(ours_path, encoding="utf-8") as f:
        ours = {r["id"]: r for r in json.load(f)["results"]}
    with open(theirs_path, encoding="utf-8") as f:
        theirs = json.load(f)["results"]
    same = 0
    for r in theirs:
        mine = ours.get(r["subject"]["id"])
        if mine and mine["grade"] == r["grade"] and sorted(p["code"] for p in mine["problems"]) == sorted(
                p["code"] for p in r["problems"]):
            same += 1
    print("agree %d of %d" % (same, len(theirs)))


def main(argv):
    if len(argv) == 4 and argv[1] == "--agree":
        agree(argv[2], argv[3])
        return 0
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    crit = criteria(argv[2])
    with open(argv[1], encoding="utf-8") as f:
        batch = json.load(f)
    results = grade(batch, crit)
    json.dump({"results": results, "summaries": summaries(results, crit["summaryTotal"])}, sys.stdout,
              ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
