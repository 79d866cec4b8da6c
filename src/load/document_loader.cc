#include "load/document_loader.h"

#include <algorithm>

#include "adapters/markdown.h"
#include "adapters/yaml.h"
#include "base/text.h"
#include "load/field_reader.h"
#include "load/front_matter.h"
#include "load/kpi_reader.h"

namespace smsdoc {

namespace {

const std::vector<std::string> kStatuses = {"draft", "approved", "retired"};
const std::vector<std::string> kDocumentFields = {
    "id",      "title",     "type",           "owner",          "approver",    "version",
    "status",  "effective", "review_months",  "approved_on",    "reviewed_on", "clauses",
    "related", "author",    "classification", "change_summary", "accept",      "controls"};
const std::vector<std::string> kProcessFields = {"purpose", "inputs",     "outputs", "activities",
                                                 "kpis",    "interfaces", "records"};

void AddIdRefs(FieldReader& reader, Document& doc, const std::string& key,
               const std::string& required_kind) {
  for (auto& id : reader.Ids(key, false, false))
    doc.refs.push_back(
        {.relation = key, .target = id.value, .required_kind = required_kind, .pos = id.pos});
}

void ReadProcess(FieldReader& reader, Document& doc) {
  doc.purpose = reader.Text("purpose", false);
  doc.inputs = reader.List("inputs");
  doc.outputs = reader.List("outputs");
  doc.record_kinds = reader.List("records");
  AddIdRefs(reader, doc, "interfaces", "process");

  reader.Rows("activities", {"step", "responsible", "accountable", "consulted", "informed"},
              [&](FieldReader& row) {
                doc.activities.push_back({row.Text("step", true), row.Role("responsible", true),
                                          row.Role("accountable", true), row.Roles("consulted"),
                                          row.Roles("informed")});
              });
  reader.Rows("kpis", KpiFieldNames(), [&](FieldReader& row) { doc.kpis.push_back(ReadKpi(row)); });
}

// Flow-style YAML for a kept value: `a, b` for a list, `k: v, k: v` for a
// mapping, nested ones in brackets.
std::string YamlText(const YamlNode& node, bool nested) {
  if (node.IsScalar()) return node.scalar;
  std::vector<std::string> parts;
  if (node.IsSequence())
    for (const auto& item : node.items) parts.push_back(YamlText(item, true));
  if (node.IsMap())
    for (const auto& e : node.entries) parts.push_back(e.key + ": " + YamlText(e.value, true));
  std::string joined = Join(parts, ", ");
  if (!nested) return joined;
  return node.IsSequence() ? "[" + joined + "]" : node.IsMap() ? "{" + joined + "}" : "";
}

// smsdoc.yaml's `document_fields:`, then what `unknown_fields:` says of the
// keys neither smsdoc nor they know.
void ReadOtherFields(FieldReader& reader, const YamlNode& meta, bool is_process, Document& doc) {
  const Config& config = reader.config();
  std::vector<std::string> known = DocumentFieldNames(is_process);
  for (const auto& spec : config.document_fields) {
    known.push_back(spec.name);
    FieldValue v = ReadFieldValue(reader, spec, {}, doc.refs);
    if (!v.text.empty() || !v.items.empty()) doc.fields.push_back(std::move(v));
  }
  switch (config.unknown_fields) {
    case UnknownFields::kError: reader.RejectUnknown(known); break;
    case UnknownFields::kWarn:
      for (const auto& e : meta.entries)
        if (std::find(known.begin(), known.end(), e.key) == known.end())
          reader.diags().Warning(doc.path, e.key_pos,
                                 "unknown field '" + e.key + "'" + DidYouMean(e.key, known) +
                                     "; declare it under 'document_fields:' in smsdoc.yaml",
                                 "field-undeclared");
      break;
    case UnknownFields::kKeep:
      for (const auto& e : meta.entries)
        if (std::find(known.begin(), known.end(), e.key) == known.end() && !e.value.IsNull())
          doc.kept.push_back({e.key, YamlText(e.value, false), e.key_pos});
      break;
  }
}

}  // namespace

std::vector<std::string> DocumentFieldNames(bool is_process) {
  std::vector<std::string> names = kDocumentFields;
  if (is_process) names.insert(names.end(), kProcessFields.begin(), kProcessFields.end());
  return names;
}

const std::vector<std::string>& DocumentStatuses() { return kStatuses; }

const std::vector<std::string>& DocumentTypes() {
  static const std::vector<std::string> kTypes = {
      "guideline", "manual", "plan",     "policy",    "procedure", "process",
      "register",  "report", "standard", "statement", "form",      "work-instruction"};
  return kTypes;
}

const std::vector<std::string>& DocumentClassifications() {
  static const std::vector<std::string> kValues = {"public", "internal", "confidential",
                                                   "restricted"};
  return kValues;
}

std::optional<Document> LoadDocumentFields(const std::string& path, std::string_view text,
                                           bool is_process, const Config& config,
                                           Diagnostics& diags, PendingBody& body) {
  FrontMatter fm = SplitFrontMatter(text, path, diags);
  if (!fm.ok) return std::nullopt;
  size_t errors_before = diags.ErrorCount();
  YamlNode meta = ParseYaml(fm.yaml, path, fm.yaml_first_line, diags);
  if (diags.ErrorCount() > static_cast<int>(errors_before) && meta.IsNull()) return std::nullopt;
  if (!meta.IsMap()) {
    diags.Error(path, {fm.yaml_first_line, 1},
                "front matter must be a mapping of fields (id: ..., title: ...)",
                "frontmatter-type");
    return std::nullopt;
  }

  Document doc;
  doc.path = path;
  doc.is_process = is_process;
  FieldReader reader(meta, {1, 1}, path, config, diags);
  ReadOtherFields(reader, meta, is_process, doc);

  doc.id = reader.Id("id", true);
  doc.id_pos = reader.PosOf("id");
  doc.title = reader.Text("title", true);
  const DocumentDefaults defaults = config.DefaultsFor(path);
  // A process's type is always "process": no default makes it one.
  std::string default_type = is_process ? "" : defaults.type;
  doc.type = reader.Enum("type", default_type.empty(), DocumentTypes());
  if (!reader.Node("type")) doc.type = default_type;
  if (is_process && !doc.type.empty() && doc.type != "process") {
    diags.Error(path, reader.PosOf("type"),
                "a process definition must have 'type: process', got '" + doc.type + "'",
                "field-enum");
  }
  if (!is_process && doc.type == "process") {
    diags.Error(path, reader.PosOf("type"),
                "'type: process' is for process definitions, which live in '" +
                    Join(config.processes_dirs, "/', '") + "/'",
                "field-enum");
  }
  doc.owner = reader.Role("owner", defaults.owner.empty());
  if (doc.owner.empty() && !reader.Node("owner")) doc.owner = defaults.owner;
  doc.approver = reader.Role("approver", defaults.approver.empty());
  if (doc.approver.empty() && !reader.Node("approver")) doc.approver = defaults.approver;
  doc.version = reader.Text("version", true);
  doc.version_pos = reader.PosOf("version");
  doc.approver_pos = reader.PosOf("approver");
  doc.status = reader.Enum("status", true, kStatuses);
  // A draft takes effect when it is approved: until then it needs no date.
  doc.effective = reader.Date("effective", doc.status != "draft");
  doc.approved_on = reader.Date("approved_on", false);
  doc.reviewed_on = reader.Date("reviewed_on", false);
  doc.review_months = static_cast<int>(
      reader.Integer("review_months", defaults.review_months == 0, 1, 60).value_or(0));
  if (!reader.Node("review_months")) doc.review_months = defaults.review_months;
  doc.review_pos = reader.PosOf(doc.reviewed_on.empty() ? "review_months" : "reviewed_on");
  doc.effective_pos = reader.PosOf("effective");
  doc.approved_on_pos = reader.PosOf("approved_on");
  doc.clauses = reader.Clauses("clauses");
  for (std::string& c : reader.Controls("controls")) doc.clauses.push_back(std::move(c));
  SplitFrameworkRefs(doc.clauses, doc.controls);
  doc.author = reader.Role("author", false);
  doc.classification = reader.Enum("classification", false, DocumentClassifications());
  doc.change_summary = reader.Text("change_summary", false);
  AddIdRefs(reader, doc, "related", "");
  doc.accepts = reader.Accepts("accept");
  if (is_process) ReadProcess(reader, doc);

  body = {path, std::string(fm.body), fm.body_first_line};
  return doc;
}

std::optional<Document> LoadDocument(const std::string& path, std::string_view text,
                                     bool is_process, const Config& config, Diagnostics& diags) {
  PendingBody pending;
  std::optional<Document> doc = LoadDocumentFields(path, text, is_process, config, diags, pending);
  if (doc)
    AttachBody(
        *doc,
        RenderMarkdown(pending.markdown, {pending.first_line, config.allow_raw_html, path}, &diags),
        diags);
  return doc;
}

void AttachBody(Document& doc, Body body, Diagnostics& diags) {
  doc.body = std::move(body);
  for (Reference& ref : BodyReferences(doc.path, doc.body, diags))
    doc.refs.push_back(std::move(ref));
}

std::vector<Reference> BodyReferences(const std::string& path, const Body& body,
                                      Diagnostics& diags) {
  std::vector<Reference> refs;
  for (size_t i = 0; i < body.links.size(); ++i) {
    const BodyLink& link = body.links[i];
    Reference ref{.relation = "body",
                  .target = link.target,
                  .by_path = link.kind == BodyLink::Kind::kPath,
                  .anchor = link.anchor,
                  .link_index = static_cast<int>(i),
                  .pos = link.pos};
    if (ref.by_path) {
      // Relative to this file's folder; "" means this page.
      if (ref.target.empty()) {
        ref.target = path;
      } else if (ref.target[0] == '/') {
        diags.Error(
            path, link.pos,
            "absolute path '" + link.target + "': link to files with a path relative to this file",
            "link-path");
        continue;
      } else {
        std::string dir = DirName(path);
        auto norm = NormalizeRelativePath(dir.empty() ? ref.target : dir + "/" + ref.target);
        if (!norm) {
          diags.Error(path, link.pos, "link '" + link.target + "' points outside the SMS root",
                      "link-path");
          continue;
        }
        ref.target = *norm;
      }
    }
    refs.push_back(std::move(ref));
  }
  return refs;
}

}  // namespace smsdoc
