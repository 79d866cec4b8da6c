"""The man page and shell completions generated from the command line
(`smsdoc --generate-cli-docs man|bash|zsh|fish`, run by CMake): the man page
renders without warnings and names every command and option `--help` shows;
bash completes commands, options and fixed values; zsh and fish scripts name
them all (checked by the shells themselves when installed)."""
import os
import re
import shutil
import subprocess
import tempfile
import unittest

import testlib

OPTION_RE = re.compile(r"(?<![\w-])(--?[a-zA-Z][\w-]*)")


def generate(kind):
    r = testlib.run(["--generate-cli-docs", kind])
    assert r.returncode == 0, r.stderr
    return r.stdout


def commands():
    """The subcommands `smsdoc --help` lists."""
    text = testlib.run(["--help"]).stdout
    section = text.split("Subcommands:", 1)[1].split("\n\n", 1)[0]
    return [line.split()[0] for line in section.splitlines() if line.strip()]


def options(command):
    """The options `smsdoc COMMAND --help` lists (before its examples)."""
    text = testlib.run([command, "--help"]).stdout
    section = text.split("Options:", 1)[1].split("Examples:", 1)[0]
    return sorted({m.group(1) for line in section.splitlines()
                   for m in [OPTION_RE.match(line.strip())] if m} |
                  {m.group(1) for line in section.splitlines()
                   for m in re.finditer(r",(--[\w-]+)", line)})


def bash_complete(script, words):
    """COMPREPLY of the bash completion for the command line words (the last
    one being completed)."""
    program = ('source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _smsdoc; '
               'printf "%s\\n" "${COMPREPLY[@]}"')
    r = subprocess.run(["bash", "-c", program, "bash", script] + words, capture_output=True,
                       text=True, timeout=20)
    assert r.returncode == 0 and not r.stderr, r.stderr
    return sorted(w for w in r.stdout.splitlines() if w)


class ManPage(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp()
        cls.page = os.path.join(cls.tmp, "smsdoc.1")
        with open(cls.page, "w", encoding="utf-8") as f:
            f.write(generate("man"))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def render(self, *flags):
        return subprocess.run(["groff", "-man", "-Tutf8", *flags, self.page],
                              capture_output=True, text=True, timeout=20)

    def test_renders_without_warnings(self):
        r = self.render("-ww", "-z")
        self.assertEqual((r.returncode, r.stderr), (0, ""))

    def test_names_every_command_and_option_of_help(self):
        text = self.render("-P-c", "-P-b", "-P-o", "-P-u").stdout
        text = text.replace("\u2212", "-").replace("\u2010", "-")
        self.assertIn("smsdoc - compiles an ISO/IEC 20000-1", text)
        self.assertIn("smsdoc " + testlib.run(["--version"]).stdout.split()[1], text)
        for section in ("SYNOPSIS", "DESCRIPTION", "COMMANDS", "OPTIONS", "EXIT STATUS",
                        "FILES", "SEE ALSO"):
            self.assertRegex(text, "(?m)^" + section + "$")
        commands_section = text.split("\nCOMMANDS\n")[1].split("\nOPTIONS\n")[0]
        names = commands()
        self.assertIn("build", names)
        self.assertEqual(len(names), 14)
        # One sub-section per command, in --help's order, each listing the
        # command's options before the next command starts.
        starts = [re.search(r"(?m)^   %s$" % n, commands_section) for n in names]
        self.assertTrue(all(starts), names)
        bounds = [m.start() for m in starts] + [len(commands_section)]
        self.assertEqual(bounds, sorted(bounds))
        for name, begin, end in zip(names, bounds, bounds[1:]):
            own = commands_section[begin:end]
            for option in options(name):
                self.assertRegex(own, r"(?<![\w-])%s(?![\w-])" % re.escape(option),
                                 "%s %s" % (name, option))
        self.assertIn("--jobs", options("build"))
        self.assertIn("--format {text|json|sarif|github|gitlab}\n", commands_section)
        self.assertIn("--jobs INT\n", commands_section)
        self.assertRegex(commands_section, r"(?m)^       --minimal$")  # a flag: no value

    def test_same_bytes_each_time(self):
        self.assertEqual(generate("man"), generate("man"))
        self.assertNotRegex(generate("man"), r"\b20\d\d-\d\d-\d\d\b")


class Completions(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp()
        cls.bash = os.path.join(cls.tmp, "smsdoc")
        cls.scripts = {}
        for kind, name in (("bash", "smsdoc"), ("zsh", "_smsdoc"), ("fish", "smsdoc.fish")):
            cls.scripts[kind] = generate(kind)
            with open(os.path.join(cls.tmp, name), "w", encoding="utf-8") as f:
                f.write(cls.scripts[kind])

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def test_bash(self):
        r = subprocess.run(["bash", "-n", self.bash], capture_output=True, text=True)
        self.assertEqual(r.stderr, "")
        self.assertEqual(bash_complete(self.bash, ["smsdoc", "b"]), ["build"])
        self.assertEqual(bash_complete(self.bash, ["smsdoc", ""]),
                         sorted(commands() + ["--help", "-h", "--version"]))
        self.assertEqual(bash_complete(self.bash, ["smsdoc", "check", "--format", ""]),
                         ["github", "gitlab", "json", "sarif", "text"])
        self.assertEqual(bash_complete(self.bash, ["smsdoc", "graph", "--format", "d"]), ["dot"])
        self.assertEqual(bash_complete(self.bash, ["smsdoc", "init", "--ci", "g"]),
                         ["github", "gitlab"])
        self.assertEqual(bash_complete(self.bash, ["smsdoc", "-q", "build", "--audience", ""]),
                         ["auditor", "internal"])
        self.assertEqual(bash_complete(self.bash, ["smsdoc", "build", "--"]),
                         sorted(o for o in options("build") if o.startswith("--")))
        # A flag takes no value: the next word is an option again.
        self.assertEqual(bash_complete(self.bash, ["smsdoc", "init", "--minimal", "--f"]),
                         ["--force"])
        serve = bash_complete(self.bash, ["smsdoc", "serve", "--p"])
        self.assertEqual(serve, ["--port", "--published-only"])
        # A path value is left to bash's file-name completion (-o default).
        self.assertEqual(bash_complete(self.bash, ["smsdoc", "build", "--root", ""]), [])
        self.assertIn("complete -o default -F _smsdoc smsdoc", self.scripts["bash"])

    def test_zsh(self):
        script = self.scripts["zsh"]
        self.assertTrue(script.startswith("#compdef smsdoc\n"))
        if shutil.which("zsh"):
            r = subprocess.run(["zsh", "-n", os.path.join(self.tmp, "_smsdoc")],
                               capture_output=True, text=True)
            self.assertEqual(r.stderr, "")
        for name in commands():
            self.assertRegex(script, r"(?m)^    '%s:" % name)
            self.assertRegex(script, r"(?m)^        %s\)$" % name)
            for option in options(name):
                self.assertIn("'" + option + "[", script)
        self.assertIn("'--format[diagnostics as text", script)
        self.assertIn(":value:(text json sarif github gitlab)'", script)
        self.assertIn("'--map[", script)
        self.assertRegex(script, r"'--map\[[^']*\]:value:_files'")
        self.assertRegex(script, r"'--minimal\[[^']*\]'")  # a flag: no value

    def test_fish(self):
        script = self.scripts["fish"]
        if shutil.which("fish"):
            r = subprocess.run(["fish", "-n", os.path.join(self.tmp, "smsdoc.fish")],
                               capture_output=True, text=True)
            self.assertEqual(r.stderr, "")
        for name in commands():
            self.assertIn("-n __fish_use_subcommand -a %s -d '" % name, script)
            for option in options(name):
                flag = "-l " + option[2:] if option.startswith("--") else "-s " + option[1:]
                self.assertRegex(script, r"(?m)^complete -c smsdoc -n '__fish_seen_subcommand_from "
                                 r"%s'.* %s( |$)" % (name, re.escape(flag)))
        self.assertIn("-l ci -x -a 'github gitlab none'", script)
        self.assertRegex(script, r"-l map -r -F -d ")
        self.assertRegex(script, r"-l minimal -d ")  # a flag: no value
        # A quote in a description is escaped, not the end of the string.
        self.assertIn("\\'", script)

    def test_unknown_kind_is_a_usage_error(self):
        r = testlib.run(["--generate-cli-docs", "tcsh"])
        self.assertEqual((r.returncode, r.stdout), (2, ""))
        self.assertIn("man, bash, zsh or fish", r.stderr)


if __name__ == "__main__":
    testlib.main()
