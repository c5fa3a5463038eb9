"""Sentence-level event-coding scores on PLOVER-style gold (see plover_gold for the format).

Each gold sentence is coded on its own (with its article's publication date when known).
Gold and system events are paired one to one within a sentence: same event type, the pair
sharing most participant codes first. Reported, per corpus and over all sentences:

* top-event type accuracy: on sentences with a gold event, the system's top event (highest
  confidence, earliest on a tie) has the type of the first (main) gold event;
* any-event recall: share of gold events paired with a system event of the same type;
  event precision: share of system events paired with a gold event;
* actor and recipient code F1, micro-averaged over paired events: a gold code is found
  when a system participant on that side carries it (as code, country, sector or
  identifier), a
  system participant carrying no gold code of that side is a false positive;
* status accuracy on paired events, and how many gold planned/hypothetical events the
  system called asserted (an analyst must never see those as facts);
* events per sentence, gold and system, and on sentences with no gold event the share
  where the system stayed silent.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..model import ActorRef, EventMention
from ..pipeline import annotate_text
from .plover_gold import GoldEvent, GoldSentence, is_plover_record, load_plover_gold

IRREALIS = ("planned", "hypothetical")


def plover_dev_path() -> Path:
    """The bundled PLOVER-style development set (references to sentences plus labels)."""
    return Path(str(resources.files(__package__).joinpath("data", "plover_dev.jsonl")))


def plover_heldout_path() -> Path:
    """The blind held-out set: labelled before any coder output was seen, never tuned on."""
    return Path(str(resources.files(__package__).joinpath("data", "plover_heldout.jsonl")))


@dataclass(slots=True)
class CodeCounts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def f1(self) -> float:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else 0.0


@dataclass(slots=True)
class PloverScores:
    sentences: int = 0
    event_sentences: int = 0
    top_correct: int = 0
    gold_events: int = 0
    predicted_events: int = 0
    matched: int = 0
    actor: CodeCounts = field(default_factory=CodeCounts)
    recipient: CodeCounts = field(default_factory=CodeCounts)
    status_correct: int = 0
    irrealis_gold: int = 0
    irrealis_matched: int = 0
    irrealis_as_asserted: int = 0
    no_event_sentences: int = 0
    no_event_silent: int = 0
    no_event_spurious: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def type_accuracy(self) -> float:
        return self.top_correct / self.event_sentences if self.event_sentences else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold_events if self.gold_events else 0.0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted_events if self.predicted_events else 0.0

    @property
    def status_accuracy(self) -> float:
        return self.status_correct / self.matched if self.matched else 0.0

    @property
    def silent_on_no_event(self) -> float:
        return self.no_event_silent / self.no_event_sentences if self.no_event_sentences else 0.0

    def per_sentence(self, count: int) -> float:
        return count / self.sentences if self.sentences else 0.0

    def report(self) -> str:
        return (
            f"sentences {self.sentences} ({self.event_sentences} with an event, "
            f"{self.no_event_sentences} without)\n"
            f"top-event type accuracy {self.type_accuracy:.3f}"
            f" ({self.top_correct}/{self.event_sentences})\n"
            f"any-event recall {self.recall:.3f} ({self.matched}/{self.gold_events})  "
            f"event precision {self.precision:.3f} ({self.matched}/{self.predicted_events})\n"
            f"actor F1 {self.actor.f1:.3f}  recipient F1 {self.recipient.f1:.3f}"
            f" (on {self.matched} paired events)\n"
            f"status accuracy {self.status_accuracy:.3f}"
            f" ({self.status_correct}/{self.matched}); planned/hypothetical called asserted:"
            f" {self.irrealis_as_asserted} of {self.irrealis_matched} paired"
            f" ({self.irrealis_gold} in gold)\n"
            f"events per sentence: gold {self.per_sentence(self.gold_events):.2f},"
            f" system {self.per_sentence(self.predicted_events):.2f}\n"
            f"no-event sentences left without events {self.silent_on_no_event:.3f}"
            f" ({self.no_event_silent}/{self.no_event_sentences}),"
            f" {self.no_event_spurious} spurious events"
        )


def actor_codes(ref: ActorRef) -> set[str]:
    """Every code a system participant answers to: its code, country, sector and
    identifier (a Phoenix code such as IRQREB is country and sector together)."""
    codes = {c for c in (ref.code, ref.country, ref.sector) if c}
    codes.add(ref.actor_id.split(":")[-1].upper())
    return codes


def _side_counts(gold: list[str], system: list[ActorRef]) -> CodeCounts:
    wanted = set(gold)
    offered = [actor_codes(ref) for ref in system]
    tp = sum(1 for code in wanted if any(code in codes for codes in offered))
    fp = sum(1 for codes in offered if not codes & wanted)
    return CodeCounts(tp, fp, len(wanted) - tp)


def _overlap(gold: GoldEvent, mention: EventMention) -> int:
    return (
        _side_counts(gold.source, mention.actors).tp
        + _side_counts(gold.target, mention.recipients).tp
    )


def pair_events(
    gold: list[GoldEvent], system: list[EventMention]
) -> list[tuple[GoldEvent, EventMention]]:
    """One-to-one pairs of the same type, most shared participant codes first."""
    candidates = [
        (_overlap(g, m), -gi, -si, gi, si)
        for gi, g in enumerate(gold)
        for si, m in enumerate(system)
        if g.event == m.type
    ]
    pairs: list[tuple[GoldEvent, EventMention]] = []
    used_gold: set[int] = set()
    used_system: set[int] = set()
    for *_, gi, si in sorted(candidates, reverse=True):
        if gi in used_gold or si in used_system:
            continue
        used_gold.add(gi)
        used_system.add(si)
        pairs.append((gold[gi], system[si]))
    return pairs


def top_event(system: list[EventMention]) -> EventMention | None:
    if not system:
        return None
    return max(system, key=lambda m: (m.confidence, -m.trigger_start))


def _describe_gold(event: GoldEvent) -> str:
    return f"{event.event}({event.status}) {','.join(event.source)}>{','.join(event.target)}"


def _describe_side(side: list[ActorRef]) -> str:
    return ",".join(sorted(r.code or r.country or r.actor_id for r in side))


def _describe_system(mention: EventMention) -> str:
    source, target = _describe_side(mention.actors), _describe_side(mention.recipients)
    return f"{mention.type}({mention.modality}) {source}>{target} [{mention.trigger}]"


def score_sentence(
    scores: PloverScores, sentence: GoldSentence, system: list[EventMention]
) -> None:
    """Add one coded sentence to ``scores``."""
    gold = sentence.events
    scores.sentences += 1
    scores.gold_events += len(gold)
    scores.irrealis_gold += sum(1 for g in gold if g.status in IRREALIS)
    scores.predicted_events += len(system)
    problems: list[str] = []
    if not gold:
        scores.no_event_sentences += 1
        scores.no_event_silent += not system
        scores.no_event_spurious += len(system)
    else:
        scores.event_sentences += 1
        top = top_event(system)
        if top is not None and top.type == gold[0].event:
            scores.top_correct += 1
        else:
            problems.append(f"top {top.type if top else 'none'}, gold {gold[0].event}")
    pairs = pair_events(gold, system)
    scores.matched += len(pairs)
    for g, m in pairs:
        for counts, found in (
            (scores.actor, _side_counts(g.source, m.actors)),
            (scores.recipient, _side_counts(g.target, m.recipients)),
        ):
            counts.tp += found.tp
            counts.fp += found.fp
            counts.fn += found.fn
            if found.fp or found.fn:
                problems.append(f"participants {_describe_system(m)}, gold {_describe_gold(g)}")
        scores.status_correct += m.modality == g.status
        if g.status in IRREALIS:
            scores.irrealis_matched += 1
            scores.irrealis_as_asserted += m.modality == "asserted"
        if m.modality != g.status:
            problems.append(f"status {m.type} {m.modality}, gold {g.status}")
    paired_gold = {id(g) for g, _ in pairs}
    paired_system = {id(m) for _, m in pairs}
    problems += [f"missed {_describe_gold(g)}" for g in gold if id(g) not in paired_gold]
    problems += [f"extra {_describe_system(m)}" for m in system if id(m) not in paired_system]
    if problems:
        unique = list(dict.fromkeys(problems))
        scores.errors.append(f"{sentence.id}: {'; '.join(unique)}\n    {sentence.text}")


Coder = Callable[[GoldSentence], list[EventMention]]


def code_sentence(sentence: GoldSentence) -> list[EventMention]:
    """The system's events for one gold sentence, coded on its own."""
    annotation = annotate_text(sentence.text, sentence.published, sentence.id)
    return list(annotation.event_mentions)


def score_sentences(
    sentences: Iterable[GoldSentence], coder: Coder = code_sentence
) -> dict[str, PloverScores]:
    """Scores per corpus (``t17-dev``, ``examples``, ``inline``) and over ``all``."""
    results: dict[str, PloverScores] = {}
    overall = PloverScores()
    for sentence in sentences:
        system = coder(sentence)
        score_sentence(results.setdefault(sentence.corpus, PloverScores()), sentence, system)
        score_sentence(overall, sentence, system)
    if len(results) > 1:
        results["all"] = overall
    return results


@dataclass(slots=True)
class PloverRun:
    scores: dict[str, PloverScores]
    skipped: list[str]


def score_plover(gold_path: str | Path, root: Path | None = None) -> PloverRun:
    """Load PLOVER-style gold (resolving references under ``root``) and score the coder."""
    gold = load_plover_gold(gold_path, root)
    return PloverRun(score_sentences(gold.sentences), gold.skipped)


def is_plover_file(path: str | Path) -> bool:
    """True when the first record of a gold JSONL file is PLOVER-style (not the bundled format)."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                return is_plover_record(json.loads(line))
    return False
