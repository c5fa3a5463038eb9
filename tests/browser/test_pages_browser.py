"""The pages in a real browser: they load clean under the strict CSP, filters and zoom
work by clicking, planned events look planned, and nothing in an article ever runs."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import dateline_browser_harness as harness  # registered by conftest.py
import pytest
from playwright.sync_api import expect

from dateline.store import Store
from dateline.web.templating import NAV

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def ids(demo_store_path: Path) -> dict[str, str]:
    with Store(demo_store_path) as store:
        coerce = max(store.events(types=["COERCE"]), key=lambda e: e.num_sources)
        meeting = store.events(actor="John Ratcliffe", types=["CONSULT"])[0]
        doc_id = store.event_mentions(meeting.id)[0].mention.doc_id
    return {"coerce": coerce.id, "meeting": meeting.id, "doc": doc_id}


PAGES = [
    "/", "/timeline", "/events/{coerce}", "/actors", "/actors/person:john-ratcliffe",
    "/graph", "/documents", "/documents/{doc}", "/search?q=Maduro", "/ingest",
]  # fmt: skip


def test_every_page_loads_without_errors_or_csp_violations(
    tab: harness.Tab, base_url: str, ids: dict[str, str]
) -> None:
    for path in PAGES:
        response = tab.page.goto(base_url + path.format(**ids))
        assert response is not None and response.status == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"]
        tab.page.wait_for_load_state("load")
        assert tab.page.locator("header.site nav a").count() == len(NAV), path
        assert harness.csp_violations(tab.page) == [], path
    assert tab.watch.problems == []


def test_timeline_shows_the_ratcliffe_meeting_and_filters_by_clicking(
    tab: harness.Tab, base_url: str, ids: dict[str, str]
) -> None:
    page = tab.page
    page.goto(base_url + "/timeline")
    meeting = page.locator(f'#day-2026-01-15 li[data-event-id="{ids["meeting"]}"]')
    expect(meeting).to_be_visible()
    expect(meeting).to_contain_text("CONSULT")
    expect(meeting).to_contain_text("John Ratcliffe")
    every = page.locator("li.entry").count()

    page.select_option("select[name=type]", "CONSULT")
    page.fill("input[name=actor]", "Ratcliffe")
    page.click("#timeline-filters button[type=submit]")
    page.wait_for_url(re.compile(r"type=CONSULT"))
    entries = page.locator("li.entry")
    assert 0 < entries.count() < every
    for text in entries.all_inner_texts():
        assert "CONSULT" in text
    expect(page.locator(f'li[data-event-id="{ids["meeting"]}"]')).to_be_visible()
    feed = page.locator("a.feed-link").get_attribute("href") or ""
    assert feed.startswith("/feeds/events.atom?") and "type=CONSULT" in feed

    # Unticking planned and hypothetical leaves only what happened.
    page.goto(base_url + "/timeline")
    assert page.locator("li.status-planned").count() > 0
    page.uncheck("input[name=status][value=planned]")
    page.uncheck("input[name=status][value=hypothetical]")
    page.click("#timeline-filters button[type=submit]")
    page.wait_for_url(re.compile(r"status=asserted"))
    assert page.locator("li.status-planned, li.status-hypothetical").count() == 0
    assert page.locator("li.status-asserted").count() > 0
    assert tab.watch.problems == []


def test_timeline_zooms_from_years_to_days(
    tab: harness.Tab, base_url: str, ids: dict[str, str]
) -> None:
    page = tab.page
    page.goto(base_url + "/timeline")
    meeting = page.locator(f'li[data-event-id="{ids["meeting"]}"]')
    zoom = page.locator("#timeline-zoom")
    expect(zoom).to_be_visible()  # shown only when the script runs
    zoom.get_by_role("button", name="years").click()
    expect(meeting).to_be_hidden()
    expect(page.locator("details.group-year > summary").first).to_be_visible()
    expect(page.locator("details.group-month").first).to_be_hidden()
    zoom.get_by_role("button", name="months").click()
    expect(page.locator("details.group-month > summary").first).to_be_visible()
    expect(meeting).to_be_hidden()
    zoom.get_by_role("button", name="days").click()
    expect(meeting).to_be_visible()
    assert tab.watch.problems == []


def test_planned_strikes_are_styled_apart_from_what_happened(
    tab: harness.Tab, base_url: str
) -> None:
    page = tab.page
    page.goto(base_url + "/timeline")
    strike = page.locator("li.entry.status-planned", has_text="ASSAULT").first
    expect(strike).to_be_visible()
    expect(strike.locator(".badge-planned")).to_have_text("planned")
    asserted = page.locator("li.entry.status-asserted").first

    def style(locator: object, prop: str) -> str:
        return str(locator.evaluate(f"e => getComputedStyle(e).{prop}"))  # type: ignore[attr-defined]

    assert style(strike, "borderTopStyle") == "dashed"
    assert style(asserted, "borderTopStyle") == "solid"
    assert style(strike.locator(".excerpt"), "fontStyle") == "italic"
    assert style(asserted.locator(".excerpt"), "fontStyle") == "normal"
    assert style(strike, "borderLeftColor") != style(asserted, "borderLeftColor")


def test_graph_nodes_link_to_actor_pages_and_the_view_zooms(
    tab: harness.Tab, base_url: str
) -> None:
    page = tab.page
    page.goto(base_url + "/graph")
    svg = page.locator("#actor-graph")
    before = svg.get_attribute("viewBox")
    svg.hover()
    page.mouse.wheel(0, -400)
    expect(svg).not_to_have_attribute("viewBox", before or "")
    page.click("#graph-reset")
    expect(svg).to_have_attribute("viewBox", before or "")
    page.locator('a.node[href="/actors/person:john-ratcliffe"]').click()
    page.wait_for_url(re.compile(r"/actors/person:john-ratcliffe$"))
    expect(page.locator("h1")).to_have_text("John Ratcliffe")
    assert tab.watch.problems == []


def test_nothing_in_a_hostile_article_runs(tab: harness.Tab, hostile_url: str) -> None:
    page = tab.page
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(hostile_url + "/search?q=Treasury")
    doc_link = page.locator('.search-documents a[href^="/documents/"]').first
    href = doc_link.get_attribute("href") or ""
    assert href, "the hostile article is not found"
    visited = [page.url]
    page.goto(hostile_url + href)
    visited.append(page.url)
    expect(page.locator("#article-text")).to_contain_text("<script>window.__pwned=1</script>")
    expect(page.locator("#article-text")).to_contain_text('<img src=x onerror="window.__pwned=1">')
    events = page.locator(".document-events a.event-type").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert events, "the hostile article reports no event"
    for path in [*events, "/timeline?from=2026-03", "/documents"]:
        page.goto(hostile_url + path)
        visited.append(page.url)
    for url in visited:
        page.goto(url)
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__pwned") == "undefined", url
        assert page.locator("#article-text img, main img, main script").count() == 0, url
    assert tab.watch.dialogs == []
    assert not [u for u in requests if re.search(r"/x$|javascript:", u)], "an injected load"
    assert tab.watch.problems == []


def test_articles_are_added_from_the_browser_with_the_token(
    tab: harness.Tab, demo_store_path: Path, tmp_path: Path
) -> None:
    db = tmp_path / "ingest.db"
    shutil.copy(demo_store_path, db)
    article = (
        "Brazil and Venezuela sign a border accord\n\nOn 12 March 2026 Brazil and Venezuela"
        " signed an accord on border crossings in Caracas, officials said."
    )
    with harness.serve(db, ingest_token="browser-token") as url:
        tab.page.goto(url + "/ingest")
        tab.page.fill("input[name=token]", "wrong")
        tab.page.fill("textarea[name=text]", article)
        tab.page.click("#ingest-form button[type=submit]")
        expect(tab.page.locator("#ingest-result")).to_contain_text("Not added")
        tab.page.fill("input[name=token]", "browser-token")
        tab.page.click("#ingest-form button[type=submit]")
        expect(tab.page.locator("#ingest-result")).to_contain_text("stored: 1", timeout=60_000)
        tab.page.goto(url + "/search?q=border accord")
        expect(tab.page.locator(".search-documents")).to_contain_text("border accord")
    # The wrong token's 401 is the only failed load the page saw.
    assert [p for p in tab.watch.problems if "401" not in p] == []
