#include "base/environment_variables.h"

#include <stdlib.h>

namespace smsdoc {

void SetEnvironmentVariable(const std::string& name, const std::optional<std::string>& value) {
  if (value)
    setenv(name.c_str(), value->c_str(), 1);
  else
    unsetenv(name.c_str());
}

}  // namespace smsdoc
