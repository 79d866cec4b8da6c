#pragma once
#include <string>
#include <vector>

namespace smsdoc {

/// A 1-based position in a source file; 0 means "unknown".
struct Pos {
  int line = 0;
  int col = 0;
};

enum class Severity { kError, kWarning };

/// One problem in the content, reported GCC style.
struct Diagnostic {
  std::string path;  ///< relative to the SMS root
  Pos pos;
  Severity severity = Severity::kError;
  std::string message;
  std::string code;  ///< stable code, e.g. "ref-unknown"
};

/// Collects diagnostics; each stage (or worker) owns one and merges it.
class Diagnostics {
 public:
  void Error(const std::string& path, Pos pos, std::string message, std::string code);
  void Warning(const std::string& path, Pos pos, std::string message, std::string code);
  void Add(Diagnostic d);
  void Merge(Diagnostics&& other);
  /// Sorts by path, line, column, then message, so output is stable.
  void Sort();
  int ErrorCount() const;
  int WarningCount() const;
  /// Removes the diagnostics `drop` picks, counting them as ignored
  /// (smsdoc.yaml's `diagnostics:`, an item's `accept:`).
  template <typename Pred>
  void Ignore(Pred drop) {
    ignored_ += static_cast<int>(std::erase_if(items_, drop));
  }
  int IgnoredCount() const { return ignored_; }
  void AddIgnored(int n) { ignored_ += n; }
  /// The items themselves, for a stage that changes severities.
  std::vector<Diagnostic>& mutable_items() { return items_; }
  bool HasErrors() const { return ErrorCount() > 0; }
  const std::vector<Diagnostic>& items() const { return items_; }

 private:
  std::vector<Diagnostic> items_;
  int ignored_ = 0;
};

/// "path:line:col: error: message [code]".
std::string FormatDiagnostic(const Diagnostic& d);

}  // namespace smsdoc
