#include "base/diagnostics.h"

#include <algorithm>
#include <tuple>

#include "base/text.h"

namespace smsdoc {

void Diagnostics::Error(const std::string& path, Pos pos, std::string message, std::string code) {
  items_.push_back({path, pos, Severity::kError, std::move(message), std::move(code)});
}

void Diagnostics::Warning(const std::string& path, Pos pos, std::string message, std::string code) {
  items_.push_back({path, pos, Severity::kWarning, std::move(message), std::move(code)});
}

void Diagnostics::Add(Diagnostic d) { items_.push_back(std::move(d)); }

void Diagnostics::Merge(Diagnostics&& other) {
  for (auto& d : other.items_) items_.push_back(std::move(d));
  other.items_.clear();
  ignored_ += other.ignored_;
  other.ignored_ = 0;
}

void Diagnostics::Sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.path, a.pos.line, a.pos.col, a.message) <
           std::tie(b.path, b.pos.line, b.pos.col, b.message);
  });
  items_.erase(std::unique(items_.begin(), items_.end(),
                           [](const Diagnostic& a, const Diagnostic& b) {
                             return a.path == b.path && a.pos.line == b.pos.line &&
                                    a.pos.col == b.pos.col && a.message == b.message;
                           }),
               items_.end());
}

int Diagnostics::ErrorCount() const {
  return static_cast<int>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
    return d.severity == Severity::kError;
  }));
}

int Diagnostics::WarningCount() const { return static_cast<int>(items_.size()) - ErrorCount(); }

std::string FormatDiagnostic(const Diagnostic& d) {
  // A file name may hold a newline: one diagnostic stays one line.
  std::string out = EscapeControl(d.path);
  if (d.pos.line > 0) {
    out += ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col > 0 ? d.pos.col : 1);
  }
  out += d.severity == Severity::kError ? ": error: " : ": warning: ";
  out += d.message;
  if (!d.code.empty()) out += " [" + d.code + "]";
  return out;
}

}  // namespace smsdoc
