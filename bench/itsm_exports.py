#!/usr/bin/env python3
"""Writes ITSM tool exports as CSV or JSON, deterministically (seeded).

  itsm_exports.py --example records/itsm   the example SMS's exports: incidents,
                                           problems, changes and configuration
                                           items as ServiceNow writes them (CSV),
                                           service requests as Jira's REST search
                                           returns them (JSON)
  itsm_exports.py --rows 10000 FILE        one export of N rows, for timing the
                                           import: ServiceNow incidents as CSV, or
                                           Jira requests as JSON if FILE ends in .json

The example's story (records/*.yaml, service-reports/) is kept: major
incident INC-2026-04127 on Backup and Recovery (20 October 2026) with
problem PRB-2026-0188, the September backup platform upgrade CHG-11342
that overran its window, emergency changes early in 2026 without a
post-implementation review (finding FND-2026-01), change CHG-10811 that
made the review a workflow step, and a failed firewall change.
Standard library only; the same seed gives the same bytes.
"""
import argparse
import csv
import datetime as dt
import json
import os
import random

SERVICES = ["Managed Workplace", "Managed Network and Security", "Harbour Cloud Hosting",
            "Backup and Recovery"]
GROUPS = {"Managed Workplace": "Workplace Support",
          "Managed Network and Security": "Network Operations",
          "Harbour Cloud Hosting": "Hosting Operations",
          "Backup and Recovery": "Backup Operations"}
SHARE = [0.45, 0.2, 0.22, 0.13]  # incidents by service
INCIDENT_TOPICS = {
    "Managed Workplace": [("Software", "Outlook does not start after update"),
                          ("Hardware", "Laptop docking station not detected"),
                          ("Software", "Teams calls drop after a few minutes"),
                          ("Hardware", "Printer queue stuck on floor 3"),
                          ("Inquiry / Help", "Password reset failed in self-service"),
                          ("Software", "VPN client asks for credentials repeatedly")],
    "Managed Network and Security": [("Network", "Branch office WAN link flapping"),
                                     ("Network", "Wi-Fi access point offline"),
                                     ("Security", "Phishing mail reported by user"),
                                     ("Network", "DNS resolution slow for customer site"),
                                     ("Security", "Firewall rule blocks payroll upload")],
    "Harbour Cloud Hosting": [("Software", "Virtual machine unresponsive"),
                              ("Hardware", "Storage latency alarm on cluster"),
                              ("Software", "Database service restarted unexpectedly"),
                              ("Network", "Load balancer health check failing")],
    "Backup and Recovery": [("Software", "Nightly backup job failed"),
                            ("Inquiry / Help", "Restore of deleted folder requested urgently"),
                            ("Software", "Backup job ran past its window"),
                            ("Hardware", "Backup repository disk warning")],
}
PRIORITY = ["1 - Critical", "2 - High", "3 - Moderate", "4 - Low"]
HOURS = [4, 16, 40, 120]  # typical resolution time by priority
SNOW_TIME = "%Y-%m-%d %H:%M:%S"


def write(path, header, rows, quote_all):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n",
                       quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
        w.writerow(header)
        w.writerows(rows)


def at(day, rng, start=7, end=19):
    return dt.datetime.combine(day, dt.time(rng.randrange(start, end), rng.randrange(60),
                                            rng.randrange(60)))


INCIDENT_HEADER = ["number", "opened_at", "short_description", "caller_id", "category",
                   "priority", "state", "business_service", "assignment_group",
                   "major_incident_state", "resolved_at", "made_sla", "problem_id"]


def incident(rng, number, opened, service, priority, as_of, problem="", major="",
             title=None, made_sla=None, resolved=None):
    category, topic = rng.choice(INCIDENT_TOPICS[service])
    p = PRIORITY.index(priority)
    if resolved is None:
        resolved = opened + dt.timedelta(hours=HOURS[p] * rng.uniform(0.2, 1.6))
    if made_sla is None:
        made_sla = rng.random() < [0.99, 0.9, 0.85, 0.9][p]
    open_now = resolved > as_of
    state = ("In Progress" if open_now else
             "Resolved" if (as_of - resolved).days < 5 else "Closed")
    return [number, opened.strftime(SNOW_TIME), title or topic, "Customer user", category,
            priority, state, service, GROUPS[service], major,
            "" if open_now else resolved.strftime(SNOW_TIME),
            "" if open_now else ("true" if made_sla else "false"), problem]


def incidents(rng, as_of, problems_by_service):
    """About 380 incidents over 2026; numbers as the tool gave them."""
    fixed = {
        "INC-2026-01733": (dt.datetime(2026, 3, 17, 8, 41, 12), "Managed Network and Security",
                           "1 - Critical", "PRB-2026-0121", "Accepted",
                           "Core switch failure at Avonmouth data centre", True,
                           dt.datetime(2026, 3, 17, 11, 58, 40)),
        "INC-2026-03790": (dt.datetime(2026, 9, 13, 2, 14, 5), "Harbour Cloud Hosting",
                           "2 - High", "", "",
                           "Hosting storage read-only during backup platform upgrade", False,
                           dt.datetime(2026, 9, 13, 4, 22, 51)),
        "INC-2026-04127": (dt.datetime(2026, 10, 20, 9, 3, 27), "Backup and Recovery",
                           "1 - Critical", "PRB-2026-0188", "Accepted",
                           "Backup jobs of a hosted customer failing for nine days", False,
                           dt.datetime(2026, 10, 21, 16, 40, 2)),
    }
    rows, number, day = [], 100, dt.date(2026, 1, 2)
    while day <= as_of.date():
        for _ in range(rng.choice([0, 1, 1, 1, 1, 2, 2])):
            number += rng.randrange(4, 19)
            key = f"INC-2026-{number:05d}"
            if any(abs(int(k[-5:]) - number) < 3 for k in fixed):
                continue
            service = rng.choices(SERVICES, SHARE)[0]
            priority = rng.choices(PRIORITY, [0.05, 0.15, 0.5, 0.3])[0]
            recurring = [key for key, opened, until in problems_by_service.get(service, [])
                         if opened - dt.timedelta(days=45) <= day <= until]
            problem = rng.choice(recurring) if recurring and rng.random() < 0.3 else ""
            rows.append(incident(rng, key, at(day, rng), service, priority, as_of, problem))
        day += dt.timedelta(days=1)
    for key, (opened, service, priority, problem, major, title, sla, resolved) in fixed.items():
        rows.append(incident(rng, key, opened, service, priority, as_of, problem, major, title,
                             sla, resolved))
    rows.sort(key=lambda r: r[0])
    return rows


PROBLEM_HEADER = ["number", "opened_at", "short_description", "priority", "state",
                  "business_service", "assignment_group", "cause_notes", "known_error",
                  "workaround", "related_incidents", "resolved_at"]

PROBLEMS = [
    ("PRB-2026-0104", "2026-01-19", "Managed Workplace", "3 - Moderate", "Closed",
     "Docking stations lose USB after firmware 1.8", "Vendor firmware defect",
     "true", "Re-seat the laptop; firmware 1.9 fixes it", "2026-03-02"),
    ("PRB-2026-0121", "2026-03-17", "Managed Network and Security", "1 - Critical", "Closed",
     "Core switch failure at Avonmouth", "Power supply fault not alerted by monitoring",
     "true", "Fail over to the Filton core", "2026-05-12"),
    ("PRB-2026-0133", "2026-04-08", "Managed Workplace", "3 - Moderate", "Resolved",
     "Teams calls drop on the guest Wi-Fi", "QoS profile missing on guest SSID", "true",
     "Use the corporate SSID", "2026-06-30"),
    ("PRB-2026-0142", "2026-05-04", "Harbour Cloud Hosting", "2 - High", "Closed",
     "Storage latency spikes at month end", "Snapshot schedule overlaps batch jobs", "true",
     "Move snapshots by hand before month end", "2026-07-20"),
    ("PRB-2026-0157", "2026-06-15", "Managed Network and Security", "3 - Moderate",
     "Root Cause Analysis", "Branch WAN links flap in heavy rain", "", "false", "", ""),
    ("PRB-2026-0166", "2026-07-09", "Backup and Recovery", "3 - Moderate", "Closed",
     "Backup jobs overrun their window on Mondays", "Weekly full backups all start at once",
     "true", "Stagger the jobs by hand", "2026-08-25"),
    ("PRB-2026-0174", "2026-08-18", "Managed Workplace", "4 - Low", "Assess",
     "Printer queues stall after print server patching", "", "false", "", ""),
    ("PRB-2026-0188", "2026-10-21", "Backup and Recovery", "1 - Critical", "Fix in Progress",
     "Backup job failures unnoticed after the platform upgrade",
     "Failure alerts went to an unmonitored shared mailbox after the September upgrade; "
     "monitoring integration was not in the release acceptance criteria",
     "true", "Service desk checks the shared mailbox twice a day", ""),
    ("PRB-2026-0195", "2026-11-10", "Harbour Cloud Hosting", "3 - Moderate", "New",
     "Load balancer health checks fail after certificate renewal", "", "false", "", ""),
]


def problems(incident_rows):
    counts = {}
    for r in incident_rows:
        if r[-1]:
            counts[r[-1]] = counts.get(r[-1], 0) + 1
    rows = []
    for key, opened, service, prio, state, title, cause, known, workaround, resolved in PROBLEMS:
        rows.append([key, opened + " 10:00:00", title, prio, state, service, GROUPS[service],
                     cause, known, workaround, str(counts.get(key, 0)),
                     resolved + " 16:00:00" if resolved else ""])
    return rows


CHANGE_HEADER = ["number", "opened_at", "short_description", "type", "risk", "state",
                 "business_service", "assignment_group", "approval_set", "u_cab_approver",
                 "start_date", "end_date", "work_end", "close_code", "u_pir_date"]
STANDARD = ["Patch workstations (monthly)", "Add firewall rule from catalogue",
            "Provision virtual machine from template", "Add backup job for new server",
            "Rotate certificates on load balancer", "Deploy approved software package"]
NORMAL = ["Upgrade hypervisor cluster", "Replace branch router", "Migrate mailbox database",
          "Extend storage pool", "Change backup retention policy", "Upgrade VPN gateways"]


def change(rng, key, requested, ctype, service, title, as_of, outcome="Successful",
           overrun_h=0, review=True, risk=None, start=None):
    start = start or dt.datetime.combine(requested + dt.timedelta(days=rng.randrange(3, 15)),
                                         dt.time(22, 0))
    if ctype == "Emergency" and not overrun_h:
        start = dt.datetime.combine(requested, dt.time(rng.randrange(9, 20), 0))
    end = start + dt.timedelta(hours=4)
    if start > as_of:
        state, work_end, close, pir = "Scheduled", "", "", ""
    else:
        work_end = (end + dt.timedelta(hours=overrun_h)).strftime(SNOW_TIME)
        close = outcome
        pir_day = start.date() + dt.timedelta(days=rng.randrange(2, 9))
        pir = pir_day.isoformat() if review and ctype != "Standard" else ""
        state = "Closed" if (ctype == "Standard" or pir) else "Review"
    approved = "" if ctype == "Standard" else (
        start - dt.timedelta(days=rng.randrange(1, 3)) if ctype == "Normal"
        else start + dt.timedelta(days=rng.randrange(1, 6))).strftime(SNOW_TIME)
    approver = {"Standard": "", "Normal": "Change Advisory Board",
                "Emergency": "Emergency CAB"}[ctype]
    risk = risk or {"Standard": "Low", "Normal": rng.choice(["Moderate", "Moderate", "High"]),
                    "Emergency": "High"}[ctype]
    return [key, requested.isoformat() + " 09:30:00", title, ctype, risk, state, service,
            GROUPS.get(service, "Service Desk"), approved, approver,
            start.strftime(SNOW_TIME), end.strftime(SNOW_TIME), work_end, close, pir]


def changes(rng, as_of):
    rows, number, day = [], 10500, dt.date(2026, 1, 5)
    fixed = {
        "CHG-10811": (dt.date(2026, 4, 1), "Normal", "",
                      "Block closure of emergency changes without a review entry",
                      "Successful", 0, True, "Low", dt.datetime(2026, 4, 14, 20, 0)),
        "CHG-11207": (dt.date(2026, 6, 9), "Normal", "Managed Network and Security",
                      "Firmware upgrade of firewall cluster B", "Unsuccessful", 1, True, "High",
                      None),
        "CHG-11342": (dt.date(2026, 9, 1), "Normal", "Backup and Recovery",
                      "Backup platform upgrade to version 12", "Successful with issues", 2, True,
                      "High", dt.datetime(2026, 9, 12, 22, 0)),
    }
    emergencies = 0
    while day <= as_of.date():
        if day.weekday() < 5 and rng.random() < 0.6:
            number += rng.randrange(2, 9)
            key = f"CHG-{number}"
            if any(abs(int(k[4:]) - number) < 2 for k in fixed):
                day += dt.timedelta(days=1)
                continue
            ctype = rng.choices(["Standard", "Normal", "Emergency"], [0.6, 0.32, 0.08])[0]
            service = rng.choice(SERVICES)
            title = rng.choice(STANDARD if ctype == "Standard" else NORMAL)
            if ctype == "Emergency":
                emergencies += 1
                title = "Emergency: " + rng.choice(
                    ["patch actively exploited VPN flaw", "replace failed storage controller",
                     "restore core switch configuration", "block malicious sender domain"])
            # Before CHG-10811 the tool let emergency changes close unreviewed.
            review = not (ctype == "Emergency" and day < dt.date(2026, 3, 1) and emergencies % 2)
            outcome = "Successful" if rng.random() < 0.93 else "Successful with issues"
            rows.append(change(rng, key, day, ctype, service, title, as_of, outcome,
                               review=review))
        day += dt.timedelta(days=1)
    for key, (day, ctype, service, title, outcome, overrun, review, risk, start) in fixed.items():
        rows.append(change(rng, key, day, ctype, service, title, as_of, outcome, overrun, review,
                           risk, start))
    rows.sort(key=lambda r: r[0])
    return rows


CI_HEADER = ["name", "sys_class_name", "short_description", "install_status", "environment",
             "support_group", "location", "u_service"]
CI_CLASSES = {
    "Managed Workplace": [("wp-intune", "Application", "Endpoint management tenant"),
                          ("wp-print-{n:02d}", "Windows Server", "Print server"),
                          ("wp-m365", "Cloud Service", "Microsoft 365 tenant")],
    "Managed Network and Security": [("ns-core-{n:02d}", "IP Switch", "Core switch"),
                                     ("ns-fw-{n:02d}", "IP Firewall", "Firewall cluster node"),
                                     ("ns-vpn-{n:02d}", "IP Router", "VPN gateway")],
    "Harbour Cloud Hosting": [("hc-esx-{n:02d}", "ESX Server", "Hypervisor host"),
                              ("hc-san-{n:02d}", "Storage Device", "Storage array"),
                              ("hc-lb-{n:02d}", "Load Balancer", "Load balancer")],
    "Backup and Recovery": [("br-bkp-{n:02d}", "Linux Server", "Backup server"),
                            ("br-repo-{n:02d}", "Storage Device", "Backup repository"),
                            ("br-console", "Application", "Backup management console")],
}


def configuration_items(rng):
    rows = []
    for service, classes in CI_CLASSES.items():
        for pattern, cls, text in classes:
            count = 1 if "{n" not in pattern else rng.randrange(2, 5)
            for n in range(1, count + 1):
                site = rng.choice(["Avonmouth DC", "Filton DC"])
                status = "Installed" if rng.random() < 0.9 else rng.choice(
                    ["In Maintenance", "Retired", "On Order"])
                rows.append([pattern.format(n=n), cls, f"{text} ({site})", status, "Production",
                             GROUPS[service], site, service])
    rows.sort(key=lambda r: r[0])
    return rows


REQUEST_TYPES = [("Request new hardware", "Managed Workplace", "New laptop for starter"),
                 ("Request software", "Managed Workplace", "Install Visio"),
                 ("Get access", "Managed Workplace", "Access to finance share"),
                 ("Request a firewall rule", "Managed Network and Security",
                  "Open port for partner SFTP"),
                 ("Request a virtual machine", "Harbour Cloud Hosting", "Test VM for project"),
                 ("Restore data", "Backup and Recovery", "Restore deleted folder")]


def service_requests(rng, as_of, start=dt.date(2026, 1, 2), per_day=(0, 1, 1, 2), limit=None):
    """Requests as tuples: title, number, status, priority, agent, created,
    updated, resolved (or None), request type, service."""
    out, number, day = [], 1000, start
    # The service desk analysts and lead of records/people.yaml.
    agents = ["Chloe Bennett", "Ryan Doyle", "Nina Kowalski", "Jamie Okafor"]
    while day <= as_of.date() and (limit is None or len(out) < limit):
        for _ in range(rng.choice(per_day)):
            number += 1
            rtype, service, title = rng.choice(REQUEST_TYPES)
            created = at(day, rng, 8, 17)
            resolved = created + dt.timedelta(hours=rng.uniform(1, 60))
            status = ("In Progress" if resolved > as_of else
                      "Resolved" if (as_of - resolved).days < 7 else "Closed")
            if status == "In Progress" and rng.random() < 0.4:
                status = "Waiting for customer"
            priority = rng.choices(["High", "Medium", "Low"], [0.1, 0.7, 0.2])[0]
            done = status in ("Resolved", "Closed")
            out.append((title, number, status, priority, rng.choice(agents), created,
                        resolved if done else created, resolved if done else None, rtype,
                        service))
        day += dt.timedelta(days=1)
    return out[:limit] if limit else out


REQUEST_TYPE_IDS = {rtype: str(40 + n) for n, (rtype, _, _) in enumerate(REQUEST_TYPES)}
SERVICE_OPTION_IDS = {service: str(10231 + n) for n, service in enumerate(SERVICES)}
STATUS_CATEGORY = {"Open": "new", "Waiting for support": "new", "Resolved": "done",
                   "Closed": "done", "In Progress": "indeterminate",
                   "Waiting for customer": "indeterminate"}
PRIORITY_IDS = {"Highest": "1", "High": "2", "Medium": "3", "Low": "4", "Lowest": "5"}


def rest_time(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.000+0000")


def requests_json(requests, site="https://harbour-it.atlassian.net"):
    """Jira's REST search result (GET /rest/api/2/search?jql=project=SR):
    each issue's fields as nested objects; the request type in JSM's
    customfield_10010, the service in the site's own select field
    customfield_10061 ("Affected service")."""
    issues = []
    for (title, number, status, priority, agent, created, updated, resolved, rtype,
         service) in requests:
        issue_id = str(20000 + number)
        issues.append({
            "expand": "operations,versionedRepresentations,editmeta,changelog,renderedFields",
            "id": issue_id,
            "self": f"{site}/rest/api/2/issue/{issue_id}",
            "key": f"SR-{number}",
            "fields": {
                "summary": title,
                "issuetype": {"name": "Service Request", "subtask": False},
                "status": {"name": status, "statusCategory": {"key": STATUS_CATEGORY[status]}},
                "priority": {"name": priority, "id": PRIORITY_IDS[priority]},
                "assignee": {"displayName": agent, "active": True},
                "reporter": {"displayName": "Customer user", "active": True},
                "created": rest_time(created),
                "updated": rest_time(updated),
                "resolutiondate": rest_time(resolved) if resolved else None,
                "labels": [],
                "customfield_10010": {"requestType": {"id": REQUEST_TYPE_IDS[rtype],
                                                      "name": rtype}},
                "customfield_10061": {"value": service, "id": SERVICE_OPTION_IDS[service]},
            },
        })
    return {"expand": "schema,names", "startAt": 0, "maxResults": len(issues),
            "total": len(issues), "issues": issues}


def write_json(path, data, indent=2):
    """Indented for the example's diffs; Jira's own responses are compact
    (indent=None), as the benchmark writes them."""
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(data, f, indent=indent, ensure_ascii=False,
                  separators=None if indent else (",", ":"))
        f.write("\n")


def example(folder):
    rng = random.Random(20000)
    as_of = dt.datetime(2026, 11, 30, 18, 0, 0)
    recurring = {}
    for key, opened, service, _, _, _, _, _, _, resolved in PROBLEMS:
        until = dt.date.fromisoformat(resolved) if resolved else as_of.date()
        recurring.setdefault(service, []).append((key, dt.date.fromisoformat(opened), until))
    os.makedirs(folder, exist_ok=True)
    inc = incidents(rng, as_of, recurring)
    write(os.path.join(folder, "servicenow-incidents-2026.csv"), INCIDENT_HEADER, inc, True)
    write(os.path.join(folder, "servicenow-problems.csv"), PROBLEM_HEADER, problems(inc), True)
    write(os.path.join(folder, "servicenow-changes.csv"), CHANGE_HEADER, changes(rng, as_of),
          True)
    write(os.path.join(folder, "servicenow-cmdb-ci.csv"), CI_HEADER, configuration_items(rng),
          True)
    write_json(os.path.join(folder, "jira-service-requests.json"),
               requests_json(service_requests(rng, as_of)))


def many(rows, path):
    rng = random.Random(rows)
    as_of = dt.datetime(2026, 12, 31)
    if path.endswith(".json"):
        write_json(path, requests_json(service_requests(
            rng, as_of, dt.date(2026, 1, 1), (30, 40), rows)), indent=None)
        return
    out, start = [], dt.datetime(2026, 1, 1)
    for n in range(rows):
        opened = start + dt.timedelta(minutes=n * 50)
        service = SERVICES[n % 4]
        out.append(incident(rng, f"INC{n + 1:07d}", opened, service,
                            PRIORITY[rng.randrange(4)], as_of))
    write(path, INCIDENT_HEADER, out, True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--example", metavar="FOLDER")
    parser.add_argument("--rows", type=int)
    parser.add_argument("file", nargs="?")
    args = parser.parse_args()
    if args.example:
        example(args.example)
    elif args.rows and args.file:
        many(args.rows, args.file)
    else:
        parser.error("give --example FOLDER or --rows N FILE")
