#include "init/new_item.h"

#include <algorithm>
#include <map>
#include <set>

#include "base/text.h"
#include "init/next_id.h"
#include "init/yaml_text.h"
#include "load/document_loader.h"
#include "model/framework.h"

namespace smsdoc {

namespace {

const std::map<std::string, std::string>& Prefixes() {
  static const std::map<std::string, std::string> kPrefixes = {
      {"policy", "POL"},         {"plan", "PLN"},      {"procedure", "PRO"},
      {"statement", "STM"},      {"process", "PRC"},   {"standard", "STD"},
      {"manual", "MAN"},         {"guideline", "GDL"}, {"work-instruction", "WI"},
      {"form", "FRM"},           {"register", "REG"},  {"report", "RPT"},
      {"risk", "RSK"},           {"person", "PER"},    {"competence", "CMP"},
      {"training", "TRN"},       {"audit", "AUD"},     {"finding", "FND"},
      {"action", "ACT"},         {"review", "MR"},     {"service", "SVC"},
      {"customer", "CUS"},       {"sla", "SLA"},       {"supplier", "SUP"},
      {"supplier-review", "SRV"}};
  return kPrefixes;
}

// A kind of the SMS's own: the first letters of its name, upper case.
std::string PrefixOf(const std::string& type) {
  auto it = Prefixes().find(type);
  if (it != Prefixes().end()) return it->second;
  std::string out;
  for (char c : type)
    if (std::isalnum(static_cast<unsigned char>(c)) && out.size() < 3)
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out.empty() ? "REC" : out;
}

std::set<std::string> AllIds(const Corpus& corpus) {
  std::set<std::string> ids;
  for (const Document& d : corpus.documents) ids.insert(d.id);
  for (const Record& r : corpus.records) ids.insert(r.id);
  return ids;
}

std::string WithArticleFor(const std::string& noun) {
  bool vowel = !noun.empty() && std::string("aeiou").find(noun[0]) != std::string::npos;
  return (vowel ? "an " : "a ") + noun;
}

constexpr const char* kToComplete = "  # a default: set it";
constexpr const char* kOrphanReason =
    "New: remove this once it names a clause or links to another item";

NewItem DocumentItem(const std::string& type, const std::string& title, const Corpus& corpus,
                     const std::function<bool(const std::string&)>& file_exists) {
  const Config& config = corpus.config;
  bool process = type == "process";
  std::string folder = process ? config.processes_dirs[0] : config.policies_dirs[0];
  std::vector<std::string> siblings;
  for (const smsdoc::Document& d : corpus.documents)
    if (d.type == type && StartsWith(d.path, folder + "/")) siblings.push_back(d.id);
  NewItem item;
  item.id = NextId(siblings, AllIds(corpus), PrefixOf(type), 2);
  std::string slug = Slugify(title);
  if (slug.empty()) slug = Slugify(item.id);
  item.path = folder + "/" + slug + ".md";
  if (file_exists(item.path)) item.path = folder + "/" + slug + "-" + Slugify(item.id) + ".md";

  DocumentDefaults defaults = config.DefaultsFor(item.path);
  std::string fallback_role = config.roles.empty() ? "" : config.roles.front().key;
  std::string& b = item.bytes;
  b = "---\n# A draft written by `smsdoc new`. When it is approved: status: approved,\n"
      "# effective: YYYY-MM-DD.\n";
  b += "id: " + item.id + "\ntitle: " + YamlQuoted(title) + "\n";
  if (process || defaults.type != type) b += "type: " + type + "\n";
  if (defaults.owner.empty()) b += "owner: " + fallback_role + kToComplete + "\n";
  if (defaults.approver.empty()) b += "approver: " + fallback_role + kToComplete + "\n";
  b += "version: \"0.1\"\nstatus: draft\n";
  if (defaults.review_months == 0) b += std::string("review_months: 12") + kToComplete + "\n";
  b += "clauses: []  # the ISO/IEC 20000-1:2018 clauses it meets, e.g. [\"8.6.1\"]\n";
  b += std::string("accept:\n  orphan: \"") + kOrphanReason + "\"\n---\n\n";
  b += "<!-- Write the " + std::string(process ? "process" : "document") +
       " here; ## headings give it a table of contents. -->\n";
  return item;
}

// A record field's default, as YAML; "" when none can be given (`error` says why).
std::string FieldDefault(const FieldSpec& f, const KindSpec& kind, const Corpus& corpus,
                         const std::string& today, std::string& error) {
  const Config& config = corpus.config;
  std::string role = !config.defaults.owner.empty() ? config.defaults.owner
                     : config.roles.empty()         ? ""
                                                    : config.roles.front().key;
  std::string clause = kind.clause.empty() ? "4" : kind.clause;
  switch (f.type) {
    case FieldType::kEnum: return f.values.empty() ? "" : f.values.front();
    case FieldType::kInteger:
      return std::to_string(!f.scale.empty() ? 1 : f.min != LONG_MIN ? f.min : 0);
    case FieldType::kNumber: return "0";
    case FieldType::kDate: return today;
    case FieldType::kBool: return "false";
    case FieldType::kRole: return role;
    case FieldType::kRoles: return "[" + role + "]";
    case FieldType::kClause: return YamlQuoted(clause);
    case FieldType::kClauses: return "[" + YamlQuoted(clause) + "]";
    case FieldType::kList: return "[" + YamlQuoted("to be completed") + "]";
    case FieldType::kRef:
    case FieldType::kRefs: {
      // The latest item of the kind it must name, so the record links.
      std::string last;
      if (f.ref_kind == "process") {
        for (const smsdoc::Document& d : corpus.documents)
          if (d.is_process) last = std::max(last, d.id);
      } else {
        for (const Record& r : corpus.records)
          if (f.ref_kind.empty() || (r.kind && r.kind->name == f.ref_kind))
            last = std::max(last, r.id);
      }
      if (last.empty()) {
        std::string what = f.ref_kind.empty() ? "record" : f.ref_kind;
        error = WithArticleFor(kind.name) + " must name " + WithArticleFor(what) + " ('" + f.name +
                "'), and the SMS has none yet: create one first with 'smsdoc new " + what + "'";
        return "";
      }
      return f.type == FieldType::kRefs ? "[" + last + "]" : last;
    }
    default: return YamlQuoted("to be completed");
  }
}

// A record of `kind`; `id` "" for the next free one. `set` gives fields'
// YAML values (written even when not required) in place of FieldDefault.
NewItem RecordItem(const KindSpec& kind, const std::string& title, const Corpus& corpus,
                   const std::string& today, const std::string& id = "",
                   const std::map<std::string, std::string>& set = {}) {
  std::vector<std::string> siblings;
  for (const Record& r : corpus.records)
    if (r.kind && r.kind->name == kind.name) siblings.push_back(r.id);
  NewItem item;
  item.id = !id.empty() ? id : NextId(siblings, AllIds(corpus), PrefixOf(kind.name), 3);
  item.path = corpus.config.records_dirs[0] + "/" + kind.name + "/" + item.id + ".yaml";
  std::string& b = item.bytes;
  std::string what = WithArticleFor(kind.name);
  what[0] = 'A';
  b = "# " + what +
      " record written by `smsdoc new`: set the fields marked, add\n"
      "# the others of its kind (smsdoc's docs/registers.md).\n";
  b += "id: " + item.id + "\nkind: " + kind.name + "\ntitle: " + YamlQuoted(title) + "\n";
  b += "status: " + kind.statuses.front() + "\n";
  bool linked = false;
  for (const FieldSpec& f : kind.fields) {
    auto given = set.find(f.name);
    if ((!f.required && given == set.end()) || IsComputed(f.type) || f.type == FieldType::kId ||
        f.type == FieldType::kKind || f.type == FieldType::kStatus || f.name == "title")
      continue;
    std::string value = given != set.end()
                            ? given->second
                            : FieldDefault(f, kind, corpus, today, item.error) + kToComplete;
    if (!item.error.empty()) return item;
    linked |= f.type == FieldType::kRef || f.type == FieldType::kRefs ||
              f.type == FieldType::kClause || f.type == FieldType::kClauses;
    b += f.name + ": " + value + "\n";
  }
  // A record that names nothing is an orphan: its register's clause links it.
  if (!linked && !kind.clause.empty())
    b += "clauses: [" + YamlQuoted(kind.clause) + "]\n";
  else if (!linked)
    b += std::string("accept:\n  orphan: \"") + kOrphanReason + "\"\n";
  return item;
}

// A Statement of Applicability entry (docs/frameworks.md) for `control`
// ("A.5.15" or "iso27001:A.5.15"; "": the first control, in catalogue
// order, without an entry), titled as its catalogue, ID SOA-NUMBER.
NewItem SoaItem(const KindSpec& kind, const std::string& control, const Corpus& corpus,
                const std::string& today) {
  std::map<std::string, const Record*> listed;  // "framework:number" -> its entry
  for (const Record& r : corpus.records)
    if (const FieldValue* v = r.kind && r.kind->name == kind.name ? r.Field("control") : nullptr)
      listed.emplace(v->text, &r);
  std::vector<std::string> controls, numbers;  // for "did you mean"
  std::string ref, title;
  for (const Framework& fw : corpus.config.frameworks)
    for (const FrameworkItem* c : fw.SoaControls()) {
      std::string text = fw.id + ":" + c->id;
      controls.push_back(text);
      numbers.push_back(c->id);
      bool wanted = control.empty() ? !listed.count(text) : control == text || control == c->id;
      if (wanted && ref.empty()) ref = text, title = c->title;
    }
  if (controls.empty())
    return {.error =
                "no framework of this SMS has controls for a Statement of Applicability: "
                "add one to 'frameworks:' in smsdoc.yaml (e.g. iso27001)"};
  if (ref.empty() && control.empty())
    return {.error = "every control has its entry in the Statement of Applicability"};
  if (ref.empty())
    return {.error =
                "'" + control + "' is not a control of this SMS's frameworks" +
                DidYouMean(control, control.find(':') == std::string::npos ? numbers : controls)};
  if (auto it = listed.find(ref); it != listed.end())
    return {.error = ref + " already has its entry, " + it->second->id + " (" + it->second->path +
                     ":" + std::to_string(it->second->pos.line) + ")"};
  return RecordItem(kind, title, corpus, today, "SOA-" + ref.substr(ref.find(':') + 1),
                    {{"control", YamlQuoted(ref)},
                     {"applicable", std::string("true") + kToComplete},
                     {"implementation", std::string("planned") + kToComplete}});
}

}  // namespace

std::vector<std::string> NewItemTypes(const Corpus& corpus) {
  std::vector<std::string> out = DocumentTypes();
  for (const std::string& kind : corpus.kinds.Names())
    if (std::find(out.begin(), out.end(), kind) == out.end()) out.push_back(kind);
  return out;
}

NewItem PlanNewItem(const std::string& type, const std::string& given_title, const Corpus& corpus,
                    const std::string& today,
                    const std::function<bool(const std::string&)>& file_exists) {
  std::string title = given_title.empty() ? "New " + type : given_title;
  if (const KindSpec* kind = corpus.kinds.Find(type)) {
    if (kind->statuses.empty()) return {.error = "the kind '" + type + "' has no statuses"};
    if (type == kSoaKind) return SoaItem(*kind, given_title, corpus, today);
    return RecordItem(*kind, title, corpus, today);
  }
  const auto& types = DocumentTypes();
  if (std::find(types.begin(), types.end(), type) != types.end())
    return DocumentItem(type, title, corpus, file_exists);
  return {.error = "unknown type '" + type + "'" + DidYouMean(type, NewItemTypes(corpus)) +
                   "; one of: " + Join(NewItemTypes(corpus), ", ")};
}

}  // namespace smsdoc
