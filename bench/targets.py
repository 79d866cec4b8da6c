#!/usr/bin/python3
"""The speed targets of issue 12, measured as docs/PERFORMANCE.md records them.

    bench/targets.py [--sizes 1000 10000] [--pairs 5] [--risks 100000]
                     [--commits 20000] [--smsdoc build/smsdoc]

1. For each size N, `bench/gen_sms.py N` is built by smsdoc and by the floor
   (`../shared/perf/floor.cpp --full -j NPROC`, compiled into build/floor when
   the source is there) in pairs, alternately (A B A B ...), each into a new
   folder on the same file system; the ratio is taken pair by pair and the
   median reported, since only a ratio measured in one run means anything on
   a shared machine. Targets: wall and CPU at most 1.5x the floor, peak RSS
   at most 200 MiB at 10,000 items.
2. `gen_sms.py RISKS --risks-only`, built by smsdoc: at most 10 s wall and
   400 MiB.
3. `bench/shared_history.sh COMMITS`: the example in a sub-folder of a
   repository with that many commits builds in at most 1 s.
4. Incremental builds of `gen_sms.py INCREMENTAL` into one folder: a full
   build (`--no-cache`), a build with nothing changed (target: at most 5 %
   of the full build) and a build after one document's body was edited
   (target: at most 10 %), each the median of three.

Prints one Markdown table per part; exits 0 whatever the figures (a
benchmark reports, the tests judge behaviour). Everything is written under
one temporary folder, removed at the end.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FLOOR_SOURCE = os.path.join(ROOT, "..", "shared", "perf", "floor.cpp")
AS_OF = "2026-11-21"


def measure(cmd):
    """Runs cmd; returns (wall s, CPU s, peak RSS MiB) of the child."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("targets.py: %s failed:\n%s" % (" ".join(cmd), err[-2000:]))
    # ru_maxrss is the largest child (floor's workers are processes): KiB.
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def floor_binary(work):
    if not os.path.exists(FLOOR_SOURCE):
        return None
    binary = os.path.join(ROOT, "build", "floor")
    if not os.path.exists(binary) or os.path.getmtime(binary) < os.path.getmtime(FLOOR_SOURCE):
        subprocess.run(["g++", "-O2", "-std=c++17", "-o", binary, FLOOR_SOURCE,
                        "-lcmark-gfm-extensions", "-lcmark-gfm", "-lyaml-cpp", "-pthread"],
                       check=True)
    return binary


def generate(n, folder, *flags):
    subprocess.run(["/usr/bin/python3", os.path.join(HERE, "gen_sms.py"), "-q", str(n), folder,
                    "--seed", "1", *flags], check=True)


def paired(smsdoc, floor, sizes, pairs, work):
    print("| items | smsdoc wall s | floor wall s | wall ratio | smsdoc CPU s | floor CPU s "
          "| CPU ratio | smsdoc RSS MiB | floor RSS MiB |")
    print("|---|---|---|---|---|---|---|---|---|")
    runs = 0
    for n in sizes:
        sms = os.path.join(work, "sms-%d" % n)
        generate(n, sms)
        rows = []
        for i in range(pairs):
            pair = {}
            # Alternate which goes first, so neither always meets a warm cache.
            order = ("smsdoc", "floor") if i % 2 == 0 else ("floor", "smsdoc")
            for tool in order:
                runs += 1
                out = os.path.join(work, "out-%d" % runs)
                if tool == "smsdoc":
                    cmd = [smsdoc, "build", "--root", sms, "--out", out, "--as-of", AS_OF, "-q"]
                else:
                    os.mkdir(out)
                    cmd = [floor, "--full", "-j", str(os.cpu_count()), sms, out]
                pair[tool] = measure(cmd)
            rows.append(pair)
        med = lambda tool, k: statistics.median(r[tool][k] for r in rows)
        ratio = lambda k: statistics.median(r["smsdoc"][k] / r["floor"][k] for r in rows)
        print("| %d | %.2f | %.2f | %.2fx | %.2f | %.2f | %.2fx | %.0f | %.0f |" % (
            n, med("smsdoc", 0), med("floor", 0), ratio(0), med("smsdoc", 1), med("floor", 1),
            ratio(1), med("smsdoc", 2), med("floor", 2)))
        shutil.rmtree(sms)


def risks(smsdoc, count, work):
    sms = os.path.join(work, "risks")
    generate(count, sms, "--risks-only")
    wall, cpu, rss = measure([smsdoc, "build", "--root", sms, "--out",
                              os.path.join(work, "out-risks"), "--as-of", AS_OF, "-q"])
    print("| risk records | wall s (target 10) | CPU s | peak RSS MiB (target 400) |")
    print("|---|---|---|---|")
    print("| %d | %.2f | %.2f | %.0f |" % (count, wall, cpu, rss))
    shutil.rmtree(sms)


def incremental(smsdoc, n, work, repeats=3):
    sms = os.path.join(work, "incremental")
    generate(n, sms)
    cmd = [smsdoc, "build", "--root", sms, "--out", os.path.join(work, "out-incremental"),
           "--as-of", AS_OF, "-q"]
    full = statistics.median(measure(cmd + ["--no-cache"])[0] for _ in range(repeats))
    same = statistics.median(measure(cmd)[0] for _ in range(repeats))
    documents = sorted(os.path.join(d, f) for d, _, files in os.walk(os.path.join(sms, "policies"))
                       for f in files if f.endswith(".md"))
    edited = []
    for path in documents[:repeats]:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write("\nOne more sentence.\n")
        edited.append(measure(cmd)[0])
    print("| items | full build s | nothing changed s | share (target 5 %) "
          "| one body edited s | share (target 10 %) |")
    print("|---|---|---|---|---|---|")
    print("| %d | %.2f | %.2f | %.1f %% | %.2f | %.1f %% |" % (
        n, full, same, 100 * same / full, statistics.median(edited),
        100 * statistics.median(edited) / full))
    shutil.rmtree(sms)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--risks", type=int, default=100000, help="0 skips")
    parser.add_argument("--commits", type=int, default=20000, help="0 skips")
    parser.add_argument("--incremental", type=int, default=10000, help="0 skips")
    parser.add_argument("--smsdoc", default=os.path.join(ROOT, "build", "smsdoc"))
    args = parser.parse_args()
    smsdoc = os.path.abspath(args.smsdoc)
    if not os.access(smsdoc, os.X_OK):
        sys.exit("targets.py: build smsdoc first (or pass --smsdoc)")
    work = tempfile.mkdtemp(prefix="smsdoc-targets-")
    try:
        print("smsdoc targets, %s, %d cores, load average %.1f" % (
            time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), os.cpu_count(),
            os.getloadavg()[0]))
        floor = floor_binary(work)
        if args.sizes and floor:
            print("\n1. Paired against the floor (%d pairs, median)\n" % args.pairs)
            paired(smsdoc, floor, args.sizes, args.pairs, work)
        elif args.sizes:
            print("\n1. skipped: no floor source at %s" % os.path.normpath(FLOOR_SOURCE))
        if args.risks:
            print("\n2. Risk register\n")
            risks(smsdoc, args.risks, work)
        if args.commits:
            print("\n3. History in a shared repository\n", flush=True)
            subprocess.run([os.path.join(HERE, "shared_history.sh"), str(args.commits)],
                           env=dict(os.environ, SMSDOC=smsdoc), check=True)
        if args.incremental:
            print("\n4. Incremental builds\n", flush=True)
            incremental(smsdoc, args.incremental, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
