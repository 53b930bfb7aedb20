"""The on-disk cache: a second run is served from it, entries expire, writers can share it."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from hypothesis import given
from hypothesis import strategies as st

from awesome_lint.links import LinkSettings, Outcome, check_links
from awesome_lint.links.cache import CACHE_FILE, LinkCache, default_cache_dir
from awesome_lint.links.result import LinkResult

from .conftest import reply, sequence


def settings(tmp_path, **kw):
    return LinkSettings(
        allow_private_hosts=True,
        cache_path=str(tmp_path),
        check_archived=False,
        retry_wait=0.01,
        **kw,
    )


def test_second_run_is_served_from_the_cache(server, tmp_path):
    ok = server.route("/ok", reply(200))
    dead = server.route("/dead", reply(404))
    first = check_links([ok, dead], settings(tmp_path))
    assert (first.fetched, first.cached) == (2, 0)
    requests_before = len(server.app.seen)
    second = check_links([ok, dead], settings(tmp_path))
    assert (second.fetched, second.cached) == (0, 2)
    assert len(server.app.seen) == requests_before
    assert second.results[ok].outcome is Outcome.OK and second.results[ok].from_cache
    assert second.results[dead].outcome is Outcome.DEAD and second.results[dead].status == 404


def test_passing_failures_are_not_cached(server, tmp_path):
    url = server.route("/down", sequence(reply(503), reply(503), reply(200)))
    first = check_links([url], settings(tmp_path, max_retries=0))
    assert first.results[url].outcome is Outcome.UNREACHABLE
    second = check_links([url], settings(tmp_path, max_retries=0))
    assert second.fetched == 1  # asked again rather than repeating yesterday's outage


def test_expired_entries_are_checked_again(server, tmp_path):
    url = server.route("/ok", reply(200))
    check_links([url], settings(tmp_path))
    path = tmp_path / CACHE_FILE
    assert (
        LinkCache(path, max_age=3600, fingerprint=settings(tmp_path).fingerprint()).get(url)
        is not None
    )
    later = LinkCache(path, max_age=3600, fingerprint=settings(tmp_path).fingerprint(), now=10**10)
    assert later.get(url) is None
    again = check_links([url], settings(tmp_path, cache_max_age=0))
    assert again.fetched == 1


def test_different_accept_settings_do_not_share_verdicts(server, tmp_path):
    url = server.route("/forbidden", reply(403))
    assert check_links([url], settings(tmp_path)).results[url].outcome is Outcome.BLOCKED
    other = check_links([url], settings(tmp_path, accept=frozenset({200, 403})))
    assert other.fetched == 1 and other.results[url].outcome is Outcome.OK


def test_no_cache_neither_reads_nor_writes(server, tmp_path):
    url = server.route("/ok", reply(200))
    check_links([url], settings(tmp_path, no_cache=True))
    assert not (tmp_path / CACHE_FILE).exists()


def test_corrupt_cache_file_is_ignored_and_replaced(server, tmp_path):
    (tmp_path / CACHE_FILE).write_bytes(b'{"version": 1, "links": {"http://x": ')
    url = server.route("/ok", reply(200))
    report = check_links([url], settings(tmp_path))
    assert report.results[url].outcome is Outcome.OK
    data = json.loads((tmp_path / CACHE_FILE).read_text())
    assert list(data["links"]) == [url]


def test_wrong_shapes_in_the_file_are_misses_not_crashes(tmp_path):
    fp = LinkSettings().fingerprint()
    path = tmp_path / CACHE_FILE
    path.write_text(
        json.dumps(
            {
                "version": 1,
                "links": {
                    "a": "nonsense",
                    "b": {"t": "yesterday"},
                    "c": {"t": 1e12, "fp": fp, "r": {"url": "c"}},
                },
                "repos": [],
            }
        )
    )
    cache = LinkCache(path, 1e12, fp, now=1e12)
    assert cache.lookup(["a", "b", "c", "d"]) == {}
    cache.store([LinkResult("e", Outcome.OK, status=200)])
    assert cache.get("e").outcome is Outcome.OK


def test_unwritable_cache_is_a_notice(server, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    url = server.route("/ok", reply(200))
    report = check_links(
        [url],
        LinkSettings(
            allow_private_hosts=True, check_archived=False, cache_path=str(blocker / "sub")
        ),
    )
    assert report.results[url].outcome is Outcome.OK
    assert report.notices and report.notices[0].startswith("link cache not written")


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from awesome_lint.links.cache import LinkCache
    from awesome_lint.links.result import LinkResult, Outcome
    path, tag = Path(sys.argv[1]), sys.argv[2]
    for batch in range(25):
        cache = LinkCache(path, 3600, "fp")
        cache.store([LinkResult(f"https://{tag}.example/{batch}/{i}", Outcome.OK, status=200) for i in range(8)])
    """
)


def test_two_concurrent_writers_keep_each_others_entries(tmp_path):
    path = tmp_path / CACHE_FILE
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), tag]) for tag in ("one", "two")
    ]
    # Meanwhile, every read sees a whole file (or none yet): writes are atomic renames.
    reads = 0
    while any(p.poll() is None for p in procs):
        if path.exists():
            json.loads(path.read_text())
            reads += 1
    assert [p.wait() for p in procs] == [0, 0]
    data = json.loads(path.read_text())
    assert len(data["links"]) == 2 * 25 * 8
    assert not list(tmp_path.glob("*.tmp"))


def test_default_cache_dir_follows_the_platform(monkeypatch, tmp_path):
    monkeypatch.delenv("AWESOME_LINT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    if sys.platform.startswith("linux"):
        assert default_cache_dir() == tmp_path / "awesome-lint"
    monkeypatch.setenv("AWESOME_LINT_CACHE_DIR", str(tmp_path / "mine"))
    assert default_cache_dir() == tmp_path / "mine"


@given(st.frozensets(st.integers(100, 599), min_size=1))
def test_a_fingerprint_names_exactly_the_accepted_statuses(accept):
    fp = LinkSettings(accept=accept).fingerprint()
    runs = fp.split(";")[0].removeprefix("a=").split(",")
    named = set()
    for run in runs:
        first, _, last = run.partition("-")
        named.update(range(int(first), int(last or first) + 1))
    assert named == set(accept)
    assert len(runs) <= len(accept)


def test_the_default_fingerprint_is_short():
    # Every cached result carries it: listing 104 statuses one by one was two thirds of the file.
    assert LinkSettings().fingerprint() == "a=100-103,200-299;r=10;p=0"
