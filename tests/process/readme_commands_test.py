#!/usr/bin/python3
"""Every `build/release/vigor ...` command the README shows runs as written.

The README's ```sh blocks are read in order; continuation lines (`\\`) are joined. Each block
runs in a fresh working directory of its own, where `build/release/vigor` is the binary under
test, so the command text runs verbatim through bash (`echo ... | build/release/vigor ...`,
`--data-dir var`, comments and all). Lines that are not Vigor commands (`make`, `sudo`,
`~/.pgpass`) need root or the whole build and are listed as not run.

  * every Vigor command exits 0 (a README that shows a failing command fails here);
  * `serve` is started with its listen port swapped for a free one, must print
    "Vigor is running", answer /healthz, and exit 0 on SIGTERM;
  * at least MIN_COMMANDS Vigor commands are found, so a change in the README's layout cannot
    make this test pass by finding nothing.
  * With --postgres-dir, the block that exports VIGOR_DATABASE runs its Vigor commands with
    VIGOR_DATABASE set to a database of its own (migrated, as `make run` would leave it);
    without, they run on SQLite under the block's directory.
"""

import os
import re
import signal
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vigorproc as vp  # noqa: E402

README = os.path.join(vp.REPO_ROOT, "README.md")
VIGOR_IN_TEXT = "build/release/vigor"
MIN_COMMANDS = 7
LISTEN_RE = re.compile(r"(--listen\s+)(\S+):(\d+)")


def sh_blocks(text):
    """The ```sh blocks of a Markdown text, each a list of logical command lines."""
    blocks = []
    for body in re.findall(r"^```sh\n(.*?)^```", text, flags=re.S | re.M):
        lines, pending = [], ""
        for raw in body.splitlines():
            if raw.rstrip().endswith("\\"):
                pending += raw.rstrip()[:-1] + " "
                continue
            line = (pending + raw).strip()
            pending = ""
            if line and not line.startswith("#"):
                lines.append(line)
        blocks.append(lines)
    return blocks


def run_serve(check, line, cwd, env):
    port = vp.free_port()
    command = LISTEN_RE.sub(lambda m: f"{m.group(1)}{m.group(2)}:{port}", line)
    check.ok(command != line, f"serve command names a listen address: {line}")
    proc = subprocess.Popen(["bash", "-c", f"exec {command}"], cwd=cwd, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=vp._die_with_parent)
    try:
        deadline = time.monotonic() + 30
        running = False
        out = ""
        while time.monotonic() < deadline and proc.poll() is None:
            chunk = proc.stdout.readline()
            out += chunk
            if "Vigor is running" in chunk:
                running = True
                break
        if not check.ok(running, f"runs: {line}", f"stdout {out[:500]!r}"):
            return
        r = vp.http_request(port, "GET", "/healthz")
        check.ok(r.status == 200, f"answers /healthz: {line}", repr(r))
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=15)
        check.ok(code == 0, f"exits 0 on SIGTERM: {line}", f"exit code {code}")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def main():
    a = vp.base_args(__doc__)
    check = vp.Check("readme_commands")
    with open(README, encoding="utf-8") as f:
        blocks = sh_blocks(f.read())
    ran = 0
    for index, lines in enumerate(blocks, 1):
        if not any(VIGOR_IN_TEXT in line for line in lines):
            vp.log(f"block {index}: no Vigor command ({'; '.join(lines)})")
            continue
        with tempfile.TemporaryDirectory(prefix=f"vigor-readme-{index}-") as cwd:
            os.makedirs(os.path.join(cwd, "build", "release"))
            os.symlink(a.vigor, os.path.join(cwd, VIGOR_IN_TEXT))
            extra = {}
            if a.postgres and any(line.startswith("export VIGOR_DATABASE=") for line in lines):
                extra["VIGOR_DATABASE"] = a.postgres.url(a.postgres.create_database())
            env = vp.clean_env(extra)
            for line in lines:
                if VIGOR_IN_TEXT not in line:
                    vp.log(f"block {index}: not run here: {line}")
                    continue
                ran += 1
                if re.search(r"build/release/vigor\s+serve\b", line):
                    run_serve(check, line, cwd, env)
                    continue
                p = subprocess.run(["bash", "-c", line], cwd=cwd, env=env, text=True,
                                   capture_output=True, timeout=60, stdin=subprocess.DEVNULL)
                check.ok(p.returncode == 0, f"block {index} exits 0: {line}",
                         f"exit code {p.returncode}; stdout {p.stdout[:300]!r}; "
                         f"stderr {p.stderr[-600:]!r}")
    check.ok(ran >= MIN_COMMANDS, f"found at least {MIN_COMMANDS} Vigor commands in README.md",
             f"found {ran}")
    return check.finish()


if __name__ == "__main__":
    sys.exit(main())
