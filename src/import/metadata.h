#pragma once
#include <string>
#include <string_view>

namespace smsdoc {

/// A source Markdown file cut into its metadata and its body, which
/// `smsdoc import` keeps byte for byte.
struct SourceParts {
  enum class Kind {
    kNone,         ///< no metadata: the body is the whole file (less a byte-order mark)
    kFrontMatter,  ///< between `---` and `---` (or `...`) lines at the top
    kLeadingYaml,  ///< `key: value` lines at the top, up to the first blank line
  };
  Kind kind = Kind::kNone;
  std::string_view yaml;
  int yaml_first_line = 1;
  std::string_view body;
  /// Set when the file starts like front matter that never closes: the
  /// whole file is then the body.
  bool unclosed = false;
};

/// Cuts `text`. A leading YAML block is only a candidate: the caller keeps
/// it when it parses as a mapping, else takes the whole file as the body
/// (WithoutMetadata). Its body starts after the blank line that ends it.
SourceParts SplitSource(std::string_view text);

/// `text` as a file without metadata.
SourceParts WithoutMetadata(std::string_view text);

/// The text of the body's first level-1 ATX heading (`# Title`, outside
/// fenced code), trimmed, closing '#'s dropped; "" when there is none.
std::string FirstHeading(std::string_view body);

}  // namespace smsdoc
