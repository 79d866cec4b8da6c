#include "analyse/sampling.h"

#include <algorithm>
#include <set>

namespace smsdoc {

namespace {

// The populations, in the order an auditor works through them. An empty
// value takes one population per value the records hold (priorities).
struct Definition {
  const char* key;
  const char* kind;
  const char* field = "";
  const char* value = "";
};
const Definition kPopulations[] = {
    {"changes", "change"},
    {"emergency-changes", "change", "type", "emergency"},
    {"failed-changes", "change", "outcome", "failed"},
    {"incidents", "incident", "priority", ""},
    {"major-incidents", "incident", "major", "true"},
    {"problems", "problem"},
    {"trainings", "training", "person", ""},
    {"actions", "action"},
    {"supplier-reviews", "supplier-review"},
};

uint64_t Fnv1a(const std::string& text) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
  return h;
}

// `size` of `members` (sorted by ID) by a partial Fisher-Yates shuffle
// from the sequence seeded with seed XOR FNV-1a(key), then by ID.
std::vector<int> Draw(std::vector<int> members, const std::string& key, uint64_t seed,
                      const Graph& graph) {
  uint64_t state = seed ^ Fnv1a(key);
  size_t n = members.size(), k = SampleSize(n);
  for (size_t i = 0; i < k; ++i) std::swap(members[i], members[i + NextRandom(state) % (n - i)]);
  members.resize(k);
  std::sort(members.begin(), members.end(),
            [&](int a, int b) { return graph.nodes[a].id < graph.nodes[b].id; });
  return members;
}

// A field's value: its text, or a single reference's ID.
std::string Text(const FieldValue* f) {
  if (!f) return "";
  return f->text.empty() && f->items.size() == 1 ? f->items[0] : f->text;
}

}  // namespace

size_t SampleSize(size_t size) {
  if (size <= 5) return size;
  if (size <= 25) return 5;
  if (size <= 100) return 8;
  if (size <= 250) return 10;
  if (size <= 1000) return 15;
  return 20;
}

uint64_t NextRandom(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

std::vector<Population> DrawSamples(const Graph& graph, uint64_t seed) {
  const Corpus& corpus = *graph.corpus;
  const std::vector<std::string>& people = corpus.config.sample_people;
  std::vector<int> by_id;
  for (size_t n = 0; n < graph.nodes.size(); ++n)
    if (graph.nodes[n].type == Node::Type::kRecord) by_id.push_back(static_cast<int>(n));
  std::sort(by_id.begin(), by_id.end(),
            [&](int a, int b) { return graph.nodes[a].id < graph.nodes[b].id; });
  std::vector<Population> out;
  for (const Definition& d : kPopulations) {
    const KindSpec* kind = corpus.kinds.Find(d.kind);
    if (!kind || (*d.field && !kind->Field(d.field))) continue;
    auto record = [&](int node) -> const Record& {
      return corpus.records[graph.nodes[node].index];
    };
    std::vector<Population> found;
    if (std::string(d.key) == "trainings") {  // of the people to interview, else everyone's
      Population p{d.key, d.key, d.kind};
      for (int node : by_id)
        if (record(node).kind == kind &&
            (people.empty() ||
             std::count(people.begin(), people.end(), Text(record(node).Field("person")))))
          p.members.push_back(node);
      found.push_back(std::move(p));
    } else if (*d.field && !*d.value) {  // one population per value held
      std::set<std::string> values;
      for (int node : by_id)
        if (record(node).kind == kind && !Text(record(node).Field(d.field)).empty())
          values.insert(Text(record(node).Field(d.field)));
      for (const std::string& v : values)
        found.push_back({std::string(d.key) + "-" + v, d.key, d.kind, d.field, v});
      for (Population& p : found)
        for (int node : by_id)
          if (record(node).kind == kind && Text(record(node).Field(d.field)) == p.value)
            p.members.push_back(node);
    } else {
      Population p{d.key, d.key, d.kind, d.field, d.value};
      for (int node : by_id)
        if (record(node).kind == kind &&
            (!*d.field || Text(record(node).Field(d.field)) == d.value))
          p.members.push_back(node);
      found.push_back(std::move(p));
    }
    for (Population& p : found) {
      if (p.members.empty()) continue;
      p.sample = Draw(p.members, p.key, seed, graph);
      out.push_back(std::move(p));
    }
  }
  return out;
}

}  // namespace smsdoc
