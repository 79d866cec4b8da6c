#pragma once

namespace smsdoc {

enum class StandardStream { kInput, kOutput, kError };

/// Whether the stream is a terminal: colours, progress and questions only
/// for a person, never for a pipe or a file.
bool IsTerminal(StandardStream stream);

}  // namespace smsdoc
