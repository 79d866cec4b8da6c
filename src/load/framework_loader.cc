#include "load/framework_loader.h"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "base/embedded.h"
#include "base/text.h"
#include "load/text_check.h"

namespace smsdoc {

namespace {

const std::vector<std::string> kCatalogueKeys = {"edition", "id", "items", "name", "readiness"};
const std::vector<std::string> kItemKeys = {"attributes", "kind", "number", "parent", "title"};
const std::vector<std::string> kReadinessKeys = {"clause",    "document_type", "judge", "key",
                                                 "processes", "record_kind",   "title"};
const std::vector<std::string> kMappingKeys = {"from", "pairs", "to"};
const std::vector<std::string> kJudges = {"measurements", "slas", "soa", "suppliers"};
// Built-in catalogues and mappings, by name, as embedded (CMakeLists.txt).
const char* kBuiltinDir = "src/model/frameworks/";
const std::vector<std::string> kBuiltinFrameworks = {"iso20000-1", "iso27001"};
const std::vector<std::string> kBuiltinMappings = {"iso20000-1-iso27001"};

// Reads one mapping's keys, reporting those it does not know.
class Reader {
 public:
  Reader(const std::string& path, Diagnostics& diags)
      : path_(path), diags_(diags), errors_(diags.ErrorCount()) {}

  // Whether anything read so far was reported.
  bool Failed() const { return diags_.ErrorCount() > errors_; }

  bool Map(const YamlNode& node, const std::vector<std::string>& keys, const std::string& what) {
    if (!node.IsMap()) {
      Invalid(node.pos, what + " must be a mapping, got " + DescribeYaml(node));
      return false;
    }
    for (const auto& e : node.entries)
      if (std::find(keys.begin(), keys.end(), e.key) == keys.end())
        Invalid(e.key_pos, "unknown key '" + e.key + "' in " + what + DidYouMean(e.key, keys));
    return true;
  }

  // A scalar value, "" (reported when required) otherwise.
  std::string Text(const YamlNode& map, const std::string& key, bool required,
                   const std::string& what) {
    const YamlNode* n = map.Find(key);
    if (!n || n->IsNull()) {
      if (required) Invalid(map.pos, what + " needs '" + key + "'");
      return "";
    }
    if (!n->IsScalar() || Trim(n->scalar).empty()) {
      Invalid(n->pos, "'" + key + "' must be text, got " + DescribeYaml(*n));
      return "";
    }
    return std::string(Trim(n->scalar));
  }

  void Error(Pos pos, const std::string& message, const char* code) {
    diags_.Error(path_, pos, message, code);
  }
  // Anything not in the format of docs/frameworks.md.
  void Invalid(Pos pos, const std::string& message) { Error(pos, message, "framework-invalid"); }

 private:
  const std::string& path_;
  Diagnostics& diags_;
  int errors_;
};

// A number or ID usable after "prefix:" in a reference and in a URL.
bool IsToken(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '-' || c == '_';
  });
}

// The longest earlier item whose number, followed by '.', starts `id`.
std::string ImpliedParent(const Framework& fw, const std::string& id) {
  for (size_t dot = id.rfind('.'); dot != std::string::npos && dot > 0;
       dot = id.rfind('.', dot - 1)) {
    if (fw.Find(id.substr(0, dot))) return id.substr(0, dot);
    if (dot == 0) break;
  }
  return "";
}

void ReadItem(Reader& r, const YamlNode& node, Framework& fw) {
  if (!r.Map(node, kItemKeys, "a catalogue item")) return;
  FrameworkItem item;
  item.id = r.Text(node, "number", true, "a catalogue item");
  item.title = r.Text(node, "title", true, "a catalogue item");
  if (item.id.empty()) return;
  const Pos pos = node.Find("number")->pos;
  if (!IsToken(item.id)) {
    r.Invalid(pos, "the number '" + item.id +
                       "' may hold only letters, digits, '.', '-' and '_' (it is written after "
                       "the framework's ID in references, as in '" +
                       fw.id + ":" + item.id + "')");
    return;
  }
  if (fw.Find(item.id)) {
    r.Error(pos, "the number '" + item.id + "' appears twice in the catalogue",
            "framework-duplicate");
    return;
  }
  std::string kind = r.Text(node, "kind", false, "a catalogue item");
  if (kind == "control")
    item.kind = FrameworkItem::Kind::kControl;
  else if (!kind.empty() && kind != "requirement")
    r.Invalid(node.Find("kind")->pos, "kind must be 'requirement' or 'control', not '" + kind +
                                          "'" + DidYouMean(kind, {"requirement", "control"}));
  item.parent = r.Text(node, "parent", false, "a catalogue item");
  if (!item.parent.empty() && !fw.Find(item.parent)) {
    r.Error(node.Find("parent")->pos,
            "parent '" + item.parent + "' is not an earlier item of the catalogue" +
                DidYouMean(item.parent, fw.Ids()),
            "framework-parent");
    item.parent.clear();
  }
  if (item.parent.empty() && !node.Find("parent")) item.parent = ImpliedParent(fw, item.id);
  if (const YamlNode* attrs = node.Find("attributes")) {
    if (!attrs->IsMap()) {
      r.Invalid(attrs->pos,
                "attributes must be a mapping of names to text, got " + DescribeYaml(*attrs));
    } else {
      for (const auto& e : attrs->entries) {
        if (e.value.IsScalar())
          item.attributes.emplace_back(e.key, e.value.scalar);
        else
          r.Invalid(e.value.pos, "attribute '" + e.key + "' must be text");
      }
    }
  }
  fw.items.push_back(std::move(item));
}

void ReadReadiness(Reader& r, const YamlNode& node, Framework& fw, std::set<std::string>& keys) {
  if (!r.Map(node, kReadinessKeys, "a readiness item")) return;
  ReadinessRule rule;
  rule.key = r.Text(node, "key", true, "a readiness item");
  rule.title = r.Text(node, "title", true, "a readiness item");
  rule.clause = r.Text(node, "clause", true, "a readiness item");
  rule.document_type = r.Text(node, "document_type", false, "a readiness item");
  rule.record_kind = r.Text(node, "record_kind", false, "a readiness item");
  rule.judge = r.Text(node, "judge", false, "a readiness item");
  if (rule.key.empty() || rule.clause.empty()) return;
  if (!keys.insert(rule.key).second)
    r.Error(node.Find("key")->pos, "the readiness key '" + rule.key + "' appears twice",
            "framework-duplicate");
  if (!fw.Find(rule.clause))
    r.Invalid(node.Find("clause")->pos, "clause '" + rule.clause + "' is not in the catalogue" +
                                            DidYouMean(rule.clause, fw.Ids()));
  if (!rule.judge.empty() && std::find(kJudges.begin(), kJudges.end(), rule.judge) == kJudges.end())
    r.Invalid(node.Find("judge")->pos, "unknown judge '" + rule.judge + "' (one of " +
                                           Join(kJudges, ", ") + ")" +
                                           DidYouMean(rule.judge, kJudges));
  if (const YamlNode* procs = node.Find("processes")) {
    if (!procs->IsSequence()) {
      r.Invalid(procs->pos, "processes must be a list of clause numbers");
    } else {
      for (const YamlNode& p : procs->items) {
        if (p.IsScalar() && fw.Find(p.scalar))
          rule.processes.push_back(p.scalar);
        else
          r.Invalid(p.pos, "'" + (p.IsScalar() ? p.scalar : DescribeYaml(p)) +
                               "' is not a clause of the catalogue" +
                               (p.IsScalar() ? DidYouMean(p.scalar, fw.Ids()) : ""));
      }
    }
  }
  fw.readiness.push_back(std::move(rule));
}

// A catalogue or mapping file named in smsdoc.yaml, parsed; a null node
// (reported) when it cannot be read.
YamlNode ReadYamlFile(const Disk& disk, const Config& config, const FrameworkSource& src,
                      Diagnostics& diags) {
  bool exists = disk.FileSize(src.value).has_value();
  if (!exists || !disk.IsInsideRoot(src.value)) {
    diags.Error("smsdoc.yaml", src.pos,
                "cannot read '" + src.value +
                    "': " + (exists ? "outside the SMS root" : disk.WhyUnreadable(src.value)),
                "framework-unknown");
    return {};
  }
  std::optional<std::string> text =
      ReadText(disk, src.value, config.file_size_mb, "framework-unknown", diags);
  return text ? ParseYaml(*text, src.value, 1, diags) : YamlNode{};
}

bool IsFilePath(const std::string& value) {
  return value.find('/') != std::string::npos || value.ends_with(".yaml") ||
         value.ends_with(".yml");
}

}  // namespace

std::optional<Framework> ParseFramework(const YamlNode& root, const std::string& path,
                                        Diagnostics& diags) {
  Reader r(path, diags);
  if (!r.Map(root, kCatalogueKeys, "a framework catalogue")) return std::nullopt;
  Framework fw;
  fw.path = path;
  fw.id = r.Text(root, "id", true, "a framework catalogue");
  fw.name = r.Text(root, "name", true, "a framework catalogue");
  fw.edition = r.Text(root, "edition", false, "a framework catalogue");
  if (!fw.id.empty() && (!IsToken(fw.id) || fw.id.find('.') != std::string::npos))
    r.Invalid(root.Find("id")->pos, "the ID '" + fw.id +
                                        "' may hold only letters, digits, '-' and '_' (references "
                                        "write it before a colon, as in 'iso27001:A.5.15')");
  const YamlNode* items = root.Find("items");
  if (!items || !items->IsSequence() || items->items.empty()) {
    r.Invalid(items ? items->pos : root.pos,
              "a framework catalogue needs 'items': a list of "
              "{number, title} mappings");
  } else {
    for (const YamlNode& item : items->items) ReadItem(r, item, fw);
  }
  std::set<std::string> keys;
  if (const YamlNode* readiness = root.Find("readiness")) {
    if (!readiness->IsSequence())
      r.Invalid(readiness->pos, "readiness must be a list");
    else
      for (const YamlNode& item : readiness->items) ReadReadiness(r, item, fw, keys);
  }
  if (r.Failed()) return std::nullopt;
  return fw;
}

std::optional<Mapping> ParseMapping(const YamlNode& root, const std::string& path,
                                    const std::vector<Framework>& frameworks, Diagnostics& diags) {
  Reader r(path, diags);
  if (!r.Map(root, kMappingKeys, "a mapping")) return std::nullopt;
  Mapping m;
  m.path = path;
  m.from = r.Text(root, "from", true, "a mapping");
  m.to = r.Text(root, "to", true, "a mapping");
  std::vector<std::string> ids;
  for (const Framework& fw : frameworks) ids.push_back(fw.id);
  auto framework = [&](const std::string& key, const std::string& id) -> const Framework* {
    if (id.empty()) return nullptr;
    for (const Framework& fw : frameworks)
      if (fw.id == id) return &fw;
    r.Error(root.Find(key)->pos,
            "'" + id + "' is not a framework of this SMS (smsdoc.yaml frameworks: " +
                Join(ids, ", ") + ")" + DidYouMean(id, ids),
            "framework-unknown");
    return nullptr;
  };
  const Framework* from = framework("from", m.from);
  const Framework* to = framework("to", m.to);
  if (from && to && from == to) r.Invalid(root.Find("to")->pos, "a mapping needs two frameworks");
  const YamlNode* pairs = root.Find("pairs");
  if (!pairs || !pairs->IsSequence()) {
    r.Invalid(pairs ? pairs->pos : root.pos, "a mapping needs 'pairs': a list of {" + m.from +
                                                 ": NUMBER, " + m.to + ": [NUMBERS]} mappings");
    return std::nullopt;
  }
  // Each side: one number or a list of them, all items of the framework.
  auto side = [&](const YamlNode& pair, const Framework* fw, const std::string& id) {
    std::vector<std::string> out;
    const YamlNode* n = pair.Find(id);
    if (!n) {
      r.Invalid(pair.pos, "a pair needs '" + id + "'");
      return out;
    }
    std::vector<const YamlNode*> values;
    if (n->IsSequence())
      for (const YamlNode& v : n->items) values.push_back(&v);
    else
      values.push_back(n);
    for (const YamlNode* v : values) {
      if (!v->IsScalar())
        r.Invalid(v->pos, "'" + id + "' must be a number or a list of numbers");
      else if (fw && !fw->Find(v->scalar))
        r.Error(v->pos,
                "'" + v->scalar + "' is not an item of " + fw->Title() +
                    DidYouMean(v->scalar, fw->Ids()),
                "control-unknown");
      else
        out.push_back(v->scalar);
    }
    return out;
  };
  for (const YamlNode& pair : pairs->items) {
    if (!m.from.empty() && !m.to.empty() && r.Map(pair, {m.from, m.to}, "a pair")) {
      // Both sides first, so each side's problems are reported.
      std::vector<std::string> left = side(pair, from, m.from), right = side(pair, to, m.to);
      for (const std::string& a : left)
        for (const std::string& b : right) m.pairs.emplace_back(a, b);
    }
  }
  std::sort(m.pairs.begin(), m.pairs.end());
  m.pairs.erase(std::unique(m.pairs.begin(), m.pairs.end()), m.pairs.end());
  if (r.Failed()) return std::nullopt;
  return m;
}

const Framework* BuiltinFramework(std::string_view id) {
  static const std::vector<Framework> catalogues = [] {
    std::vector<Framework> out;
    for (const std::string& name : kBuiltinFrameworks) {
      std::string path = kBuiltinDir + name + ".yaml";
      Diagnostics diags;
      YamlNode root = ParseYaml(EmbeddedFile(path), path, 1, diags);
      std::optional<Framework> fw = ParseFramework(root, path, diags);
      // The catalogues ship inside the binary; a test keeps them valid.
      if (!fw || diags.HasErrors()) throw std::logic_error(FormatDiagnostic(diags.items().front()));
      fw->path.clear();
      out.push_back(std::move(*fw));
    }
    return out;
  }();
  for (const Framework& fw : catalogues)
    if (fw.id == id) return &fw;
  return nullptr;
}

std::vector<std::string> BuiltinFrameworkIds() { return kBuiltinFrameworks; }
std::vector<std::string> BuiltinMappingNames() { return kBuiltinMappings; }

void LoadFrameworks(const Disk& disk, Config& config, Diagnostics& diags) {
  config.frameworks = {*BuiltinFramework(kDefaultPrimary)};
  std::vector<std::string> builtin = BuiltinFrameworkIds();
  for (const FrameworkSource& src : config.framework_sources) {
    std::optional<Framework> fw;
    if (IsFilePath(src.value)) {
      YamlNode root = ReadYamlFile(disk, config, src, diags);
      if (!root.IsNull()) fw = ParseFramework(root, src.value, diags);
    } else if (const Framework* b = BuiltinFramework(src.value)) {
      fw = *b;
    } else {
      diags.Error("smsdoc.yaml", src.pos,
                  "unknown framework '" + src.value + "': name a built-in one (" +
                      Join(builtin, ", ") + ") or a catalogue file (.yaml)" +
                      DidYouMean(src.value, builtin),
                  "framework-unknown");
    }
    if (!fw) continue;
    if (FindFramework(config, fw->id)) {
      // ISO/IEC 20000-1 is always there; naming it again changes nothing.
      if (fw->id == kDefaultPrimary && fw->path.empty()) continue;
      diags.Error("smsdoc.yaml", src.pos, "a second framework with the ID '" + fw->id + "'",
                  "framework-duplicate");
      continue;
    }
    config.frameworks.push_back(std::move(*fw));
  }
  std::vector<std::string> ids;
  for (const Framework& fw : config.frameworks) ids.push_back(fw.id);
  if (!config.primary.empty() && !FindFramework(config, config.primary)) {
    diags.Error("smsdoc.yaml", config.primary_pos,
                "primary: '" + config.primary + "' is not a framework of this SMS (" +
                    Join(ids, ", ") + ")" + DidYouMean(config.primary, ids),
                "framework-unknown");
    config.primary.clear();
  }
  for (const FrameworkSource& src : config.mapping_sources) {
    YamlNode root;
    std::string path = src.value;
    if (IsFilePath(src.value)) {
      root = ReadYamlFile(disk, config, src, diags);
    } else if (std::find(kBuiltinMappings.begin(), kBuiltinMappings.end(), src.value) !=
               kBuiltinMappings.end()) {
      path = kBuiltinDir + src.value + ".yaml";
      root = ParseYaml(EmbeddedFile(path), path, 1, diags);
      // Said where the user can act: smsdoc.yaml, not the built-in file.
      const YamlNode* to = root.Find("to");
      if (to && !FindFramework(config, to->scalar)) {
        diags.Error("smsdoc.yaml", src.pos,
                    "the mapping '" + src.value + "' needs the framework '" + to->scalar +
                        "': add it to 'frameworks:'",
                    "framework-unknown");
        continue;
      }
    } else {
      diags.Error("smsdoc.yaml", src.pos,
                  "unknown mapping '" + src.value + "': name a built-in one (" +
                      Join(kBuiltinMappings, ", ") + ") or a mapping file (.yaml)" +
                      DidYouMean(src.value, kBuiltinMappings),
                  "framework-unknown");
      continue;
    }
    if (root.IsNull()) continue;
    std::optional<Mapping> m = ParseMapping(root, path, config.frameworks, diags);
    if (!m) continue;
    if (!IsFilePath(src.value)) m->path.clear();
    config.mappings.push_back(std::move(*m));
  }
}

const Framework* FindFramework(const Config& config, std::string_view id) {
  for (const Framework& fw : config.frameworks)
    if (fw.id == id) return &fw;
  return nullptr;
}

}  // namespace smsdoc
