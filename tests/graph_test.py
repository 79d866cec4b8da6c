"""smsdoc graph: the linked model of the example SMS as JSON and as dot."""
import json
import os
import re
import tempfile
import unittest

import testlib


class GraphTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        result = testlib.run(["graph", "--root", testlib.REPO])
        assert result.returncode == 0, result.stderr
        cls.text = result.stdout
        cls.graph = json.loads(result.stdout)
        # The URLs in the graph are pages of the built site.
        cls._tmp = tempfile.TemporaryDirectory(prefix="smsdoc-graph-")
        cls.site = os.path.join(cls._tmp.name, "site")
        built = testlib.run(["build", "--root", testlib.REPO, "--out", cls.site,
                             "--as-of", "2026-11-21"])
        assert built.returncode == 0, built.stderr

    def test_every_edge_joins_two_nodes(self):
        ids = [n["id"] for n in self.graph["nodes"]]
        self.assertEqual(len(ids), len(set(ids)), "node IDs repeat")
        self.assertEqual(ids, sorted(ids), "nodes are not sorted")
        known = set(ids)
        for e in self.graph["edges"]:
            self.assertIn(e["from"], known, e)
            self.assertIn(e["to"], known, e)

    def test_nodes_cover_documents_records_and_clauses(self):
        types = {n["type"] for n in self.graph["nodes"]}
        for t in ("document", "process", "risk", "audit", "finding", "action", "clause"):
            self.assertIn(t, types)
        clauses = [n for n in self.graph["nodes"] if n["type"] == "clause"]
        self.assertEqual(len(clauses), 77)
        for n in self.graph["nodes"]:
            self.assertTrue(os.path.isfile(os.path.join(self.site, n["url"])), n["url"])

    def test_typed_relations(self):
        edges = {(e["from"], e["to"], e["relation"]) for e in self.graph["edges"]}
        findings = [n["id"] for n in self.graph["nodes"] if n["type"] == "finding"]
        self.assertTrue(findings)
        for f in findings:
            self.assertTrue(any(a == f and r == "raised-in" for a, _, r in edges), f)
        self.assertIn(("PRC-INC", "clause:8.6.1", "implements"), edges)
        self.assertTrue(any(r == "treated-by" for _, _, r in edges))
        self.assertTrue(any(r == "addresses" for _, _, r in edges))
        self.assertTrue(any(r == "mentions" for _, _, r in edges))

    def test_dot_has_the_same_graph(self):
        result = testlib.run(["graph", "--root", testlib.REPO, "--format", "dot"])
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(result.stdout.startswith("digraph sms {"))
        self.assertTrue(result.stdout.rstrip().endswith("}"))
        declared = set(re.findall(r'^  "([^"]+)" \[label=', result.stdout, re.M))
        arrows = re.findall(r'^  "([^"]+)" -> "([^"]+)" \[label="([^"]+)"\];$', result.stdout, re.M)
        self.assertEqual(declared, {n["id"] for n in self.graph["nodes"]})
        self.assertEqual(len(arrows), len(self.graph["edges"]))
        for a, b, _ in arrows:
            self.assertIn(a, declared)
            self.assertIn(b, declared)

    def test_same_output_twice(self):
        again = testlib.run(["graph", "--root", testlib.REPO])
        self.assertEqual(again.stdout, self.text)

    def test_process_map_svg(self):
        """processes/map.html: an SVG that parses as XML, a box linking every
        process page, an arrow per interface, and the same edges as text."""
        import xml.etree.ElementTree as ET
        processes = {n["id"]: n for n in self.graph["nodes"] if n["type"] == "process"}
        interfaces = {(e["from"], e["to"]) for e in self.graph["edges"]
                      if e["relation"] == "interfaces" and e["to"] in processes}
        for page, prefix in (("processes/map.html", ""), ("index.html", "processes/")):
            with open(os.path.join(self.site, page), encoding="utf-8") as fh:
                html = fh.read()
            svg_text = html[html.index("<svg"):html.index("</svg>") + len("</svg>")]
            svg = ET.fromstring(svg_text)
            ns = {"s": "http://www.w3.org/2000/svg"}
            links = [a.get("href") for a in svg.iterfind(".//s:a", ns)]
            self.assertEqual(len(links), len(processes), page)
            for href in links:
                target = os.path.normpath(os.path.join(self.site, os.path.dirname(page), href))
                self.assertTrue(os.path.isfile(target), href)
            self.assertEqual(len(svg.findall(".//s:line", ns)), len(interfaces), page)
        with open(os.path.join(self.site, "processes", "map.html"), encoding="utf-8") as fh:
            html = fh.read()
        text_part = html[html.index("Interfaces as text"):]
        self.assertEqual(text_part.count("<li>"), len(interfaces))

    @classmethod
    def tearDownClass(cls):
        cls._tmp.cleanup()


if __name__ == "__main__":
    testlib.main()
