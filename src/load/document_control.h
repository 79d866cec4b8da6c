#pragma once
#include <string>

#include "model/corpus.h"

namespace smsdoc {

/// Orders versions like "1.9" < "1.10" < "2.0": numeric parts compare as
/// numbers, other parts as text. Negative, zero or positive.
int CompareVersions(const std::string& a, const std::string& b);

/// Fills `doc.control` from its history (already read, newest first) and
/// front matter: which revisions are approvals, the last approval, body
/// changes after it, a version that went backwards or repeats with a
/// different body, and the last and next review dates.
void DeriveControl(Document& doc);

}  // namespace smsdoc
