"""The registers of services, customers and SLAs, suppliers and supplier
reviews (docs/registers.md#services-customers-and-suppliers), on the
example SMS: the workbooks and pages against the YAML, the services of the
KPIs against the catalogue, and the two readiness items against the rules
of docs/readiness.md computed here (agreement_rules.py).

Needs Debian's python3-openpyxl besides the standard library.

usage: service_registers_test.py SMSDOC_BINARY REPO_ROOT
"""

import datetime
import glob
import json
import os
import re
import shutil
import tempfile
import unittest

import agreement_rules
import registers_test
import testlib

try:
    import openpyxl
except ImportError:  # reported by setUpClass
    openpyxl = None

AS_OF = "2026-11-21"
# Wells Cathedral School's SLA review (2026-12-03) and Northgate Connect's
# (2026-12-22) are past by then, no other.
LATER = "2026-12-31"
SHEETS = {"service-register.xlsx": [("Service catalogue", "service"), ("Customers", "customer"),
                                    ("Service level agreements", "sla")],
          "supplier-register.xlsx": [("Supplier register", "supplier"),
                                     ("Supplier reviews", "supplier-review")]}


def readiness(path):
    """{key: (state, [evidence IDs], reason)} from readiness.html."""
    with open(path, encoding="utf-8") as fh:
        page = fh.read()
    out = {}
    for key, row in re.findall(r'<tr id="([a-z0-9-]+)">(.*?)</tr>', page, re.S):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        state = re.sub(r"<[^>]+>", "", cells[2]).strip()
        evidence = re.findall(r"<a [^>]*>([^<]+)</a>", cells[3])
        reason = " ".join(re.sub(r"<[^>]+>", "", cells[4]).split())
        out[key] = (state, evidence, reason.replace("&#39;", "'"))
    return out


def cell_text(value):
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    return "" if value is None else str(value)


class ServiceRegistersTest(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        if openpyxl is None:
            raise AssertionError("python3-openpyxl is missing (apt-get install python3-openpyxl)")
        cls.tmp = tempfile.TemporaryDirectory(prefix="smsdoc-service-registers-")
        cls.root = os.path.join(cls.tmp.name, "sms")
        testlib.copy_example(cls.root)
        cls.sms = registers_test.Sms(cls.root)
        cls.out = {}
        for as_of in (AS_OF, LATER):
            out = os.path.join(cls.tmp.name, "site-" + as_of)
            result = registers_test.build(cls.root, out, as_of=as_of)
            if result.returncode != 0:
                raise AssertionError(result.stderr)
            cls.out[as_of] = out

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def records(self, kind):
        return self.sms.by_kind.get(kind, [])

    def test_workbooks_hold_every_record_of_the_yaml(self):
        for name, sheets in SHEETS.items():
            book = openpyxl.load_workbook(os.path.join(self.out[AS_OF], "registers", name))
            self.assertEqual(book.sheetnames, ["Cover"] + [title for title, _ in sheets], name)
            for title, kind in sheets:
                ws = book[title]
                header = [c.value for c in ws[1]]
                self.assertEqual(header, self.sms.labels(kind) + self.sms.evidence_column(kind),
                                 title)
                rows = list(ws.iter_rows(min_row=2, values_only=True))
                self.assertEqual([r[0] for r in rows], [r["id"] for r in self.records(kind)])
                # Every column of every row as the YAML says it (lists joined).
                for row, record in zip(rows, self.records(kind)):
                    for column, value in zip(self.sms.kinds[kind]["columns"], row):
                        want = record.get(column)
                        if isinstance(want, list):
                            self.assertEqual(re.split(r"[,;]\s*|\n", cell_text(value)) if want
                                             else [], [str(w) for w in want],
                                             (record["id"], column))
                        elif column not in ("owner", "account_manager"):  # role titles
                            self.assertEqual(" ".join(cell_text(value).split()),
                                             " ".join(str(want or "").split()),
                                             (record["id"], column))

    def test_the_example_catalogue_agrees_with_customers_slas_and_kpis(self):
        services = {s["id"]: s for s in self.records("service")}
        active = [c for c in self.records("customer") if c["status"] == "active"]
        self.assertEqual(len(active), 40)  # smsdoc.yaml: around 40 business customers
        signed = [s for s in self.records("sla") if s["status"] == "signed"]
        for sid, service in services.items():
            self.assertEqual(service["customers"],
                             [c["id"] for c in active if sid in c["services"]], sid)
            self.assertEqual(service["slas"], [s["id"] for s in signed if sid in s["services"]],
                             sid)
        for sla in signed:  # an SLA covers what its customer takes
            customer = self.sms.by_id[sla["customer"]]
            self.assertEqual(sla["services"], customer["services"], sla["id"])
        # The services the KPIs name are exactly the catalogue's titles.
        named = {name for doc in self.sms.documents for kpi in doc.get("kpis") or []
                 for name in kpi.get("services") or []}
        self.assertEqual(named, {s["title"] for s in services.values()})
        kpi_ids = {kpi["id"] for doc in self.sms.documents for kpi in doc.get("kpis") or []
                   if "id" in kpi}
        for sla in self.records("sla"):
            self.assertLessEqual(set(sla.get("targets") or []), kpi_ids, sla["id"])
        for review in self.records("supplier-review"):
            self.assertEqual(self.sms.by_id[review["supplier"]]["kind"], "supplier")

    def test_service_pages_trace_to_their_configuration_items(self):
        out = self.out[AS_OF]
        book = openpyxl.load_workbook(
            os.path.join(out, "registers", "configuration-item-register.xlsx"))
        ws = book.worksheets[1]
        header = [c.value for c in ws[1]]
        by_service = {}
        for row in ws.iter_rows(min_row=2, values_only=True):
            by_service.setdefault(row[header.index("Service")], []).append(row[0])
        with open(os.path.join(out, "records", "configuration-item.html"),
                  encoding="utf-8") as fh:
            anchors = set(re.findall(r'<tr [^>]*\bid="([^"]+)"', fh.read()))
        services = self.records("service")
        self.assertEqual(len(services), 4)
        for service in services:
            page = os.path.join(out, "records", "service", service["id"] + ".html")
            with open(page, encoding="utf-8") as fh:
                text = fh.read()
            table = re.search(r'data-fact="configuration-items">(.*?)</table>', text, re.S)
            expected = sorted(by_service.get(service["title"], []))
            self.assertTrue(expected, service["id"])
            rows = re.findall(r'<tr data-id="([^"]+)"><td><a href="([^"]+)">', table.group(1))
            self.assertEqual(sorted(i for i, _ in rows), expected, service["id"])
            for ci, href in rows:
                self.assertEqual(href, "../configuration-item.html#" + ci)
                self.assertIn(ci, anchors)

    def test_register_pages_list_the_records(self):
        for kind in ("service", "customer", "sla", "supplier", "supplier-review"):
            with open(os.path.join(self.out[AS_OF], "records", kind + ".html"),
                      encoding="utf-8") as fh:
                page = fh.read()
            ids = re.findall(r'<tr[^>]*>\s*<td[^>]*><a href="%s/([^"]+)\.html"' % kind, page)
            self.assertEqual(ids, [r["id"] for r in self.records(kind)], kind)
            self.assertIn("registers/%s" % ("service-register.xlsx" if kind in
                                             ("service", "customer", "sla")
                                             else "supplier-register.xlsx"), page)

    def test_readiness_follows_the_registers(self):
        for as_of, states in ((AS_OF, ("met", "met")), (LATER, ("at risk", "at risk"))):
            shown = readiness(os.path.join(self.out[as_of], "readiness.html"))
            expected = agreement_rules.agreements(self.sms.records, as_of)
            self.assertEqual((expected[agreement_rules.SLA_KEY][0],
                              expected[agreement_rules.SUPPLIER_KEY][0]), states, as_of)
            for key, (state, reason, evidence) in expected.items():
                self.assertEqual(shown[key], (state, evidence, reason), (as_of, key))
        later = agreement_rules.agreements(self.sms.records, LATER)
        self.assertEqual(later[agreement_rules.SLA_KEY][1],
                         "CUS-038: SLA-038 review was due on 2026-12-03")
        self.assertEqual(later[agreement_rules.SUPPLIER_KEY][1],
                         "SUP-004: review was due on 2026-12-22")

    def test_status_json_agrees(self):
        result = testlib.run(["status", "--root", self.root, "--as-of", LATER,
                              "--format", "json"])
        self.assertEqual(result.returncode, 0, result.stderr)
        status = json.loads(result.stdout)
        self.assertNotIn(agreement_rules.SLA_KEY, status["readiness_missing"])
        # Without its suppliers, the supplier item is missing everywhere.
        root = os.path.join(self.tmp.name, "no-suppliers")
        shutil.copytree(self.root, root)
        for name in ("suppliers.yaml", "supplier-reviews.yaml"):
            os.remove(os.path.join(root, "records", name))
        edit_out = os.path.join(self.tmp.name, "site-no-suppliers")
        services = os.path.join(root, "records", "services.yaml")
        with open(services, encoding="utf-8") as fh:
            text = fh.read()
        with open(services, "w", encoding="utf-8") as fh:
            fh.write(re.sub(r"(?m)^  suppliers: .*\n", "", text))
        # Documents that link a supplier name it as plain text instead.
        for md in glob.glob(os.path.join(root, "processes", "*.md")):
            with open(md, encoding="utf-8") as fh:
                text = fh.read()
            with open(md, "w", encoding="utf-8") as fh:
                fh.write(re.sub(r"\[\[(SUP-[0-9]+)\]\]", r"\1", text))
        result = registers_test.build(root, edit_out)
        self.assertEqual(result.returncode, 0, result.stderr)
        shown = readiness(os.path.join(edit_out, "readiness.html"))
        self.assertEqual(shown[agreement_rules.SUPPLIER_KEY],
                         ("missing", [], "no active external or lead supplier records "
                                         "(kind supplier)"))
        result = testlib.run(["status", "--root", root, "--as-of", AS_OF, "--format", "json"])
        self.assertIn(agreement_rules.SUPPLIER_KEY, json.loads(result.stdout)["readiness_missing"])

    def test_a_kpi_naming_no_catalogued_service_is_an_error(self):
        root = os.path.join(self.tmp.name, "typo")
        shutil.copytree(self.root, root)
        path = os.path.join(root, "processes", "capacity-management.md")
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        self.assertIn("services: [Harbour Cloud Hosting, Backup and Recovery]", text)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text.replace("services: [Harbour Cloud Hosting, Backup and Recovery]",
                                  "services: [Harbour Cloud Hosting, Backup & Recovery]", 1))
        result = testlib.run(["check", "--root", root, "--as-of", AS_OF])
        self.assertEqual(result.returncode, 1)
        errors = [l for l in result.stderr.splitlines() if "[kpi-service]" in l]
        self.assertEqual(len(errors), 1, result.stderr)
        self.assertRegex(errors[0], r"^processes/capacity-management\.md:\d+:\d+: error: KPI "
                         r"'KPI-CAP-\d+' names the service 'Backup & Recovery', which is no "
                         r"service record's title \(did you mean 'Backup and Recovery'\?\)")


if __name__ == "__main__":
    testlib.main()
