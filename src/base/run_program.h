#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace smsdoc {

/// Whether `path` is a regular file this process may run.
bool IsExecutableFile(const std::filesystem::path& path);

/// Runs the program at the path argv[0] (not looked up on PATH) with the
/// arguments `argv`, its standard streams on the null device (a browser is
/// chatty), and waits for it. Its exit code: 127 when the program could
/// not be run (as a shell says), -1 when no process could be made or it
/// did not exit by itself.
int RunQuietly(const std::vector<std::string>& argv);

}  // namespace smsdoc
