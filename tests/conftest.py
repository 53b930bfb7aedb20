"""Shared test helpers. Tests never read ../shared: fixtures live under tests/."""

from __future__ import annotations

import ctypes
import datetime
import ipaddress
import os
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from awesome_lint.config import Config

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
# Rules that judge "in the future" get a fixed clock, so results do not change over time.
TODAY = datetime.date(2026, 1, 1)


def only(*rules: str, **options) -> Config:
    """A config with only these rules on (codes or names)."""
    from awesome_lint.config import config_from_dict
    from awesome_lint.rules import REGISTRY

    data = {"select": list(rules)}
    if options:
        data["rules"] = options
    return config_from_dict(data, REGISTRY)


def awesome_lint_command() -> list[str]:
    """The installed console script (end-to-end tests run what users run)."""
    exe = shutil.which("awesome-lint", path=str(Path(sys.executable).parent)) or shutil.which(
        "awesome-lint"
    )
    if exe is None:
        pytest.fail("the awesome-lint command is not installed; run: pip install -e '.[test]'")
    return [exe]


NETGUARD = Path(__file__).parent / "netguard"


def coverage_env() -> dict:
    """The variables through which coverage measures a subprocess (patch = subprocess).

    A test that builds a child's environment from scratch (the Action's, say) must still
    pass these on, or that child's lines go unmeasured."""
    return {k: v for k, v in os.environ.items() if k.startswith("COVERAGE_")}


def untraced_env(env: dict | None = None) -> dict:
    """``env`` (default: this process's) without coverage's variables: for a child whose
    loaded modules a test inspects (coverage's start-up in the child imports modules of its
    own: inspect, ast, dis, ipaddress, tomllib, dataclasses)."""
    return {k: v for k, v in (os.environ if env is None else env).items() if "COVERAGE" not in k}


def fenced_env(env: dict, netlog: Path) -> dict:
    """Environment for a subprocess that must not reach beyond loopback (netguard/)."""
    path = os.pathsep.join(p for p in (str(NETGUARD), env.get("PYTHONPATH", "")) if p)
    return {
        **coverage_env(),
        **env,
        "PYTHONPATH": path,
        "AWESOME_LINT_TEST_NETLOG": str(netlog),
    }


def assert_no_traffic(netlog: Path) -> None:
    attempts = netlog.read_text(encoding="utf-8") if netlog.exists() else ""
    netlog.unlink(missing_ok=True)
    assert not attempts, f"a subprocess tried to reach beyond loopback:\n{attempts}"


def run_cli(
    *args: str,
    cwd: Path | None = None,
    stdin: str | None = None,
    env: dict | None = None,
    popen: dict | None = None,
    process: bool = False,
) -> subprocess.CompletedProcess:
    """The command line behind the fence; ``popen``: more subprocess.run arguments. With
    ``popen`` or ``process``, the installed command in a subprocess; otherwise in this
    process (tests/inprocess.py)."""
    import tempfile

    from tests import inprocess

    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    if inprocess.wanted(popen, process):
        return inprocess.run(list(args), env=full_env, cwd=cwd, stdin=stdin, text=True)
    netlog = Path(tempfile.mkstemp(prefix="netlog.")[1])
    proc = subprocess.run(
        awesome_lint_command() + list(args),
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        env=fenced_env(full_env, netlog),
        timeout=120,
        **(popen or {}),
    )
    assert_no_traffic(netlog)
    return proc


INSTALL_TESTS = Path(__file__).parent / "test_install.py"


def _is_install_test(item) -> bool:
    return Path(str(item.fspath)) == INSTALL_TESTS


def _takes_in_install_tests(config) -> bool:
    """Whether the session's arguments select tests/test_install.py (no -k/-m filter)."""
    if config.option.collectonly or config.option.keyword or config.option.markexpr:
        return False
    here = config.invocation_params.dir
    paths = [(here / arg.split("::")[0]).resolve() for arg in config.args]
    return any(p == INSTALL_TESTS or p in INSTALL_TESTS.parents for p in paths)


def _compile_the_package() -> None:
    """PYTHONDONTWRITEBYTECODE (set in some environments) would make every ``awesome-lint``
    subprocess of the editable install compile all its modules again (about 0.3 s each run):
    compile them once, here; the children read the .pyc files (the flag only stops writing)."""
    import compileall

    import awesome_lint

    for where in (Path(awesome_lint.__file__).parent, NETGUARD):
        compileall.compile_dir(where, quiet=1)


def pytest_configure(config):
    if hasattr(config, "workerinput"):  # an xdist worker: the controller did this
        return
    _compile_the_package()
    if _takes_in_install_tests(config):
        from tests import installs

        installs.start()  # in the background; the workers inherit where the results go


def pytest_collection_modifyitems(session, config, items):
    """The install tests run last: by then the installs that pytest_configure began
    (mostly waiting on pip) are usually done, and no worker sat waiting for them."""
    items.sort(key=_is_install_test)  # stable: the rest keep their order


def pytest_sessionfinish(session):
    from tests import installs

    installs.finish()


# Root reads and writes every file whatever its mode, through these two capabilities
# (capabilities(7)); a test of "permission denied" must run its command without them.
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2
PR_CAPBSET_DROP = 24


def _drop_file_privileges() -> None:
    """In the child, before exec: a bounding set without the two capabilities, so the command
    (still uid 0, so it reaches the interpreter wherever it is installed) meets file modes
    as any other user does."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def file_modes_apply() -> dict:
    """subprocess arguments under which file modes apply to the child: as root, it runs
    without the capabilities that override them; any other user needs nothing."""
    return {"preexec_fn": _drop_file_privileges} if os.geteuid() == 0 else {}


# In-process network fence, for every test: no connection or lookup beyond 127.0.0.0/8.


@dataclass
class Net:
    connects: list = field(default_factory=list)  # every socket.connect() address
    lookups: list = field(default_factory=list)  # every getaddrinfo() host
    violations: list = field(default_factory=list)


@pytest.fixture(autouse=True)
def paper_services_on_loopback(monkeypatch):
    """The paper clients (the Action checks papers by default) never look beyond loopback:
    unless a test starts the fakes, their base URLs name a closed loopback port, which the
    address guard refuses (no lookup, no connection; the run gets a note, no verdict)."""
    monkeypatch.setenv("AWESOME_LINT_ARXIV_API", "http://127.0.0.1:9/api/query")
    monkeypatch.setenv("AWESOME_LINT_CROSSREF_API", "http://127.0.0.1:9")


@pytest.fixture(autouse=True)
def net(monkeypatch) -> Net:
    record = Net()
    real_connect = socket.socket.connect
    real_getaddrinfo = socket.getaddrinfo

    def connect(self, address):
        record.connects.append(address)
        host = address[0] if isinstance(address, tuple) else address
        try:
            ip = ipaddress.ip_address(str(host).split("%")[0])
        except ValueError:
            ip = None
        if ip is None or not ip.is_loopback:
            record.violations.append(("connect", address))
            raise AssertionError(f"test tried to connect outside loopback: {address!r}")
        return real_connect(self, address)

    def getaddrinfo(host, *args, **kwargs):
        record.lookups.append(host)
        try:
            ipaddress.ip_address(host)
        except (ValueError, TypeError):
            if host not in ("localhost", None):
                record.violations.append(("getaddrinfo", host))
                raise AssertionError(f"test asked the system resolver about {host!r}") from None
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    yield record
    assert not record.violations, record.violations


@pytest.fixture(autouse=True)
def own_process(request, monkeypatch):
    """Tests marked ``own_process`` run every command line as the installed command in a
    subprocess (the end-to-end ones; the rest run it in this process, tests/inprocess.py)."""
    if request.node.get_closest_marker("own_process"):
        from tests import inprocess

        monkeypatch.setattr(inprocess, "SUBPROCESS_EVERYWHERE", True)


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def github_api():
    """The fake GitHub API on 127.0.0.1, with the token the Action gets (ghs_bot)."""
    from tests.github_api_server import FakeGitHub

    s = FakeGitHub().start()
    s.add_token("ghs_bot", "github-actions[bot]", type="Bot")
    yield s
    s.stop()


@pytest.fixture
def default_config() -> Config:
    return Config()


def entry_texts(text: str) -> list[tuple[str, ...]]:
    """The source lines of every recognised entry and item, in order (what a formatter keeps)."""
    from awesome_lint import entry_line_ranges

    lines = text.split("\n")
    return [tuple(lines[a - 1 : b]) for a, b in entry_line_ranges(text)]
