#include "adapters/yaml_documents.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <sstream>

namespace smsdoc {

namespace {

// Keeps the mark of each document's first node, its root.
struct RootMarks : YAML::EventHandler {
  std::vector<YAML::Mark> roots;
  size_t documents = 0;

  void Node(const YAML::Mark& m) {
    if (roots.size() < documents) roots.push_back(m);
  }
  void OnDocumentStart(const YAML::Mark&) override { ++documents; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t) override { Node(m); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { Node(m); }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                const std::string&) override {
    Node(m);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    Node(m);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    Node(m);
  }
  void OnMapEnd() override {}
};

}  // namespace

std::vector<YAML::Mark> DocumentRoots(const std::string& text) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  RootMarks marks;
  while (marks.documents < 2 && parser.HandleNextDocument(marks)) {
  }
  for (const YAML::Mark& m : marks.roots)
    if (m.pos >= 0 && static_cast<size_t>(m.pos) < text.size() && text[m.pos] == ',')
      throw YAML::ParserException(m, "a ',' outside a [list] or {mapping}");
  return marks.roots;
}

}  // namespace smsdoc
