"""Time-expression scorer with the TempEval-3 definitions.

Each system expression is paired with at most one gold expression it overlaps (largest
overlap first). Relaxed extraction counts every such pair, strict extraction only pairs
with identical spans. Value F1 is relaxed F1 times the share of pairs whose TIMEX3 value is
the gold one; type accuracy likewise. The document creation time is the anchor and not
scored.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Timex
from .timeml import GoldTimex, TimeMLDocument, read_timeml, timeml_files

if TYPE_CHECKING:
    from spacy.tokens import Doc


#: What can go wrong with one expression, in the order the report lists them.
ERROR_KINDS = ("missed", "extra", "span", "value")


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(slots=True)
class TimexScores:
    documents: int = 0
    gold: int = 0
    predicted: int = 0
    relaxed: int = 0
    strict: int = 0
    value_correct: int = 0
    type_correct: int = 0
    errors: list[str] = field(default_factory=list)
    error_kinds: Counter[str] = field(default_factory=Counter)

    def ratio(self, part: int, whole: int) -> float:
        return part / whole if whole else 0.0

    @property
    def relaxed_f1(self) -> float:
        return f1(self.ratio(self.relaxed, self.predicted), self.ratio(self.relaxed, self.gold))

    @property
    def strict_f1(self) -> float:
        return f1(self.ratio(self.strict, self.predicted), self.ratio(self.strict, self.gold))

    @property
    def value_accuracy(self) -> float:
        return self.ratio(self.value_correct, self.relaxed)

    @property
    def value_f1(self) -> float:
        return self.relaxed_f1 * self.value_accuracy

    @property
    def type_accuracy(self) -> float:
        return self.ratio(self.type_correct, self.relaxed)

    def add(self, other: TimexScores) -> None:
        for name in ("documents", "gold", "predicted", "relaxed", "strict"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.value_correct += other.value_correct
        self.type_correct += other.type_correct
        self.errors.extend(other.errors)
        self.error_kinds.update(other.error_kinds)

    def report(self) -> str:
        p_relaxed = self.ratio(self.relaxed, self.predicted)
        r_relaxed = self.ratio(self.relaxed, self.gold)
        p_strict = self.ratio(self.strict, self.predicted)
        r_strict = self.ratio(self.strict, self.gold)
        return (
            f"documents {self.documents}, gold {self.gold}, predicted {self.predicted}\n"
            f"relaxed  P {p_relaxed:.3f}  R {r_relaxed:.3f}  F1 {self.relaxed_f1:.3f}\n"
            f"strict   P {p_strict:.3f}  R {r_strict:.3f}  F1 {self.strict_f1:.3f}\n"
            f"value    accuracy {self.value_accuracy:.3f}  F1 {self.value_f1:.3f}\n"
            f"type     accuracy {self.type_accuracy:.3f}\n"
            f"errors   " + "  ".join(f"{k} {self.error_kinds[k]}" for k in ERROR_KINDS)
        )


def pair_up(gold: Sequence[GoldTimex], predicted: Sequence[Timex]) -> list[tuple[GoldTimex, Timex]]:
    """One-to-one pairs of overlapping expressions, largest overlap first."""
    candidates = []
    for g_index, g in enumerate(gold):
        for p_index, p in enumerate(predicted):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0:
                candidates.append((-overlap, g_index, p_index))
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for _, g_index, p_index in sorted(candidates):
        if g_index in used_gold or p_index in used_predicted:
            continue
        used_gold.add(g_index)
        used_predicted.add(p_index)
        pairs.append((gold[g_index], predicted[p_index]))
    return pairs


def score_document(document: TimeMLDocument, predicted: Sequence[Timex]) -> TimexScores:
    scores = TimexScores(documents=1, gold=len(document.timexes), predicted=len(predicted))
    pairs = pair_up(document.timexes, predicted)
    name = document.name
    for gold, found in pairs:
        scores.relaxed += 1
        if (gold.start, gold.end) == (found.start, found.end):
            scores.strict += 1
        else:
            scores.error_kinds["span"] += 1
            scores.errors.append(f"{name}: span {gold.text!r} ~ {found.text!r}")
        scores.type_correct += gold.type == found.type
        if gold.value == found.value:
            scores.value_correct += 1
        else:
            scores.error_kinds["value"] += 1
            scores.errors.append(
                f"{name}: value {gold.text!r} gold {gold.value} got {found.value}"
                f" ({found.text!r}, dct {document.dct})"
            )
    paired_gold = {id(g) for g, _ in pairs}
    paired_found = {id(p) for _, p in pairs}
    for gold in document.timexes:
        if id(gold) not in paired_gold:
            scores.error_kinds["missed"] += 1
            scores.errors.append(f"{name}: missed {gold.text!r} {gold.type} {gold.value}")
    for found in predicted:
        if id(found) not in paired_found:
            scores.error_kinds["extra"] += 1
            scores.errors.append(f"{name}: extra {found.text!r} {found.type} {found.value}")
    return scores


def score_each(
    documents: Iterable[TimeMLDocument], use_parser: bool = True
) -> Iterator[TimexScores]:
    """Tag every document against its DCT and score it, one document at a time (the
    parser runs lazily in batches, so a caller can show progress)."""
    from ..temporal import tag_timexes

    documents = list(documents)
    docs: Iterable[Doc | None] = [None] * len(documents)
    if use_parser:
        from ..nlp import parse  # the spaCy model loads only when asked for

        docs = parse(d.text for d in documents)
    for document, doc in zip(documents, docs, strict=True):
        yield score_document(document, tag_timexes(document.text, document.dct, doc))


def score_documents(documents: Iterable[TimeMLDocument], use_parser: bool = True) -> TimexScores:
    """Tag every document against its DCT and score it."""
    total = TimexScores()
    for scores in score_each(documents, use_parser):
        total.add(scores)
    return total


def score_timeml(folder: Path, use_parser: bool = True) -> TimexScores:
    """Scores over every distinct ``.tml`` file under ``folder``."""
    return score_documents((read_timeml(p) for p in distinct_timeml_files(folder)), use_parser)


def distinct_timeml_files(folder: Path) -> list[Path]:
    """The ``.tml`` files under ``folder``, a file with the same name and bytes as an
    earlier one left out (a corpus may ship a copy of a document in a second folder)."""
    seen: set[tuple[str, bytes]] = set()
    distinct = []
    for path in timeml_files(folder):
        key = (path.name, hashlib.sha256(path.read_bytes()).digest())
        if key not in seen:
            seen.add(key)
            distinct.append(path)
    return distinct


def gold_sets(folder: Path) -> dict[str, list[Path]]:
    """The ``.tml`` files to report on: each immediate subfolder holding any, then the
    whole folder with every distinct file once (left out when it is the only subfolder)."""
    sets = {
        sub.name: files
        for sub in sorted(p for p in folder.iterdir() if p.is_dir())
        if (files := list(timeml_files(sub)))
    }
    whole = distinct_timeml_files(folder)
    label = folder.name or str(folder)
    if not sets:
        return {label: whole} if whole else {}
    if len(sets) > 1 or len(next(iter(sets.values()))) != len(whole):
        sets[f"{label} (all)"] = whole
    return sets


def score_sets(
    sets: dict[str, list[Path]],
    use_parser: bool = True,
    progress: Callable[[str], None] | None = None,
) -> dict[str, TimexScores]:
    """Scores per set; each distinct file is read, tagged and scored once, and ``progress``
    is called with its name."""
    paths = sorted({path for files in sets.values() for path in files})
    documents = [read_timeml(path) for path in paths]
    per_path: dict[Path, TimexScores] = {}
    for path, scores in zip(paths, score_each(documents, use_parser), strict=True):
        per_path[path] = scores
        if progress:
            progress(path.name)
    results = {}
    for name, files in sets.items():
        total = TimexScores()
        for path in files:
            total.add(per_path[path])
        results[name] = total
    return results
