// The command line: parses arguments with CLI11 (the only file that sees
// it), then hands over to the commands.
#include <CLI/CLI.hpp>
#include <functional>
#include <iostream>
#include <map>
#include <stdexcept>

#include "analyse/status.h"
#include "base/terminal.h"
#include "base/text.h"
#include "cli/cli_spec.h"
#include "cli/commands.h"

namespace {

using smsdoc::CommandOptions;

const char* kDescription =
    "smsdoc compiles an ISO/IEC 20000-1 service management system kept as\n"
    "Markdown and YAML files into a cross-linked static site.";

const char* kBuildExamples =
    "\nExamples:\n"
    "  smsdoc build                      build ./ into ./site/\n"
    "  smsdoc build --root sms --out /tmp/manual\n"
    "  smsdoc build --theme themes/corporate   override single templates\n"
    "  smsdoc build --as-of 2026-12-31   registers as they will stand at year end\n"
    "  smsdoc build --at stage2-2026 --out /tmp/stage2   the SMS as it was at a tag\n"
    "  smsdoc build --published-only     drafts stay out of the published site\n"
    "  smsdoc build --audience auditor   without the internal attention worklist\n";

const char* kCheckExamples =
    "\nExamples:\n"
    "  smsdoc check                      validate ./ and report every problem\n"
    "  smsdoc check --root sms           exit 1 if the SMS has errors (for CI)\n"
    "  smsdoc check --format sarif --output smsdoc.sarif   for GitHub code scanning\n"
    "  smsdoc check --format github      annotations on the lines in GitHub Actions\n"
    "  smsdoc check --format gitlab --output gl-code-quality-report.json\n"
    "\nWith --output the report is written even when the SMS has errors; the exit\n"
    "code stays 1 (content errors) or 2 (usage or environment), so CI keeps it.\n";

const char* kPackExamples =
    "\nExamples:\n"
    "  smsdoc pack --as-of 2026-11-21    build ./site/, zip it as ./site-2026-11-21.zip\n"
    "  smsdoc pack --root sms --out /tmp/stage1.zip\n"
    "  smsdoc pack --audience internal   keep the attention worklist (default: auditor)\n"
    "\nThe last line is the SHA-256 of the pack's MANIFEST.sha256: send it to the\n"
    "certification body apart from the zip, to check with 'smsdoc verify --expect'.\n";

const char* kServeExamples =
    "\nExamples:\n"
    "  smsdoc serve                      build ./ into ./site/, serve it on "
    "http://127.0.0.1:8000/\n"
    "  smsdoc serve --port 8080 --theme themes/corporate\n"
    "  smsdoc serve --port 0             any free port (the URL is printed)\n"
    "\nOpen the printed URL in a browser. Every change to smsdoc.yaml, the content folders\n"
    "or the theme rebuilds the site (incrementally, as 'smsdoc build') and reloads open\n"
    "pages; a failed build keeps the previous site and shows its errors here and in a\n"
    "banner on the pages. The files written are exactly those of 'smsdoc build': the\n"
    "reload script and the banner are added when a page is served. Ctrl-C stops.\n";

const char* kVerifyExamples =
    "\nExamples:\n"
    "  smsdoc verify site                check a site folder against its MANIFEST.sha256\n"
    "  smsdoc verify site-2026-11-21.zip check a pack as received, without unzipping it\n"
    "  smsdoc verify --expect 3f2a...9c site-2026-11-21.zip\n"
    "                                    and that its manifest is the one you were sent\n"
    "\nExit codes: 0 intact, 1 a file altered, missing, extra or damaged, or the manifest\n"
    "not the one expected, 2 nothing to check or a malformed --expect.\n";

// `at`: whether the command can read a git revision instead of the work tree.
void AddCommonOptions(CLI::App* cmd, CommandOptions& options, bool at = true) {
  cmd->add_option("--root", options.root, "SMS folder holding smsdoc.yaml")->capture_default_str();
  cmd->add_option("--as-of", options.as_of,
                  "date (YYYY-MM-DD) reviews, audits, actions and trainings are judged "
                  "against (default: today, or SOURCE_DATE_EPOCH)")
      ->each([&options](const std::string&) { options.as_of_given = true; });
  cmd->add_flag("--strict", options.strict,
                "missing Stage 1 readiness items are errors, not warnings");
  if (at)
    cmd->add_option("--at", options.at,
                    "read the SMS as it is in this git revision (tag, branch, commit), "
                    "not the work tree");
  cmd->add_option("-j,--jobs", options.jobs, "worker threads and processes (default: one per core)")
      ->check(CLI::Range(1, 256));
  cmd->add_flag("-q,--quiet", options.quiet,
                "no progress line and no summary line when all went well; problems still print");
}

// CLI11 knows no "did you mean"; add it for subcommands and options.
std::string Suggestion(CLI::App& app, int argc, char** argv) {
  std::vector<std::string> commands;
  for (const auto* sub : app.get_subcommands([](CLI::App*) { return true; }))
    commands.push_back(sub->get_name());
  CLI::App* current = &app;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.empty()) continue;
    if (arg[0] != '-') {
      if (current == &app) {
        bool known = false;
        for (const auto& c : commands) known = known || c == arg;
        if (!known) return "unknown command '" + arg + "'" + smsdoc::DidYouMean(arg, commands);
        current = app.get_subcommand(arg);
      }
      continue;
    }
    std::string name = arg.substr(0, arg.find('='));
    if (current->get_option_no_throw(name) || name == "--help" || name == "-h" ||
        name == "--version")
      continue;
    for (const auto* sub : app.get_subcommands([](CLI::App*) { return true; })) {
      if (sub != current && sub->get_option_no_throw(name))
        return "'" + name + "' is an option of 'smsdoc " + sub->get_name() + "', not of 'smsdoc " +
               current->get_name() + "'";
    }
    std::vector<std::string> names;
    for (const auto* opt : current->get_options())
      for (const auto& l : opt->get_lnames()) names.push_back("--" + l);
    return "unknown option '" + name + "'" + smsdoc::DidYouMean(name, names);
  }
  return "";
}

smsdoc::CliOption DescribeOption(const CLI::Option& opt) {
  smsdoc::CliOption o{.description = opt.get_description(),
                      .takes_value = opt.get_items_expected_max() > 0,  // flags expect 0
                      .required = opt.get_required()};
  if (!opt.nonpositional()) {
    o.positional = opt.get_name();
  } else {
    for (const auto& s : opt.get_snames()) o.names.push_back("-" + s);
    for (const auto& l : opt.get_lnames()) o.names.push_back("--" + l);
  }
  std::string type = opt.get_type_name();
  o.value_name = type.substr(0, type.find(':'));
  o.choices = smsdoc::ChoicesOfTypeName(type);
  return o;
}

// The CLI as plain data, for the man page and completions CMake generates
// with the hidden `smsdoc --generate-cli-docs man|bash|zsh|fish`.
int GenerateCliDocs(CLI::App& app, const std::string& what) {
  smsdoc::CliSpec spec{.name = "smsdoc",
                       .version = SMSDOC_VERSION,
                       .description = app.get_description(),
                       .footer = app.get_footer()};
  for (const auto* opt : app.get_options()) spec.options.push_back(DescribeOption(*opt));
  for (const auto* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    smsdoc::CliCommand command{sub->get_name(), sub->get_description(), sub->get_footer()};
    for (const auto* opt : sub->get_options()) command.options.push_back(DescribeOption(*opt));
    spec.commands.push_back(command);
  }
  const std::map<std::string, std::function<std::string(const smsdoc::CliSpec&)>> generators = {
      {"man", smsdoc::ManPage},
      {"bash", smsdoc::BashCompletion},
      {"zsh", smsdoc::ZshCompletion},
      {"fish", smsdoc::FishCompletion}};
  auto it = generators.find(what);
  if (it == generators.end()) {
    std::cerr << "smsdoc: error: --generate-cli-docs takes man, bash, zsh or fish\n";
    return smsdoc::kExitUsage;
  }
  std::cout << it->second(spec);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{kDescription, "smsdoc"};
  app.set_version_flag("--version", "smsdoc " SMSDOC_VERSION);
  app.require_subcommand(1);
  app.footer(
      "\nExamples:\n"
      "  smsdoc init sms              start an SMS in a new folder sms/ from a starter set\n"
      "  smsdoc new policy \"Access policy\"   a new draft with the next free ID\n"
      "  smsdoc import ../old-policies --map map.yaml   move an existing Markdown set in\n"
      "  smsdoc build                 build the SMS in ./ into ./site/\n"
      "  smsdoc check --root sms      report every problem, write nothing\n"
      "  smsdoc status                reviews, approvals, findings, actions due\n"
      "  smsdoc report --period 2026-10   service reports: each service's KPIs against target\n"
      "  smsdoc serve                 build, serve on 127.0.0.1:8000, rebuild on every edit\n"
      "  smsdoc pack                  build, then zip the site for the certification body\n"
      "  smsdoc pdf                   build, then print the manual to PDF (local Chromium)\n"
      "  smsdoc verify site           check a site or pack against its MANIFEST.sha256\n"
      "  smsdoc diff stage2 HEAD      what changed since the tag of the last audit\n"
      "  smsdoc schema                JSON Schemas for editors, in ./schemas/\n"
      "\nRun 'smsdoc COMMAND --help' for a command's options.\n"
      "Exit codes: 0 ok (warnings allowed), 1 content errors, 2 usage or "
      "environment errors.");

  CommandOptions options;
  smsdoc::InitOptions init_options;
  CLI::App* init = app.add_subcommand(
      "init", "Start a new SMS: smsdoc.yaml and a starter set of drafts for ISO/IEC 20000-1");
  init->add_option("DIR", init_options.dir, "folder to start the SMS in (made if missing)")
      ->capture_default_str();
  init->add_option("--organization", init_options.organization,
                   "organisation name (default: asked on a terminal, else 'Example Ltd')");
  init->add_option("--scope", init_options.scope,
                   "scope of the SMS, one paragraph (default: asked on a terminal, else a "
                   "placeholder to rewrite)");
  init->add_option("--role", init_options.roles,
                   "a role as KEY=Title, repeatable; the first owns the documents, the second "
                   "approves them (default: sms-manager=SMS Manager, top-management=Top "
                   "Management)")
      ->allow_extra_args(false);  // one KEY=Title each, so DIR after it stays DIR
  init->add_option("--ci", init_options.ci,
                   "CI file to write: github (.github/workflows/smsdoc.yml), gitlab "
                   "(.gitlab-ci.yml) or none")
      ->check(CLI::IsMember({"github", "gitlab", "none"}))
      ->capture_default_str();
  init->add_flag("--minimal", init_options.minimal,
                 "write smsdoc.yaml and the service management policy only");
  init->add_flag("--force", init_options.force,
                 "add the missing starter files to a folder that is not empty; existing files "
                 "are never overwritten");
  init->footer(
      "\nExamples:\n"
      "  smsdoc init sms                  a new SMS in sms/, asking on a terminal\n"
      "  smsdoc init --organization \"Acme Ltd\" --role ceo=\"Chief Executive\" \\\n"
      "      --role sms-manager=\"SMS Manager\" sms\n"
      "  smsdoc init --minimal --ci none sms   smsdoc.yaml and one policy\n"
      "\nWrites smsdoc.yaml, the Stage 1 documents and the clause 8 processes as drafts\n"
      "(guidance in <!-- --> comments, not shown on the site), empty registers with a\n"
      "commented example each, .gitignore and a CI file. Questions are asked only on a\n"
      "terminal and only for what no option gave; piped, the defaults are used. A folder\n"
      "holding anything but .git needs --force; no file is ever overwritten.\n");

  std::string new_type, new_title;
  CLI::App* new_item = app.add_subcommand(
      "new", "Write a new draft document, process or record with the next free ID");
  new_item
      ->add_option("TYPE", new_type,
                   "policy, plan, procedure, statement, ... (a document type), process, or "
                   "a record kind: risk, person, competence, training, audit, finding, "
                   "action, review or one of smsdoc.yaml's kinds")
      ->required();
  new_item->add_option("TITLE", new_title,
                       "its title (default: 'New TYPE'); for applicability (a Statement of "
                       "Applicability entry) the control, e.g. A.8.1 (default: the first "
                       "without an entry)");
  new_item->add_option("--root", options.root, "SMS folder holding smsdoc.yaml")
      ->capture_default_str();
  new_item->footer(
      "\nExamples:\n"
      "  smsdoc new policy \"Access policy\"   policies/access-policy.md, e.g. POL-04\n"
      "  smsdoc new process \"Complaints\"     processes/complaints.md\n"
      "  smsdoc new risk \"Data centre flood\" records/risk/RSK-001.yaml\n"
      "  smsdoc new applicability A.8.1      records/applicability/SOA-A.8.1.yaml\n"
      "\nPrints the path written. The ID continues the series of the items of that type\n"
      "(POL-03 after POL-02); required fields come from smsdoc.yaml's defaults, or a\n"
      "default marked '# a default: set it'. No file is ever overwritten.\n");

  smsdoc::ImportOptions import_options;
  CLI::App* import = app.add_subcommand(
      "import", "Copy an existing Markdown policy set into the SMS as drafts, with a report");
  import->add_option("DIR", import_options.dir, "folder holding the Markdown set to import")
      ->required();
  import->add_option("--map", import_options.map,
                     "mapping file (YAML): source keys to smsdoc fields, values, owners to "
                     "roles, types by folder, keys to drop (default: built-in rules)");
  import->add_option("--into", import_options.into,
                     "folder under the policies folder to import into (the source's "
                     "subfolders are kept below it)");
  import->add_option("--root", import_options.root, "SMS folder holding smsdoc.yaml")
      ->capture_default_str();
  import->add_flag("--force", import_options.force,
                   "replace an earlier import-report.md (documents are never overwritten)");
  import->footer(
      "\nExamples:\n"
      "  smsdoc import ../handbook            policies/ gets handbook's files, as drafts\n"
      "  smsdoc import ../handbook --map map.yaml --into handbook\n"
      "                                       mapped metadata, under policies/handbook/\n"
      "\nBodies are kept byte for byte; front matter (or a leading 'key: value' block)\n"
      "becomes smsdoc fields through the mapping, the rest comes from smsdoc.yaml's\n"
      "defaults:. IDs are PREFIX-NAME from the file name in ASCII ('\u00c4nderung.md':\n"
      "DOC-ANDERUNG), titles from the metadata, the first '# ' heading or the file name.\n"
      "Documents are drafts unless the mapping says approved (with an effective date).\n"
      "import-report.md lists what was filled in and dropped. If any file to write\n"
      "exists, nothing is written (exit 2). See docs/import.md.\n");

  CLI::App* build = app.add_subcommand("build", "Build the site from the SMS");
  AddCommonOptions(build, options);
  build->add_option("--out", options.out,
                    "output folder (default: 'output' in smsdoc.yaml, else site/)");
  build->add_option("--theme", options.theme,
                    "theme folder whose templates override the default theme");
  build->add_flag("--published-only", options.published_only,
                  "leave draft documents out of the site");
  build->add_flag("--no-cache", options.no_cache,
                  "build in full even when nothing changed since the last build");
  build->add_flag("--live-dates", options.live_dates,
                  "workbooks colour overdue and expiring dates against the day they are "
                  "opened (TODAY()), not the as-of date");
  build
      ->add_option("--audience", options.audience,
                   "internal (the default) or auditor: leaves out the internal attention "
                   "worklist with its file:line references")
      ->check(CLI::IsMember({"internal", "auditor"}));
  build->add_option("--sample-seed", options.sample_seed,
                    "seed of the Stage 2 samples (default: 'sampling: seed' in smsdoc.yaml, "
                    "else 1): another seed draws other samples");

  build->footer(kBuildExamples);

  CLI::App* graph = app.add_subcommand(
      "graph", "Print the linked model (items, clauses, typed references) for other tools");
  AddCommonOptions(graph, options);
  graph->add_option("--format", options.format, "json or dot (Graphviz)")
      ->check(CLI::IsMember({"json", "dot"}))
      ->default_str("json");
  graph->footer(
      "\nExamples:\n"
      "  smsdoc graph > sms.json           nodes and typed edges as JSON\n"
      "  smsdoc graph --format dot | dot -Tsvg > sms.svg\n");

  CLI::App* check =
      app.add_subcommand("check", "Load, link and check the SMS; report problems, write nothing");
  AddCommonOptions(check, options);
  check
      ->add_option("--format", options.diagnostics_format,
                   "diagnostics as text (on stderr), or on stdout as json, sarif (SARIF 2.1.0), "
                   "github (workflow commands) or gitlab (Code Quality report)")
      ->check(CLI::IsMember({"text", "json", "sarif", "github", "gitlab"}))
      ->capture_default_str();
  check->add_option("--output", options.report_file,
                    "write the report to this file (even when the SMS has errors), not stdout");
  check->footer(kCheckExamples);

  CLI::App* status = app.add_subcommand(
      "status", "Summarise the SMS: reviews, approvals, trainings, findings, actions, coverage");
  AddCommonOptions(status, options);
  status->add_option("--format", options.format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_str("text");
  status
      ->add_option(
          "--fail-on", options.fail_on,
          "exit 1 when any of these holds: " + smsdoc::Join(smsdoc::StatusConditionNames(), ", "))
      ->delimiter(',');
  status->footer(
      "\nExamples:\n"
      "  smsdoc status                      what needs doing, coloured on a terminal\n"
      "  smsdoc status --format json        the same for scripts\n"
      "  smsdoc status --fail-on overdue,major-nc,missing   gate a CI pipeline\n"
      "  smsdoc status --format json | jq .framework_coverage   items per state of each\n"
      "                                     framework beside ISO/IEC 20000-1 (frameworks:)\n"
      "\nWith frameworks beside ISO/IEC 20000-1 (smsdoc.yaml frameworks:), a Coverage line\n"
      "for each and a Readiness line for every checklist follow; uncovered and missing\n"
      "hold for any framework's items, named as iso27001:A.5.1.\n");

  std::string report_period, report_service;
  CLI::App* report = app.add_subcommand(
      "report", "Print the service reports of a period: KPIs of each service against target");
  AddCommonOptions(report, options);
  report->add_option("--period", report_period, "YYYY-MM, YYYY-Qn or YYYY")->required();
  report->add_option("--service", report_service,
                     "one service: a service record's title, or without service records a "
                     "name in the KPIs' services: lists (default: all)");
  report->add_option("--format", options.format, "text or markdown")
      ->check(CLI::IsMember({"text", "markdown"}))
      ->default_str("text");
  report->footer(
      "\nExamples:\n"
      "  smsdoc report --period 2026-10     every service's KPIs for October 2026\n"
      "  smsdoc report --period 2026-Q3 --service \"Harbour Cloud Hosting\"\n"
      "  smsdoc report --period 2026-10 --format markdown > report.md\n"
      "\nA KPI shows its latest period ended by the report period's end (a quarterly KPI\n"
      "in a monthly report: the quarter before), the period before and the periods missed\n"
      "that year. Records of kinds incident and change naming the service are counted.\n");

  CLI::App* pack = app.add_subcommand(
      "pack", "Build the site, then write it as one zip for the certification body");
  AddCommonOptions(pack, options);
  pack->add_option("--out", options.out,
                   "zip file to write (default: beside the output folder, named "
                   "OUTPUT-ASOF.zip)");
  pack->add_option("--theme", options.theme,
                   "theme folder whose templates override the default theme");
  pack->add_flag("--published-only", options.published_only,
                 "leave draft documents out of the site and the zip");
  pack->add_flag("--no-cache", options.no_cache,
                 "build in full even when nothing changed since the last build");
  std::string pack_audience = "auditor";
  pack->add_option("--audience", pack_audience,
                   "auditor (the default: no internal attention worklist) or internal")
      ->check(CLI::IsMember({"internal", "auditor"}));
  pack->add_option("--sample-seed", options.sample_seed,
                   "seed of the Stage 2 samples (default: 'sampling: seed' in smsdoc.yaml, "
                   "else 1)");
  pack->footer(kPackExamples);

  int serve_port = 8000;
  CLI::App* serve = app.add_subcommand(
      "serve", "Build the site, serve it on 127.0.0.1, rebuild and reload pages on every change");
  AddCommonOptions(serve, options, /*at=*/false);
  serve->add_option("--port", serve_port, "TCP port on 127.0.0.1 (0: any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  serve->add_option("--out", options.out,
                    "output folder (default: 'output' in smsdoc.yaml, else site/)");
  serve->add_option("--theme", options.theme,
                    "theme folder whose templates override the default theme (watched too)");
  serve->add_flag("--published-only", options.published_only,
                  "leave draft documents out of the site");
  serve->add_flag("--live-dates", options.live_dates,
                  "workbooks colour overdue and expiring dates against the day they are "
                  "opened (TODAY()), not the as-of date");
  serve->footer(kServeExamples);

  std::string pdf_file, pdf_chromium;
  CLI::App* pdf = app.add_subcommand(
      "pdf", "Build the site, then print manual.html to PDF with a local Chromium");
  AddCommonOptions(pdf, options);
  pdf->add_option("--out", options.out,
                  "output folder (default: 'output' in smsdoc.yaml, else site/)");
  pdf->add_option("--pdf", pdf_file, "PDF file to write (default: OUTPUT-manual.pdf beside it)");
  pdf->add_option("--chromium", pdf_chromium,
                  "Chromium or Chrome binary (default: $SMSDOC_CHROMIUM, else chromium, "
                  "chromium-browser, google-chrome on PATH)");
  pdf->add_option("--theme", options.theme,
                  "theme folder whose templates override the default theme");
  pdf->add_flag("--published-only", options.published_only,
                "leave draft documents out of the site and the manual");
  pdf->add_flag("--no-cache", options.no_cache,
                "build in full even when nothing changed since the last build");
  pdf->footer(
      "\nExamples:\n"
      "  smsdoc pdf                         build ./site/, print it as ./site-manual.pdf\n"
      "  smsdoc pdf --pdf manual.pdf --as-of 2026-11-21\n"
      "  smsdoc pdf --chromium /opt/chrome/chrome\n"
      "\nThe PDF is manual.html printed by Chromium: every document and process,\n"
      "a running header (organisation, document ID and version) and page numbers.\n"
      "Nothing is downloaded: without a Chromium the command exits 2.\n");

  std::string verify_target, verify_expect;
  bool verify_expect_given = false;
  CLI::App* verify = app.add_subcommand(
      "verify", "Check a built site folder or pack zip against its MANIFEST.sha256");
  verify->add_option("DIR", verify_target, "site folder or pack .zip to check")->required();
  verify
      ->add_option("--expect", verify_expect,
                   "SHA-256 of MANIFEST.sha256 as sent apart from the site (smsdoc pack prints "
                   "it): the manifest must be that one")
      ->each([&](const std::string&) { verify_expect_given = true; });
  verify->footer(kVerifyExamples);

  CLI::App* diff = app.add_subcommand(
      "diff", "What changed between two git revisions: documents, records, findings");
  diff->add_option("revisions", options.revisions, "REF1 REF2: tags, branches or commits")
      ->expected(2)
      ->required();
  diff->add_option("--root", options.root, "SMS folder holding smsdoc.yaml")->capture_default_str();
  diff->add_option("--out", options.out,
                   "folder for the changes page (default: the output folder + '-changes')");
  diff->add_option("--theme", options.theme, "theme folder overriding the default theme");
  diff->footer(
      "\nExamples:\n"
      "  smsdoc diff stage2-2025 HEAD       changes since the last surveillance audit\n"
      "  smsdoc diff v1.0 v1.1 --out /tmp/changes\n");

  CLI::App* schema = app.add_subcommand(
      "schema", "Write JSON Schemas of the front matter, records and smsdoc.yaml, for editors");
  schema->add_option("--root", options.root, "SMS folder holding smsdoc.yaml")
      ->capture_default_str();
  schema->add_option("--out", options.out,
                     "folder to write the schemas to (default: ROOT/schemas)");
  schema->footer(
      "\nExamples:\n"
      "  smsdoc schema                      ./schemas/*.schema.json\n"
      "  smsdoc schema --root sms --out /tmp/schemas\n"
      "\nWrites document.schema.json, process.schema.json, records.schema.json and\n"
      "smsdoc.schema.json (JSON Schema draft 2020-12) from this SMS's smsdoc.yaml: its roles,\n"
      "kinds, document_fields and unknown_fields. Run it again after changing smsdoc.yaml.\n"
      "It replaces only schemas it wrote, never inside a content or output folder.\n"
      "Editor set-up (VS Code, yaml-language-server): docs/editors.md.\n");

  if (argc == 3 && std::string(argv[1]) == "--generate-cli-docs")
    return GenerateCliDocs(app, argv[2]);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string hint = Suggestion(app, argc, argv);
    std::cerr << "smsdoc: error: " << (hint.empty() ? e.what() : hint) << "\n"
              << "Run 'smsdoc --help' for usage.\n";
    return smsdoc::kExitUsage;
  }
  try {
    // One entry per subcommand; one parsed without an entry is a bug, not `check`.
    const std::map<const CLI::App*, std::function<int()>> commands = {
        {init,
         [&] {
           return smsdoc::RunInit(init_options, std::cin,
                                  smsdoc::IsTerminal(smsdoc::StandardStream::kInput), std::cout,
                                  std::cerr);
         }},
        {new_item,
         [&] { return smsdoc::RunNew(options, new_type, new_title, std::cout, std::cerr); }},
        {import, [&] { return smsdoc::RunImport(import_options, std::cout, std::cerr); }},
        {build, [&] { return smsdoc::RunBuild(options, std::cerr); }},
        {check, [&] { return smsdoc::RunCheck(options, std::cout, std::cerr); }},
        {graph, [&] { return smsdoc::RunGraph(options, std::cout, std::cerr); }},
        {status, [&] { return smsdoc::RunStatus(options, std::cout, std::cerr); }},
        {report,
         [&] {
           return smsdoc::RunReport(options, report_period, report_service, std::cout, std::cerr);
         }},
        {pack,
         [&] {
           options.audience = pack_audience;
           return smsdoc::RunPack(options, std::cerr);
         }},
        {serve, [&] { return smsdoc::RunServe(options, serve_port, std::cerr); }},
        {pdf, [&] { return smsdoc::RunPdf(options, pdf_file, pdf_chromium, std::cerr); }},
        {verify,
         [&] {
           return smsdoc::RunVerify(
               verify_target, verify_expect_given ? std::optional(verify_expect) : std::nullopt,
               std::cerr);
         }},
        {diff, [&] { return smsdoc::RunDiff(options, std::cout, std::cerr); }},
        {schema, [&] { return smsdoc::RunSchema(options, std::cout, std::cerr); }},
    };
    for (const CLI::App* sub : app.get_subcommands()) {
      auto it = commands.find(sub);
      if (it == commands.end())
        throw std::logic_error("no entry for subcommand '" + sub->get_name() + "'");
      return it->second();
    }
    throw std::logic_error("no subcommand parsed");
  } catch (const std::exception& e) {
    std::cerr << "smsdoc: internal error: " << e.what()
              << "; nothing written (please report this)\n";
    return smsdoc::kExitUsage;
  }
}
