#include "init/starter.h"

#include <stdexcept>

#include "base/embedded.h"
#include "base/text.h"
#include "init/yaml_text.h"

namespace smsdoc {

namespace {

constexpr std::string_view kPrefix = "starter/";

std::string Embedded(std::string_view path) {
  std::string_view bytes = EmbeddedFile(path);
  if (bytes.empty()) throw std::logic_error("starter file not embedded: " + std::string(path));
  return std::string(bytes);
}

void Replace(std::string& text, std::string_view placeholder, const std::string& value) {
  size_t at = text.find(placeholder);
  if (at == std::string::npos)
    throw std::logic_error("starter/smsdoc.yaml lacks " + std::string(placeholder));
  text.replace(at, placeholder.size(), value);
}

std::string Config(const InitAnswers& answers) {
  std::string text = Embedded("starter/smsdoc.yaml");
  std::string roles;
  for (const auto& [key, title] : answers.roles)
    roles += "  " + key + ": {title: " + YamlQuoted(title) + "}\n";
  Replace(text, "@ORGANIZATION@", YamlQuoted(answers.organization));
  Replace(text, "@SCOPE@",
          YamlQuoted(answers.scope.empty() ? DefaultScope(answers.organization) : answers.scope));
  Replace(text, "@ROLES@\n", roles);
  Replace(text, "@OWNER@", answers.roles.front().first);
  Replace(text, "@APPROVER@", answers.roles[answers.roles.size() > 1 ? 1 : 0].first);
  return text;
}

}  // namespace

std::string DefaultScope(const std::string& organization) {
  return "The service management system of " + organization +
         " covers the services it delivers to its customers. Replace this with the services, "
         "customers, locations and exclusions (see the scope statement).";
}

std::optional<std::pair<std::string, std::string>> ParseRole(const std::string& text,
                                                             std::string& error) {
  size_t eq = text.find('=');
  std::string key(Trim(text.substr(0, eq)));
  std::string title = eq == std::string::npos ? "" : std::string(Trim(text.substr(eq + 1)));
  bool key_ok = !key.empty();
  for (char c : key) key_ok &= (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  if (!key_ok) {
    error = "role '" + text + "': the key must be lower-case letters, digits and '-' (KEY=Title)";
    return std::nullopt;
  }
  if (title.empty()) {
    error = "role '" + text + "' has no title (KEY=Title, e.g. ceo=Chief Executive Officer)";
    return std::nullopt;
  }
  return std::pair(key, title);
}

std::vector<StarterFile> StarterFiles(const InitAnswers& answers, bool minimal,
                                      const std::string& ci) {
  std::vector<StarterFile> out = {{"smsdoc.yaml", Config(answers)}};
  if (minimal) {
    out.push_back({"policies/service-management-policy.md",
                   Embedded("starter/policies/service-management-policy.md")});
    return out;
  }
  for (const std::string& path : EmbeddedFilesUnder(kPrefix)) {
    std::string rel = path.substr(kPrefix.size());
    if (rel == "smsdoc.yaml") continue;
    // Stored without the dot, so the repository's own git ignores nothing.
    if (rel == "gitignore") rel = ".gitignore";
    out.push_back({rel, Embedded(path)});
  }
  if (ci == "github")
    out.push_back({".github/workflows/smsdoc.yml", Embedded("ci/github-actions.yml")});
  if (ci == "gitlab") out.push_back({".gitlab-ci.yml", Embedded("ci/gitlab-ci.yml")});
  return out;
}

}  // namespace smsdoc
