#!/usr/bin/env python3
"""Checks that every message the server sends a client comes from the message catalogue
(src/platform/i18n/catalogue.cpp), so that it is sent in the reader's language:

- an Error(ErrorKind::..., detail, ...) takes a Msg(...) (or a message built elsewhere), never a
  string: a literal, a std::string(...) or text glued with +;
- a field error, FieldErrors::Add(field, message) or {"field", message} in an Error's list,
  takes a Msg(...) too, never a string;
- every code named in Msg("code", ...) (each literal of a `a ? "x" : "y"` choice too) is in the
  catalogue, and every placeholder given to it ({"name", value}) is one its English text has.

The C++ types already refuse a string where a message belongs; this check also covers what the
compiler cannot see (a code that is not catalogued, a placeholder misspelt) and keeps the rule
visible to whoever relaxes a type.

`check_messages.py SRC_DIR` prints each violation and exits 1 if there is one.
`check_messages.py --self-test` runs the checks on a made-up tree with one violation of each
kind and fails unless every one is found (and a clean file is not flagged).
"""
import re
import sys
import tempfile
from pathlib import Path

LITERAL = r'"(?:[^"\\]|\\.)*"'
CATALOGUE_ENTRY = re.compile(r'\{\s*(' + LITERAL + r')\s*,\s*((?:' + LITERAL + r'\s*)+),\s*((?:' +
                             LITERAL + r'\s*)+)\}')
# The second argument of Error(ErrorKind::kX, ...) and of .Add(field, ...).
ERROR_DETAIL = re.compile(r'\bError\(\s*(?:platform::)?ErrorKind::k\w+\s*,\s*')
FIELD_ADD = re.compile(r'(?:errors_?|field_errors\(\)|future)\.Add\(')
FIELD_PAIR = re.compile(r'\{\s*"[\w.\[\]]+"\s*,\s*(?=[^{}])')
MSG_CALL = re.compile(r'\bMsg\(')
STRINGY = re.compile(r'^\s*(?:"|std::string\(|[^,()]*"\s*\+|[^,()]*\+\s*")')


def unquote(text):
    return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', text))


def read_catalogue(src):
    text = (src / "platform" / "i18n" / "catalogue.cpp").read_text()
    catalogue = {}
    for m in CATALOGUE_ENTRY.finditer(text):
        catalogue[unquote(m.group(1))] = unquote(m.group(2))
    return catalogue


def balanced_argument(text, start):
    """The text of the argument that starts at `start`, up to the ',' or ')' that ends it."""
    depth = 0
    i = start
    while i < len(text):
        c = text[i]
        if c == '"':
            m = re.compile(LITERAL).match(text, i)
            i = m.end() if m else i + 1
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0:
                return text[start:i]
            depth -= 1
        elif c == "," and depth == 0:
            return text[start:i]
        i += 1
    return text[start:]


def second_argument(text, open_paren_end):
    first = balanced_argument(text, open_paren_end)
    return balanced_argument(text, open_paren_end + len(first) + 1)


def line_of(text, index):
    return text.count("\n", 0, index) + 1


def check_file(path, text, catalogue, problems):
    if "platform/i18n" in path.as_posix():
        return
    # Comments may quote messages.
    code = re.sub(r"//[^\n]*", lambda m: " " * len(m.group(0)), text)
    for m in ERROR_DETAIL.finditer(code):
        arg = balanced_argument(code, m.end())
        if STRINGY.match(arg):
            problems.append(f"{path}:{line_of(code, m.start())}: an Error's detail is a string, "
                            f"not a catalogued Msg(...): {arg.strip()[:60]}")
    for m in FIELD_ADD.finditer(code):
        arg = second_argument(code, m.end())
        if STRINGY.match(arg):
            problems.append(f"{path}:{line_of(code, m.start())}: a field error's message is a "
                            f"string, not a catalogued Msg(...): {arg.strip()[:60]}")
    for m in ERROR_DETAIL.finditer(code):
        detail = balanced_argument(code, m.end())
        after = m.end() + len(detail)
        if code[after:after + 1] != ",":
            continue
        fields = balanced_argument(code, after + 1)
        for pair in FIELD_PAIR.finditer(fields):
            arg = balanced_argument(fields, pair.end())
            if STRINGY.match(arg):
                problems.append(f"{path}:{line_of(code, m.start())}: a field error's message is "
                                f"a string, not a catalogued Msg(...): {arg.strip()[:60]}")
    for m in MSG_CALL.finditer(code):
        first = balanced_argument(code, m.end())
        codes = re.findall(LITERAL, first)
        for literal in codes:
            name = unquote(literal)
            if name not in catalogue:
                problems.append(f"{path}:{line_of(code, m.start())}: Msg(\"{name}\") is not in "
                                "the catalogue (src/platform/i18n/catalogue.cpp)")
        rest_start = m.end() + len(first)
        if code[rest_start:rest_start + 1] != ",":
            continue
        args = balanced_argument(code, rest_start + 1)
        given = set(re.findall(r'\{\s*"(\w+)"\s*,', args))
        for literal in codes:
            name = unquote(literal)
            if name not in catalogue:
                continue
            wanted = set(re.findall(r"\{(\w+)\}", catalogue[name]))
            for extra in sorted(given - wanted):
                problems.append(f"{path}:{line_of(code, m.start())}: Msg(\"{name}\") has no "
                                f"placeholder {{{extra}}}")
            for missing in sorted(wanted - given - {"z", "x", "y", "s"}):
                problems.append(f"{path}:{line_of(code, m.start())}: Msg(\"{name}\") needs a "
                                f"value for {{{missing}}}")


def check(src):
    src = Path(src)
    catalogue = read_catalogue(src)
    problems = []
    if not catalogue:
        problems.append(f"{src}/platform/i18n/catalogue.cpp: no catalogue entries found")
    for path in sorted(src.rglob("*")):
        if path.suffix in (".cpp", ".hpp"):
            check_file(path.relative_to(src), path.read_text(), catalogue, problems)
    return problems


SELF_TEST_CATALOGUE = '''
constexpr CatalogueEntry kCatalogue[] = {
    {"required", "is required", "ist erforderlich"},
    {"too_long", "must be at most {max} characters", "darf höchstens {max} Zeichen lang sein"},
    {"taken_detail",
     "This is taken.",
     "Das ist schon vergeben."},
};
'''

SELF_TEST_FILES = {
    "features/clean.cpp": '''
void F(FieldErrors& errors) {
  errors.Add("name", Msg("required"));
  errors.Add("name", Msg("too_long", {{"max", 100}}));
  throw Error(ErrorKind::kConflict, Msg("taken_detail"), {{"name", Msg("required")}});
  // throw Error(ErrorKind::kConflict, "quoted in a comment is fine");
  logger.Info("request", {{"route", "x"}});
}
''',
    "features/literal_detail.cpp": '''
void F() { throw Error(ErrorKind::kNotFound, "No such thing."); }
''',
    "features/glued_detail.cpp": '''
void F(std::string what) { throw Error(ErrorKind::kNotFound, "No such " + what); }
''',
    "features/string_detail.cpp": '''
void F() { throw platform::Error(platform::ErrorKind::kNotFound, std::string("x")); }
''',
    "features/literal_add.cpp": '''
void F(FieldErrors& errors) { errors.Add("name", "is required"); }
''',
    "features/glued_add.cpp": '''
void F(FieldErrors& errors, int n) { errors.Add("name", "at most " + std::to_string(n)); }
''',
    "features/literal_pair.cpp": '''
void F() { throw Error(ErrorKind::kConflict, Msg("taken_detail"), {{"name", "is taken"}}); }
''',
    "features/unknown_code.cpp": '''
void F(FieldErrors& errors) { errors.Add("name", Msg("not_in_catalogue")); }
''',
    "features/unknown_code_in_choice.cpp": '''
void F(FieldErrors& errors, bool a) { errors.Add("name", Msg(a ? "required" : "nope")); }
''',
    "features/wrong_placeholder.cpp": '''
void F(FieldErrors& errors) { errors.Add("name", Msg("too_long", {{"maximum", 100}})); }
''',
}


def self_test():
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp)
        (src / "platform" / "i18n").mkdir(parents=True)
        (src / "platform" / "i18n" / "catalogue.cpp").write_text(SELF_TEST_CATALOGUE)
        for name, text in SELF_TEST_FILES.items():
            (src / name).parent.mkdir(parents=True, exist_ok=True)
            (src / name).write_text(text)
        problems = check(src)
    failed = False
    for name in SELF_TEST_FILES:
        found = [p for p in problems if p.startswith(name + ":")]
        if name.endswith("clean.cpp"):
            if found:
                print(f"self-test: a clean file was flagged: {found}")
                failed = True
        elif name == "features/wrong_placeholder.cpp":
            if len(found) != 2:  # {maximum} is not a placeholder; {max} has no value
                print(f"self-test: expected 2 problems in {name}, got {found}")
                failed = True
        elif not found:
            print(f"self-test: the violation in {name} was not found")
            failed = True
    print("self-test " + ("FAILED" if failed else "passed"))
    return 1 if failed else 0


def main(argv):
    if len(argv) == 2 and argv[1] == "--self-test":
        return self_test()
    if len(argv) != 2:
        print(__doc__)
        return 2
    problems = check(argv[1])
    for p in problems:
        print(p)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
