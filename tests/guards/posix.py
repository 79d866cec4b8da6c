#!/usr/bin/python3
"""guard.posix: only src/base/ and src/adapters/ call the operating system directly.

Usage: posix.py ROOT

Every other C++ file of src/ (unit tests and the test harness included) and
of fuzz/ goes through the interfaces of src/base/ (process.h, terminal.h,
tcp_listener.h, ...), whose headers name no POSIX type, so a port to
Windows or macOS replaces their .cc files and nothing else
(docs/architecture.md#where-the-operating-system-is-called). Fails naming
file:line for a POSIX header, a POSIX call or /proc/self. Comments are not
read; string literals are read only for /proc/self.

Before it reads the sources, the guard checks itself on sample lines, so a
broken pattern fails rather than passing everything.
"""
import pathlib
import re
import sys

ALLOWED = ("src/base/", "src/adapters/")

HEADER = re.compile(
    r"^\s*#\s*include\s*[<\"]((?:unistd|fcntl|poll|signal|dirent|spawn|termios|pwd|grp|netdb|"
    r"dlfcn|pthread|sched|semaphore|syslog|glob|libgen|strings|utime|wait)\.h|"
    r"(?:sys|netinet|arpa|net)/[^>\"]+)[>\"]", re.M)

# Unqualified (or ::-qualified) calls of POSIX functions; a member (x.poll(),
# p->kill()) or another namespace's function (std::signal) is not one.
CALL = re.compile(
    r"(?<![\w.>:])(?:::)?(getpid|getppid|getuid|geteuid|isatty|fork|vfork|execv\w*|execl\w*|"
    r"waitpid|wait|kill|fsync|fdatasync|pipe2?|dup2?|socket|bind|listen|accept4?|poll|select|"
    r"setsockopt|getsockname|recv|send|shutdown|lstat|fstat|access|unlink|symlink|readlink|"
    r"chmod|chown|mkdtemp|mkstemp|setenv|unsetenv|putenv|sigaction|alarm|_exit|popen|mmap|"
    r"dlopen)\s*\(")
QUALIFIED = re.compile(r"(?<![\w])::(open|close|read|write|stat)\s*\(")
PROC_SELF = re.compile(r"/proc/self")

# Comments and string literals (raw ones too), in the order a compiler sees them.
LEXEMES = re.compile(
    r'//[^\n]*|/\*.*?\*/|R"([^(\s]*)\(.*?\)\1"|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', re.S)


def blank(text, keep_strings):
    """`text` with its comments (and, unless keep_strings, its strings) made
    spaces, newlines kept so line numbers stay."""
    def repl(m):
        s = m.group(0)
        if keep_strings and not s.startswith("/"):
            return s
        return re.sub(r"[^\n]", " ", s)
    return LEXEMES.sub(repl, text)


def problems_in(rel, text):
    """(line, what) for each direct use of the operating system in `text`."""
    found = []
    code = blank(text, keep_strings=False)
    with_strings = blank(text, keep_strings=True)
    for n, line in enumerate(with_strings.splitlines(), 1):
        m = HEADER.match(line)
        if m:
            found.append((n, f"POSIX header <{m.group(1)}>"))
        if PROC_SELF.search(line):
            found.append((n, "/proc/self"))
    for n, line in enumerate(code.splitlines(), 1):
        for m in CALL.finditer(line):
            found.append((n, f"POSIX call {m.group(1)}()"))
        for m in QUALIFIED.finditer(line):
            found.append((n, f"POSIX call ::{m.group(1)}()"))
    return sorted(set(found))


SELF_CHECK = [
    ("#include <unistd.h>", ["POSIX header <unistd.h>"]),
    ("#include <sys/socket.h>", ["POSIX header <sys/socket.h>"]),
    ("  int fd = ::open(path.c_str(), O_RDONLY);", ["POSIX call ::open()"]),
    ("  if (isatty(STDOUT_FILENO)) {}", ["POSIX call isatty()"]),
    ("  pid_t pid = fork ();", ["POSIX call fork()"]),
    ("  execvp(args[0], args.data());", ["POSIX call execvp()"]),
    ("  return ::kill(pid, 0) == 0;", ["POSIX call kill()"]),
    ('  fs::read_symlink("/proc/self/exe", ec);', ["/proc/self"]),
    ("  std::signal(SIGTERM, SIG_IGN);", []),
    ("  watcher.Poll(); in.read(buf, 4); write(target, bytes);", []),
    ("  // fork() and kill(pid, 0) in a comment", []),
    ('  out << "smsdoc serve: listen(1) failed";', []),
    ('  auto re = R"(poll\\s*\\()";', []),
    ("#include <cstdlib>", []),
]


def self_check():
    """The patterns catch what they must and nothing else, on sample lines."""
    wrong = []
    for line, want in SELF_CHECK:
        got = [what for _, what in problems_in("sample.cc", line + "\n")]
        if got != want:
            wrong.append(f"  {line!r}: found {got}, expected {want}")
    return wrong


def main():
    wrong = self_check()
    if wrong:
        print("guard.posix: the guard's own patterns are broken:")
        print("\n".join(wrong))
        return 1
    root = pathlib.Path(sys.argv[1]).resolve()
    problems = []
    files = sorted(p for folder in ("src", "fuzz") for p in (root / folder).rglob("*")
                   if p.suffix in (".h", ".cc"))
    for path in files:
        rel = path.relative_to(root).as_posix()
        if rel.startswith(ALLOWED):
            continue
        for n, what in problems_in(rel, path.read_text(encoding="utf-8")):
            problems.append(f"{rel}:{n}: {what} outside src/base/ and src/adapters/")
    if problems:
        print(f"guard.posix: {len(problems)} direct uses of the operating system; put them "
              "behind an interface of src/base/ (docs/architecture.md#where-the-operating-"
              "system-is-called)")
        for p in problems:
            print(f"  {p}")
        return 1
    print(f"guard.posix: {len(files)} files, no POSIX outside src/base/ and src/adapters/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
