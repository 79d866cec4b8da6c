#!/usr/bin/python3
"""guard.layering: every #include in src/ keeps to the tables of docs/architecture.md.

Usage: layering.py ROOT

The rules are data, in the "## Layering" section of docs/architecture.md:
a table "folder | may include" (rows lowest first) and a table
"library | headers | only in". Fails naming file:line for each include a
table does not allow, and for a src/ folder without a row.
"""
import fnmatch
import pathlib
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def read_tables(doc):
    """The markdown tables of the "## Layering" section, as lists of rows of cells."""
    section = re.search(r"^## Layering\n(.*?)(?=^## |\Z)", doc, re.S | re.M)
    if not section:
        sys.exit("guard.layering: docs/architecture.md has no '## Layering' section")
    tables, rows = [], []
    for line in section.group(1).splitlines() + [""]:
        if line.startswith("|"):
            rows.append([c.strip() for c in line.strip().strip("|").split("|")])
        elif rows:
            tables.append(rows[2:])  # past the header and the |---| line
            rows = []
    return tables


def names(cell):
    """"`a`, `b`" -> ["a", "b"]; "—" -> []."""
    return re.findall(r"`([^`]+)`", cell)


def main():
    root = pathlib.Path(sys.argv[1]).resolve()
    src = root / "src"
    tables = read_tables((root / "docs/architecture.md").read_text(encoding="utf-8"))
    if len(tables) != 2:
        sys.exit("guard.layering: the Layering section must hold two tables "
                 f"(folders, libraries); found {len(tables)}")
    problems = []

    # Folders, lowest first: a folder may include only rows above it, so the
    # table itself cannot describe a cycle.
    allowed = {}
    for folder_cell, include_cell in tables[0]:
        folder = names(folder_cell)[0]
        for other in names(include_cell):
            if other not in allowed:
                problems.append(f"docs/architecture.md: '{folder}' may include '{other}', "
                                "which is not a row above it")
        allowed[folder] = set(names(include_cell)) | {folder}
    folders = {p.name for p in src.iterdir() if p.is_dir()}
    for f in sorted(folders - allowed.keys()):
        problems.append(f"src/{f}/: a folder the Layering table does not name; give it a row")
    for f in sorted(allowed.keys() - folders):
        problems.append(f"docs/architecture.md: row '{f}' names no folder of src/")

    libraries = [(lib, names(headers), names(places)) for lib, headers, places in tables[1]]

    for path in sorted(p for p in src.rglob("*") if p.suffix in (".h", ".cc")):
        rel = path.relative_to(src).as_posix()
        # Files directly in src/ are the test harness, in no layer.
        folder = rel.split("/")[0] if "/" in rel else None
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            kind, header = m.groups()
            where = f"src/{rel}:{n}"
            library = next((lib for lib in libraries
                            if any(fnmatch.fnmatch(header, h) for h in lib[1])), None)
            if library:
                if not any(fnmatch.fnmatch(rel, p) for p in library[2]):
                    problems.append(f"{where}: {library[0]} header <{header}> outside "
                                    f"{', '.join(library[2])}")
            elif kind == "<":
                # Standard C++ headers have no extension and no folder: <vector>.
                if not re.fullmatch(r"[a-z_0-9]+", header):
                    problems.append(f"{where}: <{header}> is not in the Layering libraries "
                                    "table; add its library and the adapter that wraps it")
            elif "/" in header and folder:
                target = header.split("/")[0]
                if target not in allowed:
                    problems.append(f"{where}: \"{header}\": '{target}' is not a folder "
                                    "of the Layering table")
                elif target not in allowed[folder]:
                    problems.append(f"{where}: {folder} may not include {target} (\"{header}\")")

    if problems:
        print(f"guard.layering: {len(problems)} problems (rules: docs/architecture.md#layering)")
        for p in problems:
            print(f"  {p}")
        return 1
    print("guard.layering: every include keeps to docs/architecture.md#layering")
    return 0


if __name__ == "__main__":
    sys.exit(main())
