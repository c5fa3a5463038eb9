"""Agent phrases become country-sector groups spanning the whole phrase."""

from __future__ import annotations

from collections.abc import Callable

from dateline.model import Actor, Mention

Resolved = tuple[str, list[Mention], dict[str, Actor]]


def groups(resolved: Resolved) -> list[tuple[str, str]]:
    return [(m.text, m.actor_id) for m in resolved[1] if m.label == "AGENT"]


def test_us_officials_in_003(demo: Callable[[str], Resolved]) -> None:
    found = groups(demo("003"))
    assert ("White House and State Department officials", "USA:GOV") in found
    assert ("Senior US officials", "USA:GOV") in found
    # A person's country: Maduro's representatives are Venezuela's government.
    assert ("Maduro representatives", "VEN:GOV") in found


def test_venezuelan_military_in_002(demo: Callable[[str], Resolved]) -> None:
    resolved = demo("002")
    assert ("Venezuelan military", "VEN:MIL") in groups(resolved)
    actor = resolved[2]["VEN:MIL"]
    assert (actor.kind, actor.country, actor.sectors) == ("group", "VEN", ["MIL"])


def test_two_countries_share_one_phrase(resolve: Callable[[str], Resolved]) -> None:
    resolved = resolve("Hungarian and Romanian officials agreed on a new border crossing.")
    assert groups(resolved) == [
        ("Hungarian and Romanian officials", "HUN:GOV"),
        ("Hungarian and Romanian officials", "ROU:GOV"),
    ]
    assert resolved[2]["HUN:GOV"].name == "Hungary government"


def test_head_noun_is_covered_and_article_is_not(resolve: Callable[[str], Resolved]) -> None:
    text, mentions, _actors = resolve("Russian troops and the Venezuelan military held drills.")
    spans = {m.text: m for m in mentions if m.label == "AGENT"}
    assert spans["Russian troops"].actor_id == "RUS:MIL"
    assert spans["Venezuelan military"].actor_id == "VEN:MIL"
    military = spans["Venezuelan military"]
    head = text.index("military")
    assert military.start <= head < military.end
    assert text[military.start : military.end] == "Venezuelan military"


def test_country_after_the_noun(resolve: Callable[[str], Resolved]) -> None:
    found = groups(resolve("The government of Venezuela rejected the offer."))
    assert found == [("government of Venezuela", "VEN:GOV")]


def test_possessive_person_and_organisation(resolve: Callable[[str], Resolved]) -> None:
    found = groups(resolve("Maduro's government expelled CIA officials on Tuesday."))
    assert ("Maduro's government", "VEN:GOV") in found
    assert ("CIA officials", "USA:GOV") in found


def test_sector_without_country(resolve: Callable[[str], Resolved]) -> None:
    resolved = resolve("Analysts said officials had not decided. The use of force was debated.")
    assert groups(resolved) == [("Analysts", "sector:EDU"), ("officials", "sector:GOV")]
    assert resolved[2]["sector:GOV"].country is None


def test_title_before_a_name_is_not_a_group(resolve: Callable[[str], Resolved]) -> None:
    assert groups(resolve("Venezuelan President Nicolás Maduro spoke on Monday.")) == []


def test_char_ranges_overlap_as_the_range_by_range_test_says() -> None:
    import random

    from dateline.actors.agents import CharRanges

    rng = random.Random(7)
    for _ in range(200):
        ranges = [(s, s + rng.randint(-2, 6)) for s in rng.sample(range(60), 6)]
        taken = CharRanges(ranges)
        for start in range(-2, 70):
            for end in range(start - 2, start + 8):
                expected = any(start < e and s < end for s, e in ranges)
                assert taken.overlaps(start, end) == expected, (ranges, start, end)
