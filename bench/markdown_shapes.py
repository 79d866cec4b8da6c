#!/usr/bin/python3
"""Times Debian's cmark-gfm on the Markdown shapes it is quadratic on.

Each shape is the input class of an advisory fixed upstream after
0.29.0.gfm.6 (the version Debian 12 ships and smsdoc links). The script
parses and renders each shape at n and 2n with the library itself (through
ctypes, the extensions and options of src/adapters/markdown.cc) and prints
the seconds: a quadratic shape takes about four times as long at 2n.
smsdoc refuses every one of them before parsing (`markdown-too-complex`,
src/adapters/markdown_complexity.cc); docs/PERFORMANCE.md has the figures.

usage: markdown_shapes.py [--n N] [--timeout S] [SHAPE ...]
"""

import argparse
import ctypes
import multiprocessing
import sys
import time


def rep(s, n):
    return s * n


SHAPES = {
    # CVE-2023-24824 (GHSA-66g8-4hjf-77xh), issue 1: deep quotes, then emphasis
    "quote-emphasis": lambda n: rep(">", n) + rep("a*", n),
    # CVE-2023-24824, issue 2: deep lists, then blank lines
    "list-blank-lines": lambda n: rep(" -", n) + "x" + rep("\n", n),
    # the same walk with continuation (lazy) lines
    "quote-lazy-lines": lambda n: rep(">", n // 10) + "x\n" + rep("a\n", n * 10),
    # CVE-2023-22483 (GHSA-29g3-96g3-jg6c): unclosed inline HTML
    "processing-instructions": lambda n: "a" + rep("<?", n),
    "declarations": lambda n: "a" + rep("<!A ", n),
    "cdata": lambda n: "a" + rep("<![CDATA[", n),
    # CVE-2023-22484 (GHSA-24f7-9frr-5h2r): unclosed comments (fast in gfm.6)
    "comments": lambda n: "a" + rep("<!--", n),
    # CVE-2023-22486 (GHSA-r572-jvj2-3m8p): handle_close_bracket
    "image-brackets": lambda n: rep("![[]()", n),
    # CVE-2023-37463 (GHSA-w4qg-3vf7-m9x5): table cells filled up
    "table-short-rows": lambda n: "|" + rep("x|", n // 10) + "\n|" + rep("-|", n // 10) + "\n"
    + rep("a\n", n),
    "table-wide": lambda n: "|" + rep("x|", n) + "\n|" + rep("-|", n) + "\n"
    + rep("|" + rep("a|", n) + "\n", 20),
    # CVE-2023-26485 (GHSA-r8vr-c48j-fcc5): slow in other renderers, not HTML
    "underscores": lambda n: rep("_", n) + "." + rep("_", n),
}


def cmark():
    lib = ctypes.CDLL("libcmark-gfm.so.0.29.0.gfm.6")
    ext = ctypes.CDLL("libcmark-gfm-extensions.so.0.29.0.gfm.6")
    ext.cmark_gfm_core_extensions_ensure_registered()
    for name, res in (("cmark_parser_new", ctypes.c_void_p),
                      ("cmark_find_syntax_extension", ctypes.c_void_p),
                      ("cmark_parser_finish", ctypes.c_void_p),
                      ("cmark_parser_get_syntax_extensions", ctypes.c_void_p),
                      ("cmark_render_html", ctypes.c_void_p)):
        getattr(lib, name).restype = res
    return lib


def parse(text):
    lib = cmark()
    data = text.encode()
    start = time.monotonic()
    parser = ctypes.c_void_p(lib.cmark_parser_new(1 << 17))  # CMARK_OPT_GITHUB_PRE_LANG
    for name in (b"table", b"strikethrough", b"autolink", b"tagfilter", b"tasklist"):
        lib.cmark_parser_attach_syntax_extension(
            parser, ctypes.c_void_p(lib.cmark_find_syntax_extension(name)))
    lib.cmark_parser_feed(parser, data, ctypes.c_size_t(len(data)))
    doc = ctypes.c_void_p(lib.cmark_parser_finish(parser))
    lib.cmark_render_html(doc, 0, ctypes.c_void_p(lib.cmark_parser_get_syntax_extensions(parser)))
    return time.monotonic() - start


def timed(text, timeout):
    with multiprocessing.Pool(1) as pool:
        job = pool.apply_async(parse, (text,))
        try:
            return "%8.2f" % job.get(timeout)
        except multiprocessing.TimeoutError:
            return "  > %3d" % timeout


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--timeout", type=int, default=60)
    ap.add_argument("shapes", nargs="*", default=list(SHAPES))
    args = ap.parse_args()
    print("%-24s %10s %8s %10s %8s" % ("shape", "bytes n", "s", "bytes 2n", "s"))
    for name in args.shapes:
        small, large = SHAPES[name](args.n), SHAPES[name](2 * args.n)
        print("%-24s %10d %s %10d %s" % (name, len(small), timed(small, args.timeout),
                                         len(large), timed(large, args.timeout)), flush=True)


if __name__ == "__main__":
    sys.exit(main())
