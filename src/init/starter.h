#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace smsdoc {

/// What `smsdoc init` asks: the organisation, the scope and the roles.
struct InitAnswers {
  std::string organization = "Example Ltd";
  std::string scope;  ///< "" = DefaultScope(organization)
  /// key, title; the first owns the starter documents, the second (else
  /// the first) approves them.
  std::vector<std::pair<std::string, std::string>> roles = {{"sms-manager", "SMS Manager"},
                                                            {"top-management", "Top Management"}};
};

/// The scope a new SMS starts with, naming the organisation.
std::string DefaultScope(const std::string& organization);

/// A file of the starter set: a path relative to the new SMS, and bytes.
struct StarterFile {
  std::string path;
  std::string bytes;
};

/// "key=Title" as a role; nullopt, with `error` saying why, when the key is
/// not lower-case letters, digits and '-' or the title is empty.
std::optional<std::pair<std::string, std::string>> ParseRole(const std::string& text,
                                                             std::string& error);

/// The starter set for ISO/IEC 20000-1:2018 (the embedded files under
/// starter/): smsdoc.yaml filled from `answers`, the Stage 1 documents and
/// processes as drafts, empty registers, .gitignore and the CI file of `ci`
/// ("github", "gitlab" or "none"). `minimal`: smsdoc.yaml and the service
/// management policy only.
std::vector<StarterFile> StarterFiles(const InitAnswers& answers, bool minimal,
                                      const std::string& ci);

}  // namespace smsdoc
