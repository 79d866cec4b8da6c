#include "load/markdown_bodies.h"

#include "adapters/markdown.h"
#include "base/bytes.h"
#include "base/worker_processes.h"

namespace smsdoc {

namespace {

// Below this many bytes in all, forking costs more than it saves.
constexpr size_t kMinBytesToFork = 256 * 1024;

std::string Encode(const Body& body, const Diagnostics& diags) {
  ByteWriter out;
  out.Text(body.html);
  out.Int(static_cast<int64_t>(body.headings.size()));
  for (const Heading& h : body.headings) {
    out.Int(h.level);
    out.Text(h.text);
    out.Text(h.anchor);
  }
  out.Int(static_cast<int64_t>(body.links.size()));
  for (const BodyLink& link : body.links) {
    out.Int(static_cast<int64_t>(link.kind));
    out.Text(link.target);
    out.Text(link.anchor);
    out.Text(link.suffix);
    out.Int(link.show_title);
    out.Int(link.pos.line);
    out.Int(link.pos.col);
  }
  out.Int(static_cast<int64_t>(diags.items().size()));
  for (const Diagnostic& d : diags.items()) WriteDiagnostic(out, d);
  return out.Take();
}

bool Decode(const std::string& bytes, Body& body, Diagnostics& diags) {
  ByteReader in(bytes);
  body.html = in.Text();
  for (int64_t n = in.Int(); n > 0 && in.ok(); --n) {
    Heading h;
    h.level = static_cast<int>(in.Int());
    h.text = in.Text();
    h.anchor = in.Text();
    body.headings.push_back(std::move(h));
  }
  for (int64_t n = in.Int(); n > 0 && in.ok(); --n) {
    BodyLink link;
    link.kind = static_cast<BodyLink::Kind>(in.Int());
    link.target = in.Text();
    link.anchor = in.Text();
    link.suffix = in.Text();
    link.show_title = in.Int() != 0;
    link.pos.line = static_cast<int>(in.Int());
    link.pos.col = static_cast<int>(in.Int());
    body.links.push_back(std::move(link));
  }
  for (int64_t n = in.Int(); n > 0 && in.ok(); --n) diags.Add(ReadDiagnostic(in));
  return in.AtEnd();
}

}  // namespace

std::vector<Body> RenderBodies(const std::vector<PendingBody>& bodies, bool allow_raw_html,
                               int jobs, std::vector<Diagnostics>& diags) {
  std::vector<size_t> cost;
  size_t total = 0;
  for (const auto& b : bodies) total += cost.emplace_back(b.markdown.size() + 1);
  auto render = [&](size_t i) {
    Diagnostics d;
    Body body = RenderMarkdown(bodies[i].markdown,
                               {bodies[i].first_line, allow_raw_html, bodies[i].path}, &d);
    return Encode(body, d);
  };
  std::vector<std::string> encoded =
      MapInProcesses(bodies.size(), total < kMinBytesToFork ? 1 : jobs, cost, render);

  std::vector<Body> out(bodies.size());
  diags.assign(bodies.size(), {});
  for (size_t i = 0; i < bodies.size(); ++i) {
    if (!Decode(encoded[i], out[i], diags[i])) {  // never seen: then render it here
      out[i] = {};
      diags[i] = {};
      Decode(render(i), out[i], diags[i]);
    }
    std::string().swap(encoded[i]);
  }
  return out;
}

}  // namespace smsdoc
