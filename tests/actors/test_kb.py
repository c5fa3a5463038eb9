"""The knowledge-base data files and their helpers."""

from __future__ import annotations

from importlib import resources

import pycountry
import pytest

from dateline.actors import load_kb, lookup_country
from dateline.actors.kb import slug, split_sectors
from dateline.textnorm import fold

DATA_FILES = [
    "countries.tsv", "country_extras.tsv", "capitals.tsv", "agents.tsv", "agents_extra.tsv",
    "titles.tsv", "organisations.tsv", "igos.tsv", "people.tsv", "sectors.tsv",
]  # fmt: skip


def read(name: str) -> str:
    return resources.files("dateline.actors").joinpath("data").joinpath(name).read_text("utf-8")


@pytest.mark.parametrize("name", DATA_FILES)
def test_data_files_start_with_a_source_header(name: str) -> None:
    first = read(name).splitlines()[0]
    assert first.startswith("# ")
    header = "\n".join(line for line in read(name).splitlines() if line.startswith("#"))
    assert any(word in header for word in ("PETRARCH2", "pycountry", "public", "Hand-written"))


def test_derived_files_name_petrarch_and_its_licence() -> None:
    for name in ("countries.tsv", "agents.tsv"):
        header = read(name)[:800]
        assert "PETRARCH2" in header and "MIT licence" in header


def test_every_iso_country_is_covered() -> None:
    codes = {line.split("\t")[0] for line in read("countries.tsv").splitlines()[1:]}
    missing = [c.alpha_3 for c in pycountry.countries if c.alpha_3 not in codes]
    assert missing == []
    for country in pycountry.countries:
        assert lookup_country(getattr(country, "common_name", country.name)) == country.alpha_3


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("U.S.", "USA"), ("US", "USA"), ("USA", "USA"), ("United States", "USA"),
        ("America", "USA"), ("American", "USA"), ("Washington", "USA"),
        ("Venezuelan", "VEN"), ("Caracas", "VEN"), ("Venezuela's", "VEN"),
        ("Hungarian", "HUN"), ("Romanian", "ROU"), ("Britain", "GBR"), ("UK", "GBR"),
        ("British", "GBR"), ("Russia", "RUS"), ("Russian", "RUS"), ("Moscow", "RUS"),
        ("Kremlin", "RUS"), ("Beijing", "CHN"), ("Iraqi", "IRQ"), ("Kyiv", "UKR"),
        ("Bogotá", "COL"), ("Bogota", "COL"), ("Maracaibo", "VEN"),
    ],
)  # fmt: skip
def test_lookup_country(text: str, code: str) -> None:
    assert lookup_country(text) == code


@pytest.mark.parametrize("text", ["us", "Latin America", "South America", "Caribbean", "CIA"])
def test_lookup_country_rejects_non_countries(text: str) -> None:
    assert lookup_country(text) is None


def test_misspellings_from_phoenix_are_dropped() -> None:
    aliases = {line.split("\t")[1] for line in read("countries.tsv").splitlines() if "\t" in line}
    assert "Venezeula" not in aliases and "Venzuela" not in aliases
    assert "Venezuelans" in aliases  # a plural demonym is kept


def test_agents_map_nouns_to_sectors() -> None:
    agents = load_kb().agents
    expected = {
        "official": "GOV", "government": "GOV", "administration": "GOV", "minister": "GOV",
        "military": "MIL", "troop": "MIL", "soldier": "MIL", "army": "MIL", "navy": "MIL",
        "armed forces": "MIL", "opposition": "OPP", "rebel": "REB", "insurgent": "REB",
        "police": "COP", "cartel": "CRM", "gang": "CRM", "trafficker": "CRM",
        "journalist": "MED", "media": "MED", "company": "BUS", "executive": "BUS",
        "human rights group": "NGO",
    }  # fmt: skip
    for phrase, sector in expected.items():
        assert agents[phrase][0] == sector, phrase
    assert "destroyer" not in agents  # a ship is not an actor


def test_titles_organisations_and_igos() -> None:
    kb = load_kb()
    assert kb.titles["opposition leader"] == "OPP"
    assert kb.titles["president"] == "GOV" and kb.titles["host"] == "MED"
    cia = kb.lookup("CIA")
    assert cia is not None and (cia.actor_id, cia.country, cia.sectors[0]) == (
        "org:cia", "USA", "GOV"
    )  # fmt: skip
    assert kb.lookup("cia") is None  # acronyms match only in capitals
    for name, country, sector in [
        ("Tren de Aragua", "VEN", "CRM"), ("Cartel de los Soles", "VEN", "CRM"),
        ("Los Soles Cartel", "VEN", "CRM"), ("Sinaloa Cartel", "MEX", "CRM"),
        ("Chevron", "USA", "BUS"), ("NBC News", "USA", "MED"), ("White House", "USA", "GOV"),
    ]:  # fmt: skip
        entry = kb.lookup(name)
        assert entry is not None and (entry.country, entry.sectors[0]) == (country, sector)
    for acronym in ("un", "nato", "oas", "eu", "imf", "opec"):
        entry = kb.lookup(acronym.upper())
        assert entry is not None and entry.actor_id == f"igo:{acronym}"
        assert entry.sectors == ("IGO",) and entry.country is None


def test_people_have_time_bounded_roles() -> None:
    maduro = load_kb().lookup("Nicolas Maduro")
    assert maduro is not None and maduro.actor_id == "person:nicolas-maduro"
    president = [role for role in maduro.roles if role.title == "President of Venezuela"]
    assert (president[0].start, president[0].end) == ("2013-04-19", "2026-01-03")
    rodriguez = load_kb().lookup("Delcy Rodríguez")
    assert rodriguez is not None and len(rodriguez.roles) == 2


def test_fold_slug_and_sectors() -> None:
    assert fold("Nicolás Maduro") == fold("NICOLAS MADURO") == "nicolas maduro"
    assert fold("U.S.") == fold("US") and fold("the White House") == "white house"
    assert slug("María Corina Machado") == "maria-corina-machado"
    assert split_sectors("GOVSPY") == ("GOV", "SPY") == split_sectors("GOV,SPY")
