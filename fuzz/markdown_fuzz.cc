// Fuzzes Markdown rendering and reference extraction ([[ID#anchor|text]],
// relative links, headings), with raw HTML both dropped and allowed.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "adapters/markdown.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (bool raw : {false, true})
    smsdoc::RenderMarkdown(text, {.first_line = 1, .allow_raw_html = raw});
  return 0;
}
