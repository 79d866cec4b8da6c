#!/usr/bin/python3
"""An interrupted build loses nothing: SIGINT or SIGTERM while smsdoc writes
the new site leaves the previous site byte-for-byte as it was, no
.smsdoc-new-*/-old-* folder behind, exit 130 or 143 and a clear message.

SMSDOC_TEST_WRITE_DELAY_MS (test-only) slows every written file down, so
the signal lands mid-write on any machine.

usage: interrupt_test.py SMSDOC_BINARY REPO_ROOT
"""

import os
import signal
import subprocess
import tempfile
import time
import unittest

import testlib


class InterruptTest(unittest.TestCase):

    def interrupt(self, sig):
        with tempfile.TemporaryDirectory(prefix="smsdoc-interrupt-") as tmp:
            root = os.path.join(tmp, "sms")
            testlib.copy_example(root)
            first = testlib.run(["build", "--root", root, "--as-of", "2026-11-21"])
            self.assertEqual(first.returncode, 0, first.stderr)
            site = os.path.join(root, "site")
            before = testlib.snapshot(site)

            proc = subprocess.Popen(
                # --no-cache: the same SMS again, but written in full.
                [testlib.SMSDOC, "build", "--no-cache", "--root", root, "--as-of", "2026-11-21",
                 "-j", "2"],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                env=dict(os.environ, SMSDOC_TEST_WRITE_DELAY_MS="20"),
                # A runner may start us with SIGINT ignored; a terminal would not.
                preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
            fresh = self.wait_for_writing(root, proc)
            proc.send_signal(sig)
            out, err = proc.communicate(timeout=60)

            self.assertEqual(proc.returncode, 128 + sig, err)
            self.assertEqual(out, "")
            # The example's late items are reported as warnings too.
            err = "".join(l for l in err.splitlines(True) if not testlib.DIAG_RE.match(l))
            self.assertEqual(err, "smsdoc: error: interrupted by %s; the previous site is "
                             "unchanged\n" % signal.Signals(sig).name)
            self.assertFalse(os.path.exists(fresh))
            self.assertEqual(testlib.temp_leftovers(root), [])
            self.assertEqual(testlib.snapshot(site), before, "the previous site changed")

    def wait_for_writing(self, root, proc):
        """The temporary folder, once it holds some files."""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            self.assertIsNone(proc.poll(), "the build ended before it was interrupted")
            for name in testlib.temp_leftovers(root):
                fresh = os.path.join(root, name)
                if sum(len(files) for _, _, files in os.walk(fresh)) >= 5:
                    return fresh
            time.sleep(0.01)
        proc.kill()
        self.fail("the build never started writing")

    def test_sigint(self):
        self.interrupt(signal.SIGINT)

    def test_sigterm(self):
        self.interrupt(signal.SIGTERM)

    def test_sighup_and_sigpipe(self):
        # A closed terminal, a reader of our output gone: the same clean end.
        self.interrupt(signal.SIGHUP)
        self.interrupt(signal.SIGPIPE)


if __name__ == "__main__":
    testlib.main()
