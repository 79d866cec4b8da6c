#pragma once
#include <string>

#include "model/labels.h"

namespace smsdoc {

/// The theme's scripts write a few words themselves ("3 of 12 shown"). A
/// script names them in one object after the mark `/* smsdoc: labels */`,
/// `{"js_of": "of", ...}`; this fills in each key's text from `labels`
/// (keys the labels lack keep their text). Other files come back as they
/// are.
std::string WithScriptLabels(std::string script, const Labels& labels);

}  // namespace smsdoc
