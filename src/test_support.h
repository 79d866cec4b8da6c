#pragma once
// Shared by the unit tests: a small valid SMS in memory.
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "base/disk.h"

namespace smsdoc::testing {

inline const char* kConfig =
    "organization: Test Org\n"
    "scope: Everything.\n"
    "roles:\n"
    "  sms-manager: {title: SMS Manager}\n"
    "  change-manager: {title: Change Manager}\n";

/// Front matter for a valid document; `extra` is appended inside it.
inline std::string Doc(const std::string& id, const std::string& extra = "",
                       const std::string& body = "Body.\n",
                       const std::string& type = "policy") {
  return "---\nid: " + id + "\ntitle: Title of " + id + "\ntype: " + type +
         "\nowner: sms-manager\napprover: sms-manager\nversion: \"1.0\"\n"
         "status: approved\neffective: 2026-01-15\nreview_months: 12\n" + extra +
         "---\n" + body;
}

/// A valid SMS with one policy (POL-1, headings "Scope" and "Roles") and
/// one process (PRC-CHG).
inline MemoryDisk BaseSms() {
  MemoryDisk disk;
  disk.Add("smsdoc.yaml", kConfig);
  disk.Add("policies/policy.md", Doc("POL-1", "", "# Policy\n\n## Scope\n\n## Roles\n"));
  disk.Add("processes/change.md",
           Doc("PRC-CHG", "purpose: Control change.\n", "Change body.\n", "process"));
  return disk;
}

/// A fresh folder under the system's temporary folder, removed with it.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "smsdoc-test-XXXXXX").string();
    path = mkdtemp(tmpl.data());
  }
  ~TempDir() { std::filesystem::remove_all(path); }
};

inline std::string ReadBytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void WriteBytes(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

}  // namespace smsdoc::testing
