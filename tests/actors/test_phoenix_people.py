"""People with time-bounded roles from the Phoenix actor dictionaries: the generator's
parsing, and the loaded knowledge base (the hand-written people.tsv wins)."""

from __future__ import annotations

import gzip
from importlib import resources
from pathlib import Path
from types import ModuleType

import pytest

from dateline.actors import load_kb
from dateline.actors.kb import Entry

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT.parent / "shared" / "reference" / "petrarch2"


# Composed in the dictionary's format, with made-up people: a leader with a two-digit-year
# career, overlapping repeated periods and a default code; a full-name alias and a title
# alias; a "+" alias carrying a bare surname two people share; a cabinet member with a
# secondary code and an open end; a country block; an office; a group with dated codes; a
# code on the header line; a non-ISO CAMEO country; a malformed date.
ACTORS_SAMPLE = """# comment line
RUMELIA_  [RML]
+RUMELIAN_
ALBERT_QUARTZ_  # CountryInfo.txt
+ALBERT_J._QUARTZ_
+PRIME_MINISTER_ALBERT_QUARTZ_
+QUARTZ_
\t[GBRELI 710101-970502]
\t[GBRGOV 030101-070630]
\t[GBRGOV 970502-070627]
\t[GBRELI]
BERTA_QUARTZ_  # CountryInfo.txt
+QUARTZ_
\t[FRAGOVBUS 19950101-030131]
\t[FRAGOV >030201]
ARMENIA_
+YEREVAN_
\t[ARM >911221]
MINISTRY_OF_WIDGETS_
\t[IRQGOV 030101-050101]
CARLOS_ZINC_  # CountryInfo.txt
\t[TMPGOV 020520-070520]
\t[TMPELI 20070520-20100101]
DORA_NICKEL_ [KSVGOV 080217-100101] # header-line code
EDGAR_COBALT_  # CountryInfo.txt
\t[IRQGOV 9008223-911221]
\t[IRQELI]
"""


def sample_people(script: ModuleType) -> dict[str, object]:
    people = script.phoenix_people([ACTORS_SAMPLE], [False])
    return {person.name: person for person in people}


def roles(person: object) -> list[tuple[str, str, str, str | None, str | None]]:
    return [(r.country, r.sector, r.title, r.start, r.end) for r in person.roles]  # type: ignore[attr-defined]


def test_people_and_their_roles_are_parsed(build_script: ModuleType) -> None:
    people = sample_people(build_script)
    # Countries, offices and groups are no people.
    assert set(people) == {
        "Albert Quartz", "Berta Quartz", "Carlos Zinc", "Dora Nickel", "Edgar Cobalt"
    }  # fmt: skip
    # Two-digit years: 19xx above 30, else 20xx; repeated overlapping periods merge; the
    # default code holds after the last dated role.
    assert roles(people["Albert Quartz"]) == [
        ("GBR", "ELI", "elite", "1971-01-01", "1997-05-02"),
        ("GBR", "GOV", "government", "1997-05-02", "2007-06-30"),
        ("GBR", "ELI", "elite", "2007-06-30", None),
    ]
    # A secondary code goes to the title; ">date" is an open end.
    assert roles(people["Berta Quartz"]) == [
        ("FRA", "GOV", "government (business)", "1995-01-01", "2003-01-31"),
        ("FRA", "GOV", "government", "2003-02-01", None),
    ]


def test_cameo_countries_are_mapped_to_iso(build_script: ModuleType) -> None:
    people = sample_people(build_script)
    assert {r[0] for r in roles(people["Carlos Zinc"])} == {"TLS"}  # CAMEO TMP: East Timor
    assert roles(people["Dora Nickel"]) == [
        ("XKX", "GOV", "government", "2008-02-17", "2010-01-01")
    ]
    script = build_script
    assert script.parse_code("MUSGOV")[0] == "MUS"  # Mauritius, not the Muslim sector
    assert script.parse_code("GBRVGBELI")[:2] == ("VGB", "ELI")  # a territory
    assert script.parse_code("IGOUNO") == ("", "IGO", "international organisation (United Nations)")
    assert script.parse_code("USA") is None  # a bare country is no person's role


def test_malformed_dates_drop_only_their_line(build_script: ModuleType) -> None:
    # "9008223" has seven digits: that role is left out, the default stays undated.
    assert roles(sample_people(build_script)["Edgar Cobalt"]) == [
        ("IRQ", "ELI", "elite", None, None)
    ]


def test_aliases_keep_full_names_and_drop_titles_and_shared_surnames(
    tmp_path: Path, build_script: ModuleType
) -> None:
    albert = sample_people(build_script)["Albert Quartz"]
    # "PRIME_MINISTER_..." is an office phrase; "QUARTZ_" is claimed by two people.
    assert albert.aliases == ["Albert J. Quartz"]  # type: ignore[attr-defined]


def test_dates_and_names_are_read(build_script: ModuleType) -> None:
    script = build_script
    assert script.phoenix_date("030409") == "2003-04-09"
    assert script.phoenix_date("550101") == "1955-01-01"
    assert script.phoenix_date("19270101") == "1927-01-01"
    assert script.phoenix_date("201005011") is None
    assert script.phoenix_period("> 110222") == ("2011-02-22", None)
    assert script.phoenix_period("<900823") == (None, "1990-08-23")
    assert script.phoenix_period("070101-030101") is None  # ends before it starts
    assert script.readable_name("AHMAD_HASSAN_AL_BAKR_") == "Ahmad Hassan al Bakr"
    assert script.readable_name("ROBERT_MCNAMARA_") == "Robert McNamara"
    assert not script.plausible_name("US_AMBASSADOR_TO_THE_UN_")
    assert not script.plausible_name("SECRETARY-GENERAL_KOFI_ANNAN")


def _roles_in(entry: Entry, day: str) -> list[tuple[str | None, str | None]]:
    return [
        (role.country, role.sector)
        for role in entry.roles
        if (role.start or "") <= day and (role.end is None or day <= role.end)
    ]


def test_generated_file_names_its_source_and_licence() -> None:
    raw = resources.files("dateline.actors").joinpath("data/people_phoenix.tsv.gz").read_bytes()
    text = gzip.decompress(raw).decode("utf-8")
    assert "openeventdata/petrarch2, MIT licence" in text[:1000]
    assert len(text) < 4_000_000  # stays a reasonable size


def test_derived_people_are_resolved_with_dated_roles() -> None:
    kb = load_kb()
    blair = kb.lookup("Tony Blair")
    assert blair is not None and blair.kind == "person" and blair.country == "GBR"
    assert ("GBR", "GOV") in _roles_in(blair, "2005-06-01")
    saddam = kb.lookup("Saddam Hussein")
    assert saddam is not None and saddam.country == "IRQ"
    assert ("IRQ", "GOV") in _roles_in(saddam, "1990-08-02")


def test_hand_written_people_win() -> None:
    kb = load_kb()
    for name in ("Nicolás Maduro", "Nicolas Maduro", "Maduro", "Hugo Chavez", "Vladimir Putin"):
        entry = kb.lookup(name)
        assert entry is not None and entry.actor_id.startswith("person:")
        assert entry.roles and all(role.title[:1].isupper() for role in entry.roles), name
    maduro = kb.lookup("Nicolas Maduro")
    assert maduro is not None and maduro.roles[-1].end == "2026-01-03"
    # The derived record's own alias of the same person does not come back as a second one.
    assert kb.lookup("Nicolas Maduro Moros") in (None, maduro)
    # Countries and organisations keep their names.
    country = kb.lookup("Venezuela")
    assert country is not None and country.kind == "country"


def test_a_derived_person_is_one_entry_for_all_aliases() -> None:
    kb = load_kb()
    assert kb.lookup("Karzai") is kb.lookup("Hamid Karzai") is not None


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="../shared/reference/petrarch2 not present")
def test_the_reference_dictionaries_give_thousands_of_people(build_script: ModuleType) -> None:
    script = build_script
    rows = script.build_people()
    people = {row[0] for row in rows}
    assert len(people) > 5000
    assert ("person:tony-blair", "GBR", "GOV") in {(r[0], r[3], r[4]) for r in rows}


def test_resolver_gives_a_derived_person_a_country(resolve) -> None:  # type: ignore[no-untyped-def]
    _text, _mentions, actors = resolve("Tony Blair met Saddam Hussein's envoy in London.")
    by_name = {actor.name: actor for actor in actors.values() if actor.kind == "person"}
    assert by_name["Tony Blair"].country == "GBR"
    assert by_name["Saddam Hussein"].country == "IRQ"
