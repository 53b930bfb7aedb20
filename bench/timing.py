"""What every bench script shares: warm bytecode, time a child process, the machine's floor.

- ``warm_bytecode()``: this environment sets PYTHONDONTWRITEBYTECODE=1, so an editable
  install without ``__pycache__`` recompiles every module it imports in every process; the
  benches compile the whole package once first (rules, links and papers modules load on
  use, so importing the CLI would not reach them), then import every module once, which
  keeps the compiled dataclass methods and patterns beside the bytecode (``kept_code.py``),
  as any installed command's first run does where bytecode is written.
- ``timed(cmd)``: wall seconds, CPU seconds (user + system) and peak RSS of one child (run
  as installed commands run, writing bytecode: PYTHONDONTWRITEBYTECODE is dropped), from
  ``os.wait4``: CPU time is what the process costs, wall time what the user waits, which on
  a loaded machine includes waiting for a core.
- ``floor()``: the bare interpreter's start (``python -c pass``), the least any Python
  command pays, printed next to every figure.
- ``load()``: the load average, which matters on a shared machine.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "awesome_lint"


@dataclass(frozen=True)
class Timing:
    wall: float  # seconds
    cpu: float  # seconds, user + system
    rss_mb: float
    returncode: int
    stdout: str
    stderr: str


def writing_bytecode(env: dict | None = None) -> dict:
    """``env`` (else this process's environment) as installed commands run: writing bytecode
    (and the kept code, kept_code.py), which this environment's PYTHONDONTWRITEBYTECODE=1
    would stop."""
    return {k: v for k, v in (os.environ if env is None else env).items() if k != "PYTHONDONTWRITEBYTECODE"}  # fmt: skip


def warm_bytecode(python: str = sys.executable) -> None:
    """Write the package's .pyc files, and import every module once."""
    env = writing_bytecode()
    subprocess.run([python, "-m", "compileall", "-q", str(PACKAGE)], env=env, check=True)
    every_module = (
        "import importlib, pkgutil, awesome_lint\n"
        "for m in pkgutil.walk_packages(awesome_lint.__path__, 'awesome_lint.'):\n"
        "    try:\n"
        "        importlib.import_module(m.name)\n"
        "    except ImportError:\n"  # an extra that is not installed (mdformat, PyGithub)
        "        pass\n"
    )
    subprocess.run([python, "-c", every_module], env=env, check=True)


def timed(cmd: list[str], env: dict | None = None, cwd: str | Path | None = None) -> Timing:
    env = writing_bytecode(env)
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    # communicate() reads both pipes; wait4 then reaps the child with its own usage.
    out, err = _communicate(proc)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Timing(
        wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode, out, err
    )


def _communicate(proc: subprocess.Popen) -> tuple[str, str]:
    # Popen.communicate() would reap the child (and lose its rusage): read the pipes only.
    import threading

    chunks: dict[str, str] = {}

    def read(name: str, stream) -> None:
        chunks[name] = stream.read()
        stream.close()

    readers = [
        threading.Thread(target=read, args=("out", proc.stdout)),
        threading.Thread(target=read, args=("err", proc.stderr)),
    ]
    for t in readers:
        t.start()
    for t in readers:
        t.join()
    return chunks["out"], chunks["err"]


def floor(runs: int = 10) -> tuple[float, float]:
    """Median wall and CPU seconds of ``python -c pass``."""
    samples = [timed([sys.executable, "-c", "pass"]) for _ in range(runs)]
    return statistics.median(s.wall for s in samples), statistics.median(s.cpu for s in samples)


def load() -> str:
    return "/".join(f"{x:.2f}" for x in os.getloadavg())


def header(runs: int = 10) -> str:
    """One line for the top of every bench's output: the floor and the load."""
    wall, cpu = floor(runs)
    return (
        f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {load()}; "
        f"floor (python -c pass): wall {wall * 1000:.0f} ms, cpu {cpu * 1000:.0f} ms"
    )
