#pragma once
#include <map>
#include <set>
#include <string>

#include "adapters/templates.h"
#include "base/diagnostics.h"
#include "base/disk.h"
#include "model/labels.h"
#include "render/labels.h"

namespace smsdoc {

/// Page templates and static assets. A user theme overrides single files;
/// everything else comes from the default theme built into the binary.
struct Theme {
  TemplateSet templates;
  std::map<std::string, std::string> assets;  ///< "assets/style.css" -> bytes
  std::map<std::string, std::string> files;   ///< template name -> file shown in errors
  /// The fixed ids (`id="..."`, no `{{`) of the templates of a document
  /// page (`layout`, `document` and their partials): heading ids avoid them.
  std::set<std::string> document_page_ids;
  /// The label tables (`labels/<language>.yaml`), default then user.
  LabelSources label_sources;
  /// The words of pages and workbooks, in smsdoc.yaml's `language:`.
  Labels labels;
  /// Template name -> `l`: the labels it and the partials it includes name
  /// (a page copies these, not the whole table).
  std::map<std::string, TemplateValue> labels_of;
};

/// The templates every theme provides (from the default if not overridden).
const std::vector<std::string>& TemplateNames();

/// Loads the default theme, then `user` (may be null) over it. Template
/// errors name the template file: `label` is how the user theme is shown.
/// `language` (from smsdoc.yaml at `language_pos`) chooses the labels.
Theme LoadTheme(const Disk* user, const std::string& label, Diagnostics& diags,
                const std::string& language = "en", Pos language_pos = {});

}  // namespace smsdoc
