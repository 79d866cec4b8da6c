"""Installing and packaging (cmake/install.cmake, cmake/package.cmake):
`cmake --install` of the build the binary under test belongs to puts exactly
the expected files in a fresh prefix and the installed binary runs; cpack
makes a .deb whose control fields (Depends computed by dpkg-shlibdeps) and
file list are right, and whose binary, extracted with dpkg -x, builds the
example SMS. Skipped (exit 77) without cmake's cpack or dpkg-dev."""
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import testlib

if not all(shutil.which(t) for t in ("cpack", "dpkg-deb", "dpkg-shlibdeps")):
    print("package_test: skipped: needs cpack and dpkg-dev (apt-get install cmake dpkg-dev)")
    sys.exit(77)


def expected_files():
    """Paths below the prefix, as cmake/install.cmake lays them out."""
    docs = sorted(os.path.basename(p) for p in glob.glob(os.path.join(testlib.REPO, "docs/*.md")))
    return sorted(["bin/smsdoc", "share/man/man1/smsdoc.1",
                   "share/bash-completion/completions/smsdoc",
                   "share/zsh/vendor-completions/_smsdoc",
                   "share/fish/vendor_completions.d/smsdoc.fish",
                   "share/doc/smsdoc/README.md"] +
                  ["share/doc/smsdoc/docs/" + d for d in docs])


def files_under(root):
    return sorted(os.path.relpath(os.path.join(d, f), root)
                  for d, _, files in os.walk(root) for f in files)


def run(args, **kw):
    r = subprocess.run(args, capture_output=True, text=True, timeout=120, **kw)
    assert r.returncode == 0, "%s: %s%s" % (args, r.stdout, r.stderr)
    return r.stdout


class Package(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.build = os.path.dirname(testlib.SMSDOC)
        cls.tmp = tempfile.mkdtemp()
        cls.version = testlib.run(["--version"]).stdout.split()[1]

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def test_cmake_install(self):
        prefix = os.path.join(self.tmp, "prefix")
        run(["cmake", "--install", self.build, "--prefix", prefix])
        self.assertEqual(files_under(prefix), expected_files())
        out = run([os.path.join(prefix, "bin/smsdoc"), "--version"])
        self.assertEqual(out, "smsdoc %s\n" % self.version)
        # The installed man page and completions are the generated ones.
        with open(os.path.join(prefix, "share/man/man1/smsdoc.1"), encoding="utf-8") as f:
            self.assertEqual(f.read(), testlib.run(["--generate-cli-docs", "man"]).stdout)

    def test_deb(self):
        out = os.path.join(self.tmp, "deb")
        run(["cpack", "-G", "DEB", "--config", os.path.join(self.build, "CPackConfig.cmake"),
             "-B", out])
        arch = run(["dpkg", "--print-architecture"]).strip()
        deb = os.path.join(out, "smsdoc_%s_%s.deb" % (self.version, arch))
        self.assertTrue(os.path.isfile(deb), os.listdir(out))

        def field(name):
            return run(["dpkg-deb", "-f", deb, name]).strip()

        self.assertEqual(field("Package"), "smsdoc")
        self.assertEqual(field("Version"), self.version)
        self.assertEqual(field("Architecture"), arch)
        self.assertEqual(field("Section"), "utils")
        self.assertRegex(field("Maintainer"), r"^.+ <.+@.+>$")
        description = field("Description").splitlines()
        self.assertEqual(description[0],
                         "compile an ISO/IEC 20000-1 service management system into a static site")
        self.assertTrue(description[1].strip().startswith("smsdoc builds"), description)
        depends = [d.strip().split()[0] for d in field("Depends").split(",")]
        for library in ("libgit2-", "libxlsxwriter", "libyaml-cpp", "libcmark-gfm0",
                        "libcmark-gfm-extensions", "libminizip", "libssl", "libc6", "libstdc++6"):
            self.assertTrue(any(d.startswith(library) for d in depends), (library, depends))
        # No build or test tool: only the runtime libraries shlibdeps found.
        for tool in ("python3", "cmake", "doctest", "clang", "chromium"):
            self.assertFalse(any(tool in d for d in depends), (tool, depends))

        listing = run(["dpkg-deb", "-c", deb]).splitlines()
        files = sorted(line.split()[-1].lstrip("./") for line in listing
                       if not line.startswith("d"))
        self.assertEqual(files, ["usr/" + f for f in expected_files()])
        binary = next(line for line in listing if line.endswith("/usr/bin/smsdoc"))
        self.assertTrue(binary.startswith("-rwxr-xr-x root/root"), binary)

        root = os.path.join(self.tmp, "extracted")
        run(["dpkg", "-x", deb, root])
        smsdoc = os.path.join(root, "usr/bin/smsdoc")
        self.assertEqual(run([smsdoc, "--version"]), "smsdoc %s\n" % self.version)
        sms = os.path.join(self.tmp, "sms")
        testlib.copy_example(sms)
        r = subprocess.run([smsdoc, "build", "--root", sms], capture_output=True, text=True,
                           timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stderr.splitlines()[-1], testlib.BUILT_RE)
        self.assertTrue(os.path.isfile(os.path.join(sms, "site/index.html")))


if __name__ == "__main__":
    testlib.main()
