#pragma once
#include <cstdint>
#include <string>

#include "adapters/templates.h"
#include "model/corpus.h"
#include "model/labels.h"

namespace smsdoc {

/// A file's size as pages show it: "842 bytes", "12.3 KB", "4.1 MB"
/// (1 KB = 1,024 bytes; locale-free numbers, as the KPIs').
std::string FileSizeText(uintmax_t bytes, const Labels& labels);

/// The record's evidence files for its page at `page_url`: each with its
/// link, path, size and the first 12 hex digits of its SHA-256.
TemplateValue EvidenceFilesValue(const Record& record, const std::string& page_url,
                                 const Labels& labels);

}  // namespace smsdoc
