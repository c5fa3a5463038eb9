"""The lexicon data files, their loader, and the script that derives the verbs."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from dateline.events.lexicon import load_cues, load_lexicon, plover_info
from dateline.model import PLOVER_TYPES

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "dateline" / "events" / "data"
SCRIPT = ROOT / "scripts" / "build_event_lexicon.py"


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_event_lexicon", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_data_files_name_their_sources() -> None:
    verbs = (DATA / "verbs.tsv").read_text(encoding="utf-8")
    assert "PETRARCH2" in verbs and "MIT" in verbs
    assert "CAMEO2PLOVER" in verbs and "CC BY-SA 4.0" in verbs
    plover = (DATA / "plover.yaml").read_text(encoding="utf-8")
    assert "PLOVER manual" in plover and "CC BY-SA 4.0" in plover


def test_every_entry_has_a_plover_type() -> None:
    lexicon = load_lexicon()
    assert len(lexicon.verbs) > 500
    for entry in [*lexicon.verbs.values(), *lexicon.nouns.values()]:
        assert entry.type in PLOVER_TYPES, entry


def test_derived_and_curated_entries() -> None:
    lexicon = load_lexicon()
    assert lexicon.verbs["bomb"].type == "ASSAULT" and lexicon.verbs["bomb"].cameo == "190"
    assert lexicon.verbs["visit"].mode == "visit"
    assert lexicon.verbs["agree"].type == "AGREE"  # corrected from CAMEO's 050
    assert "consider" not in lexicon.verbs and "consider" in lexicon.non_events
    required = ("visit meeting talks negotiation discussion operation invasion strike attack "
                "raid deployment buildup sanctions support backing aid assistance agreement "
                "deal accusation threat protest ouster removal cooperation")  # fmt: skip
    for noun in required.split():
        assert noun in lexicon.nouns, noun
    assert lexicon.nouns["ouster"].type == "COERCE"
    assert lexicon.nouns["action"].needs  # "military action", not any action
    assert {"hold", "impose", "make", "carry"} <= lexicon.light_verbs


def test_plover_info_quad_classes_and_intensities() -> None:
    assert plover_info("AGREE") == (1, 2.5)
    assert plover_info("AID") == (2, 10.0)
    assert plover_info("SANCTION")[0] == 3
    assert plover_info("ASSAULT") == (4, -9.0)
    assert plover_info("CONSULT", "visit") == (1, 4.0)
    assert plover_info("NOT_A_TYPE") == (None, None)
    for type_ in PLOVER_TYPES:
        quad, intensity = plover_info(type_)
        assert quad in {1, 2, 3, 4} and intensity is not None and -10 <= intensity <= 10


def test_cue_file_has_every_section() -> None:
    cues = load_cues()
    assert "will" in cues["modality"]["planned_aux"]
    assert "say" in cues["attribution"]["speech_verbs"]


def test_build_script_parses_blocks_and_maps_codes(tmp_path: Path) -> None:
    script = load_script()
    verbs = tmp_path / "verbs.txt"
    verbs.write_text(
        "&SYN\n+X\n\n####### VERB PATTERNS #######\n"
        "---  HIT   [190]  ---\nHIT {HITS HITTING}\nWHACK [182]\n+KNOCK_OUT\n- * ATTACK [195]\n"
        "---  CHAT   [---]  ---\nCHAT\nPHONE [041:041]\n",
        encoding="utf-8",
    )
    codes = script.read_verb_codes(verbs)
    assert codes == {"hit": "190", "whack": "182", "phone": "041"}
    table_file = tmp_path / "table.txt"
    table_file.write_text("19: ASSAULT\n190: ASSAULT, , military # x\n041: CONSULT, phone, \n")
    table = script.read_plover_table(table_file)
    assert script.plover_for("182", table) is None
    assert script.plover_for("1901", table) == ("ASSAULT", "", "military")
    assert script.plover_for("195", table) == ("ASSAULT", "", "")
    assert script.plover_for("041", table) == ("CONSULT", "phone", "")


@pytest.mark.skipif(not (ROOT.parent / "shared" / "reference").exists(), reason="no reference")
def test_build_script_reproduces_the_shipped_file() -> None:
    rows = load_script().build()
    shipped = [
        tuple(line.split("\t"))
        for line in (DATA / "verbs.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith(("#", "lemma\t"))
    ]
    assert rows == shipped
