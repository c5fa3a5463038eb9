"""A polite HTTP client for `.urls` inputs: robots.txt, a per-host delay, bounded answers.

Only the URL-list reader uses this; no other input ever causes a request. Every request,
robots.txt's included, goes through one httpx client that names dateline in its
User-Agent, waits its turn per host, follows a bounded number of redirects (each hop
checked against its own host's robots.txt) and reads at most a set number of bytes.
robots.txt is read as RFC 9309 says: missing (4xx) means all allowed, unreachable (5xx,
network error) means nothing allowed; 401/403 count as "nothing", as urllib does.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from types import TracebackType
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from dateline import __version__
from dateline.sources.base import FetchPolicy

#: The token robots.txt rules name us by, and the User-Agent sent with every request.
ROBOTS_AGENT = "dateline"
USER_AGENT = f"{ROBOTS_AGENT}/{__version__} (news event extraction; honours robots.txt)"
#: RFC 9309 asks crawlers to read at least 500 KiB of robots.txt; more is ignored.
_ROBOTS_BYTES = 512_000
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


class FetchError(Exception):
    """A URL cannot be fetched; the message is the reason shown to the user."""


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  #: where the answer came from, after redirects
    media_type: str  #: lower-case Content-Type without parameters ("" when none given)
    body: bytes


@dataclass(slots=True)
class _Robots:
    """A site's robots.txt: its rules, or one answer for every path (``refusal`` is the
    reason nothing may be fetched; empty when everything may)."""

    rules: RobotFileParser | None
    refusal: str = ""


class Fetcher:
    """Fetches pages for one run; use as a context manager so the client is closed."""

    def __init__(
        self,
        policy: FetchPolicy,
        max_bytes: int,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.policy, self.max_bytes = policy, max_bytes
        self._clock, self._sleep = clock, sleep
        timeout = httpx.Timeout(policy.timeout)
        # Redirects are followed by hand, so that each hop is checked and counted.
        self._client = httpx.Client(
            timeout=timeout, follow_redirects=False, headers={"User-Agent": USER_AGENT}
        )
        self._robots: dict[str, _Robots] = {}  # by origin, as RFC 9309 scopes them
        self._last_request: dict[str, float] = {}  # by host name: one machine, one queue
        self._crawl_delays: dict[str, float] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._client.close()

    def fetch(self, url: str) -> Fetched:
        """The answer at ``url`` (a 2xx after redirects); FetchError says why there is none."""
        for _hop in range(self.policy.max_redirects + 1):
            _check_url(url)
            robots = self._robots_for(url)
            if robots.refusal:
                raise FetchError(robots.refusal)
            if robots.rules and not robots.rules.can_fetch(ROBOTS_AGENT, url):
                raise FetchError(f"disallowed by robots.txt: {url}")
            status, location, fetched = self._get(url, self.max_bytes, truncate=False)
            if status in _REDIRECTS and location:
                url = urljoin(url, location)
                continue
            if status >= 300:
                raise FetchError(f"HTTP {_status(status)} for {url}")
            return fetched
        raise FetchError(f"too many redirects (more than {self.policy.max_redirects})")

    def _robots_for(self, url: str) -> _Robots:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}".lower()
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin)
        return self._robots[origin]

    def _read_robots(self, origin: str) -> _Robots:
        robots_url = origin + "/robots.txt"
        try:
            status, body = self._robots_answer(robots_url)
        except FetchError as exc:
            return _Robots(None, f"{exc} (reading {robots_url}; nothing fetched from the site)")
        if status in (401, 403):
            return _Robots(None, f"robots.txt answered HTTP {_status(status)}: site not fetched")
        if 400 <= status < 500:
            return _Robots(None)  # no robots.txt: everything is allowed
        if status >= 300:
            return _Robots(
                None, f"robots.txt unreachable (HTTP {_status(status)}): site not fetched"
            )
        rules = RobotFileParser(robots_url)
        rules.parse(body.decode("utf-8", errors="replace").splitlines())
        delay = rules.crawl_delay(ROBOTS_AGENT)
        if delay is not None:
            wait = min(float(delay), self.policy.max_crawl_delay)
            self._crawl_delays[_host(origin)] = wait
        return _Robots(rules)

    def _robots_answer(self, robots_url: str) -> tuple[int, bytes]:
        """robots.txt's status and body, its own redirects followed (RFC 9309: five)."""
        url = robots_url
        for _hop in range(5 + 1):
            _check_url(url)
            status, location, fetched = self._get(url, _ROBOTS_BYTES, truncate=True)
            if status in _REDIRECTS and location:
                url = urljoin(url, location)
                continue
            return status, fetched.body
        raise FetchError("too many redirects")

    def _get(self, url: str, limit: int, truncate: bool) -> tuple[int, str | None, Fetched]:
        """One GET, after waiting this host's turn: (status, Location, answer)."""
        host = _host(url)
        self._wait_turn(host)
        started = self._clock()
        try:
            with self._client.stream("GET", url) as response:
                if response.status_code >= 300:
                    body = b""  # a redirect's or error's page is not wanted
                else:
                    body = self._body(response, limit, truncate, started)
                media_type = response.headers.get("content-type", "").split(";")[0]
                location = response.headers.get("location")
                answer = Fetched(str(response.url), media_type.strip().lower(), body)
                return response.status_code, location, answer
        except httpx.TimeoutException as exc:
            raise FetchError(f"timed out after {self.policy.timeout:g} s") from exc
        except httpx.ConnectError as exc:
            raise FetchError(f"cannot connect: {exc}") from exc
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            raise FetchError(f"cannot fetch: {type(exc).__name__}: {exc}") from exc
        finally:
            self._last_request[host] = self._clock()

    def _body(self, response: httpx.Response, limit: int, truncate: bool, started: float) -> bytes:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit and not truncate:
            raise FetchError(f"response too large: {declared} bytes (limit {limit})")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():  # decompressed, chunk by chunk
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                if truncate:
                    return b"".join(chunks)[:limit]
                raise FetchError(f"response too large: over {limit} bytes (limit {limit})")
            if self._clock() - started > self.policy.total_timeout:
                raise FetchError(f"timed out: response took over {self.policy.total_timeout:g} s")
        return b"".join(chunks)

    def _wait_turn(self, host: str) -> None:
        last = self._last_request.get(host)
        if last is None:
            return
        delay = max(self.policy.delay, self._crawl_delays.get(host, 0.0))
        wait = last + delay - self._clock()
        if wait > 0:
            self._sleep(wait)


def _check_url(url: str) -> None:
    try:
        parts = urlsplit(url)
        valid = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
        valid = valid and (parts.port is None or parts.port > 0)  # .port raises if bad
    except ValueError:
        valid = False
    if not valid:
        raise FetchError(f"not an http(s) URL: {url!r}")


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _status(code: int) -> str:
    try:
        return f"{code} {HTTPStatus(code).phrase}"
    except ValueError:
        return str(code)
