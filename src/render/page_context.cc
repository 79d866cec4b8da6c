#include "render/page_context.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "analyse/coverage.h"
#include "analyse/document_control.h"
#include "analyse/kpi_periods.h"
#include "analyse/readiness.h"
#include "analyse/soa.h"
#include "base/text.h"
#include "load/clause_catalogue.h"
#include "load/framework_loader.h"
#include "render/body_links.h"
#include "render/evidence_text.h"
#include "render/heading_links.h"
#include "render/kpi_chart.h"
#include "render/kpi_text.h"
#include "render/process_map.h"
#include "render/workbooks.h"

namespace smsdoc {

namespace {

const char* NodeTypeLabel(Node::Type t) {
  switch (t) {
    case Node::Type::kDocument: return "document";
    case Node::Type::kProcess: return "process";
    case Node::Type::kRecord: return "record";
  }
  return "";
}

TemplateValue TextList(const std::vector<std::string>& items) {
  TemplateValue list = TemplateValue::List();
  for (const auto& item : items) list.Push(item);
  return list;
}

// A list with `last` set on its final element, so templates can join
// items with ", " without logic.
TemplateValue MarkLast(TemplateValue list) {
  for (size_t i = 0; i < list.list.size(); ++i) list.list[i].Set("last", i + 1 == list.list.size());
  return list;
}

// The label keys of the analysis' state words (their English names stay
// the CSS classes); the clause coverage's are in render/labels.h.
const char* ReadinessStateLabel(ReadinessItem::State state) {
  switch (state) {
    case ReadinessItem::State::kMet: return "state_met";
    case ReadinessItem::State::kAtRisk: return "state_at_risk";
    case ReadinessItem::State::kMissing: return "state_missing";
    case ReadinessItem::State::kNotApplicable: return "state_not_applicable";
  }
  return "";
}

const char* DateStateLabel(DateState state) {
  switch (state) {
    case DateState::kNone: return "";
    case DateState::kOverdue: return "date_overdue";
    case DateState::kExpired: return "date_expired";
    case DateState::kExpiring: return "date_expiring";
  }
  return "";
}

// "at risk" -> "at-risk" (a CSS class) or "at_risk" (a template key).
std::string Replaced(std::string text, char from, char to) {
  std::replace(text.begin(), text.end(), from, to);
  return text;
}

// One piece of a table cell: text, linked when `url` is set.
TemplateValue Part(const std::string& text, const std::string& url) {
  TemplateValue p;
  p.Set("text", text);
  p.Set("has_url", !url.empty());
  p.Set("url", url);
  return p;
}

// `type` is the field's schema type, for styling ("date" cells do not wrap);
// `state` is "overdue", "expired", "expiring" or ""; `fill` a band colour.
TemplateValue CellValue(TemplateValue parts, FieldType type, const std::string& state = "",
                        const ScoreBand* band = nullptr) {
  TemplateValue cell;
  // The band's name goes beside a score's colour, unless the cell shows it.
  bool names_band = band && !(parts.list.size() == 1 && parts.list[0].Find("text") &&
                              parts.list[0].Find("text")->text == band->name);
  cell.Set("parts", MarkLast(std::move(parts)));
  cell.Set("type", FieldTypeName(type));
  cell.Set("state", state);
  cell.Set("has_state", !state.empty());
  cell.Set("has_fill", band != nullptr);
  cell.Set("fill", band ? band->colour : "");
  cell.Set("has_band_mark", names_band);
  cell.Set("band", band ? band->name : "");
  return cell;
}

// Whether a register column is printed: A4 landscape holds about 14. Scale
// inputs (likelihood, impact) and levels stay on screen, since the score
// beside them shows its band by name; of the rest, the ID, title and status
// and then the first columns in the register's order, up to 14.
constexpr size_t kPaperColumns = 14;

bool Printable(const FieldSpec& spec) {
  return spec.type != FieldType::kLevel &&
         !(spec.type == FieldType::kInteger && !spec.scale.empty());
}

bool OnPaper(const KindSpec& kind, const std::string& column) {
  if (!Printable(*kind.Field(column))) return false;
  if (column == "id" || column == "title" || column == "status") return true;
  size_t kept = 0;  // printable columns before this one, and the three always kept
  for (const auto& c : kind.columns)
    if (c == "id" || c == "title" || c == "status") ++kept;
  for (const auto& c : kind.columns) {
    if (c == column) return kept < kPaperColumns;
    if (c != "id" && c != "title" && c != "status" && Printable(*kind.Field(c))) ++kept;
  }
  return false;
}

// `text` as a CSS string, safe inside <style>: quotes, backslashes, angle
// brackets and control characters become CSS escapes, so no value can end
// the string or the element.
std::string CssString(const std::string& text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c < 0x20 || c == 0x7f || c == '"' || c == '\\' || c == '<' || c == '>') {
      out += '\\';
      if (c >= 16) out += kHex[c >> 4];
      out += kHex[c & 15];
      out += ' ';
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

// Where the body's opening `# heading` ends when it repeats the title (0 if
// it does not): the first block must be that level-1 heading.
size_t TitleHeadingEnd(const std::string& html, const Body& body, const std::string& title) {
  if (body.headings.empty() || body.headings[0].level != 1 || body.headings[0].text != Trim(title))
    return 0;
  size_t start = html.find_first_not_of(" \n");
  if (start == std::string::npos || html.compare(start, 8, "<h1 id=\"") != 0) return 0;
  size_t close = html.find("</h1>", start);
  if (close == std::string::npos) return 0;
  close += 5;
  return close < html.size() && html[close] == '\n' ? close + 1 : close;
}

}  // namespace

TemplateValue PageContext::Common(const std::string& page_url, const std::string& title) const {
  const Config& config = graph_.corpus->config;
  std::string root = RelativeUrl(page_url, "");
  TemplateValue v;
  v.Set("site_title", config.title);
  v.Set("organization", config.organization);
  v.Set("page_title", title);
  v.Set("root", root);
  v.Set("language", labels_.language);
  struct Item {
    const char* label;
    const char* url;
  };
  static const Item kNav[] = {{"nav_home", kHomeUrl},
                              {"nav_clauses", kClauseIndexUrl},
                              {"nav_frameworks", kFrameworksUrl},
                              {"nav_readiness", kReadinessUrl},
                              {"nav_stage_1", kStage1Url},
                              {"nav_attention", kAttentionUrl},
                              {"documents", kDocumentsUrl},
                              {"processes", kProcessesUrl},
                              {"nav_kpis", kKpisUrl},
                              {"registers", kRegistersUrl},
                              {"nav_manual", kManualUrl},
                              {"search", kSearchUrl}};
  TemplateValue nav = TemplateValue::List();
  for (const auto& item : kNav) {
    if (info_.auditor && item.url == std::string_view(kAttentionUrl)) continue;
    // Only an SMS with frameworks beside ISO/IEC 20000-1 has their pages.
    if (analysis_.frameworks.empty() && item.url == std::string_view(kFrameworksUrl)) continue;
    TemplateValue entry;
    entry.Set("title", labels_(item.label));
    entry.Set("url", root + item.url);
    entry.Set("current", page_url == item.url);
    nav.Push(std::move(entry));
  }
  v.Set("nav_items", std::move(nav));
  v.Set("search_url", root + kSearchUrl);
  AddNavigation(v, page_url, title);
  // The facts of the build, in every page's footer (and so on every
  // printed page): what was built, judged as of when, by which smsdoc.
  v.Set("build_revision", info_.revision.empty() ? labels_("not_in_git") : info_.revision);
  v.Set("build_as_of", info_.as_of);
  v.Set("smsdoc_version", info_.version);
  v.Set("print_style_html", PrintStyle(title, false));
  return v;
}

// Every printed page carries a running header (the page, or a document's ID
// and version) and the build's facts in its margins; CSS cannot read them
// from the page, so each page gets its own @page rule.
std::string PageContext::PrintStyle(const std::string& header, bool landscape) const {
  const Config& config = graph_.corpus->config;
  std::string footer = config.organization + " · " + config.title + " · " + labels_("revision") +
                       " " + (info_.revision.empty() ? labels_("not_in_git") : info_.revision) +
                       " · " + labels_("as_of") + " " + info_.as_of + " · smsdoc " + info_.version;
  return "<style media=\"print\">@page {" + std::string(landscape ? " size: A4 landscape;" : "") +
         " @top-left { content: " + CssString(header) +
         "; } @bottom-left { content: " + CssString(footer) +
         "; } @bottom-right { content: " + CssString(labels_("print_page") + " ") +
         " counter(page) " + CssString(" " + labels_("print_of") + " ") +
         " counter(pages); } }</style>";
}

// `review_state` is shown, `review_state_class` styles it.
void PageContext::SetReviewState(TemplateValue& v, ReviewState state) const {
  v.Set("review_state", state == ReviewState::kNone
                            ? ""
                            : labels_(state == ReviewState::kDue ? "review_due" : "date_overdue"));
  v.Set("review_state_class", ReviewStateName(state));
  v.Set("has_review_state", state != ReviewState::kNone);
}

void PageContext::SetPrintStyle(TemplateValue& v, const std::string& header, bool landscape) const {
  for (size_t i = 0; i < v.keys.size(); ++i)
    if (v.keys[i] == "print_style_html") v.values[i] = PrintStyle(header, landscape);
}

TemplateValue PageContext::LinkTo(const std::string& page_url, int node) const {
  const Node& n = graph_.nodes[node];
  TemplateValue v;
  v.Set("id", n.id);
  v.Set("title", n.title);
  v.Set("url", RelativeUrl(page_url, n.url));
  if (n.type != Node::Type::kRecord)
    v.Set("is_draft", graph_.corpus->documents[n.index].status == "draft");
  return v;
}

std::string PageContext::RoleTitle(const std::string& key) const {
  const Role* role = graph_.corpus->config.FindRole(key);
  return role ? role->title : key;
}

TemplateValue PageContext::RoleValue(const std::string& key) const {
  TemplateValue v;
  v.Set("key", key);
  v.Set("title", RoleTitle(key));
  return v;
}

TemplateValue PageContext::Roles(const std::vector<std::string>& keys) const {
  TemplateValue list = TemplateValue::List();
  for (const auto& k : keys) list.Push(RoleValue(k));
  return MarkLast(std::move(list));
}

TemplateValue PageContext::Clauses(const std::string& page_url,
                                   const std::vector<std::string>& ids) const {
  TemplateValue list = TemplateValue::List();
  for (const auto& id : ids) {
    const Clause* c = FindClause(id);
    TemplateValue v;
    v.Set("id", id);
    v.Set("title", c ? c->title : "");
    v.Set("url", RelativeUrl(page_url, ClauseUrl(id)));
    list.Push(std::move(v));
  }
  return list;
}

TemplateValue PageContext::ClauseRow(const std::string& page_url, const ClauseCoverage& cov) const {
  TemplateValue v;
  const std::string& id = cov.clause->id;
  v.Set("id", id);
  v.Set("title", cov.clause->title);
  v.Set("url", RelativeUrl(page_url, ClauseUrl(id)));
  v.Set("depth", std::to_string(std::count(id.begin(), id.end(), '.')));
  v.Set("documents", std::to_string(cov.documents.size()));
  v.Set("processes", std::to_string(cov.processes.size()));
  v.Set("records", std::to_string(cov.records.size()));
  v.Set("state", labels_(CoverageStateLabel(cov.state)));
  v.Set("state_class", Replaced(StateName(cov.state), ' ', '-'));
  v.Set("leaf", cov.leaf);
  v.Set("last_internal_audit", cov.last_internal_audit);
  v.Set("has_last_internal_audit", !cov.last_internal_audit.empty());
  v.Set("last_external_audit", cov.last_external_audit);
  v.Set("has_last_external_audit", !cov.last_external_audit.empty());
  v.Set("audited_in_cycle", labels_(cov.audited_in_cycle ? "bool_yes_lower" : "bool_no_lower"));
  return v;
}

TemplateValue PageContext::ProcessMap() const {
  const std::string page_url = kProcessMapUrl;
  TemplateValue v = Common(page_url, labels_("process_map"));
  v.Set("process_map_svg", ProcessMapSvg(graph_, page_url, labels_));
  TemplateValue edges = TemplateValue::List();
  for (const auto& [from, to] : ProcessInterfaces(graph_)) {
    TemplateValue e;
    e.Set("from", LinkTo(page_url, from));
    e.Set("to", LinkTo(page_url, to));
    edges.Push(std::move(e));
  }
  v.Set("edge_count", std::to_string(edges.list.size()));
  v.Set("edges", std::move(edges));
  return v;
}

TemplateValue PageContext::Readiness() const {
  const std::string page_url = kReadinessUrl;
  TemplateValue v = Common(page_url, labels_("stage_1_readiness_title"));
  v.Set("as_of", info_.as_of);
  v.Set("stage1_url", RelativeUrl(page_url, kStage1Url));
  // One section per framework, ISO/IEC 20000-1 first; the top-level
  // items and counts are its own (themes written before frameworks).
  TemplateValue sections = TemplateValue::List();
  const Framework* primary = FindFramework(graph_.corpus->config, kDefaultPrimary);
  sections.Push(
      ReadinessSection(kDefaultPrimary, primary ? primary->Title() : "", analysis_.readiness));
  for (const FrameworkReadiness& fw : analysis_.framework_readiness)
    sections.Push(ReadinessSection(fw.framework, fw.title, fw.items));
  for (const char* key :
       {"items", "count_met", "count_at_risk", "count_missing", "count_not_applicable"})
    v.Set(key, *sections.list[0].Find(key));
  v.Set("has_headings", sections.list.size() > 1);
  v.Set("sections", std::move(sections));
  return v;
}

TemplateValue PageContext::ReadinessSection(const std::string& framework, const std::string& title,
                                            const std::vector<ReadinessItem>& checklist) const {
  const std::string page_url = kReadinessUrl;
  const bool primary = framework == kDefaultPrimary;
  TemplateValue v;
  v.Set("framework", framework);
  v.Set("title", title);
  std::map<std::string, int> counts;
  TemplateValue items = TemplateValue::List();
  for (const ReadinessItem& item : checklist) {
    std::string state = ReadinessStateName(item.state);
    counts[state]++;
    TemplateValue i;
    // The row's id is the key smsdoc.yaml and `status` name it by.
    i.Set("key", primary ? item.key : framework + ":" + item.key);
    i.Set("title", item.title);
    i.Set("clause", item.clause);
    // Only ISO/IEC 20000-1's clauses have pages here.
    i.Set("has_clause_url", primary);
    i.Set("clause_url", primary ? RelativeUrl(page_url, ClauseUrl(item.clause)) : "");
    i.Set("state", labels_(ReadinessStateLabel(item.state)));
    i.Set("state_class", Replaced(state, ' ', '-'));
    i.Set("reason", item.reason);
    i.Set("has_reason", !item.reason.empty());
    TemplateValue evidence = TemplateValue::List();
    for (int n : item.evidence) evidence.Push(LinkTo(page_url, n));
    i.Set("has_evidence", !evidence.list.empty());
    i.Set("evidence", MarkLast(std::move(evidence)));
    items.Push(std::move(i));
  }
  v.Set("items", std::move(items));
  for (const char* state : {"met", "at risk", "missing", "not applicable"})
    v.Set("count_" + Replaced(state, ' ', '_'), std::to_string(counts[state]));
  return v;
}

void PageContext::SetAuditPurpose(TemplateValue& v, const std::string& page_url) const {
  const Config& config = graph_.corpus->config;
  v.Set("has_audit_purpose", !config.audit_purpose.empty());
  if (config.audit_purpose.empty()) return;
  v.Set("audit_purpose_key", config.audit_purpose);
  const char* label = config.audit_purpose == "surveillance"      ? "audit_purpose_surveillance"
                      : config.audit_purpose == "recertification" ? "audit_purpose_recertification"
                                                                  : "audit_purpose_initial";
  v.Set("audit_purpose", labels_(label));
  // check/audit_checks reports an ID that is no audit record.
  auto it = graph_.by_id.find(config.audit_id);
  bool found = it != graph_.by_id.end() && graph_.nodes[it->second].type == Node::Type::kRecord;
  v.Set("has_audit", found);
  if (!found) return;
  TemplateValue audit = LinkTo(page_url, it->second);
  const Record& r = graph_.corpus->records[graph_.nodes[it->second].index];
  const FieldValue* planned = r.Field("planned");
  audit.Set("planned", planned ? planned->text : "");
  v.Set("audit", std::move(audit));
}

TemplateValue PageContext::Stage1() const {
  const std::string page_url = kStage1Url;
  TemplateValue v = Common(page_url, labels_("stage_1_documents"));
  SetPrintStyle(v, labels_("stage_1_documents") + " · " + labels_("as_of") + " " + info_.as_of,
                true);
  v.Set("as_of", info_.as_of);
  v.Set("has_revision", !info_.revision.empty());
  v.Set("revision", info_.revision);
  v.Set("readiness_url", RelativeUrl(page_url, kReadinessUrl));
  v.Set("stage_2_url", RelativeUrl(page_url, kStage2Url));
  SetAuditPurpose(v, page_url);
  v.Set("document_workbook_url",
        RelativeUrl(page_url, std::string(kRegisterFolder) + kDocumentRegister));
  // Every framework's items (analysis.stage1 indexes into them).
  const std::vector<ReadinessItem> checklist = CombinedChecklist(analysis_);
  TemplateValue rows = TemplateValue::List();
  for (const Stage1Document& doc : analysis_.stage1) {
    size_t index = graph_.nodes[doc.node].index;
    const Document& d = graph_.corpus->documents[index];
    const DocumentState& state = analysis_.documents[index];
    TemplateValue row = DocumentRow(page_url, doc.node);
    row.Set("approver", RoleValue(d.approver));
    // The last approval, from a commit trailer or the front matter.
    row.Set("approved_on", state.approved_on);
    row.Set("has_approved_on", !state.approved_on.empty());
    row.Set("approved_by", state.approved_by);
    row.Set("next_review", state.next_review);
    SetReviewState(row, state.review);
    TemplateValue items = TemplateValue::List();
    for (size_t i : doc.items) {
      TemplateValue item;
      item.Set("title", checklist[i].title);
      item.Set("url", RelativeUrl(page_url, kReadinessUrl) + "#" + checklist[i].key);
      items.Push(std::move(item));
    }
    row.Set("has_items", !items.list.empty());
    row.Set("items", MarkLast(std::move(items)));
    rows.Push(std::move(row));
  }
  v.Set("count", std::to_string(rows.list.size()));
  v.Set("documents", std::move(rows));
  return v;
}

TemplateValue PageContext::ClauseIndex() const {
  const std::string page_url = kClauseIndexUrl;
  TemplateValue v = Common(page_url, labels_("clauses_title"));
  SetPrintStyle(v, labels_("clauses_title") + " · " + labels_("as_of") + " " + info_.as_of, true);
  TemplateValue rows = TemplateValue::List(), gaps = TemplateValue::List();
  std::map<std::string, int> counts;
  for (const auto& cov : analysis_.coverage) {
    TemplateValue row = ClauseRow(page_url, cov);
    counts[StateName(cov.state)]++;
    if (cov.state == ClauseCoverage::State::kNotCovered) gaps.Push(row);
    rows.Push(std::move(row));
  }
  v.Set("has_gaps", !gaps.list.empty());
  v.Set("gaps", std::move(gaps));
  v.Set("clauses", std::move(rows));
  for (const char* state :
       {"covered", "partly covered", "documented only", "evidenced only", "not covered"})
    v.Set("count_" + Replaced(state, ' ', '_'), std::to_string(counts[state]));
  v.Set("workbook_url",
        RelativeUrl(page_url, std::string(kRegisterFolder) + kClauseCoverageRegister));
  return v;
}

TemplateValue PageContext::ClausePage(size_t index) const {
  const ClauseCoverage& cov = analysis_.coverage[index];
  const std::string page_url = ClauseUrl(cov.clause->id);
  TemplateValue v = Common(page_url, cov.clause->id + " " + cov.clause->title);
  TemplateValue row = ClauseRow(page_url, cov);
  for (size_t i = 0; i < row.keys.size(); ++i) v.Set(row.keys[i], row.values[i]);
  auto links = [&](const std::vector<int>& nodes) {
    TemplateValue list = TemplateValue::List();
    for (int n : nodes) {
      TemplateValue l = LinkTo(page_url, n);
      const Node& node = graph_.nodes[n];
      l.Set("kind", node.type == Node::Type::kRecord ? graph_.corpus->records[node.index].kind->name
                                                     : graph_.corpus->documents[node.index].type);
      const FieldValue* performed = nullptr;
      const FieldValue* classification = nullptr;
      if (node.type == Node::Type::kRecord) {
        const Record& r = graph_.corpus->records[node.index];
        performed = r.Field("performed") ? r.Field("performed") : r.Field("planned");
        classification = r.Field("classification");
        l.Set("status", r.status);
      }
      l.Set("date", performed ? performed->text : "");
      l.Set("classification", classification ? classification->text : "");
      list.Push(std::move(l));
    }
    return list;
  };
  auto set = [&](const char* key, const std::vector<int>& nodes) {
    v.Set(std::string("has_") + key, !nodes.empty());
    v.Set(key, links(nodes));
  };
  set("document_links", cov.documents);
  set("process_links", cov.processes);
  set("not_in_force_links", cov.not_in_force);
  set("record_links", cov.records);
  set("audit_links", cov.internal_audits);
  set("external_audit_links", cov.external_audits);
  set("finding_links", cov.open_findings);
  AddMappedToClause(v, cov, page_url);
  v.Set("unaudited", Join(cov.unaudited_leaves, ", "));
  v.Set("has_unaudited", !cov.leaf && !cov.unaudited_leaves.empty());
  // The parent and the sub-clauses, for moving around the tree.
  const std::string& id = cov.clause->id;
  size_t dot = id.rfind('.');
  v.Set("has_parent", dot != std::string::npos);
  if (dot != std::string::npos) {
    const Clause* parent = FindClause(id.substr(0, dot));
    v.Set("parent_id", id.substr(0, dot));
    v.Set("parent_title", parent ? parent->title : "");
    v.Set("parent_url", RelativeUrl(page_url, ClauseUrl(id.substr(0, dot))));
  }
  TemplateValue children = TemplateValue::List();
  for (const auto& other : analysis_.coverage)
    if (other.clause->id.rfind(id + ".", 0) == 0 &&
        other.clause->id.find('.', id.size() + 1) == std::string::npos)
      children.Push(ClauseRow(page_url, other));
  v.Set("has_children", !children.list.empty());
  v.Set("children", std::move(children));
  v.Set("index_url", RelativeUrl(page_url, kClauseIndexUrl));
  return v;
}

TemplateValue PageContext::DocumentRow(const std::string& page_url, int node) const {
  const Document& d = graph_.corpus->documents[graph_.nodes[node].index];
  TemplateValue v = LinkTo(page_url, node);
  v.Set("type", d.type);
  v.Set("owner", RoleValue(d.owner));
  v.Set("version", d.version);
  v.Set("status", d.status);
  v.Set("in_force", d.status == "approved");
  v.Set("effective", d.effective);
  return v;
}

// Backlinks grouped by relation (groups in name order, sources by ID).
TemplateValue PageContext::ReferencedBy(int node) const {
  const std::string& page_url = graph_.nodes[node].url;
  std::map<std::string, std::vector<int>> groups;
  for (const Backlink& b : graph_.backlinks[node]) {
    auto& sources = groups[RelationName(graph_, b.source, b.relation)];
    if (sources.empty() || sources.back() != b.source) sources.push_back(b.source);
  }
  TemplateValue list = TemplateValue::List();
  for (const auto& [relation, sources] : groups) {
    TemplateValue group;
    group.Set("relation", relation);
    TemplateValue items = TemplateValue::List();
    for (int source : sources) {
      TemplateValue v = LinkTo(page_url, source);
      v.Set("type", NodeTypeLabel(graph_.nodes[source].type));
      items.Push(std::move(v));
    }
    group.Set("items", std::move(items));
    list.Push(std::move(group));
  }
  return list;
}

TemplateValue PageContext::Home(const std::string& page_url) const {
  TemplateValue v = Common(page_url, labels_("nav_home"));
  v.Set("scope", graph_.corpus->config.scope);
  v.Set("process_map_svg", ProcessMapSvg(graph_, page_url, labels_));
  v.Set("process_map_url", RelativeUrl(page_url, kProcessMapUrl));
  v.Set("stage1_url", RelativeUrl(page_url, kStage1Url));
  v.Set("readiness_url", RelativeUrl(page_url, kReadinessUrl));
  TemplateValue policies = TemplateValue::List(), processes = TemplateValue::List();
  for (int node : DocumentsById()) {
    (graph_.nodes[node].type == Node::Type::kProcess ? processes : policies)
        .Push(DocumentRow(page_url, node));
  }
  v.Set("has_policies", !policies.list.empty());
  v.Set("policies", std::move(policies));
  v.Set("has_processes", !processes.list.empty());
  v.Set("processes", std::move(processes));
  AddRegisters(v, page_url);
  return v;
}

TemplateValue PageContext::DocumentList(const std::string& page_url, bool processes_only) const {
  const std::string& title = labels_(processes_only ? "processes" : "document_master_list");
  TemplateValue v = Common(page_url, title);
  SetPrintStyle(v, title, true);
  TemplateValue rows = TemplateValue::List();
  for (int node : DocumentsById()) {
    if (processes_only && graph_.nodes[node].type != Node::Type::kProcess) continue;
    TemplateValue row = DocumentRow(page_url, node);
    const Document& d = graph_.corpus->documents[graph_.nodes[node].index];
    row.Set("clauses", MarkLast(Clauses(page_url, d.clauses)));
    if (processes_only) row.Set("purpose", d.purpose);
    const DocumentState& state = analysis_.documents[graph_.nodes[node].index];
    row.Set("next_review", state.next_review);
    SetReviewState(row, state.review);
    row.Set("approved_on", state.approved_on);
    row.Set("changed_after_approval", !state.changed_after_approval.empty());
    rows.Push(std::move(row));
  }
  v.Set("count", std::to_string(rows.list.size()));
  v.Set("as_of", info_.as_of);
  v.Set("workbook_url", RelativeUrl(page_url, std::string(kRegisterFolder) + kDocumentRegister));
  v.Set("documents", std::move(rows));
  return v;
}

TemplateValue PageContext::DocumentPage(int node) const {
  const Node& n = graph_.nodes[node];
  const Document& d = graph_.corpus->documents[n.index];
  TemplateValue v = Common(n.url, d.title);
  AddDocumentFacts(v, d);
  v.Set("review_months", std::to_string(d.review_months));
  v.Set("source", d.path);
  SetPrintStyle(v, d.id + " · " + d.title + " · " + labels_("version") + " " + d.version, false);
  SetControl(v, node);
  v.Set("clauses", Clauses(n.url, d.clauses));
  v.Set("has_clauses", !d.clauses.empty());
  AddFrameworkItems(v, node);

  TemplateValue related = TemplateValue::List(), interfaces = TemplateValue::List();
  const auto& links = graph_.links[node];
  for (size_t i = 0; i < d.refs.size(); ++i) {
    if (links[i].target < 0) continue;
    if (d.refs[i].relation == "related") related.Push(LinkTo(n.url, links[i].target));
    if (d.refs[i].relation == "interfaces") interfaces.Push(LinkTo(n.url, links[i].target));
  }
  v.Set("has_related", !related.list.empty());
  v.Set("related", std::move(related));
  AddOtherFields(v, node, d);

  // A body that opens with the title as its `#` heading would show it twice:
  // the page's own <h1> takes over that heading's id instead.
  std::string body_html = heading_ids_.Apply(node, d.body.html);
  size_t first_heading = 0;
  if (size_t end = TitleHeadingEnd(body_html, d.body, d.title); end != 0) {
    v.Set("title_id", heading_ids_.Of(node, d.body.headings[0].anchor));
    body_html.erase(0, end);
    first_heading = 1;
  }
  TemplateValue toc = Contents(node, first_heading);
  v.Set("has_toc", toc.list.size() >= 3);
  v.Set("toc", std::move(toc));
  v.Set("body_html",
        AddHeadingLinks(ResolveBodyLinks(body_html, graph_, node, n.url, heading_ids_)));

  v.Set("is_process", d.is_process);
  if (d.is_process) {
    v.Set("has_purpose", !d.purpose.empty());
    v.Set("purpose", d.purpose);
    v.Set("has_inputs", !d.inputs.empty());
    v.Set("inputs", TextList(d.inputs));
    v.Set("has_outputs", !d.outputs.empty());
    v.Set("outputs", TextList(d.outputs));
    AddProcessTables(v, d, n.url);
    std::string neighbourhood = ProcessNeighbourhoodSvg(graph_, node, n.url, labels_);
    v.Set("has_neighbourhood", !neighbourhood.empty());
    v.Set("process_neighbourhood_svg", neighbourhood);
    v.Set("has_interfaces", !interfaces.list.empty());
    v.Set("interfaces", std::move(interfaces));
    v.Set("has_record_kinds", !d.record_kinds.empty());
    v.Set("record_kinds", MarkLast(TextList(d.record_kinds)));
  }
  AddRules(v, node);
  TemplateValue refby = ReferencedBy(node);
  v.Set("has_referenced_by", !refby.list.empty());
  v.Set("referenced_by", std::move(refby));
  return v;
}

std::vector<int> PageContext::DocumentsById() const {
  std::vector<int> nodes;
  for (size_t i = 0; i < graph_.corpus->documents.size(); ++i)
    nodes.push_back(graph_.DocumentNode(i));
  std::sort(nodes.begin(), nodes.end(),
            [&](int a, int b) { return graph_.nodes[a].id < graph_.nodes[b].id; });
  return nodes;
}

// What partials/registers lists: the computed registers and every kind.
void PageContext::AddRegisters(TemplateValue& v, const std::string& page_url) const {
  v.Set("kinds", KindSummaries(page_url));
  v.Set("documents_url", RelativeUrl(page_url, kDocumentsUrl));
  v.Set("document_workbook_url",
        RelativeUrl(page_url, std::string(kRegisterFolder) + kDocumentRegister));
  v.Set("document_count", std::to_string(graph_.corpus->documents.size()));
  v.Set("clauses_url", RelativeUrl(page_url, kClauseIndexUrl));
  v.Set("clause_workbook_url",
        RelativeUrl(page_url, std::string(kRegisterFolder) + kClauseCoverageRegister));
  v.Set("clause_count", std::to_string(analysis_.coverage.size()));
  v.Set("kpis_url", RelativeUrl(page_url, kKpisUrl));
  v.Set("kpi_workbook_url", RelativeUrl(page_url, std::string(kRegisterFolder) + kKpiRegister));
  v.Set("kpi_count", std::to_string(analysis_.kpis.size()));
  v.Set("service_reports_url", RelativeUrl(page_url, kServiceReportsUrl));
  v.Set("service_report_count", std::to_string(graph_.corpus->commentaries.size()));
  v.Set("stage_2_url", RelativeUrl(page_url, kStage2Url));
  v.Set("stage_2_workbook_url",
        RelativeUrl(page_url, std::string(kRegisterFolder) + kSamplingRegister));
  v.Set("stage_2_count", std::to_string(analysis_.samples.size()));
  // The cross-framework matrix is written only when smsdoc.yaml names mappings.
  if (!graph_.corpus->config.mappings.empty()) {
    v.Set("matrix_url", RelativeUrl(page_url, kFrameworkMatrixUrl));
    v.Set("matrix_workbook_url",
          RelativeUrl(page_url, std::string(kRegisterFolder) + kFrameworkMatrixRegister));
    v.Set("matrix_count", std::to_string(analysis_.matrix.size()));
  }
}

TemplateValue PageContext::RecordKinds(const std::string& page_url) const {
  TemplateValue v = Common(page_url, labels_("registers"));
  AddRegisters(v, page_url);
  v.Set("as_of", info_.as_of);
  return v;
}

TemplateValue PageContext::KindSummaries(const std::string& page_url) const {
  std::map<std::string, int> counts;
  for (const auto& r : graph_.corpus->records) counts[r.kind->name]++;
  TemplateValue kinds = TemplateValue::List();
  for (const auto& kind : graph_.corpus->kinds.kinds) {
    TemplateValue k;
    k.Set("name", kind.name);
    k.Set("title", kind.title);
    k.Set("clause", kind.clause);
    k.Set("count", std::to_string(counts[kind.name]));
    k.Set("url", RelativeUrl(page_url, KindUrl(kind.name)));
    k.Set("workbook_url", RelativeUrl(page_url, kRegisterFolder + RegisterFile(kind.name)));
    k.Set("workbook", RegisterFile(kind.name));
    kinds.Push(std::move(k));
  }
  return kinds;
}

TemplateValue PageContext::FieldCell(const std::string& page_url, int node, const FieldValue* value,
                                     bool in_register) const {
  TemplateValue parts = TemplateValue::List();
  auto add = [&](const std::string& text, const std::string& url) { parts.Push(Part(text, url)); };
  if (value) {
    const FieldSpec& spec = *value->spec;
    if (spec.type == FieldType::kRef || spec.type == FieldType::kRefs) {
      // Links resolve in ref order; find this field's.
      const auto& refs = graph_.RefsOf(node);
      for (size_t i = 0; i < refs.size(); ++i) {
        if (refs[i].relation != spec.name) continue;
        int target = graph_.links[node][i].target;
        add(refs[i].target, target >= 0 ? RelativeUrl(page_url, graph_.nodes[target].url) : "");
      }
    } else if (spec.type == FieldType::kRoles) {
      for (const auto& key : value->items) add(RoleTitle(key), "");
    } else if (spec.type == FieldType::kRole) {
      add(RoleTitle(value->text), "");
    } else if (spec.type == FieldType::kClause || spec.type == FieldType::kClauses ||
               spec.type == FieldType::kControls) {
      std::vector<std::string> ids = value->items;
      if (!value->text.empty()) ids.push_back(value->text);
      for (const auto& id : ids) {
        // Another framework's "iso27001:A.5.15": to its item on the framework's page.
        if (size_t colon = id.find(':'); colon != std::string::npos) {
          bool shown = analysis_.FrameworkOf(id.substr(0, colon)) != nullptr;
          add(id, shown ? RelativeUrl(page_url,
                                      FrameworkItemUrl(id.substr(0, colon), id.substr(colon + 1)))
                        : "");
          continue;
        }
        const Clause* c = FindClause(id);
        // A register row names clauses by number, linked to their pages:
        // an audit of every clause would otherwise be pages tall.
        add(c && !in_register ? id + " " + c->title : id,
            c ? RelativeUrl(page_url, ClauseUrl(id)) : "");
      }
    } else if (spec.type == FieldType::kBool || spec.type == FieldType::kExceeds) {
      add(labels_(value->text == "true" ? "bool_yes" : "bool_no"), "");
    } else if (!value->items.empty()) {
      for (const auto& item : value->items) add(item, "");
    } else {
      add(value->text, "");
    }
  }
  if (!value) return CellValue(std::move(parts), FieldType::kText);
  // A document's fields have no register rules: no date states, no bands.
  if (graph_.nodes[node].type != Node::Type::kRecord)
    return CellValue(std::move(parts), value->spec->type);
  size_t index = graph_.nodes[node].index;
  const Record& record = graph_.corpus->records[index];
  DateState date = analysis_.record_dates[index][static_cast<size_t>(value - record.fields.data())];
  // Band colours say how bad a threat is: an opportunity's stay plain.
  const FieldValue* type = record.Field("type");
  bool opportunity = type && type->text == "opportunity";
  TemplateValue cell = CellValue(std::move(parts), value->spec->type, DateStateName(date),
                                 opportunity ? nullptr : rules_.Band(*value->spec, value->text));
  cell.Set("state_label", date == DateState::kNone ? "" : labels_(DateStateLabel(date)));
  return cell;
}

std::vector<int> PageContext::KindRecords(const KindSpec& kind) const {
  std::vector<int> nodes;
  for (size_t i = 0; i < graph_.corpus->records.size(); ++i)
    if (graph_.corpus->records[i].kind == &kind) nodes.push_back(graph_.RecordNode(i));
  if (kind.name == kSoaKind) SortByControl(graph_, nodes);  // A.5.2 before A.5.10
  return nodes;
}

TemplateValue PageContext::KindPage(const KindSpec& kind) const {
  std::string page_url = KindUrl(kind.name);
  TemplateValue v = Common(page_url, kind.title);
  SetPrintStyle(v, kind.title + " · " + labels_("as_of") + " " + info_.as_of, true);
  v.Set("title", kind.title);
  v.Set("clause", kind.clause);
  TemplateValue columns = TemplateValue::List();
  for (const auto& c : kind.columns) {
    TemplateValue column;
    column.Set("label", kind.Field(c)->label);
    column.Set("type", FieldTypeName(kind.Field(c)->type));
    column.Set("on_paper", OnPaper(kind, c));
    columns.Push(std::move(column));
  }
  // The SoA's computed columns (RegisterRow).
  for (const char* label : {"soa_implemented_by", "soa_evidence"}) {
    if (kind.name != kSoaKind) break;
    TemplateValue column;
    column.Set("label", labels_(label));
    column.Set("type", FieldTypeName(FieldType::kRefs));
    column.Set("on_paper", true);
    columns.Push(std::move(column));
  }
  v.Set("columns", std::move(columns));
  size_t count = KindRecords(kind).size();
  v.Set("count", std::to_string(count));
  v.Set("as_of", info_.as_of);
  v.Set("workbook_url", RelativeUrl(page_url, kRegisterFolder + RegisterFile(kind.name)));
  v.Set("workbook", RegisterFile(kind.name));
  v.Set("has_rows", count > 0);
  // Each management review's pack of inputs (review_pack_context.cc).
  TemplateValue packs = TemplateValue::List();
  if (kind.name == "review")
    for (int node : KindRecords(kind)) {
      TemplateValue pack = LinkTo(page_url, node);
      pack.Set("url", RelativeUrl(page_url, ReviewPackUrl(graph_.nodes[node].id)));
      packs.Push(std::move(pack));
    }
  v.Set("has_packs", !packs.list.empty());
  v.Set("packs", MarkLast(std::move(packs)));
  // The legend names the bands when a column is coloured by them.
  bool banded = false;
  for (const auto& c : kind.columns)
    if (kind.Field(c)->type == FieldType::kScore || kind.Field(c)->type == FieldType::kLevel)
      banded = true;
  TemplateValue bands = TemplateValue::List();
  for (const ScoreBand& band : graph_.corpus->config.risk_scoring.bands) {
    if (!banded) break;
    TemplateValue b;
    b.Set("name", band.name);
    b.Set("min", std::to_string(band.min));
    b.Set("colour", band.colour);
    bands.Push(std::move(b));
  }
  v.Set("has_bands", !bands.list.empty());
  v.Set("bands", MarkLast(std::move(bands)));
  return v;
}

std::vector<TemplateValue> PageContext::SoaCells(const Record& entry,
                                                 const std::string& page_url) const {
  std::optional<FrameworkRef> control = SoaControlOf(graph_.corpus->config, entry);
  std::vector<TemplateValue> cells;
  for (const char* label : {"soa_implemented_by", "soa_evidence"}) {
    std::vector<int> nodes;
    if (control)
      nodes = cells.empty() ? ImplementingDocuments(graph_, analysis_, *control)
                            : EvidenceRecords(graph_, *control);
    TemplateValue parts = TemplateValue::List();
    for (int n : nodes)
      parts.Push(Part(graph_.nodes[n].id, RelativeUrl(page_url, graph_.nodes[n].url)));
    cells.push_back(CellValue(std::move(parts), FieldType::kRefs));
    cells.back().Set("label", labels_(label));
  }
  return cells;
}

TemplateValue PageContext::RegisterRow(const KindSpec& kind, int node) const {
  std::string page_url = KindUrl(kind.name);
  const Record& r = graph_.corpus->records[graph_.nodes[node].index];
  TemplateValue cells = TemplateValue::List();
  for (const auto& c : kind.columns) {
    if (c == "id") {
      TemplateValue parts = TemplateValue::List();
      parts.Push(Part(r.id, RelativeUrl(page_url, graph_.nodes[node].url)));
      cells.Push(CellValue(std::move(parts), FieldType::kId));
    } else if (const FieldSpec* spec = kind.Field(c); spec && spec->type == FieldType::kLookup) {
      int target = -1;  // shown as the named record shows it (a role by its title)
      const FieldValue* value = graph_.LookUp(node, *spec, target);
      cells.Push(FieldCell(page_url, value ? target : node, value));
    } else {
      cells.Push(FieldCell(page_url, node, r.Field(c), true));
    }
    cells.list.back().Set("on_paper", OnPaper(kind, c));
  }
  if (kind.name == kSoaKind)
    for (TemplateValue& cell : SoaCells(r, page_url)) {
      cell.Set("on_paper", true);
      cells.Push(std::move(cell));
    }
  TemplateValue row;
  row.Set("cells", std::move(cells));
  row.Set("status", r.status);
  // An imported record has no page: `[[ID]]` links to its row.
  row.Set("has_anchor", r.imported);
  row.Set("anchor", r.id);
  return row;
}

void PageContext::SetServiceItems(TemplateValue& v, const Record& service,
                                  const std::string& page_url) const {
  const Corpus& corpus = *graph_.corpus;
  const KindSpec* kind = corpus.kinds.Find("configuration-item");
  TemplateValue items = TemplateValue::List();
  for (size_t i = 0; kind && service.kind->name == "service" && i < corpus.records.size(); ++i) {
    const Record& r = corpus.records[i];
    const FieldValue* named = r.kind == kind ? r.Field("service") : nullptr;
    if (!named || (named->text != service.title && named->text != service.id)) continue;
    TemplateValue row = LinkTo(page_url, graph_.RecordNode(i));
    for (const char* field : {"class", "environment"}) {
      const FieldValue* f = r.Field(field);
      row.Set(field, f ? f->text : "");
    }
    row.Set("status", r.status);
    items.Push(std::move(row));
  }
  v.Set("has_configuration_items", !items.list.empty());
  if (items.list.empty()) return;
  v.Set("configuration_items_title", kind->title);
  v.Set("configuration_items_url", RelativeUrl(page_url, KindUrl(kind->name)));
  for (const char* field : {"class", "environment"})
    v.Set(std::string("ci_") + field + "_label", kind->Field(field)->label);
  v.Set("configuration_items", std::move(items));
}

TemplateValue PageContext::RecordPage(int node) const {
  const Node& n = graph_.nodes[node];
  const Record& r = graph_.corpus->records[n.index];
  TemplateValue v = Common(n.url, r.id + " " + r.title);
  v.Set("id", r.id);
  v.Set("title", r.title);
  v.Set("status", r.status);
  v.Set("kind", r.kind->name);
  v.Set("kind_title", r.kind->title);
  v.Set("kind_url", RelativeUrl(n.url, KindUrl(r.kind->name)));
  v.Set("source", r.path);
  v.Set("has_pack", r.kind->name == "review");
  v.Set("pack_url", RelativeUrl(n.url, ReviewPackUrl(r.id)));
  AddFrameworkItems(v, node);
  TemplateValue fields = TemplateValue::List();
  for (const auto& spec : r.kind->fields) {
    const FieldValue* value = r.Field(spec.name);
    if (!value || spec.name == "title") continue;
    TemplateValue row = FieldCell(n.url, node, value);
    row.Set("label", spec.label);
    fields.Push(std::move(row));
  }
  // An SoA entry: what implements and evidences its control, as its register shows.
  if (r.kind->name == kSoaKind)
    for (TemplateValue& cell : SoaCells(r, n.url)) fields.Push(std::move(cell));
  v.Set("fields", std::move(fields));
  SetServiceItems(v, r, n.url);
  v.Set("has_evidence_files", !r.evidence_files.empty());
  v.Set("evidence_files", EvidenceFilesValue(r, n.url, labels_));
  TemplateValue refby = ReferencedBy(node);
  v.Set("has_referenced_by", !refby.list.empty());
  v.Set("referenced_by", std::move(refby));
  return v;
}

void PageContext::AddProcessTables(TemplateValue& v, const Document& d,
                                   const std::string& page_url) const {
  TemplateValue activities = TemplateValue::List();
  for (const auto& a : d.activities) {
    TemplateValue row;
    row.Set("step", a.step);
    row.Set("responsible", RoleValue(a.responsible));
    row.Set("accountable", RoleValue(a.accountable));
    row.Set("consulted", Roles(a.consulted));
    row.Set("informed", Roles(a.informed));
    activities.Push(std::move(row));
  }
  v.Set("has_activities", !activities.list.empty());
  v.Set("activities", std::move(activities));
  TemplateValue kpis = TemplateValue::List(), charts = TemplateValue::List();
  const int doc_index = static_cast<int>(&d - graph_.corpus->documents.data());
  for (size_t i = 0; i < d.kpis.size(); ++i) {
    const Kpi& k = d.kpis[i];
    TemplateValue row;
    row.Set("id", k.id);
    row.Set("name", k.name);
    row.Set("target", k.typed ? KpiTargetText(k, labels_) : k.target);
    row.Set("frequency", k.typed ? labels_(KpiFrequencyKey(k.cadence)) : k.frequency);
    const KpiSeries* series = nullptr;
    for (const KpiSeries& s : analysis_.kpis)
      if (s.document == doc_index && s.kpi == static_cast<int>(i)) series = &s;
    row.Set("typed", k.typed);
    row.Set("measured", series && !series->points.empty());
    if (series && !series->points.empty()) {
      const KpiPoint& latest = series->points.back();
      row.Set("latest_value", KpiValueText(latest.value, k.unit, labels_));
      row.Set("latest_period", latest.period);
      row.Set("latest_state", KpiStateName(latest.state));
      row.Set("latest_state_label", labels_(KpiStateKey(latest.state)));
      std::string source = KpiSourceText(*graph_.corpus, latest, labels_);
      row.Set("has_latest_source", !source.empty());
      row.Set("latest_source", source);
    }
    // A typed KPI links to its chart on the dashboard; each measured one
    // adds its small multiple below the table.
    row.Set("dashboard_url",
            k.typed ? RelativeUrl(page_url, kKpisUrl) + "#" + KpiAnchor(k) : std::string());
    if (series && !series->points.empty()) {
      TemplateValue chart;
      chart.Set("id", k.id);
      chart.Set("name", k.name);
      chart.Set("dashboard_url", RelativeUrl(page_url, kKpisUrl) + "#" + KpiAnchor(k));
      chart.Set("chart_svg", KpiTrendSvg(k, *series, labels_, kSmallMultiplePeriods, true));
      charts.Push(std::move(chart));
    }
    kpis.Push(std::move(row));
  }
  v.Set("has_kpis", !kpis.list.empty());
  v.Set("kpis", std::move(kpis));
  v.Set("has_kpi_charts", !charts.list.empty());
  v.Set("kpi_charts", std::move(charts));
}

void PageContext::AddOtherFields(TemplateValue& v, int node, const Document& d) const {
  const std::string& page_url = graph_.nodes[node].url;
  TemplateValue fields = TemplateValue::List();
  for (const auto& value : d.fields) {
    TemplateValue row = FieldCell(page_url, node, &value);
    row.Set("label", value.spec->label);
    row.Set("name", value.spec->name);
    fields.Push(std::move(row));
  }
  for (const auto& kept : d.kept) {
    TemplateValue parts = TemplateValue::List();
    parts.Push(Part(kept.text, ""));
    TemplateValue row = CellValue(std::move(parts), FieldType::kText);
    row.Set("label", kept.key);
    row.Set("name", kept.key);
    fields.Push(std::move(row));
  }
  v.Set("has_fields", !fields.list.empty());
  v.Set("fields", std::move(fields));
}

void PageContext::AddDocumentFacts(TemplateValue& v, const Document& d) const {
  v.Set("id", d.id);
  v.Set("title", d.title);
  v.Set("type", d.type);  // a process's is always "process"
  v.Set("version", d.version);
  v.Set("status", d.status);
  v.Set("in_force", d.status == "approved");
  v.Set("owner", RoleValue(d.owner));
  v.Set("approver", RoleValue(d.approver));
  v.Set("effective", d.effective);
}

}  // namespace smsdoc
