"""The readiness rules of docs/readiness.md for service level and supplier
agreements, computed from the records as the YAML says them (read by
registers_test.Sms), for the tests that compare them with smsdoc's pages.

Each function returns (state, reason, evidence IDs in record order)."""

SLA_KEY = "service-level-agreements"
SUPPLIER_KEY = "supplier-agreements"


def _text(record, name):
    value = record.get(name)
    return "" if value is None else str(value)


def _review_problem(record, as_of):
    nxt = _text(record, "next_review")
    if not nxt:
        return "no next review date"
    if nxt < as_of:
        return "review was due on " + nxt
    return ""


def _sla_problem(sla, as_of):
    signed = _text(sla, "signed_on")
    if signed and signed > as_of:
        return "signed only on " + signed
    expires = _text(sla, "expires")
    if expires and expires < as_of:
        return "expired on " + expires
    return _review_problem(sla, as_of)


def sla_readiness(records, as_of):
    customers = [r for r in records if r["kind"] == "customer" and r["status"] == "active"]
    signed = [r for r in records if r["kind"] == "sla" and r["status"] == "signed"]
    if not customers:
        return "missing", "no active customer records (kind customer)", []
    if not signed:
        return "missing", "no signed SLA records (kind sla)", []
    problems, evidence = [], []
    for c in customers:
        mine = [s for s in signed if _text(s, "customer") == c["id"]]
        if not mine:
            problems.append(c["id"] + ": no signed SLA")
            continue
        why = []
        for s in mine:
            p = _sla_problem(s, as_of)
            if not p:
                evidence.append(s["id"])
                why = []
                break
            why.append(s["id"] + " " + p)
        if why:
            problems.append(c["id"] + ": " + ", ".join(why))
    order = [r["id"] for r in records]
    evidence.sort(key=order.index)
    return ("at risk" if problems else "met"), "; ".join(problems), evidence


def _supplier_problem(supplier, as_of):
    end = _text(supplier, "contract_end")
    if not (end or _text(supplier, "contract") or _text(supplier, "contract_start")):
        return "no contract recorded"
    if end and end < as_of:
        return "contract ended on " + end
    return _review_problem(supplier, as_of)


def supplier_readiness(records, as_of):
    suppliers = [r for r in records if r["kind"] == "supplier" and r["status"] == "active"
                 and _text(r, "type") != "internal"]
    if not suppliers:
        return "missing", "no active external or lead supplier records (kind supplier)", []
    problems, evidence = [], []
    for s in suppliers:
        p = _supplier_problem(s, as_of)
        if p:
            problems.append(s["id"] + ": " + p)
        else:
            evidence.append(s["id"])
    return ("at risk" if problems else "met"), "; ".join(problems), evidence


def agreements(records, as_of):
    """{readiness key: (state, reason, evidence)} for both items."""
    return {SLA_KEY: sla_readiness(records, as_of),
            SUPPLIER_KEY: supplier_readiness(records, as_of)}
