#include "init/prompts.h"

#include <string>

#include "base/text.h"

namespace smsdoc {

namespace {

// One line of input, trimmed; "" at the end of the input.
std::string Ask(const std::string& question, const std::string& shown, std::istream& in,
                std::ostream& out) {
  out << question << " [" << shown << "]: " << std::flush;
  std::string line;
  if (!std::getline(in, line)) {
    out << "\n";
    return "";
  }
  return std::string(Trim(line));
}

std::string RolesText(const InitAnswers& answers) {
  std::vector<std::string> parts;
  for (const auto& [key, title] : answers.roles) parts.push_back(key + "=" + title);
  return Join(parts, ", ");
}

// "a=A, b=B" as roles; false, with the reason on `out`, when one is wrong.
bool ParseRoles(const std::string& text, InitAnswers& answers, std::ostream& out) {
  std::vector<std::pair<std::string, std::string>> roles;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    std::string part(Trim(text.substr(start, comma - start)));
    if (!part.empty()) {
      std::string error;
      auto role = ParseRole(part, error);
      if (!role) {
        out << "  " << error << "\n";
        return false;
      }
      roles.push_back(*role);
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (!roles.empty()) answers.roles = roles;
  return true;
}

}  // namespace

void AskAnswers(InitAnswers& answers, const GivenAnswers& given, std::istream& in,
                std::ostream& out) {
  if (!given.organization) {
    std::string org = Ask("Organisation", answers.organization, in, out);
    if (!org.empty()) answers.organization = org;
  }
  if (!given.scope) {
    std::string scope = Ask("Scope (one paragraph; edit it later in smsdoc.yaml)",
                            Shorten(DefaultScope(answers.organization), 60), in, out);
    if (!scope.empty()) answers.scope = scope;
  }
  if (!given.roles) {
    out << "Roles, as key=Title separated by commas; the first owns the documents, the second "
           "approves them.\n";
    while (!ParseRoles(Ask("Roles", RolesText(answers), in, out), answers, out)) {
    }
  }
}

}  // namespace smsdoc
