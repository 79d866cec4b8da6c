#pragma once
#include <optional>
#include <string>

namespace smsdoc {

/// Sets the variable `name` of this process' environment to `value`, or
/// removes it when nullopt (std::getenv only reads).
void SetEnvironmentVariable(const std::string& name, const std::optional<std::string>& value);

}  // namespace smsdoc
