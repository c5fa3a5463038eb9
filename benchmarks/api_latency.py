"""Latency of the REST API on a store of at least 100,000 events.

The store is built from the demo store by ``replicate.py`` (no NLP run): 3,000 copies of
the five demo articles, their dates moved by up to 1,500 days, give about 100,000 events
reported by two articles each. Each endpoint is then asked ``--requests`` times (a few
different pages or filters in turn) in-process with FastAPI's TestClient: the figures
are the app's own time, the HTTP transport of a real server not included. The first
request of each endpoint is timed apart ("cold"): the graph, dyads and actor table are
computed once and then kept until the store changes.

Target: p95 under 100 ms per endpoint.

    python benchmarks/api_latency.py [--requests 200] [--keep DIR]
"""

from __future__ import annotations

import argparse
import statistics
import time
import warnings

from dateline.store import Store
from dateline.web import create_app
from replicate import build, demo_store, workdir

COPIES = 3_000
SHIFTS = 1_500
TARGET_MS = 100.0


def endpoints(store: Store) -> dict[str, list[str]]:
    """Each endpoint's requests, taken in turn: a few pages or filters apiece."""
    event_ids = [r[0] for r in store.rows("SELECT id FROM events ORDER BY rowid LIMIT 20")]
    doc_ids = [r[0] for r in store.rows("SELECT id FROM documents ORDER BY rowid LIMIT 20")]
    total = int(store.scalar("SELECT count(*) FROM events WHERE num_mentions > 0"))
    offsets = [0, 50, 5_000, total // 2, total - 50]
    return {
        "events (page)": [f"/api/events?limit=50&offset={o}" for o in offsets],
        "events (type+status)": [
            "/api/events?type=COERCE,ASSAULT&status=asserted",
            "/api/events?type=CONSULT&offset=1000",
            "/api/events?status=planned,hypothetical",
        ],
        "events (actor+dates)": [
            "/api/events?actor=Maduro&from=2026-03&to=2027-06",
            "/api/events?actor=VEN&from=2027",
            "/api/events?actor=Delcy Rodriguez&offset=500",
        ],
        "events (source)": ["/api/events?source=Publisher 1", "/api/events?source=003_"],
        "event detail": [f"/api/events/{i}" for i in event_ids],
        "timeline (page)": [f"/api/timeline?limit=50&offset={o}" for o in offsets[:4]],
        "search": ["/api/search?q=Maduro", "/api/search?q=military operation",
                   "/api/search?q=sanction*", "/api/search?q=Delcy Rodriguez Caracas"],
        "actors": ["/api/actors", "/api/actors?offset=20&limit=20"],
        "dyads": ["/api/dyads?a=USA&b=VEN&by=month", "/api/dyads?a=USA&b=VEN&by=year"],
        "graph": ["/api/graph", "/api/graph?from=2026&to=2027"],
        "documents (page)": [f"/api/documents?limit=50&offset={o}" for o in (0, 500, 14_000)],
        "document detail": [f"/api/documents/{i}" for i in doc_ids],
        "feed": ["/feeds/events.atom", "/feeds/events.atom?type=COERCE"],
    }  # fmt: skip


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--keep", help="build the stores in this folder and keep them")
    args = parser.parse_args()
    with warnings.catch_warnings():
        # starlette's TestClient asks for httpx2, which is not packaged here.
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    with workdir(args.keep) as tmp:
        big_db = tmp / "api.db"
        if not big_db.exists():
            demo = demo_store(tmp / "demo.db")
            start = time.perf_counter()
            partial = big_db.with_suffix(".partial")
            partial.unlink(missing_ok=True)
            build(demo, partial, COPIES * 5, shifts=SHIFTS)
            partial.rename(big_db)
            print(f"built {big_db} in {time.perf_counter() - start:.1f} s")
        with Store(big_db) as store:
            counts = {t: store.scalar(f"SELECT count(*) FROM {t}")
                      for t in ("documents", "events", "event_mentions")}  # fmt: skip
            print("store: " + ", ".join(f"{n:,} {t}" for t, n in counts.items()))
            plan = endpoints(store)
        print(f"{args.requests} requests per endpoint, in-process (TestClient, no network)")
        print(f"{'endpoint':<22} {'cold ms':>8} {'p50 ms':>8} {'p95 ms':>8}  target p95 < 100 ms")
        failed = []
        with TestClient(create_app(big_db)) as client:
            for name, urls in plan.items():
                start = time.perf_counter()
                assert client.get(urls[0]).status_code == 200, urls[0]
                cold = (time.perf_counter() - start) * 1000
                times = []
                for n in range(args.requests):
                    url = urls[n % len(urls)]
                    start = time.perf_counter()
                    response = client.get(url)
                    times.append((time.perf_counter() - start) * 1000)
                    assert response.status_code == 200, (url, response.text[:200])
                p50, p95 = statistics.median(times), percentile(times, 0.95)
                verdict = "PASS" if p95 < TARGET_MS else "FAIL"
                if verdict == "FAIL":
                    failed.append(name)
                print(f"{name:<22} {cold:8.1f} {p50:8.1f} {p95:8.1f}  {verdict}")
        print("all endpoints within target" if not failed else f"over target: {', '.join(failed)}")


if __name__ == "__main__":
    main()
