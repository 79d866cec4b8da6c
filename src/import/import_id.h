#pragma once
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace smsdoc {

/// A name made into the part of an ID after its prefix: ASCII by
/// IdCharacters (base/id_text.h: 'Änderung' gives 'ANDERUNG'), upper
/// case, every run of other characters one '-', none at either end
/// ("Änderungs richtlinie v2" gives "ANDERUNGS-RICHTLINIE-V2").
std::string IdStem(std::string_view name);

/// The ID one imported file asks for.
struct IdWish {
  std::string id;      ///< PREFIX-STEM, or the ID its metadata gave
  std::string folder;  ///< its folder in the source, '/'-separated ("" at the top)
};

/// The ID each file gets, and how it was made unique ("" when it got the
/// one it asked for).
struct AssignedId {
  std::string id;
  std::string how;
};

/// Unique IDs, in the order of `wishes`: files asking for one ID, as `en/x`
/// and `de/x` do, all get their folder's stem added (X-EN, X-DE); an ID
/// still taken (by another file, or in `taken`: the SMS's own) gets the
/// first free number from -2.
std::vector<AssignedId> AssignIds(const std::vector<IdWish>& wishes,
                                  const std::set<std::string>& taken);

}  // namespace smsdoc
