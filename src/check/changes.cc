#include "check/changes.h"

#include <map>

#include "analyse/register_rules.h"

namespace smsdoc {

namespace {

// The body, version and title a document had, to tell whether it changed.
bool SameDocument(const Document& a, const Document& b) {
  auto body = [](const Document& d) {
    return d.control.history.empty() ? 0 : d.control.history[0].body_hash;
  };
  return body(a) == body(b) && a.version == b.version && a.title == b.title && a.status == b.status;
}

Changes::DocumentChange DocChange(const Document& d) {
  return {.id = d.id, .title = d.title, .path = d.path};
}

Changes::RecordChange RecordChange(const Record& r, const Record* before) {
  return {r.id, r.kind->name, r.title, before ? before->status : "", r.status};
}

bool IsFinding(const Record& r) { return r.kind->name == "finding"; }

}  // namespace

Changes CompareRevisions(const Graph& before, const Graph& after,
                         const std::set<std::string>& between) {
  Changes c;
  std::map<std::string, const Document*> old_docs;
  for (const Document& d : before.corpus->documents) old_docs[d.id] = &d;
  for (const Document& d : after.corpus->documents) {
    auto it = old_docs.find(d.id);
    if (it == old_docs.end()) {
      Changes::DocumentChange change = DocChange(d);
      change.version_after = d.version;
      c.documents_added.push_back(std::move(change));
      continue;
    }
    const Document& old = *it->second;
    old_docs.erase(it);
    if (SameDocument(old, d)) continue;
    Changes::DocumentChange change = DocChange(d);
    change.version_before = old.version;
    change.version_after = d.version;
    for (const Revision& r : d.control.history)
      if (between.count(r.commit))
        change.commits.push_back({r.commit, r.date, r.author, r.summary});
    c.documents_changed.push_back(std::move(change));
  }
  for (const auto& [id, d] : old_docs) {
    Changes::DocumentChange change = DocChange(*d);
    change.version_before = d->version;
    c.documents_removed.push_back(std::move(change));
  }

  std::map<std::string, const Record*> old_records;
  for (const Record& r : before.corpus->records) old_records[r.id] = &r;
  for (const Record& r : after.corpus->records) {
    auto it = old_records.find(r.id);
    const Record* old = it == old_records.end() ? nullptr : it->second;
    if (old) old_records.erase(it);
    bool done = RegisterRules::IsDone(r), was_done = old && RegisterRules::IsDone(*old);
    if (!old) c.records_added.push_back(RecordChange(r, nullptr));
    if (done && old && !was_done) c.records_closed.push_back(RecordChange(r, old));
    if (!IsFinding(r)) continue;
    if (!done && (!old || was_done)) c.findings_opened.push_back(RecordChange(r, old));
    if (done && old && !was_done) c.findings_closed.push_back(RecordChange(r, old));
  }
  for (const auto& [id, r] : old_records)
    c.records_removed.push_back({r->id, r->kind->name, r->title, r->status, ""});
  return c;
}

}  // namespace smsdoc
