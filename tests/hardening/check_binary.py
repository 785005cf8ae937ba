#!/usr/bin/python3
"""Checks that a built ELF binary carries the hardening CMakeLists.txt asks for (VIGOR_HARDEN).

    check_binary.py PATH/TO/vigor [COMPILE_COMMANDS]
                                      the checks below; exit 1 naming each one that fails
    check_binary.py --self-test       builds two tiny programs with g++, one hardened and one
                                      built with the hardening switched off, and shows that the
                                      checks pass on the first and fail, each of them, on the second

What is checked in the binary, read with readelf from binutils (not from the compiler's command
line, so a flag dropped or overridden anywhere on the way shows up):
  * PIE: the ELF type is DYN and the dynamic section has FLAGS_1 with PIE (a shared library is
    DYN too, without PIE);
  * full RELRO: a GNU_RELRO segment, and BIND_NOW (DT_BIND_NOW, or NOW in FLAGS / FLAGS_1), so the
    whole GOT is made read-only after start-up instead of only its first part;
  * no executable stack: the GNU_STACK segment is not executable;
  * stack protector: the binary calls __stack_chk_fail (some function got a canary);
  * _FORTIFY_SOURCE: the binary calls glibc's checked variants (__memcpy_chk, __snprintf_chk, ...).

The binary cannot tell FORTIFY level 3 from level 2 (both call the same __*_chk functions; 3 only
checks more sizes) nor -fstack-protector-strong from -fstack-protector (which guards fewer
functions). So, with COMPILE_COMMANDS (the build's compile_commands.json, which CMake writes with
CMAKE_EXPORT_COMPILE_COMMANDS, as every preset sets), the flags each of Vigor's own translation
units (the files under src/ of the source tree) was compiled with are read too, the last one of
each kind winning as with the compiler:
  * the last -D_FORTIFY_SOURCE/-U_FORTIFY_SOURCE is -D_FORTIFY_SOURCE=3, and the build optimizes
    (the last -O is not -O0: FORTIFY does nothing without optimization);
  * the last -f[no-]stack-protector* is -fstack-protector-strong (or -fstack-protector-all).
"""

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile


SOURCE_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def readelf(args, path):
    return subprocess.run(["readelf", "-W"] + args + [path], check=True, capture_output=True,
                          text=True).stdout


def check(path):
    """-> list of (name, ok, detail)."""
    header = readelf(["-h"], path)
    segments = readelf(["-l"], path)
    dynamic = readelf(["-d"], path)
    symbols = readelf(["--dyn-syms"], path)

    elf_type = re.search(r"^\s*Type:\s*(\S+)", header, re.M)
    flags_1 = " ".join(re.findall(r"\(FLAGS_1\)\s+Flags:\s*(.*)$", dynamic, re.M))
    flags = " ".join(re.findall(r"\(FLAGS\)\s+(.*)$", dynamic, re.M))
    stack = re.search(r"^\s*GNU_STACK\s+.*\s(R?W?E?)\s+0x[0-9a-f]+\s*$", segments, re.M)
    undefined = set(re.findall(r"\sUND\s+([^\s@]+)\S*(?:\s+\(\d+\))?\s*$", symbols, re.M))
    checked = sorted(s for s in undefined if re.fullmatch(r"__\w+_chk", s)
                     and s != "__stack_chk_fail")

    results = [
        ("PIE (ELF type DYN with FLAGS_1 PIE)",
         elf_type is not None and elf_type.group(1) == "DYN" and "PIE" in flags_1.split(),
         f"type {elf_type.group(1) if elf_type else '?'}, FLAGS_1 [{flags_1}]"),
        ("RELRO (a GNU_RELRO segment)", re.search(r"^\s*GNU_RELRO\s", segments, re.M) is not None,
         "no GNU_RELRO program header"),
        ("full RELRO (BIND_NOW: every symbol bound at start-up)",
         "(BIND_NOW)" in dynamic or "NOW" in flags_1.split() or "BIND_NOW" in flags.split(),
         f"FLAGS [{flags}], FLAGS_1 [{flags_1}], no BIND_NOW"),
        ("non-executable stack (GNU_STACK without E)",
         stack is not None and "E" not in stack.group(1),
         f"GNU_STACK {stack.group(1) if stack else 'missing'}"),
        ("stack protector (calls __stack_chk_fail)", "__stack_chk_fail" in undefined,
         "no __stack_chk_fail among the imported symbols"),
        ("_FORTIFY_SOURCE (calls glibc's __*_chk functions)", bool(checked),
         "no __*_chk function among the imported symbols"),
    ]
    if checked:
        results[-1] = (results[-1][0] + f": {len(checked)}, e.g. {', '.join(checked[:4])}", True, "")
    return results


def last_flag(args, pattern):
    """The last argument that matches `pattern` (a regex over the whole argument), or None."""
    found = None
    for arg in args:
        if re.fullmatch(pattern, arg):
            found = arg
    return found


def check_compile_commands(path, source_root):
    """-> list of (name, ok, detail) for the translation units under source_root/src/."""
    with open(path) as f:
        entries = json.load(f)
    src = os.path.join(os.path.realpath(source_root), "src") + os.sep
    units = []
    for entry in entries:
        file = os.path.realpath(os.path.join(entry.get("directory", ""), entry["file"]))
        if file.startswith(src):
            args = entry.get("arguments") or shlex.split(entry["command"])
            units.append((os.path.relpath(file, source_root), args))
    no_fortify, no_optimization, no_protector = [], [], []
    for file, args in units:
        if last_flag(args, r"-[DU]_FORTIFY_SOURCE(=.*)?") != "-D_FORTIFY_SOURCE=3":
            no_fortify.append(file)
        if last_flag(args, r"-O.*") in (None, "-O0"):
            no_optimization.append(file)
        if last_flag(args, r"-f(no-)?stack-protector(-\w+)?") not in (
                "-fstack-protector-strong", "-fstack-protector-all"):
            no_protector.append(file)

    def some(files):
        return f"{len(files)} of {len(units)}, e.g. {', '.join(files[:3])}"

    return [
        (f"compile commands: Vigor's translation units (src/) found ({len(units)})", bool(units),
         f"none under {src} in {path}"),
        ("compile commands: every unit has -D_FORTIFY_SOURCE=3 (the last one of its kind)",
         bool(units) and not no_fortify, some(no_fortify)),
        ("compile commands: every unit is optimized (FORTIFY needs it)",
         bool(units) and not no_optimization, some(no_optimization)),
        ("compile commands: every unit has -fstack-protector-strong (the last one of its kind)",
         bool(units) and not no_protector, some(no_protector)),
    ]


def report(path, compile_commands=None):
    failed = 0
    results = check(path)
    if compile_commands:
        results += check_compile_commands(compile_commands, SOURCE_ROOT)
    for name, ok, detail in results:
        print(f"  {'PASS' if ok else 'FAIL'}  {name}" + ("" if ok else f": {detail}"))
        failed += not ok
    print(f"{path}: {'hardened' if not failed else f'{failed} hardening check(s) failed'}")
    return 1 if failed else 0


PROGRAM = r"""
#include <cstdio>
#include <cstring>
// A copy of unknown length into a local array: a canary for the array, and a checked memcpy.
int main(int argc, char** argv) {
  char copy[64];
  std::memcpy(copy, argv[0], std::strlen(argv[0]) + 1);
  std::puts(copy);
  return argc;
}
"""
HARDENED = ["-O2", "-fPIE", "-pie", "-fstack-protector-strong", "-U_FORTIFY_SOURCE",
            "-D_FORTIFY_SOURCE=3", "-Wl,-z,relro,-z,now", "-Wl,-z,noexecstack"]
# Every switch turned the other way: what the checks must notice.
SOFT = ["-O0", "-fno-PIE", "-no-pie", "-fno-stack-protector", "-U_FORTIFY_SOURCE",
        "-Wl,-z,norelro", "-Wl,-z,lazy", "-Wl,-z,execstack"]


def self_test():
    cxx = shutil.which("g++") or shutil.which("c++")
    if not cxx:
        print("FAIL: no g++ to build the self-test programs")
        return 1
    tmp = tempfile.mkdtemp(prefix="vigor-hardening-")
    try:
        source = os.path.join(tmp, "p.cpp")
        with open(source, "w") as f:
            f.write(PROGRAM)
        problems = []
        for name, flags in (("hardened", HARDENED), ("soft", SOFT)):
            out = os.path.join(tmp, name)
            subprocess.run([cxx, *flags, source, "-o", out], check=True, capture_output=True)
            # The same command as a compile_commands.json records it, for a unit under src/.
            os.makedirs(os.path.join(tmp, "src"), exist_ok=True)
            commands = os.path.join(tmp, f"{name}.json")
            with open(commands, "w") as f:
                json.dump([{"directory": tmp, "file": "src/p.cpp",
                            "command": shlex.join([cxx, *flags, "-c", "src/p.cpp"])}], f)
            results = check(out) + check_compile_commands(commands, tmp)[1:]
            print(f"{name}:")
            for what, ok, detail in results:
                print(f"  {'PASS' if ok else 'FAIL'}  {what}" + ("" if ok else f": {detail}"))
            for what, ok, _ in results:
                if ok != (name == "hardened"):
                    problems.append(f"{name} binary: '{what}' {'passed' if ok else 'failed'}")
        # What the binary cannot tell apart: FORTIFY level 2 and the weaker -fstack-protector,
        # and a later flag that overrides the right one. Only the compile commands show them.
        weaker = {"fortify 2": ["-O2", "-fstack-protector-strong", "-D_FORTIFY_SOURCE=2"],
                  "overridden": ["-O2", "-fstack-protector-strong", "-D_FORTIFY_SOURCE=3",
                                 "-U_FORTIFY_SOURCE", "-fstack-protector"]}
        for name, flags in weaker.items():
            commands = os.path.join(tmp, "weaker.json")
            with open(commands, "w") as f:
                json.dump([{"directory": tmp, "file": "src/p.cpp",
                            "arguments": [cxx, *flags, "-c", "src/p.cpp"]}], f)
            results = {what: ok for what, ok, _ in check_compile_commands(commands, tmp)}
            fortify = [ok for what, ok in results.items() if "FORTIFY_SOURCE=3" in what][0]
            protector = [ok for what, ok in results.items() if "stack-protector" in what][0]
            print(f"{name}: FORTIFY=3 check {'passed' if fortify else 'failed'}, "
                  f"-fstack-protector-strong check {'passed' if protector else 'failed'}")
            if fortify or (name == "overridden" and protector):
                problems.append(f"{name} flags {' '.join(flags)} passed a compile-command check")
        if problems:
            print("self-test FAILED:\n  " + "\n  ".join(problems))
            return 1
        print("self-test OK: every check passes on the hardened program and fails on the soft one;"
              " FORTIFY level 2 and overridden flags fail the compile-command checks")
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    if sys.argv[1:] == ["--self-test"]:
        return self_test()
    if len(sys.argv) not in (2, 3):
        print(__doc__)
        return 2
    return report(sys.argv[1], sys.argv[2] if len(sys.argv) == 3 else None)


if __name__ == "__main__":
    sys.exit(main())
