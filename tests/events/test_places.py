"""Event locations: composed sentences with hand-built country actors, the gazetteer's
rules and data, and one document ingested and exported end to end."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pycountry
import pytest

from dateline.actors.kb import load_kb
from dateline.events import extract_events, gazetteer
from dateline.events.gazetteer import City, choose_city
from dateline.export import exporters
from dateline.export.records import event_records
from dateline.model import Actor, EventMention, Location, Mention
from dateline.nlp import parse_one
from dateline.pipeline import ingest
from dateline.store import Store

NAMES = {
    "USA": "United States", "VEN": "Venezuela", "RUS": "Russia", "IRN": "Iran", "ESP": "Spain",
    "ITA": "Italy", "CUB": "Cuba", "COL": "Colombia", "UKR": "Ukraine",
}  # fmt: skip


def events_of(text: str, *spans: tuple[str, str]) -> list[EventMention]:
    """Events of a sentence whose ("surface", "ISO3") spans are country actors."""
    mentions, actors = [], {}
    for surface, code in spans:
        start = text.index(surface)
        mentions.append(Mention(start, start + len(surface), surface, "GPE", code))
        actors[code] = Actor(code, NAMES[code], "country", code)
    return extract_events(parse_one(text), "doc_t", mentions, actors)


def location_of(text: str, trigger: str, *spans: tuple[str, str]) -> Location | None:
    events = [e for e in events_of(text, *spans) if e.trigger == trigger]
    assert len(events) == 1, [(e.trigger, e.type) for e in events_of(text, *spans)]
    return events[0].location


def near(place: Location | None, lat: float, lon: float, within: float = 0.5) -> bool:
    assert place is not None and place.lat is not None and place.lon is not None, place
    return abs(place.lat - lat) <= within and abs(place.lon - lon) <= within


def test_a_city_after_in_is_the_place_with_its_country_and_coordinates() -> None:
    place = location_of(
        "Venezuelan and American officials met in Caracas on Monday.", "met",
        ("Venezuelan", "VEN"), ("American", "USA"),
    )  # fmt: skip
    assert place is not None and (place.name, place.country) == ("Caracas", "VEN")
    assert near(place, 10.5, -66.9, within=0.2)


def test_a_sea_from_the_regions_file() -> None:
    place = location_of(
        "The United States carried out strikes in the Caribbean against drug boats.",
        "strikes", ("United States", "USA"),
    )  # fmt: skip
    assert place is not None and place.name == "Caribbean" and place.country is None
    assert near(place, 14.5, -75.8, within=2.0)


def test_talks_in_doha_are_in_qatar() -> None:
    place = location_of(
        "Iranian and American negotiators held talks in Doha.", "talks",
        ("Iranian", "IRN"), ("American", "USA"),
    )  # fmt: skip
    assert place is not None and (place.name, place.country) == ("Doha", "QAT")
    assert near(place, 25.3, 51.5, within=0.3)


def test_a_country_is_placed_at_its_centroid() -> None:
    place = location_of("Russia deployed troops in Venezuela.", "deployed", ("Russia", "RUS"))
    assert place == Location("Venezuela", "VEN", 8.0, -66.0)


@pytest.mark.parametrize(
    ("text", "trigger", "name", "country"),
    [
        ("The US Navy deployed warships off the coast of Venezuela.", "deployed",
         "Venezuela", "VEN"),
        ("Russia launched strikes in eastern Ukraine.", "strikes", "Ukraine", "UKR"),
        ("Colombian troops clashed with rebels near the Venezuelan border.", "clashed",
         "Venezuela", "VEN"),
        ("The US is considering strikes on Venezuelan soil.", "strikes", "Venezuela", "VEN"),
        ("Russia struck targets in the Venezuelan capital.", "struck", "Caracas", "VEN"),
        ("The US sent warships to the Caribbean.", "sent", "Caribbean", None),
        ("Iranian diplomats held talks with Venezuela in the Persian Gulf.", "talks",
         "Persian Gulf", None),
        ("Iranian and American envoys traveled to Doha for talks.", "talks", "Doha", "QAT"),
    ],
)  # fmt: skip
def test_places_named_through_relations_and_carriers(
    text: str, trigger: str, name: str, country: str | None
) -> None:
    spans = [(s, c) for s, c in [("US", "USA"), ("Russia", "RUS"), ("Colombian", "COL"),
                                 ("Iranian", "IRN"), ("American", "USA"), ("Venezuela", "VEN")]
             if s in text]  # fmt: skip
    place = location_of(text, trigger, *spans)
    assert place is not None and (place.name, place.country) == (name, country)


def test_an_ambiguous_city_name_is_resolved_by_the_countries_around_it() -> None:
    text = "{} and {} ministers met in Valencia."
    spanish = location_of(text.format("Spanish", "Italian"), "met", ("Spanish", "ESP"),
                          ("Italian", "ITA"))  # fmt: skip
    venezuelan = location_of(text.format("Venezuelan", "Cuban"), "met", ("Venezuelan", "VEN"),
                             ("Cuban", "CUB"))  # fmt: skip
    assert spanish is not None and spanish.country == "ESP" and near(spanish, 39.5, -0.4)
    assert venezuelan is not None and venezuelan.country == "VEN" and near(venezuelan, 10.2, -68.0)
    # A participant's country does not pull the name to a small namesake (Valencia, CA) ...
    american = location_of("American officials met in Valencia.", "met", ("American", "USA"))
    assert american is not None and american.country == "VEN"
    # ... and a country written after the name decides.
    stated = location_of("Venezuelan officials met in Valencia, Spain.", "met",
                         ("Venezuelan", "VEN"))  # fmt: skip
    assert stated is not None and stated.country == "ESP"


def test_a_recipient_or_target_is_not_a_place() -> None:
    talks = location_of("Iran held talks with Venezuela.", "talks", ("Iran", "IRN"),
                        ("Venezuela", "VEN"))  # fmt: skip
    strikes = location_of("The US is considering strikes on Venezuela.", "strikes",
                          ("US", "USA"), ("Venezuela", "VEN"))  # fmt: skip
    delivered = location_of("Iran delivered gunboats to Venezuela.", "delivered",
                            ("Iran", "IRN"), ("Venezuela", "VEN"))  # fmt: skip
    assert (talks, strikes, delivered) == (None, None, None)


def test_the_place_of_a_speaker_is_not_the_place_of_what_he_reports() -> None:
    place = location_of(
        "The ambassador in Caracas said the United States had imposed sanctions on Cuba.",
        "sanctions", ("United States", "USA"), ("Cuba", "CUB"),
    )  # fmt: skip
    assert place is None


def test_no_stated_place_leaves_the_location_empty() -> None:
    events = events_of(
        "On Friday, the United States imposed new sanctions on Venezuela near the border.",
        ("United States", "USA"), ("Venezuela", "VEN"),
    )  # fmt: skip
    assert events and all(e.location is None for e in events)
    assert location_of("Trump met his advisers in March.", "met", ("Trump", "USA")) is None


def test_a_named_place_the_gazetteer_lacks_keeps_its_name_only() -> None:
    place = location_of(
        "Venezuelan officials met Russian envoys at Fort Tiuna.", "met",
        ("Venezuelan", "VEN"), ("Russian", "RUS"),
    )  # fmt: skip
    assert place == Location("Fort Tiuna")


def city(country: str, population: int) -> City:
    return City("Valencia", country, 0.0, 0.0, population)


def test_choose_city_prefers_context_unless_a_small_namesake() -> None:
    candidates = (city("VEN", 1_600_000), city("ESP", 800_000), city("USA", 150_000))
    assert choose_city(candidates) == candidates[0]
    assert choose_city(candidates, context=frozenset({"ESP"})) == candidates[1]
    assert choose_city(candidates, context=frozenset({"USA"})) == candidates[0]
    assert choose_city(candidates, required="USA") == candidates[2]
    assert choose_city(candidates, required="FRA") is None


def test_the_city_index_holds_exonyms_of_large_cities_most_populous_first() -> None:
    assert gazetteer.cities()["kiev"][0].country == "UKR"
    valencias = gazetteer.cities()["valencia"]
    assert [c.population for c in valencias] == sorted((c.population for c in valencias),
                                                       reverse=True)  # fmt: skip
    assert "ccs" not in gazetteer.cities()  # airport codes are no names


def test_the_place_data_files_are_well_formed() -> None:
    iso3 = {country.alpha_3 for country in pycountry.countries}
    for place in gazetteer.regions().values():
        assert place.country is None or place.country in iso3, place
        assert place.lat is not None and -90 <= place.lat <= 90, place
        assert place.lon is not None and -180 <= place.lon <= 180, place
    centroids = gazetteer.country_centroids()
    kb_countries = {e.country for e in load_kb().names.values() if e.kind == "country"}
    assert kb_countries - set(centroids) <= {"UMI"}  # scattered islands have no centre
    assert set(centroids) <= iso3


def test_an_ingested_document_exports_its_event_location(tmp_path: Path) -> None:
    article = tmp_path / "doha.txt"
    article.write_text(
        "Talks resume in Qatar\n"
        "Iranian and American negotiators held talks in Doha on Tuesday, officials said. "
        "Both delegations described the meeting as constructive.\n",
        encoding="utf-8",
    )
    with Store(tmp_path / "s.db") as store:
        assert ingest([article], store).stored == 1
        out = io.StringIO()
        exporters.get("jsonl")(event_records(store, store.events()), out, "events")
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    talks = [r for r in records if any(m["trigger"] == "talks" for m in r["mentions"])]
    assert len(talks) == 1, records
    assert talks[0]["location"]["name"] == "Doha"
    assert talks[0]["location"]["country"] == "QAT"
    assert abs(talks[0]["location"]["lat"] - 25.3) < 0.3
