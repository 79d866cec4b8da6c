#include "load/import_rows.h"

#include <algorithm>

#include "adapters/yaml.h"
#include "base/text.h"
#include "load/import_loader.h"
#include "load/record_loader.h"

namespace smsdoc {

namespace {

YamlNode Scalar(std::string text, Pos pos) {
  YamlNode n;
  n.type = YamlNode::Type::kScalar;
  n.scalar = std::move(text);
  n.pos = pos;
  return n;
}

bool IsListType(FieldType t) {
  return t == FieldType::kList || t == FieldType::kRefs || t == FieldType::kRoles ||
         t == FieldType::kClauses;
}

// A list cell ("Managed Workplace, Harbour Cloud Hosting") as items.
std::vector<std::string> SplitList(std::string_view cell) {
  std::vector<std::string> items;
  while (!cell.empty()) {
    size_t comma = cell.find(',');
    std::string_view part = Trim(cell.substr(0, comma));
    if (!part.empty()) items.emplace_back(part);
    cell = comma == std::string_view::npos ? std::string_view() : cell.substr(comma + 1);
  }
  return items;
}

YamlNode ListNode(const std::vector<std::string>& items, Pos pos) {
  YamlNode n;
  n.type = YamlNode::Type::kSequence;
  n.pos = pos;
  for (const auto& item : items) n.items.push_back(Scalar(item, pos));
  return n;
}

std::string Mapped(const ImportPlan::Column& column, std::string value) {
  auto it = column.values.find(value);
  return it == column.values.end() ? value : it->second;
}

}  // namespace

ImportField BindImportField(const ImportPlan::Column& column, std::string where,
                            const KindSpec& kind) {
  ImportField f{&column, std::move(where), {}};
  if (column.field->type == FieldType::kEnum || column.field->type == FieldType::kStatus) {
    // The export values, then the field's own (an export may already write them).
    for (const auto& [from, to] : column.values) f.allowed.push_back(from);
    const auto& own =
        column.field->type == FieldType::kStatus ? kind.statuses : column.field->values;
    f.allowed.insert(f.allowed.end(), own.begin(), own.end());
  }
  return f;
}

bool ImportNeedsColumn(const FieldSpec& field) {
  return field.required || field.type == FieldType::kId || field.type == FieldType::kStatus ||
         field.name == "title";
}

void ImportRow(const std::string& path, const ImportPlan& plan,
               const std::vector<ImportField>& fields, Pos row_pos,
               std::vector<std::optional<ImportValue>> values, bool usable, std::string_view empty,
               const Config& config, const KindCatalogue& kinds, Diagnostics& diags,
               std::vector<Record>& out) {
  YamlNode node;
  node.type = YamlNode::Type::kMap;
  node.pos = row_pos;
  node.entries.push_back({"kind", row_pos, Scalar(plan.kind->name, row_pos)});
  for (size_t k = 0; k < fields.size(); ++k) {
    const ImportField& f = fields[k];
    const ImportPlan::Column& column = *f.column;
    const FieldSpec& spec = *column.field;
    std::optional<ImportValue>& value = values[k];
    bool is_list = value && value->is_list;
    std::string text;
    if (value && !is_list) text = Mapped(column, std::string(Trim(value->text)));
    if (value && is_list && !IsListType(spec.type)) {
      text = Mapped(column, Join(value->items, ", "));  // a list for one value: its items in a row
      is_list = false;
    }
    if (!is_list && !text.empty() && !f.allowed.empty() &&
        std::find(f.allowed.begin(), f.allowed.end(), text) == f.allowed.end() &&
        column.values.find(text) == column.values.end()) {
      diags.Error(path, value->pos,
                  "unknown value '" + text + "' in " + f.where + DidYouMean(text, f.allowed) +
                      "; map it under 'values: {" + spec.name + ": ...}' of the import",
                  "import-value");
      usable = false;
      continue;
    }
    std::vector<std::string> items;
    if (is_list)
      for (const auto& item : value->items)
        if (std::string mapped = Mapped(column, std::string(Trim(item))); !mapped.empty())
          items.push_back(std::move(mapped));
    if (is_list ? items.empty() : text.empty()) {
      // A value already reported (a short row, an object for a value) is
      // not reported again as empty.
      if (spec.required && (value || usable)) {
        diags.Error(path, value ? value->pos : row_pos,
                    "empty " + std::string(empty) + " in " + f.where + ": field '" + spec.name +
                        "' is required",
                    "import-cell");
        usable = false;
      }
      continue;
    }
    Pos pos = value->pos;
    if (IsListType(spec.type)) {
      node.entries.push_back({spec.name, pos, ListNode(is_list ? items : SplitList(text), pos)});
    } else {
      if (spec.type == FieldType::kDate) text = ImportedDate(text);
      node.entries.push_back({spec.name, pos, Scalar(std::move(text), pos)});
    }
  }
  // The record's own checks, each problem named with where its value
  // came from; a row already found bad is checked too (every error in one
  // run) but left out, its empty required values reported above and not
  // again.
  size_t before = diags.items().size(), loaded = out.size();
  std::vector<Record> left_out;
  LoadRecordEntry(node, path, config, kinds, diags, usable ? out : left_out);
  auto& items = diags.mutable_items();
  items.erase(std::remove_if(items.begin() + static_cast<long>(before), items.end(),
                             [](const Diagnostic& d) { return d.code == "field-missing"; }),
              items.end());
  for (size_t d = before; d < diags.items().size(); ++d) {
    Diagnostic& item = diags.mutable_items()[d];
    for (size_t k = 0; k < fields.size(); ++k)
      if (values[k] && values[k]->pos.line == item.pos.line && values[k]->pos.col == item.pos.col) {
        item.message += " (" + fields[k].where + ")";
        break;
      }
  }
  if (out.size() > loaded) out.back().imported = true;
}

}  // namespace smsdoc
