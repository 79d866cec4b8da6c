#include "model/framework.h"

#include <algorithm>

namespace smsdoc {

const FrameworkItem* Framework::Find(std::string_view id) const {
  for (const FrameworkItem& item : items)
    if (item.id == id) return &item;
  return nullptr;
}

std::vector<std::string> Framework::Ids() const {
  std::vector<std::string> out;
  for (const FrameworkItem& item : items) out.push_back(item.id);
  return out;
}

bool Framework::HasControls() const {
  return std::any_of(items.begin(), items.end(), [](const FrameworkItem& item) {
    return item.kind == FrameworkItem::Kind::kControl;
  });
}

std::vector<const FrameworkItem*> Framework::SoaControls() const {
  std::vector<const FrameworkItem*> out;
  for (const FrameworkItem& item : items)
    if (item.kind == FrameworkItem::Kind::kControl && IsLeaf(item)) out.push_back(&item);
  return out;
}

bool Framework::IsLeaf(const FrameworkItem& item) const {
  return std::none_of(items.begin(), items.end(),
                      [&](const FrameworkItem& other) { return other.parent == item.id; });
}

void SplitFrameworkRefs(std::vector<std::string>& clauses, std::vector<FrameworkRef>& controls) {
  std::vector<std::string> kept;
  for (std::string& c : clauses) {
    size_t colon = c.find(':');
    if (colon == std::string::npos) {
      kept.push_back(std::move(c));
      continue;
    }
    FrameworkRef ref{c.substr(0, colon), c.substr(colon + 1)};
    if (std::find(controls.begin(), controls.end(), ref) == controls.end())
      controls.push_back(std::move(ref));
  }
  clauses = std::move(kept);
}

}  // namespace smsdoc
