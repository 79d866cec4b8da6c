#!/usr/bin/python3
"""guard.format: every C++ file of src/ and fuzz/ is as clang-format 14 writes it.

Usage: format.py ROOT

Runs clang-format --dry-run -Werror with the repository's .clang-format and
fails listing the files that differ. To fix them:
  clang-format-14 -i $(git ls-files 'src/*.h' 'src/*.cc' 'fuzz/*.cc')
"""
import pathlib
import re
import shutil
import subprocess
import sys


def clang_format():
    # Each clang-format release formats a little differently, and .clang-format
    # is tuned to Debian 12's: insist on 14 rather than fail (or pass) by accident.
    for name in ("clang-format-14", "clang-format"):
        path = shutil.which(name)
        if path:
            version = subprocess.run([path, "--version"], capture_output=True, text=True).stdout
            if re.search(r"version 14\.", version):
                return path
    sys.exit("guard.format: clang-format 14 not found; install Debian's clang-format-14 (./dev does)")


def main():
    root = pathlib.Path(sys.argv[1]).resolve()
    if not (root / ".clang-format").is_file():
        # Without it clang-format silently falls back to its LLVM style.
        sys.exit(f"guard.format: {root}/.clang-format is missing")
    files = sorted({p.relative_to(root).as_posix()
                    for pattern in ("src/**/*.h", "src/**/*.cc", "fuzz/*.cc")
                    for p in root.glob(pattern)})
    result = subprocess.run([clang_format(), "--style=file", "--dry-run", "-Werror", *files],
                            cwd=root, capture_output=True, text=True)
    # Each place to change is reported as "FILE:LINE:COL: error: code should be clang-formatted".
    spots = re.findall(r"^(.+?):\d+:\d+: error: code should be clang-formatted", result.stderr,
                       re.M)
    if result.returncode != 0 and not spots:
        sys.exit(f"guard.format: clang-format failed:\n{result.stderr}")
    if not spots:
        print(f"guard.format: all {len(files)} files are formatted")
        return 0
    bad = sorted(set(spots))
    print(f"guard.format: {len(bad)} of {len(files)} files are not formatted "
          "(places to change in brackets):")
    for f in bad:
        print(f"  {f} ({spots.count(f)})")
    print("fix: clang-format-14 -i $(git ls-files 'src/*.h' 'src/*.cc' 'fuzz/*.cc')")
    return 1


if __name__ == "__main__":
    sys.exit(main())
