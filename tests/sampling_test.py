#!/usr/bin/python3
"""e2e.sampling: Stage 2 populations and samples (docs/sampling.md).

The draw is repeated here from the documentation alone (records sorted by
ID, splitmix64 seeded with the seed XOR FNV-1a of the population's key, a
partial Fisher-Yates shuffle, the sample-size table) over the example's
records/*.yaml and smsdoc.yaml's `sampling:`; stage-2.html and
registers/stage-2-sampling.xlsx (openpyxl) must show exactly those
populations, sizes and samples, with each sampled record's rule breaches.
Another seed (--sample-seed, also over a previous build) draws others.
"""
import glob
import os
import re
import tempfile
import unittest

import testlib
from site_links_test import Page, norm_space

try:
    import openpyxl
    import yaml
except ImportError:  # reported by the tests that need them
    openpyxl = yaml = None

AS_OF = "2026-11-21"
MASK = (1 << 64) - 1


def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def fnv1a(text):
    h = 14695981039346656037
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * 1099511628211) & MASK
    return h


def sample_size(n):
    for limit, k in ((5, None), (25, 5), (100, 8), (250, 10), (1000, 15)):
        if n <= limit:
            return n if k is None else k
    return 20


def draw(ids, key, seed):
    members = sorted(ids, key=lambda i: i.encode("utf-8"))
    state, n = seed ^ fnv1a(key), len(members)
    for i in range(sample_size(n)):
        state, r = splitmix64(state)
        j = i + r % (n - i)
        members[i], members[j] = members[j], members[i]
    return sorted(members[:sample_size(n)], key=lambda i: i.encode("utf-8"))


def exported(out, kind, fields):
    """[{field: value}] of the records of `kind` exported by the ITSM tool,
    as their register workbook lists them (headers: the fields' labels)."""
    book = openpyxl.load_workbook(os.path.join(out, "registers", kind + "-register.xlsx"))
    ws = book.worksheets[1]
    header = [c.value for c in ws[1]]
    return [{f: row[header.index(label)].value for f, label in fields.items()}
            for row in ws.iter_rows(min_row=2)]


def populations(root, out, seed):
    """{key: (size, sample ids)} of the example's populations, in the
    documented order: from records/*.yaml, and the exported incidents,
    changes and problems as their registers hold them."""
    records = []
    for path in sorted(glob.glob(os.path.join(root, "records", "*.yaml"))):
        with open(path, encoding="utf-8") as fh:
            records += yaml.safe_load(fh) or []
    with open(os.path.join(root, "smsdoc.yaml"), encoding="utf-8") as fh:
        people = (yaml.safe_load(fh).get("sampling") or {}).get("people") or []
    changes = exported(out, "change", {"id": "ID", "type": "Type", "outcome": "Outcome"})
    incidents = exported(out, "incident", {"id": "ID", "priority": "Priority",
                                           "major": "Major incident"})
    problems = exported(out, "problem", {"id": "ID"})
    found = [("changes", [c["id"] for c in changes]),
             ("emergency-changes", [c["id"] for c in changes if c["type"] == "emergency"]),
             ("failed-changes", [c["id"] for c in changes if c["outcome"] == "failed"])]
    for priority in sorted({i["priority"] for i in incidents}):
        found.append(("incidents-" + priority,
                      [i["id"] for i in incidents if i["priority"] == priority]))
    found += [("major-incidents", [i["id"] for i in incidents if i["major"] is True]),
              ("problems", [p["id"] for p in problems]),
              ("trainings", [r["id"] for r in records if r.get("kind") == "training"
                             and (not people or r.get("person") in people)]),
              ("actions", [r["id"] for r in records if r.get("kind") == "action"]),
              ("supplier-reviews", [r["id"] for r in records
                                    if r.get("kind") == "supplier-review"])]
    return {key: (len(ids), draw(ids, key, seed)) for key, ids in found if ids}


class SamplingTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if yaml is None or openpyxl is None:
            raise unittest.SkipTest("python3-yaml and python3-openpyxl are needed")
        cls.tmp = tempfile.TemporaryDirectory()
        cls.out = os.path.join(cls.tmp.name, "site")
        result = testlib.run(["build", "--root", testlib.REPO, "--as-of", AS_OF, "--out", cls.out])
        if result.returncode != 0:
            raise AssertionError(result.stderr)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def shown(self, out):
        """({key: (size, sample ids)} of stage-2.html, its seed, {id: breaches})."""
        with open(os.path.join(out, "stage-2.html"), encoding="utf-8") as fh:
            page = Page(fh.read())
        self.assertEqual(page.structure_errors, [])
        seed = [p.attrs["data-seed"] for p in page.root.iter("p") if "data-seed" in p.attrs][0]
        got, breaches = {}, {}
        for section in page.root.iter("section"):
            if "data-population" not in section.attrs:
                continue
            ids = [tr.attrs["data-id"] for tr in section.iter("tr") if "data-id" in tr.attrs]
            got[section.attrs["data-population"]] = (int(section.attrs["data-size"]), ids)
            for tr in section.iter("tr"):
                if "data-id" in tr.attrs:
                    breaches[tr.attrs["data-id"]] = norm_space(list(tr.iter("td"))[4].text())
        return got, int(seed), breaches

    def workbook(self, out):
        """{sheet of a population: IDs} and the Populations rows."""
        book = openpyxl.load_workbook(os.path.join(out, "registers", "stage-2-sampling.xlsx"))
        rows = [[c.value for c in r] for r in book["Populations"].iter_rows(min_row=2)]
        sheets = {}
        for name in book.sheetnames[2:]:
            ws = book[name]
            header = [c.value for c in ws[1]]
            sheets[name] = [(r[0].value, r[0].hyperlink.target if r[0].hyperlink else None,
                             r[header.index("Rule breaches")].value)
                            for r in ws.iter_rows(min_row=2)]
        return rows, sheets

    def test_page_and_workbook_show_the_draw_of_the_documentation(self):
        expected = populations(testlib.REPO, self.out, 1)
        self.assertTrue({"changes", "emergency-changes", "failed-changes", "incidents-P1",
                         "major-incidents", "problems", "trainings", "actions"} <= set(expected))
        self.assertLess(len(expected["incidents-P3"][1]), expected["incidents-P3"][0])  # a draw
        got, seed, breaches = self.shown(self.out)
        self.assertEqual(seed, 1)
        self.assertEqual(list(got.items()), list(expected.items()))
        rows, sheets = self.workbook(self.out)
        self.assertEqual([(r[2], r[3], r[4]) for r in rows],
                         [(size, len(ids), "1") for size, ids in expected.values()])
        for row, (key, (size, ids)) in zip(rows, expected.items()):
            sheet = sheets[row[5]]
            self.assertEqual([r[0] for r in sheet], ids, key)
            for rid, link, _ in sheet:
                self.assertTrue(os.path.isfile(os.path.normpath(
                    os.path.join(self.out, "registers", link))), link)
        # The rules' verdict travels with each sampled record.
        for rid, text in breaches.items():
            if rid in ("ACT-2026-02", "ACT-2026-04"):
                self.assertRegex(text, r"^minor-actions-90-days: Due \S+ is \d+ days after")
            elif rid.startswith("ACT-"):
                self.assertEqual(text, "", rid)
        actions = [s for s in sheets.values() if s and s[0][0].startswith("ACT-")][0]
        for rid, _, text in actions:
            self.assertEqual(text or "", breaches[rid], rid)

    def test_another_seed_draws_another_sample_over_a_previous_build(self):
        out = os.path.join(self.tmp.name, "seeded")
        for seed in ("1", "7"):
            result = testlib.run(["build", "--root", testlib.REPO, "--as-of", AS_OF, "--out", out,
                                  "--sample-seed", seed])
            self.assertEqual(result.returncode, 0, result.stderr)
        got, seed, _ = self.shown(out)
        self.assertEqual(seed, 7)
        self.assertEqual(got, populations(testlib.REPO, out, 7))
        self.assertNotEqual(got, populations(testlib.REPO, out, 1))
        bad = testlib.run(["build", "--root", testlib.REPO, "--out", out, "--sample-seed", "x"])
        self.assertEqual(bad.returncode, 2)


if __name__ == "__main__":
    testlib.main()
