#pragma once
#include <functional>
#include <string>
#include <vector>

#include "model/corpus.h"

namespace smsdoc {

/// A file `smsdoc new` is to write, or why it cannot.
struct NewItem {
  std::string id;
  std::string path;  ///< relative to the SMS root
  std::string bytes;
  std::string error;  ///< set when nothing can be written
};

/// The types `smsdoc new` knows in `corpus`: the document types, `process`
/// and every record kind (built in and from smsdoc.yaml).
std::vector<std::string> NewItemTypes(const Corpus& corpus);

/// A new draft document, process or record of `type` titled `title` ("":
/// "New <type>"), with the next free ID (init/next_id.h) and the required
/// fields filled: documents from smsdoc.yaml's `defaults:` where it has
/// them, record fields from simple defaults (the first value of a list,
/// `today` for dates), each marked in a comment to be set. Documents go in
/// their folder named after the title; records one a file, under
/// records/KIND/ID.yaml. `file_exists` says which paths are taken.
NewItem PlanNewItem(const std::string& type, const std::string& title, const Corpus& corpus,
                    const std::string& today,
                    const std::function<bool(const std::string&)>& file_exists);

}  // namespace smsdoc
