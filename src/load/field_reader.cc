#include "load/field_reader.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <climits>
#include <cstdlib>

#include "base/dates.h"
#include "base/id_text.h"
#include "base/text.h"
#include "base/warning_codes.h"
#include "load/clause_catalogue.h"
#include "load/framework_loader.h"

namespace smsdoc {

bool IsValidId(const std::string& id) {
  if (id.empty() || !std::isalnum(static_cast<unsigned char>(id[0]))) return false;
  for (unsigned char c : id)
    if (!std::isalnum(c) && c != '.' && c != '_' && c != '-') return false;
  return true;
}

Pos FieldReader::PosOf(const std::string& key) const {
  const YamlNode* n = map_.Find(key);
  return n && n->pos.line ? n->pos : map_pos_;
}

void FieldReader::Missing(const std::string& key) {
  diags_.Error(path_, map_pos_, "missing required field '" + key + "'", "field-missing");
}

const YamlNode* FieldReader::Scalar(const std::string& key, bool required) {
  const YamlNode* n = map_.Find(key);
  if (!n || n->IsNull() || (n->IsScalar() && Trim(n->scalar).empty())) {
    if (required) Missing(key);
    return nullptr;
  }
  if (!n->IsScalar()) {
    diags_.Error(path_, n->pos, "'" + key + "' must be a single value, got " + DescribeYaml(*n),
                 "field-type");
    return nullptr;
  }
  return n;
}

std::string FieldReader::Text(const std::string& key, bool required) {
  const YamlNode* n = Scalar(key, required);
  return n ? std::string(Trim(n->scalar)) : "";
}

bool FieldReader::CheckId(const YamlNode& node, const std::string& key) {
  if (IsValidId(node.scalar)) return true;
  // Character by character: "POL 01", "POL/01" and "POL‐01" (a Unicode
  // hyphen) mean "POL-01"; "RL-ÄNDERUNG" means "RL-ANDERUNG".
  std::string dashed = IdCharacters(Trim(node.scalar));
  diags_.Error(path_, node.pos,
               "'" + key + "' must be an ID of letters, digits, '.', '_' or '-', got '" +
                   node.scalar + "'" +
                   (IsValidId(dashed) ? " (did you mean '" + dashed + "'?)" : ""),
               "id-format");
  return false;
}

std::string FieldReader::Id(const std::string& key, bool required) {
  const YamlNode* n = Scalar(key, required);
  return n && CheckId(*n, key) ? n->scalar : "";
}

std::string FieldReader::Date(const std::string& key, bool required) {
  const YamlNode* n = Scalar(key, required);
  if (!n) return "";
  std::string value(Trim(n->scalar));
  if (IsValidDate(value)) return value;
  diags_.Error(path_, n->pos,
               "'" + key + "' must be a date YYYY-MM-DD, got '" + value + "'" + DateHint(value),
               "field-date");
  return "";
}

std::optional<bool> FieldReader::Bool(const std::string& key, bool required) {
  const YamlNode* n = Scalar(key, required);
  if (!n) return std::nullopt;
  std::string value(Trim(n->scalar));
  std::string lower;
  for (char c : value) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "true" || lower == "yes") return true;
  if (lower == "false" || lower == "no") return false;
  diags_.Error(path_, n->pos, "'" + key + "' must be true or false, got '" + value + "'",
               "field-type");
  return std::nullopt;
}

std::string FieldReader::Number(const std::string& key, bool required) {
  const YamlNode* n = Scalar(key, required);
  if (!n) return "";
  std::string value(Trim(n->scalar));
  char* end = nullptr;
  errno = 0;
  std::strtod(value.c_str(), &end);
  if (!value.empty() && end == value.c_str() + value.size() && errno != ERANGE &&
      value.find_first_of("xXnN") == std::string::npos)  // no hex, inf, nan or overflow
    return value;
  diags_.Error(path_, n->pos, "'" + key + "' must be a number, got '" + value + "'", "field-type");
  return "";
}

std::optional<long> FieldReader::Integer(const std::string& key, bool required, long min,
                                         long max) {
  const YamlNode* n = Scalar(key, required);
  if (!n) return std::nullopt;
  std::string value(Trim(n->scalar));
  size_t used = 0;
  long parsed = 0;
  bool ok = !value.empty();
  try {
    parsed = std::stol(value, &used);
  } catch (...) {
    ok = false;
  }
  if (ok && used == value.size() && parsed >= min && parsed <= max) return parsed;
  std::string range = min == LONG_MIN
                          ? std::string("an integer")
                          : "an integer " + std::to_string(min) + ".." + std::to_string(max);
  diags_.Error(path_, n->pos, "'" + key + "' must be " + range + ", got '" + value + "'",
               "field-type");
  return std::nullopt;
}

std::string FieldReader::Enum(const std::string& key, bool required,
                              const std::vector<std::string>& values) {
  const YamlNode* n = Scalar(key, required);
  if (!n) return "";
  std::string value(Trim(n->scalar));
  for (const auto& v : values)
    if (v == value) return value;
  diags_.Error(path_, n->pos,
               "'" + key + "' must be one of " + Join(values, ", ") + "; got '" + value + "'" +
                   DidYouMean(value, values),
               "field-enum");
  return "";
}

bool FieldReader::CheckRole(const YamlNode& node, const std::string& key) {
  if (config_.FindRole(node.scalar)) return true;
  diags_.Error(path_, node.pos,
               "unknown role '" + node.scalar + "' in '" + key + "'" +
                   DidYouMean(node.scalar, config_.RoleKeys()) +
                   "; roles are defined under 'roles:' in smsdoc.yaml",
               "role-unknown");
  return false;
}

std::string FieldReader::Role(const std::string& key, bool required) {
  const YamlNode* n = Scalar(key, required);
  return n && CheckRole(*n, key) ? n->scalar : "";
}

std::vector<std::string> FieldReader::Roles(const std::string& key) {
  std::vector<std::string> out;
  const YamlNode* n = map_.Find(key);
  if (!n || n->IsNull()) return out;
  if (n->IsScalar()) {
    if (CheckRole(*n, key)) out.push_back(n->scalar);
    return out;
  }
  if (!n->IsSequence()) {
    diags_.Error(path_, n->pos, "'" + key + "' must be a role or a list of roles", "field-type");
    return out;
  }
  for (const auto& item : n->items) {
    if (!item.IsScalar()) {
      diags_.Error(path_, item.pos,
                   "items of '" + key + "' must be roles, got " + DescribeYaml(item), "field-type");
    } else if (CheckRole(item, key)) {
      out.push_back(item.scalar);
    }
  }
  return out;
}

std::vector<std::string> FieldReader::List(const std::string& key) {
  std::vector<std::string> out;
  const YamlNode* n = map_.Find(key);
  if (!n || n->IsNull()) return out;
  if (!n->IsSequence()) {
    diags_.Error(path_, n->pos,
                 "'" + key + "' must be a list, got " + DescribeYaml(*n) + " (write '" + key +
                     ": [a, b]' or one '- item' per line)",
                 "field-type");
    return out;
  }
  for (const auto& item : n->items) {
    if (!item.IsScalar()) {
      diags_.Error(path_, item.pos,
                   "items of '" + key + "' must be text, got " + DescribeYaml(item), "field-type");
      continue;
    }
    out.push_back(std::string(Trim(item.scalar)));
  }
  return out;
}

bool FieldReader::CheckClause(const YamlNode& node, std::string& out) {
  const std::string& text = node.scalar;
  size_t colon = text.find(':');
  std::string framework_id = colon == std::string::npos ? config_.Primary() : text.substr(0, colon);
  std::string number = colon == std::string::npos ? text : text.substr(colon + 1);
  const Framework* framework = FindFramework(config_, framework_id);
  if (!framework && framework_id == kDefaultPrimary) framework = BuiltinFramework(kDefaultPrimary);
  if (!framework) {
    std::vector<std::string> ids;
    for (const Framework& fw : config_.frameworks) ids.push_back(fw.id);
    diags_.Error(path_, node.pos,
                 "'" + framework_id + "' in '" + text +
                     "' is not a framework of this SMS; add it to smsdoc.yaml 'frameworks:'" +
                     (ids.empty() ? "" : " (it has " + Join(ids, ", ") + ")") +
                     DidYouMean(framework_id, ids),
                 "framework-unknown");
    return false;
  }
  if (!framework->Find(number)) {
    std::string hint = framework->id == kDefaultPrimary && LooksLike2011Clause(number)
                           ? "; it looks like a clause of the 2011 edition, whose numbers differ"
                           : "";
    diags_.Error(path_, node.pos,
                 "unknown clause '" + number + "' of " + framework->Title() + hint +
                     DidYouMean(number, framework->Ids()),
                 framework->id == kDefaultPrimary ? "clause-unknown" : "control-unknown");
    return false;
  }
  // ISO/IEC 20000-1's numbers stay bare; every other framework's carry its ID.
  out = framework->id == kDefaultPrimary ? number : framework->id + ":" + number;
  return true;
}

std::string FieldReader::Clause(const std::string& key, bool required) {
  const YamlNode* n = Scalar(key, required);
  std::string out;
  return n && CheckClause(*n, out) ? out : "";
}

std::vector<std::string> FieldReader::Clauses(const std::string& key) {
  std::vector<std::string> out;
  const YamlNode* n = map_.Find(key);
  if (!n || n->IsNull()) return out;
  if (!n->IsSequence()) {
    diags_.Error(path_, n->pos,
                 "'" + key + "' must be a list of clause numbers, e.g. [\"5.2\", \"8.5.1\"]",
                 "field-type");
    return out;
  }
  for (const auto& item : n->items) {
    std::string clause;
    if (!item.IsScalar()) {
      diags_.Error(path_, item.pos,
                   "items of '" + key + "' must be clause numbers, got " + DescribeYaml(item),
                   "field-type");
    } else if (CheckClause(item, clause)) {
      out.push_back(clause);
    }
  }
  return out;
}

std::vector<std::string> FieldReader::Controls(const std::string& key) {
  std::vector<std::string> out;
  const YamlNode* n = map_.Find(key);
  if (!n || n->IsNull()) return out;
  if (!n->IsMap()) {
    diags_.Error(path_, n->pos,
                 "'" + key +
                     "' must map frameworks to lists of numbers, e.g. "
                     "{iso27001: [A.5.15, A.8.13]}",
                 "field-type");
    return out;
  }
  for (const auto& e : n->entries) {
    std::vector<const YamlNode*> items;
    if (e.value.IsSequence())
      for (const YamlNode& item : e.value.items) items.push_back(&item);
    else
      items.push_back(&e.value);
    for (const YamlNode* item : items) {
      std::string clause;
      if (!item->IsScalar()) {
        diags_.Error(
            path_, item->pos,
            "items of '" + key + ": " + e.key + "' must be numbers, got " + DescribeYaml(*item),
            "field-type");
        continue;
      }
      YamlNode prefixed = *item;
      prefixed.scalar = e.key + ":" + item->scalar;
      if (CheckClause(prefixed, clause)) out.push_back(clause);
    }
  }
  return out;
}

std::vector<Located> FieldReader::Ids(const std::string& key, bool single, bool required) {
  std::vector<Located> out;
  if (single) {
    const YamlNode* n = Scalar(key, required);
    if (n && CheckId(*n, key)) out.push_back({n->scalar, n->pos});
    return out;
  }
  const YamlNode* n = map_.Find(key);
  if (!n || n->IsNull()) {
    if (required) Missing(key);
    return out;
  }
  if (!n->IsSequence()) {
    diags_.Error(path_, n->pos, "'" + key + "' must be a list of IDs, got " + DescribeYaml(*n),
                 "field-type");
    return out;
  }
  for (const auto& item : n->items) {
    if (!item.IsScalar()) {
      diags_.Error(path_, item.pos, "items of '" + key + "' must be IDs", "field-type");
    } else if (CheckId(item, key)) {
      out.push_back({item.scalar, item.pos});
    }
  }
  return out;
}

void FieldReader::Rows(const std::string& key, const std::vector<std::string>& fields,
                       const std::function<void(FieldReader&)>& row) {
  const YamlNode* n = map_.Find(key);
  if (!n || n->IsNull()) return;
  std::string shape = "{" + Join(fields, ", ") + "}";
  if (!n->IsSequence()) {
    diags_.Error(path_, n->pos,
                 "'" + key + "' must be a list of " + shape + ", got " + DescribeYaml(*n),
                 "field-type");
    return;
  }
  for (const auto& item : n->items) {
    if (!item.IsMap()) {
      diags_.Error(
          path_, item.pos,
          "each item of '" + key + "' must be a mapping " + shape + ", got " + DescribeYaml(item),
          "field-type");
      continue;
    }
    FieldReader reader(item, item.pos, path_, config_, diags_);
    reader.RejectUnknown(fields);
    row(reader);
  }
}

std::vector<Acceptance> FieldReader::Accepts(const std::string& key) {
  std::vector<Acceptance> accepts;
  const YamlNode* node = map_.Find(key);
  if (!node || node->IsNull()) return accepts;
  if (!node->IsMap()) {
    diags_.Error(path_, node->pos,
                 "'" + key + "' must map warning codes to the reason each is accepted, got " +
                     DescribeYaml(*node),
                 "accept-code");
    return accepts;
  }
  const std::vector<std::string>& warnings = WarningCodes();
  for (const auto& e : node->entries) {
    if (std::find(warnings.begin(), warnings.end(), e.key) == warnings.end()) {
      diags_.Error(path_, e.key_pos,
                   "'" + e.key + "' is not a warning code: only warnings can be accepted" +
                       DidYouMean(e.key, warnings),
                   "accept-code");
    } else if (!e.value.IsScalar() || Trim(e.value.scalar).empty()) {
      diags_.Error(path_, e.key_pos, "accepting '" + e.key + "' needs a reason", "accept-code");
    } else {
      accepts.push_back({e.key, std::string(Trim(e.value.scalar)), e.key_pos});
    }
  }
  return accepts;
}

FieldValue ReadFieldValue(FieldReader& reader, const FieldSpec& spec,
                          const std::vector<std::string>& statuses, std::vector<Reference>& refs) {
  FieldValue v{&spec, "", {}, reader.PosOf(spec.name)};
  const std::string& key = spec.name;
  switch (spec.type) {
    case FieldType::kId:
    case FieldType::kKind: break;  // read by the caller
    case FieldType::kStatus: v.text = reader.Enum(key, spec.required, statuses); break;
    case FieldType::kText:
    case FieldType::kLongText: v.text = reader.Text(key, spec.required); break;
    case FieldType::kInteger: {
      long min = spec.min, max = spec.max;
      if (const auto* scale = reader.config().risk_scoring.Scale(spec.scale)) {
        min = scale->front().first;
        max = scale->back().first;
      }
      if (auto n = reader.Integer(key, spec.required, min, max)) v.text = std::to_string(*n);
      break;
    }
    case FieldType::kNumber: v.text = reader.Number(key, spec.required); break;
    case FieldType::kBool:
      if (auto b = reader.Bool(key, spec.required)) v.text = *b ? "true" : "false";
      break;
    case FieldType::kScore:
    case FieldType::kLevel:
    case FieldType::kExceeds:
    case FieldType::kLookup:
      if (reader.Node(key))
        reader.diags().Error(
            reader.path(), reader.PosOf(key),
            "'" + key + "' is computed from " + Join(spec.of, " and ") + "; leave it out",
            "field-computed");
      break;
    case FieldType::kDate: v.text = reader.Date(key, spec.required); break;
    case FieldType::kEnum: v.text = reader.Enum(key, spec.required, spec.values); break;
    case FieldType::kRole: v.text = reader.Role(key, spec.required); break;
    case FieldType::kRoles:
      v.items = reader.Roles(key);
      if (spec.required && !reader.Node(key)) reader.Text(key, true);  // reports it missing
      break;
    case FieldType::kList: v.items = reader.List(key); break;
    case FieldType::kClause: v.text = reader.Clause(key, spec.required); break;
    case FieldType::kClauses: v.items = reader.Clauses(key); break;
    case FieldType::kControls: v.items = reader.Controls(key); break;
    case FieldType::kRef:
    case FieldType::kRefs:
      for (auto& id : reader.Ids(key, spec.type == FieldType::kRef, spec.required)) {
        v.items.push_back(id.value);
        refs.push_back(
            {.relation = key, .target = id.value, .required_kind = spec.ref_kind, .pos = id.pos});
      }
      break;
  }
  return v;
}

void FieldReader::RejectUnknown(const std::vector<std::string>& known) {
  ReportUnknownKeys(map_, known, path_, "field", "", "field-unknown", diags_);
}

void ReportUnknownKeys(const YamlNode& map, const std::vector<std::string>& known,
                       const std::string& path, const std::string& what, const std::string& where,
                       const std::string& code, Diagnostics& diags) {
  for (const auto& e : map.entries) {
    if (std::find(known.begin(), known.end(), e.key) == known.end())
      diags.Error(path, e.key_pos,
                  "unknown " + what + " '" + e.key + "'" + where + DidYouMean(e.key, known), code);
  }
}

}  // namespace smsdoc
