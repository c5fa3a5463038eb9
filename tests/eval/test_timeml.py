"""The TimeML reader: text without tags, offsets into it, the DCT, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.eval.timeml import TimeMLError, read_timeml, timeml_files

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "timeml"


def test_text_is_the_character_data_of_text_with_every_tag_removed() -> None:
    document = read_timeml(FIXTURES / "mixed_tags.tml")
    assert document.name == "mixed_tags.tml"
    assert "<" not in document.text and "EVENT" not in document.text
    assert "The river ferry resumed service on Wednesday, & crews will inspect it weekly." in (
        document.text
    )
    assert document.text.startswith("\nThe river ferry")


def test_offsets_point_at_each_expression_in_the_text() -> None:
    document = read_timeml(FIXTURES / "mixed_tags.tml")
    found = [(t.text, t.type, t.value) for t in document.timexes]
    assert found == [
        ("Wednesday", "DATE", "2025-05-14"),
        ("weekly", "SET", "P1W"),
        ("ten days", "DURATION", "P10D"),
    ]
    for timex in document.timexes:
        assert document.text[timex.start : timex.end] == timex.text
    # An escaped character counts as the one character it stands for.
    ampersand = document.text.index("&")
    assert document.timexes[0].end < ampersand < document.timexes[1].start


def test_the_dct_is_the_anchor_and_not_an_expression_to_find() -> None:
    document = read_timeml(FIXTURES / "mixed_tags.tml")
    assert document.dct == "2025-05-16"
    assert "20250516" not in document.text
    assert all(t.value != "2025-05-16" for t in document.timexes)
    assert read_timeml(FIXTURES / "nested.tml").dct == "2025-05-16T09:30"


def test_nested_tags_give_both_spans_outer_first() -> None:
    document = read_timeml(FIXTURES / "nested.tml")
    outer, inner = document.timexes
    assert outer.text == "the first Monday of June" and outer.value == "2025-06-02"
    assert inner.text == "June" and inner.value == "2025-06"
    assert outer.start < inner.start < inner.end == outer.end
    assert document.text[outer.end :].startswith(" again.")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("malformed.tml", "not well-formed XML"),
        ("no_text.tml", "no <TEXT> element"),
        ("absent.tml", "cannot read"),
    ],
)
def test_unreadable_files_raise_a_timeml_error_naming_the_file(name: str, message: str) -> None:
    with pytest.raises(TimeMLError, match=message) as raised:
        read_timeml(FIXTURES / name)
    assert name in str(raised.value)


def test_timeml_files_are_found_in_subfolders_in_a_stable_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    for relative in ("b/two.tml", "a.tml", "b/one.tml", "notes.txt"):
        (tmp_path / relative).write_text("", encoding="utf-8")
    names = [p.relative_to(tmp_path).as_posix() for p in timeml_files(tmp_path)]
    assert names == ["a.tml", "b/one.tml", "b/two.tml"]
