#include "render/site.h"

#include <doctest/doctest.h>

#include "load/history_loader.h"
#include "load/loader.h"
#include "test_support.h"

namespace smsdoc {

namespace {

struct Built {
  Corpus corpus;
  Graph graph;
  OutputFiles files;
  Diagnostics diags;
  const OutputFile* Find(const std::string& path) const {
    for (const auto& f : files)
      if (f.path == path) return &f;
    return nullptr;
  }
};

std::unique_ptr<Built> Build(const MemoryDisk& disk, const Disk* theme = nullptr,
                             int jobs = 2) {
  auto b = std::make_unique<Built>();
  b->corpus = LoadCorpus(disk, jobs, b->diags);
  LoadHistory(b->corpus, nullptr, "", nullptr, kNotInGit, b->diags);  // document control
  b->graph = LinkCorpus(b->corpus, b->diags);
  Theme t = LoadTheme(theme, "mytheme", b->diags);
  BuildInfo info{"2026-11-21", "", "test"};
  if (!b->diags.HasErrors()) b->files = RenderSite(b->graph, t, info, jobs, b->diags);
  return b;
}

bool Contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("pages link relatively and show titles, backlinks and process fields") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("records/r.yaml",
           "id: RSK-1\nkind: risk\ntype: risk\ntitle: Outage <b>\nstatus: open\nlikelihood: 2\n"
           "impact: 3\n"
           "related: [PRC-CHG]\n");
  disk.Add("policies/b.md", testing::Doc("POL-2", "", "See [[POL-1]] and [[RSK-1|the risk]].\n"));
  auto b = Build(disk);
  REQUIRE(b->diags.items().empty());

  const OutputFile* page = b->Find("policies/b.html");
  REQUIRE(page);
  CHECK(Contains(page->bytes, "<a href=\"policy.html\">Title of POL-1</a>"));
  CHECK(Contains(page->bytes, "<a href=\"../records/risk/RSK-1.html\">the risk</a>"));
  CHECK(Contains(page->bytes, "href=\"../assets/style.css\""));

  const OutputFile* change = b->Find("processes/change.html");
  REQUIRE(change);
  CHECK(Contains(change->bytes, "Control change."));
  CHECK(Contains(change->bytes, "<a href=\"../records/risk/RSK-1.html\">RSK-1 Outage &lt;b&gt;</a>"));
  CHECK(Contains(change->bytes, "<h3 class=\"relation-group\">related</h3>"));  // grouped by relation

  const OutputFile* risks = b->Find("records/risk.html");
  REQUIRE(risks);
  CHECK(Contains(risks->bytes, "<a href=\"risk/RSK-1.html\">RSK-1</a>"));
  CHECK(b->Find("index.html"));
  CHECK(b->Find("documents.html"));
  CHECK(b->Find("assets/style.css"));
}

TEST_CASE("links within the page, and text that imitates a placeholder") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("policies/c.md",
           testing::Doc("POL-C", "",
                        "## Scope\n\nSee [[#scope]] and [[#scope|here]]. "
                        "`=\"%3Csmsdoc:99999999999999999999%3E\"` smsdoc-link:0\n"));
  auto b = Build(disk);
  REQUIRE(b->diags.items().empty());
  const std::string& html = b->Find("policies/c.html")->bytes;
  CHECK(Contains(html, "<a href=\"c.html#scope\">Title of POL-C</a>"));
  CHECK(Contains(html, "<a href=\"c.html#scope\">here</a>"));
  CHECK(Contains(html, "<code>=&quot;%3Csmsdoc:99999999999999999999%3E&quot;</code> smsdoc-link:0"));
}

TEST_CASE("long pages get a table of contents") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("policies/long.md",
           testing::Doc("POL-L", "", "## One\n\n## Two\n\n### Two a\n\n## Three\n"));
  auto b = Build(disk);
  const OutputFile* page = b->Find("policies/long.html");
  REQUIRE(page);
  CHECK(Contains(page->bytes, "<a href=\"#two-a\">Two a</a>"));
  CHECK_FALSE(Contains(b->Find("processes/change.html")->bytes, "class=\"toc\""));
}

TEST_CASE("a user theme overrides single templates; errors name the file") {
  MemoryDisk theme;
  theme.Add("templates/record.mustache", "<p>custom {{id}}</p>");
  MemoryDisk disk = testing::BaseSms();
  disk.Add("records/r.yaml", "id: RV-1\nkind: review\ntitle: MR\nstatus: planned\nheld: 2026-03-01\n");
  auto b = Build(disk, &theme);
  REQUIRE(b->diags.items().empty());
  CHECK(Contains(b->Find("records/review/RV-1.html")->bytes, "<p>custom RV-1</p>"));
  CHECK(Contains(b->Find("records/review/RV-1.html")->bytes, "<nav"));  // default layout
  CHECK(Contains(b->Find("policies/policy.html")->bytes, "class=\"meta\""));

  MemoryDisk unknown_partial;
  unknown_partial.Add("templates/home.mustache", "{{> partials/tco}}");
  auto p = Build(disk, &unknown_partial);
  REQUIRE(p->diags.items().size() == 1);
  CHECK(FormatDiagnostic(p->diags.items()[0]) ==
        "mytheme/templates/home.mustache: error: includes unknown partial 'partials/tco' "
        "(did you mean 'partials/toc'?) [template]");

  MemoryDisk broken;
  broken.Add("templates/home.mustache", "{{#unclosed}}");
  auto c = Build(disk, &broken);
  REQUIRE(c->diags.items().size() == 1);
  CHECK(c->diags.items()[0].path == "mytheme/templates/home.mustache");
  CHECK(c->diags.items()[0].code == "template");
}

TEST_CASE("the site does not depend on the number of workers") {
  MemoryDisk disk = testing::BaseSms();
  for (int i = 0; i < 30; ++i)
    disk.Add("policies/p" + std::to_string(i) + ".md",
             testing::Doc("P-" + std::to_string(i), "",
                          "~~struck~~ | a |\n|---|\n| [[POL-1]] |\n- [x] done\n"));
  auto one = Build(disk, nullptr, 1);
  auto four = Build(disk, nullptr, 4);
  REQUIRE(one->files.size() == four->files.size());
  for (size_t i = 0; i < one->files.size(); ++i) {
    CHECK(one->files[i].path == four->files[i].path);
    CHECK(one->files[i].bytes == four->files[i].bytes);
  }
}

TEST_CASE("the Stage 1 page lists documents with version, approval and next review") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("policies/odd.md",
           "---\nid: POL-ODD\ntitle: Terms & <Conditions>\ntype: statement\n"
           "owner: sms-manager\napprover: change-manager\nversion: \"2.<1>\"\n"
           "status: approved\neffective: 2025-01-15\nreview_months: 6\n"
           "approved_on: 2025-01-10\n---\nBody.\n");
  auto b = Build(disk);
  REQUIRE(b->diags.items().empty());
  const OutputFile* page = b->Find("stage-1.html");
  REQUIRE(page);
  CHECK(Contains(page->bytes,
                 "<tr><td><a href=\"policies/odd.html\">POL-ODD</a></td>"
                 "<td>Terms &amp; &lt;Conditions&gt;</td><td>statement</td><td>2.&lt;1&gt;</td>"
                 "<td><span class=\"status status-approved\">approved</span></td>"
                 "<td>Change Manager</td><td class=\"t-date\">2025-01-10</td>"
                 "<td class=\"t-date overdue\">2025-07-10</td><td></td></tr>"));
  // POL-1 has no approval date: reviewed from its effective date.
  CHECK(Contains(page->bytes, ">POL-1</a></td><td>Title of POL-1</td><td>policy</td><td>1.0</td>"
                              "<td><span class=\"status status-approved\">approved</span></td>"
                              "<td>SMS Manager</td><td class=\"t-date\">not recorded</td>"
                              "<td class=\"t-date \">2027-01-15</td>"));
  CHECK_FALSE(Contains(page->bytes, ">PRC-CHG</a>"));  // a process no item rests on
  // Linked from the home page and every page's navigation.
  CHECK(Contains(b->Find("index.html")->bytes, "href=\"stage-1.html\""));
  CHECK(Contains(b->Find("policies/odd.html")->bytes, "href=\"../stage-1.html\""));
}

}  // namespace smsdoc
