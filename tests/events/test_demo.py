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
    assert backing[0].type == "AID"  # economic backing is material aid, not just support


def test_compound_actor_with_the_real_resolver() -> None:
    text = "Hungarian and Romanian officials agreed to expand cooperation."
    doc = parse_one(text)
    mentions, actors = resolve_actors(doc, "doc_x")
    agree = [e for e in extract_events(doc, "doc_x", mentions, actors) if e.type == "AGREE"]
    assert len(agree) == 1
    assert {a.country for a in agree[0].actors} == {"HUN", "ROU"}


# The demo acceptance list (issue 4): each item with its PLOVER type, participants and status.


def in_sentence(text: str, events: list[EventMention], opening: str) -> list[EventMention]:
    """Events of the sentence that starts with ``opening``."""
    start = text.index(opening)
    return [e for e in events if e.sentence_start == start]


def countries(refs: list) -> set[str | None]:  # type: ignore[type-arg]
    return {r.country for r in refs}


def test_2019_break_of_diplomatic_ties_and_recognition_of_guaido(demo: Demo) -> None:
    text, events = demo("003")
    found = {e.trigger: e for e in in_sentence(text, events, "In 2019, the United States")}
    severed = found["severed"]
    # PLOVER SANCTION 'discontinue': "break, or terminate diplomatic ... exchanges"
    assert (severed.type, severed.mode, severed.modality) == ("SANCTION", "discontinue", "asserted")
    assert ids(severed.actors) == {"USA"}
    assert ids(severed.recipients) == {"person:nicolas-maduro"}
    recognizing = found["recognizing"]
    assert (recognizing.type, recognizing.modality) == ("SUPPORT", "asserted")
    assert countries(recognizing.actors) == {"USA"}
    assert ids(recognizing.recipients) == {"person:juan-guaido"}


def test_2022_talks_in_caracas(demo: Demo) -> None:
    text, events = demo("003")
    [met] = in_sentence(text, events, "On Saturday, White House")
    assert (met.type, met.trigger, met.modality) == ("CONSULT", "met", "asserted")
    assert countries(met.actors) == {"USA"} and countries(met.recipients) == {"VEN"}
    assert met.location is not None and met.location.name == "Caracas"
    travelled = in_sentence(text, events, "Senior US officials have traveled")
    talks = [e for e in travelled if e.type == "CONSULT"]
    assert [e.modality for e in talks] == ["asserted"]
    assert countries(talks[0].actors) == {"USA"} and countries(talks[0].recipients) == {"VEN"}


def test_the_deployments_ships_and_15000_troops(demo: Demo) -> None:
    text, events = demo("002")
    ships = [
        e for e in in_sentence(text, events, "While officially framed") if e.type == "MOBILIZE"
    ]
    assert [(e.trigger, e.modality) for e in ships] == [("deployment", "asserted")]
    assert ids(ships[0].actors) == {"USA"}
    text, events = demo("004")
    troops = [
        e for e in in_sentence(text, events, "In a striking escalation") if e.type == "MOBILIZE"
    ]
    assert [(e.trigger, e.mode, e.modality) for e in troops] == [
        ("deploying", "troops", "asserted")
    ]
    assert ids(troops[0].actors) == {"USA"}
    # "its military presence near Venezuela, deploying ... troops": whom it is aimed at
    assert ids(troops[0].recipients) == {"VEN"}


def test_the_us_accusation_against_maduro(demo: Demo) -> None:
    text, events = demo("002")
    [accuses] = [e for e in in_sentence(text, events, "The US accuses") if e.type == "ACCUSE"]
    assert (accuses.trigger, accuses.modality) == ("accuses", "asserted")
    assert ids(accuses.actors) == {"USA"} and ids(accuses.recipients) == {"person:nicolas-maduro"}
    # "Maduro's government, which the U.S. has labeled illegitimate and has accused of ..."
    text, events = demo("004")
    sentence = in_sentence(text, events, "This move is part of")
    accusing = [e for e in sentence if e.type == "ACCUSE"]
    assert {e.trigger for e in accusing} == {"labeled", "accused"}
    for event in accusing:
        assert event.modality == "asserted" and ids(event.actors) == {"USA"}
        assert countries(event.recipients) == {"VEN"}, event.trigger


def test_the_middle_east_back_channel(demo: Demo) -> None:
    text, events = demo("002")
    [talks] = in_sentence(text, events, "NBC News reports that the US is engaging")
    assert (talks.type, talks.trigger, talks.modality) == ("CONSULT", "talks", "asserted")
    assert ids(talks.actors) == {"USA"} and ids(talks.recipients) == {"person:nicolas-maduro"}
    assert talks.attribution is not None and talks.attribution.speaker == "NBC News"


def test_each_ally_gives_military_aid_in_its_bullet(demo: Demo) -> None:
    text, events = demo("004")
    for backer, name in (("CUB", "Cuba"), ("CHN", "China"), ("IRN", "Iran"), ("RUS", "Russia")):
        item = in_sentence(text, events, f"- {name}—")
        aid = [e for e in item if e.type == "AID"]
        assert [ids(e.actors) for e in aid] == [{backer}], (
            name,
            [(e.trigger, e.type) for e in item],
        )
        assert aid[0].modality == "asserted" and countries(aid[0].recipients) == {"VEN"}
        # helping Venezuela is not mobilizing against it
        assert not [e for e in item if e.type == "MOBILIZE"], name


def test_ratcliffes_meeting_is_with_delcy_rodriguez(demo: Demo) -> None:
    text, events = demo("001")
    [visit] = in_sentence(text, events, "On January 15, 2026, CIA Director")
    assert ids(visit.actors) == {"person:john-ratcliffe"}
    assert ids(visit.recipients) == {"VEN", "person:delcy-rodriguez"}


def test_trump_met_machado(demo: Demo) -> None:
    text, events = demo("001")
    [met] = in_sentence(text, events, "As Trump met with")
    assert (met.type, met.trigger, met.modality) == ("CONSULT", "met", "asserted")
    assert ids(met.actors) == {"person:donald-trump"}
    assert ids(met.recipients) == {"person:maria-corina-machado"}


def test_the_operation_that_removed_maduro(demo: Demo) -> None:
    text, events = demo("000")
    forceful = {"COERCE", "ASSAULT"}
    for opening in ("The visit comes five months", "The most senior uniformed officer"):
        acts = [e for e in in_sentence(text, events, opening) if e.type in forceful]
        assert acts, opening
        for act in acts:
            assert act.modality == "asserted", (opening, act.trigger)
            assert ids(act.actors) == {"USA"}, (opening, act.trigger)
            assert ids(act.recipients) == {"person:nicolas-maduro"}, (opening, act.trigger)
    text, events = demo("001")
    [arrest] = [
        e for e in in_sentence(text, events, "Following a significant military operation")
        if e.type == "COERCE"
    ]  # fmt: skip
    assert (arrest.trigger, arrest.mode, arrest.modality) == ("apprehended", "arrest", "asserted")
    assert ids(arrest.recipients) == {"person:nicolas-maduro"}
    assert arrest.actors == []  # the sentence does not say whose operation it was


def test_the_joint_chiefs_chairmans_visit(demo: Demo) -> None:
    text, events = demo("000")
    for opening in ("- The US Joint Chiefs of Staff chairman", "The most senior uniformed"):
        visits = [e for e in in_sentence(text, events, opening) if e.type == "CONSULT"]
        assert [(e.trigger, e.mode, e.modality) for e in visits] == [("visit", "visit", "asserted")]
        assert countries(visits[0].actors) == {"USA"} and ids(visits[0].recipients) == {"VEN"}


def test_no_agreement_in_003_is_asserted(demo: Demo) -> None:
    _, events = demo("003")
    agreements = [e for e in events if e.type == "AGREE"]
    assert agreements
    assert [e for e in agreements if e.modality == "asserted"] == []


def test_no_attack_on_venezuela_in_004_is_asserted(demo: Demo) -> None:
    # an intervention insinuated, an assault Venezuela may not endure, a conflict the
    # allies will not engage in: none of it happened
    text, events = demo("004")
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert {e.trigger for e in attacks} >= {"intervention", "assault"}
    for event in attacks:
        assert event.modality != "asserted", text[event.sentence_start : event.sentence_end]
