#include "load/config_loader.h"

#include <algorithm>
#include <cctype>
#include <climits>

#include "base/text.h"
#include "base/warning_codes.h"
#include "load/document_loader.h"
#include "load/field_reader.h"
#include "load/import_config.h"
#include "load/kinds_loader.h"
#include "load/rules_reader.h"

namespace smsdoc {

namespace {

const std::vector<std::string> kTopKeys = {
    "allow_raw_html",  "audit",     "base_url",     "defaults",     "diagnostics",
    "document_fields", "folders",   "frameworks",   "imports",      "kinds",
    "language",        "limits",    "mappings",     "organization", "output",
    "primary",         "readiness", "risk_scoring", "roles",        "rules",
    "sampling",        "scope",     "theme",        "title",        "unknown_fields"};
const std::vector<std::string> kFolderKeys = {"policies", "processes", "records",
                                              "service_reports"};

bool IsColour(const std::string& s) {
  if (s.size() != 7 || s[0] != '#') return false;
  for (size_t i = 1; i < s.size(); ++i)
    if (!std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

// A scale: {1: Rare, 2: Unlikely, ...}, values counting up from 1.
void ReadScale(const YamlNode* node, const char* name,
               std::vector<std::pair<long, std::string>>& out, Diagnostics& diags) {
  if (!node) return;
  if (!node->IsMap() || node->entries.empty()) {
    diags.Error(
        kConfigFile, node->pos,
        std::string("'") + name + "' must map values to labels, e.g. {1: Rare, 2: Unlikely}",
        "config-scoring");
    return;
  }
  std::vector<std::pair<long, std::string>> scale;
  for (const auto& e : node->entries) {
    long expected = static_cast<long>(scale.size()) + 1;
    if (e.key != std::to_string(expected) || !e.value.IsScalar()) {
      diags.Error(kConfigFile, e.key_pos,
                  std::string("'") + name +
                      "' values must count up from 1 with a label each; "
                      "expected " +
                      std::to_string(expected) + ", got '" + e.key + "'",
                  "config-scoring");
      return;
    }
    scale.push_back({expected, e.value.scalar});
  }
  out = std::move(scale);
}

void ReadRiskScoring(const YamlNode& node, Config& config, Diagnostics& diags) {
  RiskScoring& scoring = config.risk_scoring;
  if (!node.IsMap()) {
    diags.Error(kConfigFile, node.pos, "'risk_scoring' must be a mapping", "config-type");
    return;
  }
  FieldReader reader(node, node.pos, kConfigFile, config, diags);
  reader.RejectUnknown({"formula", "likelihood", "impact", "bands", "acceptance"});
  if (reader.Enum("formula", false, {"multiply", "add"}) == "add")
    scoring.formula = RiskScoring::Formula::kAdd;
  ReadScale(node.Find("likelihood"), "likelihood", scoring.likelihood, diags);
  ReadScale(node.Find("impact"), "impact", scoring.impact, diags);
  if (auto acceptance = reader.Integer("acceptance", false, 0, 1000000))
    scoring.acceptance = *acceptance;
  if (node.Find("bands")) {
    std::vector<ScoreBand> bands;
    reader.Rows("bands", {"name", "min", "colour"}, [&](FieldReader& row) {
      ScoreBand band{row.Text("name", true), row.Integer("min", true, 0, 1000000).value_or(0),
                     row.Text("colour", true)};
      if (!band.colour.empty() && !IsColour(band.colour))
        diags.Error(kConfigFile, row.PosOf("colour"),
                    "'colour' must be '#RRGGBB', got '" + band.colour + "'", "field-type");
      if (!bands.empty() && band.min <= bands.back().min)
        diags.Error(kConfigFile, row.PosOf("min"),
                    "bands must go up: " + std::to_string(band.min) + " is not above " +
                        std::to_string(bands.back().min),
                    "config-scoring");
      bands.push_back(std::move(band));
    });
    if (!bands.empty()) scoring.bands = std::move(bands);
  }
}

void ReadReadiness(const YamlNode& node, Config& config, Diagnostics& diags) {
  if (!node.IsMap()) {
    diags.Error(kConfigFile, node.pos, "'readiness' must be a mapping", "config-type");
    return;
  }
  FieldReader reader(node, node.pos, kConfigFile, config, diags);
  reader.RejectUnknown({"check", "not_applicable"});
  config.readiness_check = reader.Bool("check", false).value_or(true);
  const YamlNode* na = node.Find("not_applicable");
  if (!na) return;
  if (!na->IsMap()) {
    diags.Error(kConfigFile, na->pos,
                "'not_applicable' must map checklist items to a justification", "config-type");
    return;
  }
  for (const auto& e : na->entries) {
    if (!e.value.IsScalar() || Trim(e.value.scalar).empty()) {
      diags.Error(kConfigFile, e.key_pos,
                  "'" + e.key + "' is not applicable only with a justification", "config-type");
      continue;
    }
    config.not_applicable.push_back({e.key, e.value.scalar, e.key_pos});
  }
}

void ReadSampling(const YamlNode& node, Config& config, Diagnostics& diags) {
  if (!node.IsMap()) {
    diags.Error(kConfigFile, node.pos, "'sampling' must be a mapping: {seed: N, people: [IDs]}",
                "config-type");
    return;
  }
  FieldReader reader(node, node.pos, kConfigFile, config, diags);
  reader.RejectUnknown({"seed", "people"});
  if (std::optional<long> seed = reader.Integer("seed", false, 0, LONG_MAX))
    config.sample_seed = static_cast<uint64_t>(*seed);
  config.sample_people = reader.List("people");
  config.sample_people_pos = reader.PosOf("people");
}

// audit: the audit this build is evidence for (docs/evidence.md).
void ReadAudit(const YamlNode& node, Config& config, Diagnostics& diags) {
  if (!node.IsMap()) {
    diags.Error(kConfigFile, node.pos,
                "'audit' must be a mapping: {purpose: surveillance, id: AUD-...}", "config-type");
    return;
  }
  FieldReader reader(node, node.pos, kConfigFile, config, diags);
  reader.RejectUnknown({"purpose", "id"});
  config.audit_purpose = reader.Enum("purpose", true, AuditPurposes());
  config.audit_id = reader.Text("id", false);
  config.audit_id_pos = reader.PosOf("id");
}

// frameworks: / mappings: a list of built-in names or files, loaded later
// (load/framework_loader) since a file is read from disk.
std::vector<FrameworkSource> ReadSources(const YamlNode& node, const char* key,
                                         Diagnostics& diags) {
  std::vector<FrameworkSource> out;
  if (!node.IsSequence()) {
    diags.Error(kConfigFile, node.pos,
                std::string("'") + key + "' must be a list of built-in names or .yaml files",
                "config-type");
    return out;
  }
  for (const YamlNode& item : node.items) {
    if (item.IsScalar() && !Trim(item.scalar).empty())
      out.push_back({std::string(Trim(item.scalar)), item.pos});
    else
      diags.Error(kConfigFile, item.pos,
                  std::string("items of '") + key + "' must be text, got " + DescribeYaml(item),
                  "config-type");
  }
  return out;
}

void ReadLimits(const YamlNode& node, Config& config, Diagnostics& diags) {
  if (!node.IsMap()) {
    diags.Error(kConfigFile, node.pos, "'limits' must be a mapping", "config-type");
    return;
  }
  FieldReader reader(node, node.pos, kConfigFile, config, diags);
  reader.RejectUnknown({"file_size_mb"});
  if (auto mb = reader.Integer("file_size_mb", false, 1, 1 << 20)) config.file_size_mb = *mb;
}

// One level of `defaults:` (owner, approver, type, review_months).
DocumentDefaults ReadDefaultValues(const YamlNode& node, const Config& config, Diagnostics& diags,
                                   bool with_folders) {
  FieldReader reader(node, node.pos, kConfigFile, config, diags);
  std::vector<std::string> keys = {"owner", "approver", "type", "review_months"};
  if (with_folders) keys.push_back("folders");
  reader.RejectUnknown(keys);
  DocumentDefaults d;
  d.owner = reader.Role("owner", false);
  d.approver = reader.Role("approver", false);
  d.type = reader.Enum("type", false, DocumentTypes());
  d.review_months = static_cast<int>(reader.Integer("review_months", false, 1, 60).value_or(0));
  return d;
}

// defaults: what documents that leave a field out get, per folder too.
void ReadDefaults(const YamlNode& node, Config& config, Diagnostics& diags) {
  if (!node.IsMap()) {
    diags.Error(kConfigFile, node.pos, "'defaults' must be a mapping", "config-type");
    return;
  }
  config.defaults = ReadDefaultValues(node, config, diags, true);
  const YamlNode* folders = node.Find("folders");
  if (!folders || folders->IsNull()) return;
  if (!folders->IsMap()) {
    diags.Error(kConfigFile, folders->pos,
                "'folders' in 'defaults' must map folders to their defaults", "config-type");
    return;
  }
  for (const auto& e : folders->entries) {
    if (!e.value.IsMap()) {
      diags.Error(kConfigFile, e.key_pos,
                  "the defaults of '" + e.key +
                      "' must be a mapping (owner, approver, type, "
                      "review_months)",
                  "config-type");
      continue;
    }
    std::string dir = e.key;
    while (!dir.empty() && dir.back() == '/') dir.pop_back();
    config.folder_defaults.push_back({dir, ReadDefaultValues(e.value, config, diags, false)});
  }
}

// diagnostics: {CODE: ignore | warning | error}, for warning codes only.
void ReadDiagnosticLevels(const YamlNode& node, Config& config, Diagnostics& diags) {
  if (!node.IsMap()) {
    diags.Error(kConfigFile, node.pos,
                "'diagnostics' must map warning codes to ignore, warning or error", "config-type");
    return;
  }
  const std::vector<std::string>& warnings = WarningCodes();
  for (const auto& e : node.entries) {
    if (std::find(warnings.begin(), warnings.end(), e.key) == warnings.end()) {
      diags.Error(kConfigFile, e.key_pos,
                  "'" + e.key +
                      "' is not a warning code: only warnings can be ignored or made errors "
                      "(docs/diagnostics.md)" +
                      DidYouMean(e.key, warnings),
                  "config-diagnostics");
      continue;
    }
    std::string level = e.value.IsScalar() ? std::string(Trim(e.value.scalar)) : "";
    if (level != "ignore" && level != "warning" && level != "error") {
      diags.Error(kConfigFile, e.value.pos,
                  "'" + e.key + "' must be set to ignore, warning or error, got " +
                      (e.value.IsScalar() ? "'" + level + "'" : DescribeYaml(e.value)),
                  "config-diagnostics");
      continue;
    }
    if (level != "warning") config.diagnostic_levels.push_back({e.key, level, e.key_pos});
  }
}

std::string Scalar(const YamlNode& map, const char* key, bool required, Diagnostics& diags) {
  const YamlNode* v = map.Find(key);
  if (!v || v->IsNull()) {
    if (required)
      diags.Error(kConfigFile, {1, 1}, std::string("missing required key '") + key + "'",
                  "config-missing");
    return "";
  }
  if (!v->IsScalar()) {
    diags.Error(kConfigFile, v->pos,
                std::string("'") + key + "' must be text, got " + DescribeYaml(*v), "config-type");
    return "";
  }
  return std::string(Trim(v->scalar));
}

}  // namespace

const std::vector<std::string>& AuditPurposes() {
  static const std::vector<std::string> kPurposes = {"initial-certification", "surveillance",
                                                     "recertification"};
  return kPurposes;
}

const std::vector<std::string>& UnknownFieldsModes() {
  static const std::vector<std::string> kModes = {"error", "warn", "keep"};
  return kModes;
}

const std::vector<std::string>& ConfigKeys() { return kTopKeys; }

const std::vector<std::string>& FolderKeys() { return kFolderKeys; }

Config ParseConfig(const YamlNode& root, Diagnostics& diags) {
  Config config;
  if (!root.IsMap()) {
    diags.Error(kConfigFile, {1, 1}, "smsdoc.yaml must be a mapping of settings", "config-type");
    return config;
  }
  ReportUnknownKeys(root, kTopKeys, kConfigFile, "key", "", "config-key", diags);
  config.organization = Scalar(root, "organization", true, diags);
  config.scope = Scalar(root, "scope", true, diags);
  config.title = Scalar(root, "title", false, diags);
  if (config.title.empty() && !config.organization.empty())
    config.title = config.organization + " SMS";
  if (std::string out = Scalar(root, "output", false, diags); !out.empty()) config.output = out;
  config.theme = Scalar(root, "theme", false, diags);
  // Checked against the theme's label tables when the theme is loaded.
  if (std::string language = Scalar(root, "language", false, diags); !language.empty()) {
    config.language = language;
    config.language_pos = root.Find("language")->pos;
  }
  config.base_url = Scalar(root, "base_url", false, diags);
  if (!config.base_url.empty()) {
    if (!StartsWith(config.base_url, "https://") && !StartsWith(config.base_url, "http://"))
      diags.Error(
          kConfigFile, root.Find("base_url")->pos,
          "'base_url' must be an http:// or https:// address, got '" + config.base_url + "'",
          "config-type");
    else if (config.base_url.back() != '/')
      config.base_url += '/';
  }
  std::string raw = Scalar(root, "allow_raw_html", false, diags);
  if (raw == "true") {
    config.allow_raw_html = true;
  } else if (!raw.empty() && raw != "false") {
    diags.Error(kConfigFile, root.Find("allow_raw_html")->pos,
                "'allow_raw_html' must be true or false, got '" + raw + "'", "config-type");
  }

  if (const YamlNode* folders = root.Find("folders")) {
    if (!folders->IsMap()) {
      diags.Error(kConfigFile, folders->pos, "'folders' must be a mapping", "config-type");
    } else {
      ReportUnknownKeys(*folders, kFolderKeys, kConfigFile, "key", " in 'folders'", "config-key",
                        diags);
      std::vector<std::string>* targets[] = {&config.policies_dirs, &config.processes_dirs,
                                             &config.records_dirs, &config.service_reports_dirs};
      for (size_t i = 0; i < kFolderKeys.size(); ++i) {
        const YamlNode* v = folders->Find(kFolderKeys[i]);
        if (!v) continue;
        // One folder, or a list of them (a set kept in en/ and de/).
        std::vector<const YamlNode*> named;
        if (v->IsSequence())
          for (const YamlNode& item : v->items) named.push_back(&item);
        else
          named.push_back(v);
        std::vector<std::string> dirs;
        for (const YamlNode* n : named) {
          auto norm = NormalizeRelativePath(n->scalar);
          if (!n->IsScalar() || !norm || norm->empty() || n->scalar[0] == '/') {
            diags.Error(kConfigFile, n->pos,
                        "folder '" + kFolderKeys[i] + "' must be a sub-folder of the SMS root",
                        "config-folder");
          } else {
            dirs.push_back(*norm);
            config.configured_folders.push_back({*norm, n->pos});
          }
        }
        if (v->IsSequence() && named.empty())
          diags.Error(kConfigFile, v->pos,
                      "folder '" + kFolderKeys[i] + "' must name at least one folder",
                      "config-folder");
        if (!dirs.empty()) *targets[i] = dirs;
      }
      // One file must not be two kinds of content, nor one folder listed twice.
      struct Named {
        std::string key, dir;
      };
      std::vector<Named> all;
      for (size_t i = 0; i < kFolderKeys.size(); ++i)
        for (const std::string& dir : *targets[i]) all.push_back({kFolderKeys[i], dir});
      for (size_t i = 0; i < all.size(); ++i) {
        for (size_t j = i + 1; j < all.size(); ++j) {
          const std::string &a = all[i].dir, &b = all[j].dir;
          if (a == b || StartsWith(a, b + "/") || StartsWith(b, a + "/"))
            diags.Error(kConfigFile, folders->pos,
                        "folders '" + all[i].key + "' (" + a + ") and '" + all[j].key + "' (" + b +
                            ") overlap; each needs its own folder",
                        "config-folder");
        }
      }
    }
  }

  const YamlNode* roles = root.Find("roles");
  if (!roles || !roles->IsMap() || roles->entries.empty()) {
    diags.Error(kConfigFile, roles ? roles->pos : Pos{1, 1},
                "'roles' must map role keys to {title: ...}, e.g. "
                "'sms-manager: {title: SMS Manager}'",
                "config-roles");
  } else {
    for (const auto& e : roles->entries) {
      const YamlNode* title = e.value.IsMap() ? e.value.Find("title") : nullptr;
      if (!title || !title->IsScalar()) {
        diags.Error(kConfigFile, e.key_pos,
                    "role '" + e.key + "' needs a title: '" + e.key + ": {title: ...}'",
                    "config-roles");
        continue;
      }
      ReportUnknownKeys(e.value, {"title"}, kConfigFile, "key", " in role '" + e.key + "'",
                        "config-key", diags);
      config.roles.push_back({e.key, title->scalar});
    }
  }
  if (const YamlNode* scoring = root.Find("risk_scoring")) ReadRiskScoring(*scoring, config, diags);
  if (const YamlNode* readiness = root.Find("readiness")) ReadReadiness(*readiness, config, diags);
  if (const YamlNode* rules = root.Find("rules")) ReadRules(*rules, config, diags);
  if (const YamlNode* sampling = root.Find("sampling")) ReadSampling(*sampling, config, diags);
  if (const YamlNode* audit = root.Find("audit")) ReadAudit(*audit, config, diags);
  if (const YamlNode* limits = root.Find("limits")) ReadLimits(*limits, config, diags);
  if (const YamlNode* fw = root.Find("frameworks"); fw && !fw->IsNull())
    config.framework_sources = ReadSources(*fw, "frameworks", diags);
  if (const YamlNode* m = root.Find("mappings"); m && !m->IsNull())
    config.mapping_sources = ReadSources(*m, "mappings", diags);
  if (root.Find("primary")) {
    FieldReader reader(root, {1, 1}, kConfigFile, config, diags);
    config.primary = reader.Text("primary", false);
    config.primary_pos = reader.PosOf("primary");
  }
  if (const YamlNode* imports = root.Find("imports"))
    config.imports = ReadImports(*imports, config, diags);
  if (const YamlNode* defaults = root.Find("defaults")) ReadDefaults(*defaults, config, diags);
  if (const YamlNode* levels = root.Find("diagnostics"))
    ReadDiagnosticLevels(*levels, config, diags);
  if (const YamlNode* fields = root.Find("document_fields"); fields && !fields->IsNull())
    config.document_fields = ParseDocumentFields(*fields, config, diags);
  if (root.Find("unknown_fields")) {
    FieldReader reader(root, {1, 1}, kConfigFile, config, diags);
    std::string mode = reader.Enum("unknown_fields", false, UnknownFieldsModes());
    if (mode == "warn") config.unknown_fields = UnknownFields::kWarn;
    if (mode == "keep") config.unknown_fields = UnknownFields::kKeep;
  }
  return config;
}

}  // namespace smsdoc
