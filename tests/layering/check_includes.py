#!/usr/bin/env python3
"""Checks the include rules of src/'s layers, the same rules the build enforces with one library
and one include root per layer (CMakeLists.txt), plus what the build cannot see:

- a layer includes only its own folders and the layers below it:
    core      -> core                         (pure math, no I/O)
    platform  -> platform, core
    features  -> features, platform, core
    app, cli  -> app, cli, features, platform, core
- every quoted include starts with a layer's folder: a relative path ("../platform/x.hpp",
  "x.hpp") is found next to the including file, past the include roots, so it would slip through
  the build's check;
- core includes only the C++ standard library (minus its I/O and threads), pugixml and
  GeographicLib: system headers are visible to every layer, so the build cannot refuse them;
- SQL drivers, outbound HTTP, cryptography and compression (sqlite3, libpq, curl, OpenSSL,
  libsodium, zlib, zstd) are included only by platform, which puts them behind its own interfaces.

`check_includes.py SRC_DIR` prints each violation and exits 1 if there is one.
`check_includes.py --self-test` runs the checks on a made-up tree with one violation of each kind
and fails unless every one is found (and a clean file is not flagged).
"""
import re
import sys
import tempfile
from pathlib import Path

ALLOWED = {
    "core": {"core"},
    "platform": {"platform", "core"},
    "features": {"features", "platform", "core"},
    "app": {"app", "cli", "features", "platform", "core"},
    "cli": {"app", "cli", "features", "platform", "core"},
}
LAYERS = set(ALLOWED)
CORE_THIRD_PARTY = re.compile(r"^(pugixml\.hpp|GeographicLib/[A-Za-z0-9_/]+\.hpp)$")
STANDARD_HEADER = re.compile(r"^[a-z_0-9]+$")
CORE_FORBIDDEN_STANDARD = {"fstream", "iostream", "filesystem", "thread", "mutex", "future"}
PLATFORM_ONLY = re.compile(r"^(sqlite3\.h|libpq-fe\.h|postgresql/|curl/|openssl/|sodium[./]|zlib\.h|zstd\.h)")
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^">]+)[">]')


def check_file(path: Path, layer: str, rel: str) -> list[str]:
    problems = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        match = INCLUDE.match(line)
        if not match:
            continue
        kind, target = match.groups()
        where = f"{rel}:{number}: {layer} includes {kind}{target}{'>' if kind == '<' else kind}"
        if kind == '"':
            top = target.split("/", 1)[0]
            if top not in LAYERS or "/" not in target:
                problems.append(f"{where}: name the layer's folder first (no relative paths)")
            elif ".." in target.split("/"):
                problems.append(f"{where}: no '..' in an include")
            elif top not in ALLOWED[layer]:
                problems.append(f"{where}: {layer} may include only {', '.join(sorted(ALLOWED[layer]))}")
            continue
        if layer == "core":
            if STANDARD_HEADER.match(target):
                if target in CORE_FORBIDDEN_STANDARD:
                    problems.append(f"{where}: core does no I/O and starts no threads")
            elif not CORE_THIRD_PARTY.match(target):
                problems.append(f"{where}: core uses only the standard library, pugixml and GeographicLib")
        elif layer != "platform" and PLATFORM_ONLY.match(target):
            problems.append(f"{where}: only platform uses this library (behind its own interface)")
    return problems


def check_tree(src: Path) -> list[str]:
    problems = []
    for layer in sorted(LAYERS):
        folder = src / layer
        if not folder.is_dir():
            problems.append(f"{layer}: missing folder {folder}")
            continue
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".cpp", ".hpp") and path.is_file():
                problems.extend(check_file(path, layer, str(path.relative_to(src.parent))))
    return problems


def self_test() -> int:
    bad = {
        "core/a.cpp": '#include "platform/time.hpp"\n',
        "core/b.cpp": '#include "../platform/time.hpp"\n',
        "core/c.cpp": "#include <sqlite3.h>\n",
        "core/d.cpp": "#include <fstream>\n",
        "platform/e.cpp": '#include "features/accounts/model.hpp"\n',
        "platform/f.cpp": '#include "time.hpp"\n',
        "features/g.cpp": '#include "app/build_info.hpp"\n',
        "features/h.cpp": "#include <sqlite3.h>\n",
        "features/i.cpp": '#include "features/../app/build_info.hpp"\n',
        "app/j.cpp": "#include <curl/curl.h>\n",
    }
    good = {
        "core/ok.cpp": '#include "core/units.hpp"\n#include <cmath>\n#include <pugixml.hpp>\n'
        "#include <GeographicLib/Geodesic.hpp>\n",
        "platform/ok.cpp": '#include "core/units.hpp"\n#include "platform/time.hpp"\n#include <sqlite3.h>\n',
        "features/ok.cpp": '#include "core/units.hpp"\n#include "platform/time.hpp"\n'
        "#include <boost/json/value.hpp>\n",
        "app/ok.cpp": '#include "cli/commands.hpp"\n#include "features/meta/routes.hpp"\n',
        "cli/ok.cpp": '#include "app/build_app.hpp"\n',
    }
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        for name, text in {**bad, **good}.items():
            (src / name).parent.mkdir(parents=True, exist_ok=True)
            (src / name).write_text(text, encoding="utf-8")
        problems = check_tree(src)
    failures = []
    for name in bad:
        if not any(p.startswith(f"src/{name}:") for p in problems):
            failures.append(f"not caught: src/{name}: {bad[name].strip()}")
    for name in good:
        failures.extend(f"wrongly flagged: {p}" for p in problems if p.startswith(f"src/{name}:"))
    for failure in failures:
        print(failure)
    print(f"self-test: {len(bad) - sum(f.startswith('not caught') for f in failures)}/{len(bad)} "
          f"violations caught, {sum(f.startswith('wrongly') for f in failures)} clean lines flagged")
    return 1 if failures else 0


def main() -> int:
    if sys.argv[1:] == ["--self-test"]:
        return self_test()
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    problems = check_tree(Path(sys.argv[1]))
    for problem in problems:
        print(problem)
    print(f"{len(problems)} layering problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
