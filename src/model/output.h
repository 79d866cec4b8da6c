#pragma once
#include <memory>
#include <string>
#include <vector>

#include "model/workbook.h"

namespace smsdoc {

/// One file of the built site, relative to the output folder: its bytes, a
/// source file (relative to the SMS root) to copy as is, or a workbook that
/// the write stage writes as .xlsx.
struct OutputFile {
  std::string path;
  std::string bytes;
  std::string copy_from;
  std::shared_ptr<const Workbook> workbook;
};

using OutputFiles = std::vector<OutputFile>;

}  // namespace smsdoc
