"""The generator script: Phoenix country blocks are parsed and misspellings dropped."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]

# Composed in the dictionary's format (a header with its code, "+" aliases, a person
# block with dated codes, a header whose code comes on a later line).
PHOENIX_SAMPLE = """# comment line
VENEZUELA_  [VEN]
+VENEZUELAN_
+VENEZEULA_
+CARACAS_
+MARACAIBO_
SOME_PRESIDENT_  # a person
\t[VENGOV 890202-930831]
\t[VENELI]
ARMENIA_
+ARMENIAN_
+YEREVAN_
\t[ARM >911221]
WHITE_HOUSE_
+THE_WHITE_HOUSE_
\t[USAGOV]
"""

AGENTS_SAMPLE = """!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
SOLDIER [~MIL]
POLICE!PERSON!  [~COP]
GOVERNMENT_SPOKES!PERSON! [~GOV]
DIPLOMATIC_BUILDING_IN {}  [~GOV]
"""


def test_country_blocks_are_parsed(tmp_path: Path, build_script: ModuleType) -> None:
    script = build_script
    path = tmp_path / "actors.txt"
    path.write_text(PHOENIX_SAMPLE, encoding="utf-8")
    blocks = script.phoenix_country_blocks(path)
    assert set(blocks) == {"VEN", "ARM"}  # the person and the White House are not countries
    assert blocks["VEN"] == ["VENEZUELA", "VENEZUELAN", "VENEZEULA", "CARACAS", "MARACAIBO"]
    assert "YEREVAN" in blocks["ARM"]


def test_misspellings_are_told_from_demonyms_and_places(build_script: ModuleType) -> None:
    script = build_script
    names = ["Venezuela", "Bolivarian Republic of Venezuela"]
    assert script.looks_misspelt("VENEZEULA", names)
    assert not script.looks_misspelt("VENEZUELAN", names)
    assert not script.looks_misspelt("MARACAIBO", names)
    assert script.looks_like_demonym("VENEZUELAN", names)


def test_agents_are_expanded(tmp_path: Path, build_script: ModuleType) -> None:
    script = build_script
    path = tmp_path / "agents.txt"
    path.write_text(AGENTS_SAMPLE, encoding="utf-8")
    entries = dict(script.phoenix_agents(path))
    assert entries["soldier"] == "MIL"
    assert entries["policeman"] == "COP" and entries["government spokeswoman"] == "GOV"


def test_main_skips_without_the_reference(tmp_path: Path, build_script: ModuleType) -> None:
    script = build_script
    script.REFERENCE = tmp_path / "absent"
    assert script.main() == 0
