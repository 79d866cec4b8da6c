#include "import/plan.h"

#include <algorithm>
#include <map>
#include <optional>

#include "adapters/yaml.h"
#include "base/portable_name.h"
#include "base/text.h"
#include "import/fields.h"
#include "import/import_id.h"
#include "import/links.h"
#include "import/metadata.h"
#include "init/yaml_text.h"

namespace smsdoc {

namespace {

std::string FolderOf(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

std::string NameOf(const std::string& path) { return path.substr(path.rfind('/') + 1); }

std::string StemOf(const std::string& path) {
  std::string name = NameOf(path);
  size_t dot = name.rfind('.');
  return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

// One path part Windows and macOS can hold: refused characters become
// '-', a trailing dot or space goes, a device name gets '_'.
std::string PortablePart(const std::string& part) {
  std::string out;
  for (char c : part) {
    unsigned char u = static_cast<unsigned char>(c);
    bool bad = u < 0x20 || u == 0x7F || std::string_view(":?|*<>\"\\").find(c) != std::string::npos;
    out += bad ? '-' : c;
  }
  while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.pop_back();
  if (!NameProblem(out).empty()) out += "_";
  return out.empty() ? "_" : out;
}

std::string PortablePath(const std::string& path, std::string& note) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t slash = path.find('/', start);
    std::string part = path.substr(start, slash == std::string::npos ? slash : slash - start);
    std::string problem = NameProblem(part);
    if (!problem.empty()) {
      note = "renamed: '" + EscapeControl(part) + "' " + problem;
      part = PortablePart(part);
    }
    parts.push_back(part);
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return Join(parts, "/");
}

// The type `types:` gives files under `folder`: the longest folder wins.
const std::pair<const std::string, std::string>* TypeByFolder(const ImportMapping& m,
                                                              const std::string& folder) {
  const std::pair<const std::string, std::string>* best = nullptr;
  for (const auto& entry : m.types) {
    bool holds =
        entry.first.empty() || folder == entry.first || StartsWith(folder, entry.first + "/");
    if (holds && (!best || entry.first.size() > best->first.size())) best = &entry;
  }
  return best;
}

class Planner {
 public:
  explicit Planner(const ImportInput& in) : in_(in) {
    for (const SourceFile& f : in.markdown) markdown_.insert(f.path);
    others_.insert(in.other_files.begin(), in.other_files.end());
    for (const std::string& p : in.other_files) AddFolders(p);
    for (const std::string& p : markdown_) AddFolders(p);
  }

  ImportPlan Plan() {
    ImportPlan plan;
    std::vector<IdWish> wishes;
    for (const SourceFile& f : in_.markdown) {
      plan.documents.push_back(Read(f));
      wishes.push_back({plan.documents.back().id, FolderOf(f.path)});
    }
    std::vector<AssignedId> ids = AssignIds(wishes, in_.taken_ids);
    std::set<std::string> copied;
    for (size_t i = 0; i < plan.documents.size(); ++i) {
      ImportedDocument& doc = plan.documents[i];
      doc.id = ids[i].id;
      if (!ids[i].how.empty()) doc.id_from += "; " + ids[i].how;
      Write(doc);
      for (const std::string& asset : assets_[i])
        if (copied.insert(asset).second) plan.assets.push_back({asset, Target(asset, nullptr)});
    }
    for (const auto& [field, count] : missing_)
      plan.problems.push_back(
          Plural(count) + " no '" + field + "' and smsdoc.yaml has no default for it: add '" +
          field + ":' under 'defaults:' in smsdoc.yaml, or map a source key to it (--map)");
    return plan;
  }

 private:
  static std::string Plural(int n) {
    return std::to_string(n) + (n == 1 ? " document has" : " documents have");
  }

  void AddFolders(const std::string& path) {
    for (std::string f = FolderOf(path); !f.empty(); f = FolderOf(f)) folders_.insert(f);
  }

  std::string Target(const std::string& source, std::string* note) {
    std::string why;
    std::string path = PortablePath(source, why);
    if (note) *note = why;
    std::string base = in_.config.policies_dirs[0] + "/";
    if (!in_.into.empty()) base += in_.into + "/";
    return base + path;
  }

  ImportedDocument Read(const SourceFile& f) {
    ImportedDocument doc;
    doc.source = f.path;
    doc.target = Target(f.path, &doc.target_note);
    SourceParts parts = SplitSource(f.bytes);
    YamlNode meta;
    if (parts.kind != SourceParts::Kind::kNone) {
      Diagnostics scratch;
      meta = ParseYaml(parts.yaml, f.path, parts.yaml_first_line, scratch);
      bool usable = !scratch.HasErrors() && meta.IsMap();
      if (!usable && parts.kind == SourceParts::Kind::kLeadingYaml) {
        parts = WithoutMetadata(f.bytes);  // prose that looked like YAML: all body
        meta = {};
      } else if (!usable) {
        std::string why = scratch.HasErrors() ? FormatDiagnostic(scratch.items().front())
                                              : "not a mapping of keys";
        doc.notes.push_back("the front matter cannot be read (" + why +
                            "): none of its keys were imported");
        meta = {};
      }
    }
    if (parts.unclosed)
      doc.notes.push_back("starts with '---' that is never closed: kept in the body");
    doc.metadata = parts.kind == SourceParts::Kind::kFrontMatter   ? "front matter"
                   : parts.kind == SourceParts::Kind::kLeadingYaml ? "leading YAML block"
                                                                   : "none";
    body_ = parts.body;
    yaml_.clear();
    Fields(doc, meta);
    FillIn(doc, f.path);
    LinksOf(doc, f.path);
    yaml_of_doc_[f.path] = yaml_;
    bodies_[f.path] = std::string(parts.body);
    return doc;
  }

  void Fields(ImportedDocument& doc, const YamlNode& meta) {
    const ImportMapping& m = in_.mapping;
    const std::vector<std::string>& importable = ImportableFields();
    for (const auto& e : meta.entries) {
      std::string field;
      if (auto it = m.fields.find(e.key); it != m.fields.end())
        field = it->second;
      else if (std::find(m.drop.begin(), m.drop.end(), e.key) != m.drop.end())
        doc.dropped.push_back({e.key, ShowYaml(e.value), "dropped by the mapping"});
      else if (std::find(importable.begin(), importable.end(), e.key) != importable.end())
        field = e.key;
      else
        doc.dropped.push_back({e.key, ShowYaml(e.value), "not mapped"});
      if (field.empty()) continue;
      if (Has(doc, field)) {
        doc.dropped.push_back({e.key, ShowYaml(e.value), "'" + field + "' was set already"});
        continue;
      }
      ConvertedValue v = ConvertValue(field, e.value, m, in_.config);
      if (v.yaml.empty()) {
        doc.dropped.push_back({e.key, ShowYaml(e.value), "for '" + field + "': " + v.note});
        continue;
      }
      doc.fields.push_back({field, v.plain, "'" + e.key + "'", v.note});
      yaml_[field] = v.yaml;
    }
  }

  static bool Has(const ImportedDocument& doc, const std::string& field) {
    return std::any_of(doc.fields.begin(), doc.fields.end(),
                       [&](const FilledField& f) { return f.field == field; });
  }

  void Set(ImportedDocument& doc, const std::string& field, const std::string& yaml,
           const std::string& plain, const std::string& from) {
    doc.fields.push_back({field, plain, from, ""});
    yaml_[field] = yaml;
  }

  void FillIn(ImportedDocument& doc, const std::string& source) {
    std::string stem = StemOf(source);
    if (Has(doc, "id")) {
      doc.id = yaml_["id"];
      doc.id_from = "from the metadata";
      yaml_.erase("id");  // written once the ID is unique
    } else {
      std::string name = IdStem(stem);
      doc.id = name.empty() ? in_.mapping.id_prefix : in_.mapping.id_prefix + "-" + name;
      doc.id_from = "made from the file name";
    }
    if (Has(doc, "title")) {
      doc.title = std::find_if(doc.fields.begin(), doc.fields.end(), [](const FilledField& f) {
                    return f.field == "title";
                  })->value;
      doc.title_from = "the metadata";
    } else if (std::string heading = FirstHeading(body_); !heading.empty()) {
      doc.title = heading;
      doc.title_from = "the first '# ' heading";
      Set(doc, "title", YamlQuoted(heading), heading, "the first heading");
    } else {
      doc.title = stem;
      doc.title_from = "the file name";
      Set(doc, "title", YamlQuoted(stem), stem, "the file name");
    }
    if (!Has(doc, "type")) {
      if (const auto* by_folder = TypeByFolder(in_.mapping, FolderOf(source)))
        Set(doc, "type", by_folder->second, by_folder->second,
            "types: " + (by_folder->first.empty() ? "(all)" : by_folder->first));
    }
    DocumentDefaults defaults = in_.config.DefaultsFor(doc.target);
    auto from_defaults = [&](const std::string& field, const std::string& value) {
      if (Has(doc, field)) return;
      if (value.empty()) {
        ++missing_[field];
        return;
      }
      doc.fields.push_back({field, value, "defaults:", ""});  // written by the loader, not here
    };
    from_defaults("type", defaults.type);
    from_defaults("owner", defaults.owner);
    from_defaults("approver", defaults.approver);
    from_defaults("review_months",
                  defaults.review_months ? std::to_string(defaults.review_months) : "");
    if (!Has(doc, "version")) Set(doc, "version", "\"0.1\"", "0.1", "invented");
    auto status = std::find_if(doc.fields.begin(), doc.fields.end(),
                               [](const FilledField& f) { return f.field == "status"; });
    if (status == doc.fields.end()) {
      Set(doc, "status", "draft", "draft", "invented");
    } else if (status->value != "draft" && !Has(doc, "effective")) {
      // An approval is never invented: without its date it stays a draft.
      doc.notes.push_back("status '" + status->value +
                          "' needs an 'effective' date, which the metadata does not give: "
                          "imported as a draft");
      status->value = "draft";
      status->note +=
          std::string(status->note.empty() ? "" : "; ") + "made draft: no effective date";
      yaml_["status"] = "draft";
    }
  }

  void LinksOf(ImportedDocument& doc, const std::string& source) {
    std::vector<std::string> assets;
    std::string folder = FolderOf(source);
    for (const std::string& target : RelativeLinkTargets(body_)) {
      std::string joined = folder.empty() ? target : folder + "/" + target;
      bool to_folder = !joined.empty() && joined.back() == '/';
      while (!joined.empty() && joined.back() == '/') joined.pop_back();
      std::optional<std::string> path = NormalizeRelativePath(joined);
      if (!path) continue;  // outside DIR: check reports it if it matters
      if (others_.count(*path)) {
        if (std::find(assets.begin(), assets.end(), *path) == assets.end()) assets.push_back(*path);
      } else if ((to_folder || folders_.count(*path) || path->empty()) && !markdown_.count(*path)) {
        std::string prefix = path->empty() ? "" : *path + "/";
        bool readme = markdown_.count(prefix + "README.md") || markdown_.count(prefix + "index.md");
        if (!readme)
          doc.notes.push_back("links to the folder '" + target +
                              "', which holds no README.md or index.md: 'smsdoc check' will "
                              "report it (link-unknown); link to a document in it instead");
      }
    }
    assets_.push_back(std::move(assets));
  }

  // The front matter in the loader's field order, then the body as it was.
  void Write(ImportedDocument& doc) {
    std::map<std::string, std::string>& yaml = yaml_of_doc_[doc.source];
    yaml["id"] = doc.id;
    std::string& b = doc.bytes;
    b = "---\n# Imported by `smsdoc import` from " + EscapeControl(doc.source) +
        ": review it with import-report.md.\n";
    for (const std::string& field : ImportableFields())
      if (yaml.count(field)) b += field + ": " + yaml[field] + "\n";
    b += "---\n" + bodies_[doc.source];
  }

  const ImportInput& in_;
  std::set<std::string> markdown_, others_, folders_;
  std::map<std::string, int> missing_;  // field -> documents without value or default
  std::vector<std::vector<std::string>> assets_;
  // The document being read.
  std::string_view body_;
  std::map<std::string, std::string> yaml_;
  // Per document, kept until IDs are known and the file is written.
  std::map<std::string, std::map<std::string, std::string>> yaml_of_doc_;
  std::map<std::string, std::string> bodies_;
};

}  // namespace

ImportPlan PlanImport(const ImportInput& input) { return Planner(input).Plan(); }

}  // namespace smsdoc
