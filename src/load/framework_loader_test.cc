#include "load/framework_loader.h"

#include <doctest/doctest.h>

#include "load/loader.h"
#include "test_support.h"

namespace smsdoc {

namespace {

// Every diagnostic, sorted, one per line (doctest prints a string whole).
std::string Messages(Diagnostics& d) {
  d.Sort();
  std::string out;
  for (const Diagnostic& x : d.items()) out += FormatDiagnostic(x) + "\n";
  return out;
}

std::string Lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

const Document& Isms(const Corpus& c) {
  for (const Document& d : c.documents)
    if (d.id == "POL-ISMS") return d;
  throw std::logic_error("POL-ISMS not loaded");
}

std::string Refs(const std::vector<FrameworkRef>& refs) {
  std::string out;
  for (const FrameworkRef& r : refs) out += r.Text() + " ";
  return out;
}

std::optional<Framework> Parse(const std::string& text, Diagnostics& d) {
  return ParseFramework(ParseYaml(text, "acme.yaml", 1, d), "acme.yaml", d);
}

// An SMS with `frameworks:` and one document naming `clauses` / `controls`.
Corpus Load(const std::string& settings, const std::string& references, Diagnostics& d,
            MemoryDisk disk = testing::BaseSms()) {
  disk.Add("smsdoc.yaml", std::string(testing::kConfig) + settings);
  disk.Add("policies/isms.md", testing::Doc("POL-ISMS", references));
  return LoadCorpus(disk, 1, d);
}

const char* kAcme =
    "id: acme\nname: ACME Security\nedition: \"1\"\nitems:\n"
    "  - {number: \"1\", title: Govern}\n"
    "  - {number: \"1.1\", title: Policy}\n"
    "  - {number: C.1, title: Locks, kind: control, attributes: {theme: physical}}\n"
    "  - {number: C.1.1, title: Keys, kind: control, parent: C.1}\n"
    "readiness:\n  - {key: policy, title: The policy, clause: \"1.1\", document_type: policy}\n";

}  // namespace

TEST_CASE("the built-in catalogues load: 20000-1 with its checklist, 27001 with 93 controls") {
  const Framework* sms = BuiltinFramework("iso20000-1");
  REQUIRE(sms);
  CHECK(sms->Title() == "ISO/IEC 20000-1:2018");
  CHECK(sms->items.size() == 77);
  CHECK(sms->readiness.size() == 18);
  CHECK(sms->readiness.front().key == "scope");
  CHECK_FALSE(sms->HasControls());
  const Framework* isms = BuiltinFramework("iso27001");
  REQUIRE(isms);
  CHECK(isms->Title() == "ISO/IEC 27001:2022");
  size_t controls = 0;
  for (const FrameworkItem& item : isms->items)
    if (item.kind == FrameworkItem::Kind::kControl && item.parent.starts_with("A.")) ++controls;
  CHECK(controls == 93);
  REQUIRE(isms->Find("A.8.13"));
  CHECK(isms->Find("A.8.13")->title == "Information backup");
  CHECK(isms->Find("A.8.13")->parent == "A.8");
  CHECK(isms->Find("A.8.13")->attributes ==
        std::vector<std::pair<std::string, std::string>>{{"theme", "technological"}});
  CHECK(isms->Find("6.1.3")->parent == "6.1");
  CHECK_FALSE(BuiltinFramework("iso9001"));
}

TEST_CASE("a user's catalogue: parents implied by the numbers or named") {
  Diagnostics d;
  std::optional<Framework> fw = Parse(kAcme, d);
  CHECK(Messages(d) == "");
  REQUIRE(fw);
  CHECK(fw->Title() == "ACME Security:1");
  CHECK(fw->Find("1.1")->parent == "1");
  CHECK(fw->Find("C.1")->parent == "");
  CHECK(fw->Find("C.1.1")->parent == "C.1");
  CHECK(fw->Find("C.1")->kind == FrameworkItem::Kind::kControl);
  CHECK(fw->readiness.at(0).document_type == "policy");
}

TEST_CASE("a bad catalogue: every problem with its position, nothing loaded") {
  Diagnostics d;
  std::optional<Framework> fw = Parse(
      "id: \"a:b\"\nname: N\nitems:\n"
      "  - {number: \"1\", title: One}\n"
      "  - {number: \"1\", title: Again}\n"
      "  - {number: \"2\", titel: Two}\n"
      "  - {number: \"3\", title: Three, parent: \"9\", kind: controll}\n"
      "readiness:\n  - {key: k, title: K, clause: \"4\", judge: slas}\n"
      "  - {key: k, title: K, clause: \"1\", judge: sla}\n",
      d);
  CHECK_FALSE(fw);
  CHECK(Messages(d) ==
        Lines({
            "acme.yaml:1:5: error: the ID 'a:b' may hold only letters, digits, '-' and '_' "
            "(references write it before a colon, as in 'iso27001:A.5.15') [framework-invalid]",
            "acme.yaml:5:14: error: the number '1' appears twice in the catalogue "
            "[framework-duplicate]",
            "acme.yaml:6:5: error: a catalogue item needs 'title' [framework-invalid]",
            "acme.yaml:6:19: error: unknown key 'titel' in a catalogue item (did you mean "
            "'title'?) [framework-invalid]",
            "acme.yaml:7:41: error: parent '9' is not an earlier item of the catalogue (did you "
            "mean '1'?) [framework-parent]",
            "acme.yaml:7:52: error: kind must be 'requirement' or 'control', not 'controll' (did "
            "you mean 'control'?) [framework-invalid]",
            "acme.yaml:9:32: error: clause '4' is not in the catalogue (did you mean '1'?) "
            "[framework-invalid]",
            "acme.yaml:10:11: error: the readiness key 'k' appears twice [framework-duplicate]",
            "acme.yaml:10:44: error: unknown judge 'sla' (one of measurements, slas, soa, "
            "suppliers) (did you mean 'slas'?) [framework-invalid]",
        }));
}

TEST_CASE("references: prefixed under clauses, or a controls map; 20000-1 stays bare") {
  Diagnostics d;
  Corpus c = Load("frameworks: [iso27001]\n",
                  "clauses: [\"8.7.3\", \"iso27001:A.5.15\", \"iso20000-1:8.5.1\"]\n"
                  "controls: {iso27001: [A.8.13, A.5.15]}\n",
                  d);
  CHECK(Messages(d) == "");
  const Document& doc = Isms(c);
  CHECK(doc.clauses == std::vector<std::string>{"8.7.3", "8.5.1"});
  CHECK(doc.controls == std::vector<FrameworkRef>{{"iso27001", "A.5.15"}, {"iso27001", "A.8.13"}});
}

TEST_CASE("primary: bare numbers belong to another framework") {
  Diagnostics d;
  Corpus c = Load("frameworks: [iso27001]\nprimary: iso27001\n",
                  "clauses: [\"6.1.3\", \"iso20000-1:8.7.3\"]\n", d);
  CHECK(Messages(d) == "");
  const Document& doc = Isms(c);
  CHECK(doc.clauses == std::vector<std::string>{"8.7.3"});
  CHECK(Refs(doc.controls) == "iso27001:6.1.3 ");
}

TEST_CASE("unknown frameworks and numbers are errors with suggestions") {
  Diagnostics d;
  Load("frameworks: [iso2700, iso27001]\nprimary: iso2701\nmappings: [iso20000-1-iso2700]\n",
       "clauses: [\"iso27001:A.5.99\", \"isms:A.5.1\", \"8.15\"]\n"
       "controls: {iso27002: [A.5.1]}\n",
       d);
  CHECK(Messages(d) ==
        Lines({
            "policies/isms.md:11:11: error: unknown clause 'A.5.99' of ISO/IEC 27001:2022 "
            "(did you mean 'A.5.9'?) [control-unknown]",
            "policies/isms.md:11:30: error: 'isms' in 'isms:A.5.1' is not a framework of this "
            "SMS; add it to smsdoc.yaml 'frameworks:' (it has iso20000-1, iso27001) "
            "[framework-unknown]",
            "policies/isms.md:11:44: error: unknown clause '8.15' of ISO/IEC 20000-1:2018; it "
            "looks like a clause of the 2011 edition, whose numbers differ (did you mean '8.1'?) "
            "[clause-unknown]",
            "policies/isms.md:12:23: error: 'iso27002' in 'iso27002:A.5.1' is not a framework "
            "of this SMS; add it to smsdoc.yaml 'frameworks:' (it has iso20000-1, iso27001) "
            "(did you mean 'iso27001'?) [framework-unknown]",
            "smsdoc.yaml:6:14: error: unknown framework 'iso2700': name a built-in one "
            "(iso20000-1, iso27001) or a catalogue file (.yaml) (did you mean 'iso27001'?) "
            "[framework-unknown]",
            "smsdoc.yaml:7:10: error: primary: 'iso2701' is not a framework of this SMS "
            "(iso20000-1, iso27001) (did you mean 'iso27001'?) [framework-unknown]",
            "smsdoc.yaml:8:12: error: unknown mapping 'iso20000-1-iso2700': name a built-in "
            "one (iso20000-1-iso27001) or a mapping file (.yaml) (did you mean "
            "'iso20000-1-iso27001'?) [framework-unknown]",
        }));
}

TEST_CASE("a user's catalogue and mapping files are read beside smsdoc.yaml") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("frameworks/acme.yaml", kAcme);
  disk.Add("frameworks/acme-map.yaml",
           "from: iso20000-1\nto: acme\npairs:\n"
           "  - {iso20000-1: \"5.2\", acme: \"1.1\"}\n"
           "  - {iso20000-1: \"8.7.3\", acme: [C.1, C.1.1]}\n");
  Diagnostics d;
  Corpus c = Load("frameworks: [frameworks/acme.yaml]\nmappings: [frameworks/acme-map.yaml]\n",
                  "controls: {acme: [C.1.1]}\n", d, disk);
  CHECK(Messages(d) == "");
  REQUIRE(c.config.frameworks.size() == 2);
  CHECK(c.config.frameworks[1].path == "frameworks/acme.yaml");
  REQUIRE(c.config.mappings.size() == 1);
  CHECK(c.config.mappings[0].pairs == std::vector<std::pair<std::string, std::string>>{
                                          {"5.2", "1.1"}, {"8.7.3", "C.1"}, {"8.7.3", "C.1.1"}});
  CHECK(Refs(Isms(c).controls) == "acme:C.1.1 ");

  disk.Add("frameworks/acme-map.yaml",
           "from: iso20000-1\nto: acme\npairs:\n  - {iso20000-1: \"5.9\", acme: C.2}\n");
  Diagnostics bad;
  Load(
      "frameworks: [frameworks/acme.yaml, frameworks/none.yaml]\n"
      "mappings: [frameworks/acme-map.yaml, iso20000-1-iso27001]\n",
      "", bad, disk);
  CHECK(Messages(bad) ==
        Lines({
            "frameworks/acme-map.yaml:4:18: error: '5.9' is not an item of ISO/IEC "
            "20000-1:2018 (did you mean '5.1'?) [control-unknown]",
            "frameworks/acme-map.yaml:4:31: error: 'C.2' is not an item of ACME Security:1 "
            "(did you mean 'C.1'?) [control-unknown]",
            "smsdoc.yaml:6:36: error: cannot read 'frameworks/none.yaml': not found "
            "[framework-unknown]",
            "smsdoc.yaml:7:38: error: the mapping 'iso20000-1-iso27001' needs the framework "
            "'iso27001': add it to 'frameworks:' [framework-unknown]",
        }));
}

TEST_CASE("a catalogue over the size limit is refused unread, naming the limit") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("frameworks/big.yaml", std::string(1024 * 1024 + 1, '#'));
  Diagnostics d;
  Load("limits: {file_size_mb: 1}\nframeworks: [frameworks/big.yaml]\n", "", d, disk);
  CHECK(Messages(d) ==
        "frameworks/big.yaml:1:1: error: the file is 1.0 MB, over the limit of 1 MB; split it, or "
        "raise 'limits: {file_size_mb: N}' in smsdoc.yaml [file-too-large]\n");
}

}  // namespace smsdoc
