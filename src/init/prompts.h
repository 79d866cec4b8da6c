#pragma once
#include <istream>
#include <ostream>

#include "init/starter.h"

namespace smsdoc {

/// Which answers the command line already gave.
struct GivenAnswers {
  bool organization = false, scope = false, roles = false;
};

/// Asks on `out` for each answer not `given`, reading lines from `in`; an
/// empty line (or the end of `in`) keeps the default shown in brackets.
/// Roles are asked as "key=Title, key=Title"; one that does not parse is
/// asked again. `answers` holds the defaults and the given values.
void AskAnswers(InitAnswers& answers, const GivenAnswers& given, std::istream& in,
                std::ostream& out);

}  // namespace smsdoc
