"""Reads what Excel shows: the formulas and conditional formats smsdoc
writes, evaluated on a workbook's cell values (openpyxl), shared by the
end-to-end tests of the registers and of consistency."""

import datetime
import re

try:
    import openpyxl
except ImportError:  # the tests that import this report it themselves
    openpyxl = None


EXCEL_EPOCH = datetime.datetime(1899, 12, 30)


def serial(value):
    if isinstance(value, datetime.datetime):
        return (value - EXCEL_EPOCH).days + (value - EXCEL_EPOCH).seconds / 86400.0
    if isinstance(value, datetime.date):
        return (value - EXCEL_EPOCH.date()).days
    return value


def rgb(color):
    """'FFC7CE' from an openpyxl Color, or None."""
    value = getattr(color, "rgb", None)
    if not isinstance(value, str) or value in ("00000000",):
        return None
    return value[-6:].upper()


class Evaluator:
    """Evaluates the Excel formulas smsdoc writes (IF, IFERROR, AND, OR, NOT,
    ISNUMBER, ISBLANK, DATE, COUNTIF(S), SUM, INDEX, MATCH, comparisons,
    arithmetic, & and the workbook's defined names) on the cell values of a
    workbook, so the tests know what Excel will show
    after an auditor edits a cell. `overrides` maps (sheet, row, col) to a
    value that replaces the cell's."""

    TOKEN = re.compile(r"""\s*(?:
        (?P<str>"(?:[^"]|"")*")|
        (?P<ref>(?:(?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?
                (?:\$?[A-Z]{1,3}\$?[0-9]+(?::\$?[A-Z]{1,3}\$?[0-9]+)?|\$?[A-Z]{1,3}:\$?[A-Z]{1,3}))
                (?![A-Za-z0-9_(])|
        (?P<func>[A-Z][A-Z0-9.]*)\(|
        (?P<num>[0-9]+(?:\.[0-9]+)?)|
        (?P<bool>TRUE|FALSE)\b|
        (?P<op><>|<=|>=|[-+*/&=<>(),])|
        (?P<name>[A-Za-z_][A-Za-z0-9_.]*)
    )""", re.X)

    def __init__(self, wb, overrides=None):
        self.wb = wb
        self.overrides = overrides or {}
        self.memo = {}  # formula cells already evaluated (the edits are fixed)

    def evaluate(self, sheet, formula, drow=0, dcol=0):
        text = formula[1:] if formula.startswith("=") else formula
        tokens, pos = [], 0
        while pos < len(text):
            if not text[pos:].strip():
                break
            m = self.TOKEN.match(text, pos)
            if not m or m.end() == pos:
                raise ValueError("cannot read formula %r at %d" % (formula, pos))
            kind = m.lastgroup
            tokens.append((kind, m.group(kind)))
            pos = m.end()
        self.tokens, self.i = tokens, 0
        self.sheet, self.drow, self.dcol = sheet, drow, dcol
        value = self.comparison()
        if self.i != len(self.tokens):
            raise ValueError("unread tail in formula %r" % formula)
        return value

    # parsing, evaluating as we go

    def peek(self):
        return self.tokens[self.i] if self.i < len(self.tokens) else (None, None)

    def take(self, op=None):
        token = self.peek()
        if op is not None and token != ("op", op):
            raise ValueError("expected %r, got %r" % (op, token))
        self.i += 1
        return token

    def comparison(self):
        left = self.concat()
        while self.peek()[0] == "op" and self.peek()[1] in ("=", "<>", "<", "<=", ">", ">="):
            op = self.take()[1]
            left = compare(left, self.concat(), op)
        return left

    def concat(self):
        left = self.additive()
        while self.peek() == ("op", "&"):
            self.take()
            right = self.additive()
            left = text_of(left) + text_of(right)
        return left

    def additive(self):
        left = self.term()
        while self.peek()[0] == "op" and self.peek()[1] in "+-":
            op = self.take()[1]
            right = self.term()
            left = number(left) + number(right) if op == "+" else number(left) - number(right)
        return left

    def term(self):
        left = self.unary()
        while self.peek()[0] == "op" and self.peek()[1] in "*/":
            op = self.take()[1]
            right = self.unary()
            left = number(left) * number(right) if op == "*" else number(left) / number(right)
        return left

    def unary(self):
        if self.peek() == ("op", "-"):
            self.take()
            return -number(self.unary())
        if self.peek() == ("op", "+"):
            self.take()
            return self.unary()
        return self.primary()

    def primary(self):
        kind, text = self.take()
        if kind == "num":
            return float(text) if "." in text else int(text)
        if kind == "str":
            return text[1:-1].replace('""', '"')
        if kind == "bool":
            return text == "TRUE"
        if kind == "ref":
            return self.reference(text)
        if kind == "name":
            return self.reference(defined_name(self.wb, text))
        if kind == "op" and text == "(":
            value = self.comparison()
            self.take(")")
            return value
        if kind == "func":
            args = []
            if self.peek() != ("op", ")"):
                args.append(self.comparison())
                while self.peek() == ("op", ","):
                    self.take()
                    args.append(self.comparison())
            self.take(")")
            if text != "IFERROR" and any(a is _ERROR for a in args):
                return _ERROR  # an error propagates, unless caught
            return self.call(text, args)
        raise ValueError("unexpected %r" % (text,))

    def call(self, name, args):
        flat = []
        for a in args:
            flat += a if isinstance(a, list) else [a]
        if name == "AND":
            return all(bool(v) for v in flat if v is not None)
        if name == "OR":
            return any(bool(v) for v in flat if v is not None)
        if name == "NOT":
            return not args[0]
        if name == "IF":
            if args[0]:
                return args[1]
            return args[2] if len(args) > 2 else False
        if name == "ISNUMBER":
            return isinstance(args[0], (int, float)) and not isinstance(args[0], bool)
        if name == "ISBLANK":
            return args[0] is None
        if name == "DATE":
            return serial(datetime.date(int(args[0]), int(args[1]), int(args[2])))
        if name == "SUM":
            return sum(number(v) for v in flat if isinstance(v, (int, float)))
        if name == "IFERROR":
            return args[1] if args[0] is _ERROR else args[0]
        if name == "INDEX":
            if args[1] is _ERROR or not isinstance(args[1], int) or args[1] < 1:
                return _ERROR
            return args[0][args[1] - 1] if args[1] <= len(args[0]) else _ERROR
        if name == "MATCH":  # exact match only (0), 1-based
            for i, v in enumerate(args[1]):
                if v is not None and compare(v, args[0], "="):
                    return i + 1
            return _ERROR
        if name == "COUNTIF":
            return sum(1 for v in args[0] if matches(v, args[1]))
        if name == "COUNTIFS":
            ranges, criteria = args[0::2], args[1::2]
            count = 0
            for i in range(len(ranges[0])):
                if all(matches(r[i], c) for r, c in zip(ranges, criteria)):
                    count += 1
            return count
        raise ValueError("function %s is not supported by the test" % name)

    def reference(self, text):
        sheet = self.sheet
        if "!" in text:
            sheet, text = text.rsplit("!", 1)
            sheet = sheet[1:-1].replace("''", "'") if sheet.startswith("'") else sheet
            sheet = self.wb[sheet]
        if ":" in text:
            a, b = text.split(":")
            if re.match(r"^\$?[A-Z]+$", a):  # whole columns
                c1 = self.shift_col(a)
                c2 = self.shift_col(b)
                return [self.value(sheet, r, c) for c in range(c1, c2 + 1)
                        for r in range(1, sheet.max_row + 1)]
            r1, c1 = self.cell(a)
            r2, c2 = self.cell(b)
            return [self.value(sheet, r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]
        return self.value(sheet, *self.cell(text))

    def shift_col(self, text):
        col = openpyxl.utils.column_index_from_string(text.lstrip("$"))
        return col if text.startswith("$") else col + self.dcol

    def cell(self, text):
        m = re.match(r"^(\$?)([A-Z]{1,3})(\$?)([0-9]+)$", text)
        col = openpyxl.utils.column_index_from_string(m.group(2))
        row = int(m.group(4))
        return (row if m.group(3) else row + self.drow), (col if m.group(1) else col + self.dcol)

    def value(self, sheet, row, col):
        key = (sheet.title, row, col)
        if key in self.overrides:
            return serial(self.overrides[key])
        cell = sheet.cell(row=row, column=col)
        if cell.data_type == "f":
            if key not in self.memo:
                inner = Evaluator.__new__(Evaluator)
                inner.wb, inner.overrides, inner.memo = self.wb, self.overrides, self.memo
                self.memo[key] = inner.evaluate(sheet, cell.value)
            return self.memo[key]
        return serial(cell.value)


class _Error:
    """An Excel error value (#N/A, #VALUE!): IFERROR catches it."""

    def __repr__(self):
        return "#ERROR"


_ERROR = _Error()


def defined_name(wb, name):
    """The reference a defined name stands for ("'Criteria'!$B$3")."""
    names = wb.defined_names
    found = names.get(name) if hasattr(names, "get") else None
    if found is None:
        raise ValueError("no defined name %r" % name)
    return found.attr_text


def number(value):
    if value is None:
        return 0
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)):
        return value
    return float(value)  # text that is not a number raises, like #VALUE!


def text_of(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def compare(a, b, op):
    if a is None:
        a = "" if isinstance(b, str) else 0
    if b is None:
        b = "" if isinstance(a, str) else 0

    def key(v):  # Excel orders numbers < text < booleans; text ignores case
        if isinstance(v, bool):
            return (2, v)
        if isinstance(v, (int, float)):
            return (0, v)
        return (1, str(v).lower())
    ka, kb = key(a), key(b)
    return {"=": ka == kb, "<>": ka != kb, "<": ka < kb, "<=": ka <= kb,
            ">": ka > kb, ">=": ka >= kb}[op]


def matches(value, criterion):
    if criterion == "":  # Excel: an empty criterion matches blank cells
        return value is None or value == ""
    if isinstance(criterion, str):
        m = re.match(r"^(<>|<=|>=|=|<|>)(.*)$", criterion)
        if m:
            target = m.group(2)
            try:
                target = float(target)
            except ValueError:
                pass
            if value is None:  # a blank cell is unequal to anything but ""
                return m.group(1) == "<>" and target != ""
            return compare(value, target, m.group(1))
    if value is None:
        return False
    return compare(value, criterion, "=")


def conditional_colours(wb, title, overrides=None):
    """{(row, col): [fill, ...]} for every cell a conditional format of the
    sheet colours, evaluating each rule's formula as Excel does (written for
    the top-left cell of its range, shifted for the others), after the
    edits in `overrides` (see Evaluator)."""
    ws = wb[title]
    evaluator = Evaluator(wb, overrides)
    out = {}
    for cf in ws.conditional_formatting:
        ranges = list(cf.sqref.ranges)
        top, left = ranges[0].min_row, ranges[0].min_col
        for rule in cf.rules:
            if rule.type != "expression":
                raise AssertionError("%s: unexpected rule type %s" % (title, rule.type))
            fill = rule.dxf.fill if rule.dxf is not None else None
            colour = (rgb(fill.bgColor) or rgb(fill.fgColor)) if fill is not None else None
            for rng in ranges:
                for r in range(rng.min_row, rng.max_row + 1):
                    for c in range(rng.min_col, rng.max_col + 1):
                        if evaluator.evaluate(ws, rule.formula[0], r - top, c - left):
                            out.setdefault((r, c), []).append(colour)
    return out
