"""The records of the ``dateline timex`` command."""

from __future__ import annotations

from typing import Any

from dateline.temporal import timex_records


def test_records_follow_the_contract() -> None:
    items: list[dict[str, Any]] = [
        {"id": "a", "text": "Officials will meet on Friday.", "dct": "2022-03-08"},
        {"id": "b", "text": "No dates here.", "dct": None},
    ]
    first, second = timex_records(items)
    assert first == {
        "id": "a",
        "timexes": [{"start": 23, "end": 29, "text": "Friday", "type": "DATE",
                     "value": "2022-03-11"}],
    }  # fmt: skip
    assert second == {"id": "b", "timexes": []}


def test_without_the_parser_weekdays_point_back() -> None:
    items = [{"id": "a", "text": "Officials will meet on Friday.", "dct": "2022-03-08"}]
    [record] = timex_records(items, use_parser=False)
    assert record["timexes"][0]["value"] == "2022-03-04"


def test_many_items_are_batched_in_order() -> None:
    items = ({"id": str(n), "text": f"It happened in {1950 + n}.", "dct": None} for n in range(70))
    records = list(timex_records(items, use_parser=False))
    assert [r["id"] for r in records] == [str(n) for n in range(70)]
    assert records[69]["timexes"][0]["value"] == "2019"
