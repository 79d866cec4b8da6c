#include "render/changes_page.h"

#include "base/text.h"
#include "render/labels.h"
#include "render/script_labels.h"

namespace smsdoc {

namespace {

TemplateValue Documents(const std::vector<Changes::DocumentChange>& docs) {
  TemplateValue list = TemplateValue::List();
  for (const auto& d : docs) {
    TemplateValue v;
    v.Set("id", d.id);
    v.Set("title", d.title);
    v.Set("path", d.path);
    v.Set("version_before", d.version_before);
    v.Set("version_after", d.version_after);
    TemplateValue commits = TemplateValue::List();
    for (const auto& c : d.commits) {
      TemplateValue row;
      row.Set("short", c.commit.substr(0, 7));
      row.Set("commit", c.commit);
      row.Set("date", c.date);
      row.Set("author", c.author);
      row.Set("summary", c.summary);
      commits.Push(std::move(row));
    }
    v.Set("has_commits", !commits.list.empty());
    v.Set("commits", std::move(commits));
    list.Push(std::move(v));
  }
  return list;
}

TemplateValue Records(const std::vector<Changes::RecordChange>& records) {
  TemplateValue list = TemplateValue::List();
  for (const auto& r : records) {
    TemplateValue v;
    v.Set("id", r.id);
    v.Set("kind", r.kind);
    v.Set("title", r.title);
    v.Set("status_before", r.status_before);
    v.Set("status_after", r.status_after);
    list.Push(std::move(v));
  }
  return list;
}

void SetSection(TemplateValue& v, const std::string& name, TemplateValue list) {
  v.Set("count_" + name, std::to_string(list.list.size()));
  v.Set("has_" + name, !list.list.empty());
  v.Set(name, std::move(list));
}

}  // namespace

OutputFiles RenderChanges(const Changes& changes, const ChangesRange& range, const Theme& theme,
                          Diagnostics& diags) {
  TemplateValue v;
  v.Set("language", theme.labels.language);
  if (auto it = theme.labels_of.find("changes"); it != theme.labels_of.end())
    v.Set("l", it->second);
  v.Set("from", range.from);
  v.Set("to", range.to);
  v.Set("commits", std::to_string(range.commits));
  SetSection(v, "documents_added", Documents(changes.documents_added));
  SetSection(v, "documents_removed", Documents(changes.documents_removed));
  SetSection(v, "documents_changed", Documents(changes.documents_changed));
  SetSection(v, "records_added", Records(changes.records_added));
  SetSection(v, "records_removed", Records(changes.records_removed));
  SetSection(v, "records_closed", Records(changes.records_closed));
  SetSection(v, "findings_opened", Records(changes.findings_opened));
  SetSection(v, "findings_closed", Records(changes.findings_closed));
  OutputFiles files;
  std::string html, error;
  if (!theme.templates.Render("changes", v, html, error)) {
    diags.Error(theme.files.count("changes") ? theme.files.at("changes") : "changes", {},
                "template error: " + error, "template");
    return files;
  }
  files.push_back({"index.html", std::move(html), ""});
  for (const auto& [path, bytes] : theme.assets)
    files.push_back(
        {path, EndsWith(path, ".js") ? WithScriptLabels(bytes, theme.labels) : bytes, ""});
  return files;
}

}  // namespace smsdoc
