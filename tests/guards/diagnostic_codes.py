#!/usr/bin/python3
"""guard.diagnostic_codes: the codes src/ reports are exactly those docs/diagnostics.md lists.

Usage: diagnostic_codes.py ROOT

Codes are string literals, so they are found by reading the tokens of
src/**/*.{h,cc} (tests excluded) where a code goes:
  - the code argument of Diagnostics::Error and Warning (base/diagnostics.h),
    and of every function that passes one of its parameters on to them
    (helpers like Warn(pos, message, code)), found by following the calls;
  - the `code` member's place in a brace list of a struct that has one
    (Diagnostic, AttentionItem): passed to a function taking the struct
    (`diags.Add({...})`), `v.push_back({...})` on a std::vector of it,
    `Struct{...}`, `Struct d{...}`, `Struct d = {...}`, or `x.code = ...`;
  - the literals returned by a function called there (AttentionCode()).
A code expression that is none of a literal, a ternary of literals, a
parameter passed on, a `.code` member passed on or such a call fails the
guard, so a new way of passing codes cannot hide them from it. The list
of WarningCodes() (src/base/warning_codes.h) must be exactly the codes
documented as warnings. One place
is exempt: ReadDiagnostic (base/bytes.h) reads back the code that
WriteDiagnostic wrote, from a diagnostic made (and read here) elsewhere.
"""
import pathlib
import re
import sys

# AttentionCode() names every group of the attention page; the diagnostic
# codes are those of the warning groups (AttentionItem::IsWarning). These
# names are groups only: review-due and expiring are never warnings, and
# approval items carry approval-unknown or approval-mismatch instead.
NOT_DIAGNOSTIC = {"review-due", "expiring", "approval"}

TOKEN = re.compile(r'//[^\n]*|/\*.*?\*/|R"(?P<d>[^(\s]*)\(.*?\)(?P=d)"|"(?:\\.|[^"\\\n])*"'
                   r"|'(?:\\.|[^'\\\n])*'|::|->|\w+|\S", re.S)
CODE = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
TYPE_TOKEN = re.compile(r"\w+|::|<|>|&|\*|,")  # what a parameter declaration is made of
KEYWORDS = {"if", "for", "while", "switch", "return", "sizeof", "catch", "static_assert"}
OPEN, CLOSE = "([{", ")]}"


def literal(tok):
    return tok[1:-1] if tok.startswith('"') else None


class Source:
    def __init__(self, path, rel):
        text = path.read_text(encoding="utf-8")
        self.rel, self.toks, self.lines = rel, [], []
        line, last = 1, 0
        for m in TOKEN.finditer(text):
            line, last = line + text.count("\n", last, m.start()), m.start()
            if not m.group().startswith(("//", "/*")):
                self.toks.append(m.group())
                self.lines.append(line)

    def group(self, i):
        """The tokens inside the bracket at i, as (token, index) lists split at
        top-level commas, and the index of the closing bracket."""
        depth, parts, j = 0, [[]], i
        while True:
            t = self.toks[j]
            depth += (t in OPEN) - (t in CLOSE)
            if depth == 0:
                return [p for p in parts if p], j
            if j > i:
                if depth == 1 and t == ",":
                    parts.append([])
                else:
                    parts[-1].append((t, j))
            j += 1

    def struct_code_index(self):
        """{struct name: the index of its `code` member among its data members}."""
        found = {}
        for i, t in enumerate(self.toks[:-2]):
            if t != "struct" or self.toks[i + 2] != "{":
                continue
            names, stmt, j = [], [], i + 3
            while self.toks[j] != "}":
                t = self.toks[j]
                if t == "{":  # a function body, a nested type or a brace initialiser
                    _, j = self.group(j)
                    if "(" in stmt or stmt[:1] in (["enum"], ["struct"], ["class"], ["union"]):
                        stmt = [] if "(" in stmt else ["skip"]
                elif t == ";":
                    if stmt and "(" not in stmt and stmt[0] not in ("skip", "using", "static"):
                        for declarator in " ".join(stmt).split(","):  # `long a = 1, b;`
                            names.append(re.findall(r"\w+", declarator.split("=")[0])[-1])
                    stmt = []
                elif t in ("public", "private", "protected") and self.toks[j + 1] == ":":
                    j += 1
                else:
                    stmt.append(t)
                j += 1
            if "code" in names:
                found[self.toks[i + 1]] = names.index("code")
        return found


class Function:
    """A declaration or definition: name(type name, ...) then `;` or a body."""

    def __init__(self, src, at, params, body):
        self.src, self.at, self.body = src, at, body
        self.key = (src.toks[at], len(params))  # name and arity keep overloads apart
        self.params = [[t for t, _ in p] for p in params]
        self.names = [p[p.index("=") - 1] if "=" in p else p[-1] for p in self.params]


def is_parameter(p):
    """True for a parameter declaration (a type and a name), which a call's
    argument rarely is."""
    toks = [t for t, _ in p]
    if "=" in toks:
        toks = toks[:toks.index("=")]  # a default value may be any expression
    return len(toks) >= 2 and all(TYPE_TOKEN.fullmatch(t) for t in toks)


def functions(src):
    for i, t in enumerate(src.toks[:-1]):
        if src.toks[i + 1] != "(" or t in KEYWORDS or not re.fullmatch(r"[A-Za-z_]\w*", t):
            continue
        params, end = src.group(i + 1)
        if not all(is_parameter(p) for p in params):
            continue
        k = end + 1
        while k < len(src.toks) and src.toks[k] in ("const", "override", "noexcept"):
            k += 1
        if k < len(src.toks) and src.toks[k] == ";":
            yield Function(src, i, params, None)
        elif k < len(src.toks) and src.toks[k] == "{":
            yield Function(src, i, params, (k, src.group(k)[1]))


def main():
    root = pathlib.Path(sys.argv[1]).resolve()
    sources = [Source(p, p.relative_to(root).as_posix())
               for p in sorted((root / "src").rglob("*"))
               if p.suffix in (".h", ".cc") and not p.name.endswith("_test.cc")]
    structs = {}
    for s in sources:
        structs.update(s.struct_code_index())
    funcs = [f for s in sources for f in functions(s)]
    declared_at = {(id(f.src), f.at) for f in funcs}

    def calls(src, start, end):
        """(index, (name, arity), arguments) of each call between start and end."""
        for i in range(start, end):
            t = src.toks[i]
            if src.toks[i + 1] == "(" and (id(src), i) not in declared_at:
                args, _ = src.group(i + 1)
                yield i, (t, len(args)), args

    def bare(expr):
        return [t for t, _ in expr if t not in ("std", "::", "move", "(", ")")]

    # Sinks: {key: index of the code argument}. Diagnostics' own, then every
    # function whose body passes a parameter on to a sink's code, until none is added.
    sinks = {f.key: f.names.index("code") for f in funcs
             if f.src.rel == "src/base/diagnostics.h" and "code" in f.names}
    added = True
    while added:
        added = False
        for f in funcs:
            if f.body and f.key not in sinks:
                for _, key, args in calls(f.src, *f.body):
                    if key in sinks and len(args) > sinks[key]:
                        arg = bare(args[sinks[key]])
                        if len(arg) == 1 and arg[0] in f.names:
                            sinks[f.key], added = f.names.index(arg[0]), True
                            break
    struct_sinks = {}  # functions taking a struct with a code: Add(Diagnostic d)
    for f in funcs:
        for n, p in enumerate(f.params):
            type_ = [x for x in p[:-1] if x not in ("const", "&", "&&")]
            if type_ and type_[-1] in structs and "*" not in p:
                struct_sinks[f.key] = (n, type_[-1])
    returns = {}
    for f in funcs:
        if f.body:
            for r in range(*f.body):
                if f.src.toks[r] == "return":
                    while f.src.toks[r] != ";":
                        if literal(f.src.toks[r]):  # "" is a "none", not a code
                            returns.setdefault(f.src.toks[f.at], []).append((f.src, r))
                        r += 1

    used, problems = {}, []

    def take(src, expr, enclosing):
        """Records the codes of a code expression: (token, index) pairs."""
        where = f"{src.rel}:{src.lines[expr[0][1]]}"
        toks = bare(expr)
        lits = [(literal(t), k) for t, k in expr if literal(t) is not None]
        if lits:
            for code, k in lits:
                if not CODE.fullmatch(code):
                    problems.append(f"{where}: '{code}' is not a kebab-case code")
                used.setdefault(code, f"{src.rel}:{src.lines[k]}")
        elif len(toks) == 1 and enclosing and enclosing.key in sinks and \
                enclosing.names[sinks[enclosing.key]] == toks[0]:
            pass  # a sink's code parameter passed on: its callers are read too
        elif toks[-2:] in ([".", "code"], ["->", "code"]):
            pass  # a struct's code passed on: where it is set is read too
        elif src.rel == "src/base/bytes.h" and enclosing and \
                src.toks[enclosing.at] == "ReadDiagnostic":
            pass  # a code read back from bytes (see the docstring)
        elif toks[0] in returns and len(expr) > 1 and expr[1][0] == "(":
            for rs, k in returns[toks[0]]:
                used.setdefault(literal(rs.toks[k]), f"{rs.rel}:{rs.lines[k]}")
        else:
            problems.append(f"{where}: cannot tell the code of '{' '.join(t for t, _ in expr)}'")

    def take_struct(src, brace, struct, enclosing):
        items, _ = src.group(brace)
        # Designated lists (`.code = ...`) are read as assignments below.
        if len(items) > structs[struct] and items[0][0][0] != ".":
            take(src, items[structs[struct]], enclosing)

    for s in sources:
        owner = [None] * len(s.toks)  # the function whose body holds each token
        for f in funcs:
            if f.src is s and f.body:
                owner[f.body[0]:f.body[1]] = [f] * (f.body[1] - f.body[0])
        vectors = {}  # variable -> struct, from `std::vector<Struct>& name`
        for k in range(len(s.toks) - 5):
            if s.toks[k:k + 2] == ["vector", "<"] and s.toks[k + 2] in structs \
                    and s.toks[k + 3] == ">":
                vectors[s.toks[k + 5] if s.toks[k + 4] == "&" else s.toks[k + 4]] = s.toks[k + 2]
        for i, key, args in calls(s, 0, len(s.toks) - 1):
            enclosing = owner[i]
            t = key[0]
            if key in sinks and len(args) > sinks[key]:
                take(s, args[sinks[key]], enclosing)
            if key in struct_sinks:
                n, struct = struct_sinks[key]
                if args[n][0][0] == "{":
                    take_struct(s, args[n][0][1], struct, enclosing)
            if t in ("push_back", "emplace_back") and s.toks[i - 2] in vectors and args:
                struct = vectors[s.toks[i - 2]]
                if args[0][0][0] == "{":
                    take_struct(s, args[0][0][1], struct, enclosing)
                elif t == "emplace_back" and len(args) > structs[struct]:
                    take(s, args[structs[struct]], enclosing)
        for i, t in enumerate(s.toks[:-2]):
            enclosing = owner[i]
            if t in structs and s.toks[i - 1] != "struct":
                # Struct{...}, Struct name{...}, Struct name = {...}
                brace = next((k for k in (i + 1, i + 2, i + 3) if s.toks[k] == "{"), None)
                if brace and all(re.fullmatch(r"\w+|=", x) for x in s.toks[i + 1:brace]):
                    take_struct(s, brace, t, enclosing)
            elif t == "code" and s.toks[i - 1] in (".", "->") and s.toks[i + 1] == "=" \
                    and s.toks[i + 2] != "=":
                expr, k = [], i + 2
                while s.toks[k] not in (";", ",", "}"):
                    expr.append((s.toks[k], k))
                    k += 1
                take(s, expr, enclosing)

    doc = (root / "docs/diagnostics.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([^`]+)` \| (?:error|warning)", doc, re.M))
    for code in sorted(NOT_DIAGNOSTIC):
        if code in documented or code not in used:
            problems.append(f"tests/guards/diagnostic_codes.py: NOT_DIAGNOSTIC lists '{code}', "
                            "which is documented or no longer used")
        used.pop(code, None)
    # WarningCodes() (what `diagnostics:` and `accept:` may name) lists
    # exactly the codes documented as warnings.
    warnings = set(re.findall(r"^\| `([^`]+)` \| warning", doc, re.M))
    table = (root / "src/base/warning_codes.h").read_text(encoding="utf-8")
    listed = re.findall(r'"([a-z0-9-]+)"', table.split("kCodes = {", 1)[1].split("};", 1)[0])
    for code in sorted(set(listed) - warnings):
        problems.append(f"src/base/warning_codes.h: '{code}' is not a warning of "
                        "docs/diagnostics.md")
    for code in sorted(warnings - set(listed)):
        problems.append(f"src/base/warning_codes.h: the warning '{code}' is missing")
    for code in sorted(used.keys() - documented):
        problems.append(f"{used[code]}: code '{code}' is not in docs/diagnostics.md")
    for code in sorted(documented - used.keys()):
        problems.append(f"docs/diagnostics.md: code '{code}' is not used in src/")

    if "-v" in sys.argv:
        print("sinks:", sorted(sinks), "\nstruct sinks:", sorted(struct_sinks))
        print("codes:", " ".join(sorted(used)))
    if problems:
        print(f"guard.diagnostic_codes: {len(problems)} problems")
        for p in problems:
            print(f"  {p}")
        return 1
    print(f"guard.diagnostic_codes: the {len(used)} codes of src/ are those of docs/diagnostics.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
