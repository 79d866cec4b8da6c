#pragma once
#include <string>

#include "adapters/templates.h"
#include "analyse/register_rules.h"
#include "link/graph.h"
#include "model/analysis.h"
#include "model/build_info.h"
#include "model/labels.h"
#include "model/urls.h"
#include "render/heading_ids.h"
#include "render/labels.h"
#include "render/navigation.h"

namespace smsdoc {

/// Builds the values the templates see. Every value a template needs is
/// prepared here (templates are logic-less); text is escaped by the
/// template engine, HTML fields are named *_html.
class PageContext {
 public:
  /// `theme_ids`: the ids the theme's document page uses (render/theme.h);
  /// `labels`: the words of the pages, in the site's language.
  PageContext(const Graph& graph, const Analysis& analysis, const BuildInfo& info,
              const std::set<std::string>& theme_ids = {}, const Labels& labels = EnglishLabels())
      : graph_(graph),
        analysis_(analysis),
        info_(info),
        rules_(graph.corpus->config.risk_scoring, info.as_of),
        heading_ids_(graph, theme_ids),
        theme_ids_(theme_ids),
        nav_(graph, labels),
        labels_(labels) {}

  /// Fields every page has: site title, root prefix, navigation,
  /// breadcrumbs and, on document pages, previous/next.
  TemplateValue Common(const std::string& page_url, const std::string& title) const;
  /// The side list of every document, process and register, for
  /// `partials/side-nav`, rendered once into assets/nav.js (navigation.cc).
  TemplateValue SideNav() const;
  const Navigation& Nav() const { return nav_; }
  /// search.html: the results of assets/search.js over assets/search-index.js.
  TemplateValue SearchPage() const;
  TemplateValue NotFoundPage() const;
  /// manual.html without its documents (manual_context.cc): they are
  /// rendered one at a time (ManualDocument, `partials/manual-document`)
  /// into `documents_html`.
  TemplateValue ManualPage() const;
  /// The documents and processes of the manual, in its order.
  std::vector<int> ManualOrder() const;
  /// Each document page's URL as written from manual.html -> its anchor there.
  std::map<std::string, std::string> ManualAnchors() const;
  TemplateValue ManualDocument(int node, const std::map<std::string, std::string>& anchors) const;
  TemplateValue Home(const std::string& page_url) const;
  TemplateValue DocumentList(const std::string& page_url, bool processes_only) const;
  TemplateValue DocumentPage(int node) const;
  TemplateValue RecordKinds(const std::string& page_url) const;
  /// A register page without its rows: they are rendered one at a time
  /// (RegisterRow, template partials/register-row) into `rows_html`, so a
  /// register of 100,000 records never has all its values in memory.
  TemplateValue KindPage(const KindSpec& kind) const;
  /// An SoA entry's computed cells, each with its label: the documents in
  /// force implementing its control, the records evidencing it.
  std::vector<TemplateValue> SoaCells(const Record& entry, const std::string& page_url) const;
  TemplateValue RegisterRow(const KindSpec& kind, int node) const;
  std::vector<int> KindRecords(const KindSpec& kind) const;
  TemplateValue RecordPage(int node) const;
  TemplateValue ClauseIndex() const;
  TemplateValue ProcessMap() const;
  TemplateValue Readiness() const;
  /// One framework's checklist on the readiness page: rows and counts.
  TemplateValue ReadinessSection(const std::string& framework, const std::string& title,
                                 const std::vector<ReadinessItem>& checklist) const;
  TemplateValue Attention() const;
  /// stage-1.html: the documents a certification body reviews at Stage 1.
  TemplateValue Stage1() const;
  /// kpis.html: every typed KPI by clause group, its latest state and
  /// trend, and its chart with the values plotted (kpi_context.cc).
  TemplateValue KpiDashboard() const;
  /// records/review/ID-pack.html: the review record `node`'s clause 9.3
  /// inputs as of its date (review_pack_context.cc).
  TemplateValue ReviewPackPage(int node) const;
  /// service-reports.html: every service report, newest period first; and
  /// the page of report `commentary` (Corpus::commentaries), beside its
  /// commentary file (service_report_context.cc).
  TemplateValue ServiceReports() const;
  /// stage-2.html: the Stage 2 populations and samples (sampling_context.cc).
  TemplateValue Stage2Samples() const;
  TemplateValue ServiceReportPage(size_t commentary) const;
  /// The page of coverage()[index].
  TemplateValue ClausePage(size_t index) const;
  /// frameworks/index.html, the page of analysis.frameworks[index], and
  /// frameworks/matrix.html (framework_context.cc).
  TemplateValue FrameworkIndex() const;
  TemplateValue FrameworkPage(size_t index) const;
  TemplateValue FrameworkMatrixPage() const;

 private:
  TemplateValue LinkTo(const std::string& page_url, int node) const;
  std::string RoleTitle(const std::string& key) const;
  TemplateValue RoleValue(const std::string& key) const;
  TemplateValue KindSummaries(const std::string& page_url) const;
  void AddRegisters(TemplateValue& v, const std::string& page_url) const;
  std::vector<int> DocumentsById() const;
  TemplateValue DocumentRow(const std::string& page_url, int node) const;
  TemplateValue Clauses(const std::string& page_url, const std::vector<std::string>& ids) const;
  TemplateValue ClauseRow(const std::string& page_url, const ClauseCoverage& cov) const;
  TemplateValue ReferencedBy(int node) const;
  /// `in_register`: a register row's cell, with clauses by number only.
  TemplateValue FieldCell(const std::string& page_url, int node, const FieldValue* value,
                          bool in_register = false) const;
  TemplateValue Roles(const std::vector<std::string>& keys) const;
  // A process's RACI (`activities`) and `kpis`, with their `has_` flags:
  // on its page and in the manual.
  void AddProcessTables(TemplateValue& v, const Document& d, const std::string& page_url) const;
  // `fields` (with `has_fields`): the document's `document_fields:` values
  // and the unknown keys `unknown_fields: keep` kept, as label and cell.
  void AddOtherFields(TemplateValue& v, int node, const Document& d) const;
  // What a document's header shows (id, title, type, version, status,
  // in_force, owner, approver, effective): on its page and in the manual.
  void AddDocumentFacts(TemplateValue& v, const Document& d) const;
  // Breadcrumbs, previous/next (nav_context.cc).
  void AddNavigation(TemplateValue& v, const std::string& page_url, const std::string& title) const;
  // The contents box of a document page (nav_context.cc), leaving out the
  // first `skip` body headings (a title heading the page shows as its <h1>).
  TemplateValue Contents(int node, size_t skip) const;
  // The id of a document's part of manual.html.
  std::string ManualAnchor(int node) const;
  /// A <style> with the @page rules of a printed page: `header` on top of
  /// every page, the build's facts below, A4 landscape for registers.
  std::string PrintStyle(const std::string& header, bool landscape) const;
  /// A service record's page: the configuration items whose `service`
  /// names it (by title or ID), so a live service traces to its CIs.
  void SetServiceItems(TemplateValue& v, const Record& service, const std::string& page_url) const;
  /// What the Stage 1 and Stage 2 pages say the build is evidence for
  /// (smsdoc.yaml's `audit:`): partials/audit-purpose.
  void SetAuditPurpose(TemplateValue& v, const std::string& page_url) const;
  void SetPrintStyle(TemplateValue& v, const std::string& header, bool landscape) const;
  /// A document's review state: shown (`review_state`, labelled) and as a
  /// CSS class (`review_state_class`, its English name).
  void SetReviewState(TemplateValue& v, ReviewState state) const;
  // The process rules that belong to document `node` (rule_context.cc).
  void AddRules(TemplateValue& v, int node) const;
  // The items of other frameworks a document or record names
  // (`framework_items`) and addresses through mappings (`mapped_items`,
  // each with `via`), with their `has_` flags (framework_context.cc).
  void AddFrameworkItems(TemplateValue& v, int node) const;
  // A clause page's `mapped_links` (with `via`) and `has_mapped_links`:
  // what addresses the clause only through a mapping, shown, not counted.
  void AddMappedToClause(TemplateValue& v, const ClauseCoverage& cov,
                         const std::string& page_url) const;
  TemplateValue FrameworkItemLink(const std::string& page_url, const FrameworkRef& ref) const;
  // `<prefix>state` (labelled) and `<prefix>state_class` (its English name).
  void SetCoverageState(TemplateValue& v, ClauseCoverage::State state,
                        const std::string& prefix) const;
  // Document control (control_context.cc).
  void SetControl(TemplateValue& v, int node) const;

  const Graph& graph_;
  const Analysis& analysis_;
  const BuildInfo& info_;
  RegisterRules rules_;  ///< for risk bands
  HeadingIds heading_ids_;
  std::set<std::string> theme_ids_;  ///< the document page's fixed ids, for the contents box
  Navigation nav_;
  const Labels& labels_;
};

}  // namespace smsdoc
