#pragma once
#include <set>
#include <string>
#include <vector>

#include "import/mapping.h"
#include "model/config.h"

namespace smsdoc {

/// A Markdown file of the set to import.
struct SourceFile {
  std::string path;  ///< relative to the source folder, '/'-separated
  std::string bytes;
};

/// Everything `smsdoc import` plans from; plain data, no disk.
struct ImportInput {
  std::vector<SourceFile> markdown;      ///< sorted by path
  std::vector<std::string> other_files;  ///< every other file, relative, sorted
  ImportMapping mapping;
  Config config;
  std::set<std::string> taken_ids;  ///< the SMS's own
  std::string into;                 ///< a folder under the policies folder; "" = none
};

/// A field the imported front matter has, or takes from `defaults:`.
struct FilledField {
  std::string field, value;
  std::string from;  ///< "'updated'", "defaults:", "invented", "types: en/"...
  std::string note;  ///< how the value changed, if it did
};

/// A source key that is not imported, with its value.
struct DroppedKey {
  std::string key, value, why;
};

struct ImportedDocument {
  std::string source, target;  ///< source relative to DIR, target to the SMS root
  std::string target_note;     ///< why the target name differs, if it does
  std::string id, id_from;
  std::string title, title_from;
  std::string metadata;  ///< "front matter", "leading YAML block", "none"
  std::vector<FilledField> fields;
  std::vector<DroppedKey> dropped;
  std::vector<std::string> notes;  ///< what a person should look at
  std::string bytes;               ///< the file to write
};

struct ImportedAsset {
  std::string source, target;
};

struct ImportPlan {
  std::vector<ImportedDocument> documents;
  std::vector<ImportedAsset> assets;
  /// Why nothing can be written (a field without value or default).
  std::vector<std::string> problems;
};

/// What to write: each Markdown file as a document with smsdoc front
/// matter and its body byte for byte (docs/import.md has the rules), and
/// the non-Markdown files its body links to.
ImportPlan PlanImport(const ImportInput& input);

}  // namespace smsdoc
