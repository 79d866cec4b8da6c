#pragma once
#include <vector>

#include "adapters/yaml.h"
#include "base/diagnostics.h"
#include "base/disk.h"
#include "model/corpus.h"

namespace smsdoc {

/// The key every record may hold, whatever its kind: files of the SMS that
/// are its evidence (signed minutes, an audit report, a certificate).
inline constexpr const char* kEvidenceFilesKey = "evidence_files";

/// Reads `evidence_files:` of a record in `path`: a list of paths relative
/// to the record's file (as a body's relative links are to theirs). An
/// absolute path, one that climbs out of the SMS root and a repeat are
/// reported at their item (`evidence-path`, `evidence-duplicate`).
std::vector<EvidenceFile> ReadEvidenceFiles(const YamlNode* list, const std::string& path,
                                            Diagnostics& diags);

/// Finds every record's evidence files among the files the site copies
/// (`corpus.assets`: files of a content folder that are not content) and
/// fills their size and SHA-256, read through `disk` (so `--at REF` and the
/// build cache see them). A file that is not there is `evidence-unknown` at
/// its item, with a file of the same folder when the name looks misspelt.
void FindEvidenceFiles(Corpus& corpus, const Disk& disk, int jobs, Diagnostics& diags);

}  // namespace smsdoc
