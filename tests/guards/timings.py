#!/usr/bin/python3
"""Timings guard: the last ctest run took no longer than tests/README.md says.

Usage: timings.py BUILD_DIR ROOT

Reads the "test | typical seconds" table of tests/README.md (names may be
globs: e2e.fixture.*) and the per-test times of the last ctest run in
BUILD_DIR (Testing/Temporary/LastTest.log). Fails when a test took more than
FACTOR times its typical time plus SLACK seconds, or when a test of BUILD_DIR has
no row. Not a ctest test: ctest writes a run's times only when the run ends,
so a test inside it could only judge the run before (./dev test runs this
right after ctest).
"""
import fnmatch
import pathlib
import re
import sys

# A CI machine may be busier than the one that measured the table: the guard
# catches a test grown several times slower, not noise.
FACTOR = 3
SLACK = 10  # seconds: a short test on a busy machine varies by more than FACTOR


def main():
    build, root = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    readme = (root / "tests/README.md").read_text(encoding="utf-8")
    table = re.search(r"^\| test \| typical seconds \|\n\|[-| ]+\|\n((?:\|.*\n)+)", readme, re.M)
    if not table:
        sys.exit("timings: tests/README.md has no '| test | typical seconds |' table")
    typical = {}
    for row in table.group(1).splitlines():
        name, seconds = [c.strip().strip("`") for c in row.strip("|").split("|")][:2]
        typical[name] = float(seconds)

    def row_of(test):
        return next((r for r in typical if fnmatch.fnmatchcase(test, r)), None)

    # The tests CMake generated; not `ctest -N`, which overwrites LastTest.log.
    tests = [m.group(1) or m.group(2) for f in build.rglob("CTestTestfile.cmake")
             for m in re.finditer(r"^add_test\((?:\[=\[(.+?)\]=\]|(\S+))",
                                  f.read_text(encoding="utf-8"), re.M)]
    if not tests:
        sys.exit(f"timings: no tests in {build}; build it first")
    problems = [f"{t}: no row in the timings table of tests/README.md"
                for t in tests if not row_of(t)]

    log = build / "Testing/Temporary/LastTest.log"
    took, current = {}, None
    if log.is_file():
        for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
            if m := re.match(r"\d+/\d+ Test: (.+)$", line):
                current = m.group(1)
            elif (m := re.match(r"Test time =\s*([\d.]+) sec", line)) and current:
                took[current] = float(m.group(1))
    if not took:
        # The one case to pass without judging times: no run to judge.
        print(f"timings: times not checked, no ctest run recorded in {log} yet")
    for test, seconds in sorted(took.items()):
        row = row_of(test)
        if row and seconds > FACTOR * typical[row] + SLACK:
            problems.append(f"{test}: took {seconds:.1f} s, typical {typical[row]:g} s "
                            f"(limit {FACTOR * typical[row] + SLACK:g} s): make it faster or "
                            "update the table")
    if problems:
        print(f"timings: {len(problems)} problems (tests/README.md#timings)")
        for p in problems:
            print(f"  {p}")
        return 1
    if took:
        print(f"timings: the {len(took)} tests of the last run kept to tests/README.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
