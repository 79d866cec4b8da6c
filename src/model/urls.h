#pragma once
#include <string>

namespace smsdoc {

// The site's URL scheme, in one place: every page's path relative to the
// site root. Link resolves references to these (anchors are checked
// there), render writes them; nothing else spells a page's path.

/// A document's page: its Markdown path with .html for .md or .markdown
/// ("policies/a.html").
inline std::string DocumentUrl(const std::string& md_path) {
  size_t dot = md_path.rfind('.');
  return md_path.substr(0, dot) + ".html";
}
/// A record's page.
inline std::string RecordUrl(const std::string& kind, const std::string& id) {
  return "records/" + kind + "/" + id + ".html";
}
/// A management review's pack: its 9.3 inputs as of its date, beside its page.
inline std::string ReviewPackUrl(const std::string& id) {
  return "records/review/" + id + "-pack.html";
}
/// A record kind's register page.
inline std::string KindUrl(const std::string& kind) { return "records/" + kind + ".html"; }
/// A clause's page.
inline std::string ClauseUrl(const std::string& id) { return "clauses/" + id + ".html"; }

/// A framework's coverage page (not ISO/IEC 20000-1's: it has clause
/// pages); each item has the anchor of its number.
inline std::string FrameworkUrl(const std::string& id) { return "frameworks/" + id + ".html"; }
/// Where an item of framework `framework` is shown.
inline std::string FrameworkItemUrl(const std::string& framework, const std::string& item) {
  return FrameworkUrl(framework) + "#" + item;
}

inline constexpr const char* kHomeUrl = "index.html";
inline constexpr const char* kDocumentsUrl = "documents.html";
inline constexpr const char* kProcessesUrl = "processes.html";
inline constexpr const char* kRegistersUrl = "records.html";
inline constexpr const char* kClauseIndexUrl = "clauses/index.html";
/// The frameworks beside ISO/IEC 20000-1 and the mappings' matrix, only
/// when smsdoc.yaml names other frameworks (docs/frameworks.md).
inline constexpr const char* kFrameworksUrl = "frameworks/index.html";
inline constexpr const char* kFrameworkMatrixUrl = "frameworks/matrix.html";
inline constexpr const char* kProcessMapUrl = "processes/map.html";
inline constexpr const char* kReadinessUrl = "readiness.html";
inline constexpr const char* kStage1Url = "stage-1.html";
inline constexpr const char* kKpisUrl = "kpis.html";
/// The Stage 2 populations and their samples (docs/sampling.md).
inline constexpr const char* kStage2Url = "stage-2.html";
/// The service reports (9.4), by period; each report's page sits where its
/// commentary does, like a document's (DocumentUrl).
inline constexpr const char* kServiceReportsUrl = "service-reports.html";
inline constexpr const char* kAttentionUrl = "attention.html";
inline constexpr const char* kSearchUrl = "search.html";
/// Every published document and process on one page, for reading and print.
inline constexpr const char* kManualUrl = "manual.html";
/// Written only when smsdoc.yaml names the base URL (404.html's links and
/// the sitemap's addresses are absolute).
inline constexpr const char* kNotFoundUrl = "404.html";
inline constexpr const char* kSitemapUrl = "sitemap.xml";
/// The side list and the search index (render/site.cc), beside the theme's assets.
inline constexpr const char* kNavScript = "assets/nav.js";
inline constexpr const char* kSearchIndexScript = "assets/search-index.js";
/// Where the register workbooks go.
inline constexpr const char* kRegisterFolder = "registers/";
inline constexpr const char* kDocumentRegister = "document-register.xlsx";
inline constexpr const char* kClauseCoverageRegister = "clause-coverage.xlsx";
inline constexpr const char* kKpiRegister = "kpi-register.xlsx";
inline constexpr const char* kSamplingRegister = "stage-2-sampling.xlsx";
/// Written only when smsdoc.yaml names mappings.
inline constexpr const char* kFrameworkMatrixRegister = "framework-matrix.xlsx";
/// The workbook a record kind's register goes to, in registers/:
/// risk -> risk-register.xlsx, person/competence/training ->
/// training-register.xlsx, audit/finding/action -> audit-register.xlsx,
/// service/customer/sla -> service-register.xlsx, supplier/supplier-review
/// -> supplier-register.xlsx, any other kind K -> K-register.xlsx.
inline std::string RegisterFile(const std::string& kind) {
  if (kind == "risk") return "risk-register.xlsx";
  if (kind == "person" || kind == "competence" || kind == "training")
    return "training-register.xlsx";
  if (kind == "audit" || kind == "finding" || kind == "action") return "audit-register.xlsx";
  if (kind == "service" || kind == "customer" || kind == "sla") return "service-register.xlsx";
  if (kind == "supplier" || kind == "supplier-review") return "supplier-register.xlsx";
  if (kind == "applicability") return "statement-of-applicability.xlsx";
  return kind + "-register.xlsx";
}

}  // namespace smsdoc
