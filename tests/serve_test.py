#!/usr/bin/python3
"""`smsdoc serve` end to end (docs/serve.md): on a copy of the example, serve
on a free port, fetch pages (the reload script in what is served, never in
the files), refuse paths that leave the site, see an edit rebuilt and served,
a broken edit shown as a banner over the previous pages and on the
terminal, its fix clear the banner; Ctrl-C ends it with exit 0, leaving no
swap folders and nothing written outside the output folder, while serving
and while a build is writing.

usage: serve_test.py SMSDOC_BINARY REPO_ROOT
"""

import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import unittest

import testlib

AS_OF = ["--as-of", "2026-11-21"]
URL_RE = re.compile(r"^serving http://127\.0\.0\.1:(\d+)/ \(Ctrl-C to stop\)$")
POLICY = "policies/service-management-policy.md"
PAGE = "/policies/service-management-policy.html"
SCRIPT = "/__smsdoc/build"
BANNER = "smsdoc-serve-banner"


class Server:
    """smsdoc serve in the background, its stderr collected line by line."""

    def __init__(self, root, env=None):
        self.proc = subprocess.Popen(
            [testlib.SMSDOC, "serve", "--port", "0", "--root", root, *AS_OF, "-j", "2"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            env=dict(os.environ, **(env or {})),
            # A runner may start us with SIGINT ignored; a terminal would not.
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        self.lines = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.port = None

    def _read(self):
        for line in self.proc.stderr:
            self.lines.append(line.rstrip("\n"))

    def stderr(self):
        return "\n".join(self.lines)

    def wait_for_url(self, test):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            for line in self.lines:
                m = URL_RE.match(line)
                if m:
                    self.port = int(m.group(1))
                    return
            test.assertIsNone(self.proc.poll(), self.stderr())
            time.sleep(0.05)
        test.fail("no URL printed: " + self.stderr())

    def request(self, path, method="GET"):
        """(status, headers, body as text) for a raw request target."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.putrequest(method, path, skip_host=False, skip_accept_encoding=True)
            conn.endheaders()
            response = conn.getresponse()
            body = response.read().decode("utf-8", "replace")
            return response.status, dict(response.getheaders()), body
        finally:
            conn.close()

    def stop(self, test, sig=signal.SIGINT):
        self.proc.send_signal(sig)
        start = time.monotonic()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            test.fail("serve did not stop on %s" % signal.Signals(sig).name)
        self.reader.join(timeout=5)
        self.proc.stderr.close()
        return time.monotonic() - start


def edit(path, old, new):
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    assert old in text, (path, old)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text.replace(old, new, 1))


def outside(tmp, site):
    """A snapshot of tmp without the output folder."""
    tree = testlib.snapshot(tmp)
    rel = os.path.relpath(site, tmp)
    return {k: v for k, v in tree.items() if k != rel and not k.startswith(rel + os.sep)}


class ServeTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="smsdoc-serve-")
        self.root = os.path.join(self.tmp, "sms")
        testlib.copy_example(self.root)
        self.site = os.path.join(self.root, "site")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def wait_until(self, server, path, predicate, what):
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            status, _, body = server.request(path)
            if predicate(status, body):
                return body
            time.sleep(0.1)
        self.fail("%s: not within 20 s; stderr:\n%s" % (what, server.stderr()))

    def test_serve_edit_break_fix_stop(self):
        before = outside(self.tmp, self.site)
        server = Server(self.root)
        server.wait_for_url(self)
        # A connection that never sends (a browser's preconnect) holds up
        # nobody, not even the stop at the end.
        idle = socket.create_connection(("127.0.0.1", server.port))
        self.addCleanup(idle.close)
        start = time.monotonic()
        self.assertEqual(server.request("/")[0], 200)
        self.assertLess(time.monotonic() - start, 2)

        # Pages are served with the reload script, which the files lack.
        for path, file in (("/", "index.html"), (PAGE, PAGE[1:])):
            status, headers, body = server.request(path)
            self.assertEqual(status, 200, path)
            self.assertEqual(headers["Content-Type"], "text/html; charset=utf-8")
            self.assertEqual(headers["Cache-Control"], "no-store")
            self.assertIn(SCRIPT, body)
            self.assertNotIn(BANNER, body)
            with open(os.path.join(self.site, file), encoding="utf-8") as fh:
                self.assertNotIn("__smsdoc", fh.read())
        self.assertIn("Service Management Policy", body)
        status, headers, head_body = server.request(PAGE, "HEAD")
        self.assertEqual((status, head_body), (200, ""))
        self.assertEqual(int(headers["Content-Length"]), len(body.encode("utf-8")))
        status, headers, _ = server.request("/assets/search-index.js")
        self.assertEqual((status, headers["Content-Type"]), (200, "text/javascript; charset=utf-8"))

        # Nothing outside the site, however spelled; folders and misses.
        for path in ("/../smsdoc.yaml", "/%2e%2e/smsdoc.yaml", "/policies/..%2f..%2fsmsdoc.yaml",
                     "/policies/%2E%2E/%2E%2E/smsdoc.yaml", "/x%00.html", "/%zz"):
            status, _, body = server.request(path)
            self.assertIn(status, (400, 404), path)
            self.assertNotIn("organization:", body, path)
        status, _, body = server.request("/nothing-here.html")
        self.assertEqual(status, 404)
        self.assertIn(SCRIPT, body)  # a rebuild reloads the miss too
        status, _, _ = server.request("/.smsdoc-cache")
        self.assertEqual(status, 404)
        status, headers, _ = server.request("/policies")
        self.assertEqual((status, headers.get("Location")), (301, "/policies/"))
        status, headers, _ = server.request("/", "POST")
        self.assertEqual((status, headers.get("Allow")), (405, "GET, HEAD"))
        self.assertEqual(server.request("/__smsdoc/other")[0], 404)

        # An edit is built and served; the build number moves.
        first = server.request(SCRIPT)[2]
        edit(os.path.join(self.root, POLICY), "title: Service Management Policy",
             "title: Service Management Policy Revised")
        # The number moves once the new site is in place: the page must show
        # the edit by then (a browser reloads on that signal).
        self.wait_until(server, SCRIPT, lambda s, b: b != first, "a new build number")
        self.assertIn("Service Management Policy Revised", server.request(PAGE)[2])

        # A broken edit: the banner over the previous pages, the error on
        # the terminal as `build` prints it.
        edit(os.path.join(self.root, POLICY), "\n---\n", "\n---\nSee [[POL-NOPE-99]].\n\n")
        second = server.request(SCRIPT)[2]
        body = self.wait_until(server, PAGE, lambda s, b: BANNER in b, "the banner")
        self.assertNotEqual(server.request(SCRIPT)[2], second)
        self.assertIn("Service Management Policy Revised", body)
        self.assertRegex(body, re.escape(POLICY) + r":\d+:\d+: error: unknown reference "
                         r"&#39;POL-NOPE-99&#39;.*\[ref-unknown\]")
        self.assertIn(BANNER, server.request("/")[2])
        diagnostics = [l for l in server.lines if testlib.DIAG_RE.match(l) and "POL-NOPE-99" in l]
        self.assertEqual(len(diagnostics), 1, server.stderr())
        self.assertTrue(diagnostics[0].startswith(POLICY + ":"), diagnostics[0])
        self.assertIn("error: unknown reference 'POL-NOPE-99'", diagnostics[0])
        self.assertTrue(any(l.startswith("smsdoc serve: build failed (1 error")
                            for l in server.lines), server.stderr())
        with open(os.path.join(self.site, PAGE[1:]), encoding="utf-8") as fh:
            self.assertNotIn(BANNER, fh.read())

        # Fixed: the banner goes.
        edit(os.path.join(self.root, POLICY), "See [[POL-NOPE-99]].\n\n", "")
        self.wait_until(server, PAGE, lambda s, b: s == 200 and BANNER not in b,
                        "the banner gone")

        # Ctrl-C: exit 0 promptly, nothing alarming, nothing left behind.
        seconds = server.stop(self)
        self.assertLess(seconds, 3)
        self.assertEqual(server.proc.returncode, 0, server.stderr())
        self.assertEqual(server.lines[-1], "smsdoc serve: stopped")
        self.assertFalse([l for l in server.lines if l.startswith("smsdoc: error")],
                         server.stderr())
        self.assertEqual(testlib.temp_leftovers(self.root), [])
        after = outside(self.tmp, self.site)
        self.assertEqual(sorted(after), sorted(before))
        self.assertEqual({k: v for k, v in after.items() if k != os.path.join("sms", POLICY)},
                         {k: v for k, v in before.items() if k != os.path.join("sms", POLICY)})

        # What serve left on disk is what `build` writes: the same files.
        clean = os.path.join(self.tmp, "clean")
        built = testlib.run(["build", "--no-cache", "--root", self.root, "--out", clean, *AS_OF])
        self.assertEqual(built.returncode, 0, built.stderr)
        self.assertEqual(testlib.snapshot(self.site, evidence_only=True),
                         testlib.snapshot(clean, evidence_only=True))

    def test_stop_while_writing(self):
        # Every file written slowly, so SIGTERM lands while the first build
        # writes: the swap folder removed, exit 0, no error printed.
        server = Server(self.root, env={"SMSDOC_TEST_WRITE_DELAY_MS": "20"})
        deadline = time.monotonic() + 30
        while not testlib.temp_leftovers(self.root):
            self.assertIsNone(server.proc.poll(), server.stderr())
            self.assertLess(time.monotonic(), deadline, "the build never started writing")
            time.sleep(0.01)
        server.stop(self, signal.SIGTERM)
        self.assertEqual(server.proc.returncode, 0, server.stderr())
        self.assertEqual(testlib.temp_leftovers(self.root), [])
        self.assertFalse(os.path.exists(self.site))
        self.assertFalse([l for l in server.lines if "error" in l and
                          not testlib.DIAG_RE.match(l)], server.stderr())


if __name__ == "__main__":
    testlib.main()
