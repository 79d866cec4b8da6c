#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace smsdoc {

/// Edit distance (insert, delete, replace, swap neighbours) in code points,
/// case-insensitive (ASCII, Latin, Greek, Cyrillic); `limit + 1` as soon as
/// it is sure to exceed `limit` (suggestions only need to know "close
/// enough").
int EditDistance(std::string_view a, std::string_view b, int limit = 1 << 20);

/// The candidate closest to `word`, if it is close enough to be a likely typo.
std::optional<std::string> ClosestMatch(std::string_view word,
                                        const std::vector<std::string>& candidates);

/// " (did you mean 'x'?)" or "" when nothing is close.
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);

/// GitHub-style heading anchor: lower case, punctuation dropped, spaces to '-'.
std::string Slugify(std::string_view text);

/// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string HtmlEscape(std::string_view text);

std::string_view Trim(std::string_view s);

/// Text safe on one line: a backslash doubled, control characters as C
/// escapes (\n, \t, \x1b), C1 controls and the Unicode line and paragraph
/// separators as \u0085; everything else as it is.
std::string EscapeControl(std::string_view text);

/// At most about `bytes` bytes of UTF-8 text: cut on a character boundary,
/// with an ellipsis, when longer.
std::string Shorten(std::string_view text, size_t bytes);
/// A URL part as the author wrote it ("?x=1#page=3"): '%', '=', '&', '#'
/// and '?' stay; only bytes no URL may hold (controls, space, non-ASCII,
/// quotes, <>\^`{|}) are percent-encoded. Not HTML-escaped.
std::string UrlAsWritten(std::string_view part);
/// The first `chars` characters of UTF-8 text (all of it when shorter).
std::string_view Utf8Head(std::string_view text, size_t chars);
bool StartsWith(std::string_view s, std::string_view prefix);
/// Equal but for ASCII case ("Approved-By" and "approved-by").
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool EndsWith(std::string_view s, std::string_view suffix);

/// True for YYYY-MM-DD naming a real calendar day.
bool IsValidDate(std::string_view s);

/// Normalises a '/'-separated relative path ("a/./b/../c" -> "a/c");
/// nullopt when it climbs above its start.
std::optional<std::string> NormalizeRelativePath(std::string_view path);

/// Directory part of a '/'-separated path ("a/b.md" -> "a", "b.md" -> "").
std::string DirName(std::string_view path);

/// Relative URL from page `from` to file `path` (both relative to the site
/// root) and its `fragment`, percent-encoded for use in an attribute.
std::string RelativeUrl(std::string_view from, std::string_view path,
                        std::string_view fragment = "");

/// Joins with a separator.
std::string Join(const std::vector<std::string>& parts, std::string_view sep);

}  // namespace smsdoc
