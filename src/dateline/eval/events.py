"""Event-coding scorer: type, participants, status and date against a gold JSONL file.

Gold lines: ``{"id", "text", "published"?, "events": [{"type", "modality", "actors":
[codes], "recipients": [codes], "date"?}]}``. A predicted event matches a gold event of
the same type when their participants overlap (or neither has any); matching is one to
one, best overlap first. Reported: precision, recall and F1 of matched events, and on the
matched pairs the share with the right status, the right actor codes and the right date.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..model import ActorRef, EventMention
from ..pipeline import annotate_text


@dataclass(slots=True)
class EventScores:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    modality_correct: int = 0
    actors_correct: int = 0
    dated_gold: int = 0
    date_correct: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def modality_accuracy(self) -> float:
        return self.modality_correct / self.matched if self.matched else 0.0

    @property
    def actor_accuracy(self) -> float:
        return self.actors_correct / self.matched if self.matched else 0.0

    @property
    def date_accuracy(self) -> float:
        return self.date_correct / self.dated_gold if self.dated_gold else 0.0

    def report(self) -> str:
        return (
            f"events: gold {self.gold}, predicted {self.predicted}, matched {self.matched}\n"
            f"precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}\n"
            f"on matched events: status accuracy {self.modality_accuracy:.3f}, "
            f"actor accuracy {self.actor_accuracy:.3f}\n"
            f"date accuracy (gold events with a date): {self.date_accuracy:.3f}"
            f" of {self.dated_gold}"
        )


def _codes(side: list[ActorRef]) -> set[str]:
    codes: set[str] = set()
    for ref in side:
        codes.update(c for c in (ref.code, ref.country) if c)
        codes.add(ref.actor_id.split(":")[-1].upper())
    return codes


def _overlap(predicted: EventMention, gold: dict[str, Any]) -> int:
    mine = _codes(predicted.actors) | _codes(predicted.recipients)
    theirs = set(gold.get("actors", [])) | set(gold.get("recipients", []))
    if not theirs:
        return 1
    return len(mine & theirs)


#: The project's own gold sentences (written for dateline, not taken from a corpus):
#: "dev" was used while building the lexicon and rules, "heldout" was not.
BUNDLED_SETS = {"dev": "events_gold.jsonl", "heldout": "events_heldout.jsonl"}


def bundled_gold(name: str) -> Path:
    return Path(str(resources.files(__package__).joinpath("data", BUNDLED_SETS[name])))


def score_events(gold_path: str | Path) -> EventScores:
    scores = EventScores()
    with open(gold_path, encoding="utf-8") as handle:
        items = [json.loads(line) for line in handle if line.strip()]
    for item in items:
        annotation = annotate_text(item["text"], item.get("published"), item["id"])
        predicted = list(annotation.event_mentions)
        scores.gold += len(item["events"])
        scores.predicted += len(predicted)
        for gold in item["events"]:
            candidates = [p for p in predicted if p.type == gold["type"] and _overlap(p, gold)]
            if not candidates:
                scores.errors.append(f"{item['id']}: missed {gold['type']}")
                continue
            best = max(candidates, key=lambda p: _overlap(p, gold))
            predicted.remove(best)
            scores.matched += 1
            scores.modality_correct += best.modality == gold["modality"]
            scores.actors_correct += set(gold.get("actors", [])) <= _codes(best.actors)
            if gold.get("date"):
                scores.dated_gold += 1
                scores.date_correct += best.date.value == gold["date"]
            if best.modality != gold["modality"]:
                scores.errors.append(
                    f"{item['id']}: {gold['type']} status {best.modality}, gold {gold['modality']}"
                )
        scores.errors.extend(f"{item['id']}: extra {p.type} ({p.trigger})" for p in predicted)
    return scores
