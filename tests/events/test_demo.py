"""Acceptance on the demo articles: whole article parsed, actors from the real resolver."""

from __future__ import annotations

from collections.abc import Callable

from dateline.actors import resolve_actors
from dateline.events import extract_events
from dateline.events.lexicon import load_lexicon
from dateline.model import EventMention
from dateline.nlp import parse_one

Demo = Callable[[str], tuple[str, list[EventMention]]]

STRIKE_WORDS = {"strike", "attack", "bombing", "raid", "intervention", "action", "invasion"}
VENEZUELA_SIDE = ("VEN", "person:nicolas-maduro")


def ids(refs: list) -> set[str]:  # type: ignore[type-arg]
    return {r.actor_id for r in refs}


def venezuelan(actor_id: str) -> bool:
    return (
        actor_id == "VEN"
        or actor_id.startswith(VENEZUELA_SIDE[0] + ":")
        or (actor_id in VENEZUELA_SIDE)
    )


def test_offsets_are_document_offsets(demo: Demo) -> None:
    text, events = demo("001")
    assert events
    for event in events:
        assert text[event.trigger_start : event.trigger_end] == event.trigger
        assert event.sentence_start <= event.trigger_start < event.sentence_end
        assert event.quad_class in {1, 2, 3, 4} and event.intensity is not None


def test_cia_director_visit(demo: Demo) -> None:
    text, events = demo("001")
    sentence_start = text.index("On January 15, 2026, CIA Director")
    visit = next(e for e in events if e.trigger == "visit" and e.trigger_start > sentence_start)
    assert (visit.type, visit.mode, visit.modality) == ("CONSULT", "visit", "asserted")
    assert visit.cameo == "042"
    assert any(a.country == "USA" for a in visit.actors)
    assert ids(visit.recipients) & {"VEN", "person:delcy-rodriguez"}
    assert visit.sentence_start == sentence_start


def test_no_considered_strike_on_venezuela_is_asserted(demo: Demo) -> None:
    text, events = demo("002")
    lexicon = load_lexicon()
    strikes = [
        e for e in events
        if e.type == "ASSAULT" and (
            e.trigger.lower().rstrip("s") in STRIKE_WORDS
            or lexicon.nouns.get(e.trigger.lower()) is not None
        )
    ]  # fmt: skip
    us_on_venezuela = [e for e in strikes if "USA" in ids(e.actors)]
    assert len(us_on_venezuela) >= 4
    for event in us_on_venezuela:
        assert event.modality != "asserted", text[event.sentence_start : event.sentence_end]
    planning = next(e for e in strikes if e.trigger == "actions")
    assert planning.modality == "planned" and ids(planning.recipients) == {"VEN"}
    assert planning.attribution is not None and planning.attribution.speaker == "NBC News"


def test_no_deal_negated_but_negotiations_held(demo: Demo) -> None:
    text, events = demo("003")
    start = text.index("According to Reuters, no deal")
    in_sentence = {e.trigger: e for e in events if e.sentence_start == start}
    deal, talks = in_sentence["deal"], in_sentence["negotiations"]
    assert (deal.type, deal.modality) == ("AGREE", "negated")
    assert (talks.type, talks.modality) == ("CONSULT", "asserted")
    assert deal.attribution is not None and deal.attribution.speaker == "Reuters"
    assert any(venezuelan(r) for r in ids(talks.recipients))


def test_reported_speech_is_attributed(demo: Demo) -> None:
    text, events = demo("003")
    recognize = next(e for e in events if e.trigger == "recognize")
    cue = recognize.attribution
    assert cue is not None and "Gonzalez" in cue.speaker and cue.text.endswith("said")
    assert cue.start is not None and cue.end is not None and text[cue.start : cue.end] == cue.text
    assert recognize.modality == "planned"  # "said the US would continue to recognize"
    assert ids(recognize.recipients) == {"person:juan-guaido"}


def test_foreign_backers_from_the_bullet_list(demo: Demo) -> None:
    _, events = demo("004")
    for backer in ("CUB", "CHN", "IRN", "RUS"):
        helping = [
            e for e in events
            if backer in ids(e.actors) and e.type in {"AID", "SUPPORT"}
            and any(venezuelan(r) for r in ids(e.recipients))
        ]  # fmt: skip
        assert helping, backer


def test_event_ids_are_unique(demo: Demo) -> None:
    for prefix in ("000", "001", "002", "003", "004"):
        _, events = demo(prefix)
        assert len({e.id for e in events}) == len(events), prefix


def test_coordinated_possessors_back_maduro(demo: Demo) -> None:
    _, events = demo("003")
    backing = [e for e in events if e.trigger == "backing" and len(e.actors) > 1]
    assert [ids(e.actors) for e in backing] == [{"CHN", "IRN", "RUS"}]
    assert backing[0].type == "SUPPORT"


def test_compound_actor_with_the_real_resolver() -> None:
    text = "Hungarian and Romanian officials agreed to expand cooperation."
    doc = parse_one(text)
    mentions, actors = resolve_actors(doc, "doc_x")
    agree = [e for e in extract_events(doc, "doc_x", mentions, actors) if e.type == "AGREE"]
    assert len(agree) == 1
    assert {a.country for a in agree[0].actors} == {"HUN", "ROU"}
