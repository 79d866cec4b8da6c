"""smsdoc graph: the linked model of the example SMS as JSON and as dot."""
import json
import os
import re
import tempfile
import unittest

import testlib



def segments(d):
    """The straight segments of an SVG path of M, L, H and V commands."""
    tokens = d.split()
    points, x, y, i = [], 0.0, 0.0, 0
    while i < len(tokens):
        cmd = tokens[i]
        if cmd in ("M", "L"):
            x, y = float(tokens[i + 1]), float(tokens[i + 2])
            i += 3
        elif cmd == "H":
            x = float(tokens[i + 1])
            i += 2
        elif cmd == "V":
            y = float(tokens[i + 1])
            i += 2
        else:
            raise AssertionError("unexpected path command %r in %r" % (cmd, d))
        points.append((x, y))
    return list(zip(points, points[1:]))


def crosses(seg, box):
    """True when the segment passes through the inside of the box (touching
    its edge, as an arrow leaving or reaching it does, is not crossing)."""
    (x1, y1), (x2, y2) = seg
    bx, by, bw, bh = box
    steps = 50
    for k in range(1, steps):
        t = k / steps
        x, y = x1 + (x2 - x1) * t, y1 + (y2 - y1) * t
        if bx < x < bx + bw and by < y < by + bh:
            return True
    return False

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
            # An exported record's URL is its register row: PAGE#ID.
            page = n["url"].split("#")[0]
            self.assertTrue(os.path.isfile(os.path.join(self.site, page)), n["url"])

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
            edges = svg.findall(".//s:path[@class='edge']", ns)
            self.assertEqual(len(edges), len(interfaces), page)
            # Arrows run between the boxes: no segment enters a box.
            boxes = [tuple(float(r.get(k)) for k in ("x", "y", "width", "height"))
                     for r in svg.iterfind(".//s:rect", ns)]
            self.assertEqual(len(boxes), len(processes), page)
            for edge in edges:
                for seg in segments(edge.get("d")):
                    for box in boxes:
                        self.assertFalse(crosses(seg, box), "%s: %s crosses %s in %s"
                                         % (page, seg, box, edge.get("d")))
            # Drawn at its natural size (text keeps its 12 px), not squeezed.
            self.assertEqual(svg.get("viewBox"), "0 0 %s %s" % (svg.get("width"),
                                                                svg.get("height")), page)
        with open(os.path.join(self.site, "processes", "map.html"), encoding="utf-8") as fh:
            html = fh.read()
        text_part = html[html.index("Interfaces as text"):]
        self.assertEqual(text_part.count("<li>"), len(interfaces))

    def test_process_neighbourhood_maps(self):
        """Each process page with interfaces maps the process and exactly the
        processes it names or is named by, with one arrow per interface."""
        import xml.etree.ElementTree as ET
        ns = {"s": "http://www.w3.org/2000/svg"}
        processes = {n["id"]: n for n in self.graph["nodes"] if n["type"] == "process"}
        interfaces = {(e["from"], e["to"]) for e in self.graph["edges"]
                      if e["relation"] == "interfaces" and e["to"] in processes
                      and e["from"] != e["to"]}
        mapped = 0
        for pid, node in processes.items():
            with open(os.path.join(self.site, node["url"]), encoding="utf-8") as fh:
                html = fh.read()
            near = {b for a, b in interfaces if a == pid} | {a for a, b in interfaces if b == pid}
            start = html.find('<svg xmlns="http://www.w3.org/2000/svg" class="process-map')
            if not near:
                self.assertEqual(start, -1, pid)
                continue
            mapped += 1
            svg = ET.fromstring(html[start:html.index("</svg>", start) + 6])
            shown = {os.path.basename(a.get("href"))[:-5] for a in svg.iterfind(".//s:a", ns)}
            expected = {os.path.basename(processes[p]["url"])[:-5] for p in near | {pid}}
            self.assertEqual(shown, expected, pid)
            arrows = len(svg.findall(".//s:path[@class='edge']", ns))
            both = {p for p in near if (pid, p) in interfaces and (p, pid) in interfaces}
            self.assertEqual(arrows, len(near), pid)
            self.assertEqual(html.count('marker-start='), len(both), pid)
        self.assertGreater(mapped, 5)

    @classmethod
    def tearDownClass(cls):
        cls._tmp.cleanup()


if __name__ == "__main__":
    testlib.main()
