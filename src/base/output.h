#pragma once
#include <string>
#include <vector>

namespace smsdoc {

/// One file of the built site, relative to the output folder: either its
/// bytes, or a source file (relative to the SMS root) to copy as is.
struct OutputFile {
  std::string path;
  std::string bytes;
  std::string copy_from;
};

using OutputFiles = std::vector<OutputFile>;

}  // namespace smsdoc
