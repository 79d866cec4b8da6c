#include "render/site.h"

#include <doctest/doctest.h>

#include <map>
#include <regex>

#include "test_support.h"

namespace smsdoc {

namespace {

struct Built {
  std::unique_ptr<testing::Sms> sms;  ///< load to check, by the one pipeline
  OutputFiles files;
  Diagnostics diags;  ///< the theme's and the render's
  const OutputFile* Find(const std::string& path) const {
    for (const auto& f : files)
      if (f.path == path) return &f;
    return nullptr;
  }
};

std::unique_ptr<Built> Build(const MemoryDisk& disk, const Disk* theme = nullptr, int jobs = 2) {
  auto b = std::make_unique<Built>();
  b->sms = testing::RunSms(disk, testing::kAsOf, jobs);
  Theme t = LoadTheme(theme, "mytheme", b->diags);
  BuildInfo info{testing::kAsOf, "", "test"};
  if (!b->sms->diags.HasErrors() && !b->diags.HasErrors())
    b->files = RenderSite(b->sms->graph(), b->sms->analysis(), t, info, jobs, b->diags);
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
  REQUIRE_FALSE(b->sms->diags.HasErrors());
  REQUIRE(b->diags.items().empty());

  const OutputFile* page = b->Find("policies/b.html");
  REQUIRE(page);
  CHECK(Contains(page->bytes, "<a href=\"policy.html\">Title of POL-1</a>"));
  CHECK(Contains(page->bytes, "<a href=\"../records/risk/RSK-1.html\">the risk</a>"));
  CHECK(Contains(page->bytes, "href=\"../assets/style.css\""));

  const OutputFile* change = b->Find("processes/change.html");
  REQUIRE(change);
  CHECK(Contains(change->bytes, "Control change."));
  CHECK(
      Contains(change->bytes, "<a href=\"../records/risk/RSK-1.html\">RSK-1 Outage &lt;b&gt;</a>"));
  CHECK(
      Contains(change->bytes, "<h3 class=\"relation-group\">related</h3>"));  // grouped by relation

  const OutputFile* risks = b->Find("records/risk.html");
  REQUIRE(risks);
  CHECK(Contains(risks->bytes, "<a href=\"risk/RSK-1.html\">RSK-1</a>"));
  CHECK(b->Find("index.html"));
  CHECK(b->Find("documents.html"));
  CHECK(b->Find("assets/style.css"));
}

TEST_CASE("heading ids never clash with the theme's ids, and links land on the heading") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("policies/h.md", testing::Doc("POL-H", "",
                                         "## Revision history\n\nSee [[#revision-history]].\n\n"
                                         "## Scope\n\n## Revision history\n\n## Referenced by\n"));
  disk.Add("policies/l.md",
           testing::Doc("POL-L", "", "See [[POL-H#revision-history|its history]].\n"));
  auto b = Build(disk);
  REQUIRE_FALSE(b->sms->diags.HasErrors());
  REQUIRE(b->diags.items().empty());
  const OutputFile* page = b->Find("policies/h.html");
  REQUIRE(page);
  // The theme's own section keeps its id; the heading takes a free suffix.
  CHECK(Contains(page->bytes, "id=\"revision-history\""));
  CHECK(Contains(page->bytes,
                 "<h2 id=\"revision-history-2\">Revision history<a class=\"heading-link\" "
                 "href=\"#revision-history-2\""));
  CHECK(Contains(page->bytes,
                 "<h2 id=\"revision-history-1\">Revision history<a class=\"heading-link\" "
                 "href=\"#revision-history-1\""));
  CHECK(Contains(
      page->bytes,
      "<h2 id=\"referenced-by\">Referenced by<a class=\"heading-link\" href=\"#referenced-by\""));
  std::map<std::string, int> ids;
  const std::regex id_re("\\sid=\"([^\"]*)\"");
  for (std::sregex_iterator it(page->bytes.begin(), page->bytes.end(), id_re), end; it != end; ++it)
    ++ids[(*it)[1]];
  for (const auto& entry : ids) CHECK_MESSAGE(entry.second == 1, entry.first);
  CHECK(Contains(page->bytes, "See <a href=\"h.html#revision-history-2\">"));
  CHECK(Contains(page->bytes, "<a href=\"#revision-history-2\">Revision history</a>"));  // toc
  const OutputFile* other = b->Find("policies/l.html");
  REQUIRE(other);
  CHECK(Contains(other->bytes, "<a href=\"h.html#revision-history-2\">its history</a>"));
}

TEST_CASE("links within the page, and text that imitates a placeholder") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("policies/c.md",
           testing::Doc("POL-C", "",
                        "## Scope\n\nSee [[#scope]] and [[#scope|here]]. "
                        "`=\"%3Csmsdoc:99999999999999999999%3E\"` smsdoc-link:0\n"));
  auto b = Build(disk);
  REQUIRE_FALSE(b->sms->diags.HasErrors());
  REQUIRE(b->diags.items().empty());
  const std::string& html = b->Find("policies/c.html")->bytes;
  CHECK(Contains(html, "<a href=\"c.html#scope\">Title of POL-C</a>"));
  CHECK(Contains(html, "<a href=\"c.html#scope\">here</a>"));
  CHECK(
      Contains(html, "<code>=&quot;%3Csmsdoc:99999999999999999999%3E&quot;</code> smsdoc-link:0"));
}

TEST_CASE("long pages get a table of contents") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("policies/long.md",
           testing::Doc("POL-L", "", "## One\n\n## Two\n\n### Two a\n\n## Three\n"));
  auto b = Build(disk);
  const OutputFile* page = b->Find("policies/long.html");
  REQUIRE(page);
  CHECK(Contains(page->bytes, "<a href=\"#two-a\">Two a</a>"));
  // The contents box is complete: the theme's sections are listed too.
  const std::string& process = b->Find("processes/change.html")->bytes;
  CHECK(Contains(process, "<a href=\"#Referenced-by\">Referenced by</a>"));
  CHECK(Contains(process, "<a href=\"#revision-history\">Revision history</a>"));
}

TEST_CASE("a body opening with the title as '#' heading shows the title once") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("policies/t.md", testing::Doc("POL-T", "",
                                         "# Title of POL-T\n\nText.\n\n# One\n\n# Two\n\n"
                                         "## Two a\n\n# Three\n"));
  disk.Add("policies/o.md", testing::Doc("POL-O", "", "Intro.\n\n# Title of POL-O\n"));
  disk.Add("policies/l.md", testing::Doc("POL-LT", "", "[[POL-T#title-of-pol-t]]\n"));
  auto b = Build(disk);
  REQUIRE(b->diags.items().empty());
  const std::string& page = b->Find("policies/t.html")->bytes;
  // Once, as the page's <h1>, which keeps the heading's id for links.
  CHECK(Contains(page, "<h1 id=\"title-of-pol-t\">Title of POL-T</h1>"));
  CHECK(page.find("Title of POL-T</h1>") == page.rfind("Title of POL-T</h1>"));
  CHECK(Contains(b->Find("policies/l.html")->bytes, "href=\"t.html#title-of-pol-t\""));
  // Only `#` headings left: they make the contents, `##` under them.
  CHECK(Contains(page, "<a href=\"#one\">One</a>"));
  CHECK(Contains(page, "<li class=\"sub\"><a href=\"#two-a\">Two a</a>"));
  CHECK_FALSE(Contains(page, "href=\"#title-of-pol-t\""));
  // Not the first block: a heading like any other.
  const std::string& other = b->Find("policies/o.html")->bytes;
  CHECK(Contains(other, "<h1>Title of POL-O</h1>"));
  CHECK(Contains(other, "<h1 id=\"title-of-pol-o\">Title of POL-O<a class=\"heading-link\""));
}

TEST_CASE("every page names its build, icon and print header; registers print landscape") {
  MemoryDisk disk = testing::BaseSms();
  auto b = Build(disk);
  const std::string& page = b->Find("policies/policy.html")->bytes;
  CHECK(Contains(page,
                 "revision <span data-fact=\"revision\">not in git</span> · as of "
                 "<span data-fact=\"as-of\">" +
                     std::string(testing::kAsOf) +
                     "</span> · built by smsdoc <span data-fact=\"smsdoc-version\">test"));
  CHECK(Contains(page, "<link rel=\"icon\" href=\"../assets/favicon.svg\""));
  CHECK(b->Find("assets/favicon.svg"));
  CHECK(Contains(page, "@top-left { content: \"POL-1 · Title of POL-1 · version 1.0\"; }"));
  CHECK(Contains(page, "as of " + std::string(testing::kAsOf) + " · smsdoc test\"; }"));
  CHECK_FALSE(Contains(page, "landscape"));
  CHECK(Contains(b->Find("records/risk.html")->bytes, "@page { size: A4 landscape;"));
}

TEST_CASE("values in the print style cannot end its string or the element") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("smsdoc.yaml",
           std::string(testing::kConfig).replace(0, 22, "organization: 'Org \"</style><b>\\'\n"));
  auto b = Build(disk);
  REQUIRE_FALSE(b->sms->diags.HasErrors());
  const std::string& page = b->Find("index.html")->bytes;
  CHECK(Contains(page, "content: \"Org \\22 \\3C /style\\3E \\3C b\\3E \\5C  · "));
  CHECK(page.find("</style>") == page.rfind("</style>"));
}

TEST_CASE("a user theme overrides single templates; errors name the file") {
  MemoryDisk theme;
  theme.Add("templates/record.mustache", "<p>custom {{id}}</p>");
  MemoryDisk disk = testing::BaseSms();
  disk.Add("records/r.yaml",
           "id: RV-1\nkind: review\ntitle: MR\nstatus: planned\nheld: 2026-03-01\n");
  auto b = Build(disk, &theme);
  REQUIRE_FALSE(b->sms->diags.HasErrors());
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
  REQUIRE_FALSE(one->files.empty());
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
  REQUIRE_FALSE(b->sms->diags.HasErrors());
  REQUIRE(b->diags.items().empty());
  const OutputFile* page = b->Find("stage-1.html");
  REQUIRE(page);
  CHECK(Contains(
      page->bytes,
      "<tr><td><a href=\"policies/odd.html\">POL-ODD</a></td>"
      "<td>Terms &amp; &lt;Conditions&gt;</td><td>statement</td>"
      "<td data-fact=\"version\">2.&lt;1&gt;</td>"
      "<td><span class=\"status status-approved\" data-fact=\"status\">approved</span></td>"
      "<td>Change Manager</td><td class=\"t-date\" data-fact=\"approved-on\">2025-01-10</td>"
      "<td data-fact=\"approved-by\">Change Manager</td>"
      "<td class=\"t-date overdue\" data-fact=\"next-review\">2025-07-10 (overdue)</td>"
      "<td data-fact=\"evidence-for\"></td></tr>"));
  // POL-1 has no approval date: reviewed from its effective date.
  CHECK(Contains(
      page->bytes,
      ">POL-1</a></td><td>Title of POL-1</td><td>policy</td>"
      "<td data-fact=\"version\">1.0</td>"
      "<td><span class=\"status status-approved\" data-fact=\"status\">approved</span></td>"
      "<td>SMS Manager</td><td class=\"t-date\" data-fact=\"approved-on\">not recorded</td>"
      "<td data-fact=\"approved-by\"></td>"
      "<td class=\"t-date \" data-fact=\"next-review\">2027-01-15</td>"));
  CHECK_FALSE(Contains(page->bytes, ">PRC-CHG</a>"));  // a process no item rests on
  // Linked from the home page and every page's navigation.
  CHECK(Contains(b->Find("index.html")->bytes, "href=\"stage-1.html\""));
  CHECK(Contains(b->Find("policies/odd.html")->bytes, "href=\"../stage-1.html\""));
}

TEST_CASE("pages show the analysis they are given; nothing is recomputed") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("policies/plan.md", testing::Doc("PLN-1", "clauses: [\"8.7.2\"]\n", "Body.\n", "plan"));
  auto sms = testing::RunSms(disk);
  REQUIRE_FALSE(sms->diags.HasErrors());
  Analysis analysis = sms->analysis();
  int pol = sms->Node("POL-1");
  analysis.documents[sms->graph().nodes[pol].index].next_review = "2099-12-31";
  analysis.attention.push_back({AttentionItem::Kind::kReviewOverdue,
                                pol,
                                "2099-12-31",
                                "review overdue since 2099-12-31 (as analysed)",
                                {},
                                "review-overdue"});
  for (ReadinessItem& item : analysis.readiness)
    if (item.key == "continuity-plan") item.reason = "judged by the analysis";
  Diagnostics diags;
  Theme theme = LoadTheme(nullptr, "", diags);
  OutputFiles files =
      RenderSite(sms->graph(), analysis, theme, {testing::kAsOf, "", "test"}, 1, diags);
  REQUIRE(diags.items().empty());
  auto page = [&](const std::string& path) {
    for (const OutputFile& f : files)
      if (f.path == path) return f.bytes;
    return std::string();
  };
  CHECK(Contains(page("stage-1.html"), "2099-12-31"));
  CHECK(Contains(page("attention.html"), "review overdue since 2099-12-31 (as analysed)"));
  CHECK(Contains(page("readiness.html"), "judged by the analysis"));
}

}  // namespace smsdoc
