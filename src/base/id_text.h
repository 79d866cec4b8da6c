#pragma once
#include <string>
#include <string_view>

namespace smsdoc {

// IDs are ASCII (letters, digits, '.', '_', '-'). When a person writes one
// with other characters, or `smsdoc import` makes one from a file name,
// each character is replaced by what it most likely stands for.

/// `text` with every character an ID cannot hold replaced, character by
/// character (never byte by byte): accented Latin letters lose their marks
/// by their canonical decomposition ('Ä' gives 'A', 'é' gives 'e'), a few
/// letters without one are spelt out ('ß' "ss", 'Æ' "AE", 'Ø' "O", 'Þ'
/// "TH"), combining marks vanish, and anything else (spaces, slashes,
/// Unicode dashes, other scripts) becomes one '-'. Case is kept.
std::string IdCharacters(std::string_view text);

}  // namespace smsdoc
