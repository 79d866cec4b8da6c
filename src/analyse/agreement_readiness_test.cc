#include "analyse/agreement_readiness.h"

#include <doctest/doctest.h>

#include "test_support.h"

namespace smsdoc {

namespace {

const ReadinessItem& Item(const Analysis& analysis, const std::string& key) {
  for (const ReadinessItem& item : analysis.readiness)
    if (item.key == key) return item;
  static const ReadinessItem none;
  FAIL("no readiness item " << key);
  return none;
}

const char* kService = "- {id: SVC-1, kind: service, title: Hosting, status: live}\n";

std::string Customer(const std::string& id, const std::string& status = "active") {
  return "- {id: " + id + ", kind: customer, title: Customer " + id + ", status: " + status +
         ", services: [SVC-1]}\n";
}

std::string Sla(const std::string& id, const std::string& customer, const std::string& status,
                const std::string& extra) {
  return "- {id: " + id + ", kind: sla, title: SLA " + id + ", status: " + status +
         ", customer: " + customer + ", services: [SVC-1]" + extra + "}\n";
}

std::string Supplier(const std::string& id, const std::string& type, const std::string& extra,
                     const std::string& status = "active") {
  return "- {id: " + id + ", kind: supplier, title: Supplier " + id + ", status: " + status +
         ", type: " + type + ", services: [SVC-1]" + extra + "}\n";
}

std::unique_ptr<testing::Sms> Run(const std::string& records,
                                  const std::string& as_of = testing::kAsOf) {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("records/registers.yaml", std::string(kService) + records);
  return testing::RunSms(disk, as_of);
}

}  // namespace

TEST_CASE("SLAs: missing without active customers or signed SLAs") {
  auto none = Run("");
  CHECK(Item(none->analysis(), "service-level-agreements").state == ReadinessItem::State::kMissing);
  CHECK(Item(none->analysis(), "service-level-agreements").reason ==
        "no active customer records (kind customer)");
  // A former customer does not count; a draft SLA is not signed.
  auto draft = Run(Customer("CUS-1") + Customer("CUS-2", "former") +
                   Sla("SLA-1", "CUS-1", "draft", ", next_review: 2027-01-01"));
  const ReadinessItem& item = Item(draft->analysis(), "service-level-agreements");
  CHECK(item.state == ReadinessItem::State::kMissing);
  CHECK(item.reason == "no signed SLA records (kind sla)");
}

TEST_CASE("SLAs: met only when every active customer has a current, reviewed SLA") {
  std::string records =
      Customer("CUS-1") + Customer("CUS-2") + Customer("CUS-3") + Customer("CUS-4") +
      Customer("CUS-9", "former") + Sla("SLA-1", "CUS-1", "signed", ", next_review: 2027-03-01") +
      // CUS-2: one overdue, one current: the current one counts.
      Sla("SLA-2", "CUS-2", "signed", ", next_review: 2026-10-01") +
      Sla("SLA-3", "CUS-2", "signed", ", next_review: 2026-11-21") +
      Sla("SLA-4", "CUS-3", "signed", ", next_review: 2026-11-20") +
      Sla("SLA-5", "CUS-4", "signed", ", expires: 2026-06-30, next_review: 2027-01-01") +
      Sla("SLA-6", "CUS-4", "signed", "") +
      Sla("SLA-7", "CUS-4", "draft", ", next_review: 2027-01-01");
  auto sms = Run(records);
  REQUIRE_FALSE(sms->diags.HasErrors());
  const ReadinessItem& item = Item(sms->analysis(), "service-level-agreements");
  CHECK(item.state == ReadinessItem::State::kAtRisk);
  CHECK(item.reason ==
        "CUS-3: SLA-4 review was due on 2026-11-20; "
        "CUS-4: SLA-5 expired on 2026-06-30, SLA-6 no next review date");
  CHECK(item.evidence == std::vector<int>{sms->Node("SLA-1"), sms->Node("SLA-3")});

  // As of an earlier date, SLA-4 is not yet due and SLA-5 not yet expired.
  auto earlier = Run(records, "2026-06-01");
  const ReadinessItem& met = Item(earlier->analysis(), "service-level-agreements");
  CHECK(met.state == ReadinessItem::State::kMet);
  CHECK(met.reason.empty());
  // Signed after the as-of date: not signed yet then.
  auto before = Run(Customer("CUS-1") + Sla("SLA-1", "CUS-1", "signed",
                                            ", signed_on: 2026-12-01, next_review: 2027-12-01"));
  CHECK(Item(before->analysis(), "service-level-agreements").reason ==
        "CUS-1: SLA-1 signed only on 2026-12-01");
}

TEST_CASE("SLAs: a customer without a signed SLA is named") {
  auto sms = Run(Customer("CUS-1") + Customer("CUS-2") +
                 Sla("SLA-1", "CUS-1", "signed", ", next_review: 2027-03-01"));
  const ReadinessItem& item = Item(sms->analysis(), "service-level-agreements");
  CHECK(item.state == ReadinessItem::State::kAtRisk);
  CHECK(item.reason == "CUS-2: no signed SLA");
}

TEST_CASE("supplier agreements: active external and lead suppliers, contract and review") {
  auto none = Run(Supplier("SUP-1", "internal", "") +
                  Supplier("SUP-2", "external", ", contract_end: 2027-01-01", "exited"));
  CHECK(Item(none->analysis(), "supplier-agreements").state == ReadinessItem::State::kMissing);
  CHECK(Item(none->analysis(), "supplier-agreements").reason ==
        "no active external or lead supplier records (kind supplier)");

  std::string records =
      Supplier("SUP-1", "external", ", contract_end: 2027-06-30, next_review: 2027-01-01") +
      Supplier("SUP-2", "lead", ", contract_end: 2026-10-31, next_review: 2027-01-01") +
      Supplier("SUP-3", "external", ", contract: MSA-7, next_review: 2026-11-01") +
      Supplier("SUP-4", "external", ", next_review: 2027-01-01") +
      Supplier("SUP-5", "lead", ", contract_start: 2025-01-01") +
      Supplier("SUP-6", "internal", "") +  // internal: an agreement, not asked for
      Supplier("SUP-7", "external", ", contract_end: 2020-01-01", "exited");
  auto sms = Run(records);
  REQUIRE_FALSE(sms->diags.HasErrors());
  const ReadinessItem& item = Item(sms->analysis(), "supplier-agreements");
  CHECK(item.state == ReadinessItem::State::kAtRisk);
  CHECK(item.reason ==
        "SUP-2: contract ended on 2026-10-31; SUP-3: review was due on 2026-11-01; "
        "SUP-4: no contract recorded; SUP-5: no next review date");
  CHECK(item.evidence == std::vector<int>{sms->Node("SUP-1")});

  auto good =
      Run(Supplier("SUP-1", "external", ", contract_end: 2027-06-30, next_review: 2027-01-01") +
          Supplier("SUP-6", "internal", ""));
  const ReadinessItem& met = Item(good->analysis(), "supplier-agreements");
  CHECK(met.state == ReadinessItem::State::kMet);
  CHECK(met.evidence == std::vector<int>{good->Node("SUP-1")});
}

}  // namespace smsdoc
