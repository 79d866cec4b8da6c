#pragma once
#include <filesystem>

namespace smsdoc {

// The running process and others, as the system knows them: the POSIX
// calls live in process.cc, so a port replaces that file alone.

/// This process' ID: the suffix of the temporary names a build, a pack or
/// a schema leaves beside its output (`.smsdoc-new-<id>`), so two runs at
/// once never share one.
long ThisProcessId();

/// Whether a process with this ID exists, this user's or another's: the
/// temporary names of a build still running are not a killed one's
/// leftovers.
bool ProcessExists(long id);

/// The running executable's file, or empty when the system cannot say.
std::filesystem::path ThisExecutable();

}  // namespace smsdoc
