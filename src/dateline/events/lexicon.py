"""The event lexicon: verb lemmas and event nouns to PLOVER type, mode, context and CAMEO.

Three data files under events/data: verbs.tsv (derived from the PETRARCH2 CAMEO verb
dictionary through the CAMEO-to-PLOVER table by scripts/build_event_lexicon.py),
overrides.yaml (hand corrections and the event nouns), plover.yaml (quad class and
intensity per PLOVER type and mode), plus cues.yaml for modality and attribution.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

PACKAGE = "dateline.events"


@dataclass(frozen=True, slots=True)
class LexEntry:
    """What a trigger word means as an event."""

    lemma: str
    type: str
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    cameo: str | None = None
    #: Modifier lemmas of which one must be present ("military" for "action").
    needs: tuple[str, ...] = ()
    #: Prepositions, particles or complements of which one must follow the trigger
    #: ("call for", "rule out", "found guilty").
    needs_prep: tuple[str, ...] = ()
    #: Object lemmas of which one must be the verb's object ("release the hostages", not
    #: "release a video"); "actor" accepts any object that names an actor.
    needs_object: tuple[str, ...] = ()
    #: Modifier lemmas that change a noun's type ("economic backing" is AID).
    retype: tuple[tuple[str, str], ...] = ()
    #: A verb that is this event only without a direct object or clause ("police
    #: demonstrated", not "demonstrated its resolve").
    intransitive: bool = False
    #: True when the entry comes from the hand-curated overrides.
    curated: bool = False


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, LexEntry]
    nouns: dict[str, LexEntry]
    #: Verbs whose event-noun object is the event ("held talks").
    light_verbs: frozenset[str]
    #: Verbs that are explicitly not events (modal and carrier verbs).
    non_events: frozenset[str] = field(default_factory=frozenset)
    #: Verbs that undo their event-noun object ("lift sanctions") and what that is.
    undo_verbs: frozenset[str] = field(default_factory=frozenset)
    undo_entry: LexEntry | None = None
    #: Objects that make a transfer verb a mobilization ("sent troops") and what that is.
    personnel_objects: frozenset[str] = field(default_factory=frozenset)
    personnel_entry: LexEntry | None = None
    #: Aid verbs whose direct object is the one aided, not the thing given ("trained
    #: Iraqis", "rescued survivors").
    recipient_object_verbs: frozenset[str] = field(default_factory=frozenset)
    #: Motion verbs whose "for X" event noun is their subject's act.
    motion_verbs: frozenset[str] = field(default_factory=frozenset)
    #: Types of events kept with no participant when not asserted, and the determiners
    #: of such a specific, imagined act ("a strike could ...").
    standalone_types: frozenset[str] = field(default_factory=frozenset)
    standalone_determiners: frozenset[str] = field(default_factory=frozenset)
    #: Determiners of a noun that refers back to an event ("such meeting", "this visit").
    anaphoric_determiners: frozenset[str] = field(default_factory=frozenset)
    #: Nominal types whose "in <country>" names the recipient ("an invasion in X").
    located_target_types: frozenset[str] = field(default_factory=frozenset)
    #: Sectors whose country-less groups take the country where their event happened.
    located_sectors: frozenset[str] = field(default_factory=frozenset)
    #: Types whose content (the act requested, the cause protested) is not coded again.
    content_types: frozenset[str] = field(default_factory=frozenset)
    #: Types of asserted agentless passives kept with no participant ("was attacked").
    passive_types: frozenset[str] = field(default_factory=frozenset)
    #: Types of asserted events kept with a doer the knowledge base cannot name ("a
    #: suicide bomber attacks") or as a specific noun ("mass street protests").
    asserted_types: frozenset[str] = field(default_factory=frozenset)
    #: Verbs whose "by X" describes rather than reports an act ("marked by sanctions").
    descriptive_verbs: frozenset[str] = field(default_factory=frozenset)
    #: Nouns through which an event noun modifying them is done ("aid flights").
    event_compound_heads: frozenset[str] = field(default_factory=frozenset)
    #: Weapons that stand for their unnamed user as a verb's subject ("a bomb exploded").
    instrument_nouns: frozenset[str] = field(default_factory=frozenset)
    #: Prepositions whose object a mobilization is aimed at ("presence near X").
    mobilize_target_prepositions: frozenset[str] = field(default_factory=frozenset)
    #: Verbs through which one act brings about another, and the result's preposition
    #: ("an operation that led to the removal of X").
    causal_verbs: dict[str, str] = field(default_factory=dict)
    #: What a mobilization listed as a form of support is (military aid).
    listed_support_entry: LexEntry | None = None


#: The C parser where PyYAML has one: the same data, ten times faster (start-up time).
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_text(name: str) -> str:
    return resources.files(PACKAGE).joinpath("data", name).read_text(encoding="utf-8")


def _read_yaml(name: str) -> dict[str, Any]:
    data = yaml.load(_read_text(name), Loader=YAML_LOADER)
    if not isinstance(data, dict):
        raise ValueError(f"{name}: expected a mapping")
    return data


def _contexts(raw: str | None) -> tuple[str, ...]:
    return tuple(c.strip() for c in (raw or "").split(",") if c.strip())


def _derived_verbs() -> dict[str, LexEntry]:
    verbs: dict[str, LexEntry] = {}
    for line in _read_text("verbs.tsv").splitlines():
        if not line.strip() or line.startswith(("#", "lemma\t")):
            continue
        lemma, type_, mode, context, cameo = (line.split("\t") + [""] * 5)[:5]
        verbs[lemma] = LexEntry(lemma, type_, mode or None, _contexts(context), cameo or None)
    return verbs


def _curated(lemma: str, spec: dict[str, Any]) -> LexEntry:
    return LexEntry(
        lemma=lemma,
        type=str(spec["type"]),
        mode=spec.get("mode"),
        contexts=_contexts(spec.get("context")),
        cameo=str(spec["cameo"]) if spec.get("cameo") else None,
        needs=tuple(spec.get("needs") or ()),
        needs_prep=tuple(spec.get("needs_prep") or ()),
        needs_object=tuple(spec.get("needs_object") or ()),
        retype=tuple((str(k), str(v)) for k, v in (spec.get("retype") or {}).items()),
        intransitive=bool(spec.get("intransitive", False)),
        curated=True,
    )


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The merged lexicon (derived verbs, then overrides); cached per process."""
    overrides = _read_yaml("overrides.yaml")
    verbs = _derived_verbs()
    non_events: set[str] = set()
    for lemma, spec in (overrides.get("verbs") or {}).items():
        if spec.get("type") is None:
            verbs.pop(lemma, None)
            non_events.add(lemma)
        else:
            verbs[lemma] = _curated(lemma, spec)
    nouns = {lemma: _curated(lemma, spec) for lemma, spec in (overrides.get("nouns") or {}).items()}
    light = frozenset(overrides.get("light_verbs") or ())
    standalone = overrides.get("standalone") or {}
    return Lexicon(
        verbs, nouns, light, frozenset(non_events),
        undo_verbs=frozenset(overrides.get("undo_verbs") or ()),
        undo_entry=_curated("undo", overrides["undo_entry"]),
        personnel_objects=frozenset(overrides.get("personnel_objects") or ()),
        personnel_entry=_curated("personnel", overrides["personnel_entry"]),
        motion_verbs=frozenset(overrides.get("motion_verbs") or ()),
        recipient_object_verbs=frozenset(overrides.get("recipient_object_verbs") or ()),
        standalone_types=frozenset(standalone.get("types") or ()),
        standalone_determiners=frozenset(standalone.get("determiners") or ()),
        passive_types=frozenset(standalone.get("passive_types") or ()),
        asserted_types=frozenset(standalone.get("asserted_types") or ()),
        instrument_nouns=frozenset(standalone.get("instrument_nouns") or ()),
        event_compound_heads=frozenset(standalone.get("event_compound_heads") or ()),
        descriptive_verbs=frozenset(standalone.get("descriptive_verbs") or ()),
        anaphoric_determiners=frozenset(overrides.get("anaphoric_determiners") or ()),
        content_types=frozenset(overrides.get("content_types") or ()),
        located_target_types=frozenset(overrides.get("located_target_types") or ()),
        located_sectors=frozenset(overrides.get("located_sectors") or ()),
        mobilize_target_prepositions=frozenset(
            overrides.get("mobilize_target_prepositions") or ()
        ),
        causal_verbs={str(k): str(v) for k, v in (overrides.get("causal_verbs") or {}).items()},
        listed_support_entry=_curated("listed support", overrides["listed_support_entry"]),
    )  # fmt: skip


@lru_cache(maxsize=1)
def _plover_table() -> dict[str, Any]:
    return _read_yaml("plover.yaml")


def plover_info(type_: str, mode: str | None = None) -> tuple[int | None, float | None]:
    """(quad_class, intensity) of a PLOVER type; the mode's own score when it has one."""
    table = _plover_table()
    info = (table.get("types") or {}).get(type_)
    if not info:
        return None, None
    intensity = float(info["intensity"])
    if mode:
        intensity = float((table.get("modes") or {}).get(f"{type_}:{mode}", intensity))
    return int(info["quad_class"]), intensity


@lru_cache(maxsize=1)
def load_cues() -> dict[str, dict[str, Any]]:
    """Modality and attribution cue words (cues.yaml)."""
    return _read_yaml("cues.yaml")


@lru_cache(maxsize=64)
def cue_set(section: str, name: str) -> frozenset[str]:
    """One list of cue words from cues.yaml as a set."""
    return frozenset(load_cues()[section][name])
