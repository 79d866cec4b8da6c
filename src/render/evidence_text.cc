#include "render/evidence_text.h"

#include "base/text.h"
#include "render/kpi_text.h"

namespace smsdoc {

std::string FileSizeText(uintmax_t bytes, const Labels& labels) {
  const double kb = 1024, mb = kb * 1024;
  if (bytes < kb) return labels.Format("size_bytes", {{"n", std::to_string(bytes)}});
  if (bytes < mb) return labels.Format("size_kb", {{"n", KpiNumber(bytes / kb, 1)}});
  return labels.Format("size_mb", {{"n", KpiNumber(bytes / mb, 1)}});
}

TemplateValue EvidenceFilesValue(const Record& record, const std::string& page_url,
                                 const Labels& labels) {
  TemplateValue files = TemplateValue::List();
  for (const EvidenceFile& file : record.evidence_files) {
    TemplateValue f;
    f.Set("path", file.path);
    f.Set("url", RelativeUrl(page_url, file.path));
    f.Set("size", FileSizeText(file.size, labels));
    f.Set("sha256_short", file.sha256.substr(0, 12));
    f.Set("sha256_title", labels.Format("evidence_file_sha256", {{"hash", file.sha256}}));
    files.Push(std::move(f));
  }
  return files;
}

}  // namespace smsdoc
