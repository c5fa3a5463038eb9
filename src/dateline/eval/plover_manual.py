"""Code the example sentences of the PLOVER manual and compare with their documented category.

The manual (``../shared/reference/plover/PLOVER_MANUAL.tex``, openeventdata/PLOVER, CC BY-SA
4.0) is read at run time, never copied. Examples are the quoted passages (````...''``) of
at least five words outside LaTeX comments. An example's documented category is, in order:

1. the category its own paragraph or list item says it "should be coded as" (or "only the
   X should be coded"), when that is one of the sixteen PLOVER categories;
2. otherwise the CAMEO codes of a ``verbatim`` block right after it, mapped to PLOVER
   through ``CAMEO2PLOVER-2021.txt`` (the manual's compound-actor examples);
3. otherwise the category of the section it stands in.

A paragraph saying that what it describes "will not be coded" documents "no event": the
example is right when the coder finds nothing.

Examples in the auxiliary-modes list document a status instead (future, hypothetical,
negation); they are scored on status only. Examples whose documented label is not one of
the sixteen categories (a mode name, say) are reported as skipped.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..model import PLOVER_TYPES
from ..pipeline import annotate_text
from .plover_gold import repo_root

MANUAL = Path("..") / "shared" / "reference" / "plover" / "PLOVER_MANUAL.tex"
CAMEO_TABLE = Path("..") / "shared" / "reference" / "plover" / "CAMEO2PLOVER-2021.txt"
#: Auxiliary modes of the manual and the status dateline gives such an event.
AUX_STATUS = {"future": "planned", "hypothetical": "hypothetical", "negation": "negated"}
MIN_WORDS = 5

QUOTE = re.compile(r"``(.+?)(?:''|\")", re.DOTALL)
CODED_AS = re.compile(r"coded\s+as\s+(?:an?\s+)?\\plcat\{(\w+)\}|only the \\plcat\{(\w+)\}")
SECTION = re.compile(r"\\section\*?\{([^}]*)\}")
#: How the manual says that what an example reports is not coded at all.
NOT_CODED = re.compile(r"will not be coded|should not be coded")
NO_EVENT = "no event"
AUX_ITEM = re.compile(r"\\item\s*\\plcon\{(\w+)\}")
VERBATIM = re.compile(r"\\begin\{verbatim\}(.*?)\\end\{verbatim\}", re.DOTALL)
LATEX_COMMAND = re.compile(r"\\(?:emph|textit|ti|plcat|plcon|txt|textbf)\{([^}]*)\}")


@dataclass(slots=True)
class ManualExample:
    text: str
    category: str | None
    status: str | None = None
    line: int = 0


@dataclass(slots=True)
class ManualScores:
    examples: list[ManualExample] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    correct: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    status_correct: int = 0
    status_total: int = 0
    errors: list[str] = field(default_factory=list)

    def report(self) -> str:
        right, scored = sum(self.correct.values()), sum(self.total.values())
        lines = [
            f"manual examples with a documented category: {right} of {scored} coded as documented"
        ]
        for category in sorted(self.total):
            lines.append(f"  {category:<10} {self.correct[category]}/{self.total[category]}")
        if self.status_total:
            lines.append(
                f"examples documenting a status: {self.status_correct} of {self.status_total}"
            )
        if self.skipped:
            lines.append(f"skipped (label is not a category): {len(self.skipped)}")
        return "\n".join(lines)


def _clean(text: str) -> str:
    text = LATEX_COMMAND.sub(r"\1", text)
    text = text.replace("\\ldots", "...").replace("\\dots", "...").replace("\\$", "$")
    text = text.replace("~", " ").replace("\\", "")
    return " ".join(text.split()).strip(" .,")


def _uncommented(tex: str) -> str:
    """The manual with LaTeX comments blanked out (line numbers kept)."""
    return "\n".join(re.sub(r"(?<!\\)%.*", "", line) for line in tex.split("\n"))


def _cameo_table(path: Path) -> dict[str, str]:
    table: dict[str, str] = {}
    if not path.is_file():
        return table
    for line in path.read_text(encoding="utf-8").splitlines():
        code, _, rest = line.partition(":")
        if code.strip().isdigit() and rest.strip():
            table[code.strip()] = rest.split(",")[0].split("#")[0].strip()
    return table


def _blocks(tex: str) -> list[tuple[int, int]]:
    """Spans of the manual's paragraphs and list items: where a rule and its examples sit."""
    cuts = sorted(
        {0, len(tex)} | {m.start() for m in re.finditer(r"\n\s*\n|\\item\b|\\end\{itemize\}", tex)}
    )
    return list(itertools.pairwise(cuts))


def extract_examples(tex: str, cameo: dict[str, str]) -> tuple[list[ManualExample], list[str]]:
    """Example sentences of the manual with their documented category or status."""
    tex = _uncommented(tex)
    sections = [(m.start(), m.group(1).strip()) for m in SECTION.finditer(tex)]
    examples: list[ManualExample] = []
    skipped: list[str] = []
    seen: set[str] = set()
    for start, end in _blocks(tex):
        block = tex[start:end]
        for quote in QUOTE.finditer(block):
            text = _clean(quote.group(1))
            if len(text.split()) < MIN_WORDS or text in seen:
                continue
            seen.add(text)
            line = tex.count("\n", 0, start + quote.start()) + 1
            aux = AUX_ITEM.match(block.strip())
            if aux and aux.group(1) in AUX_STATUS:
                examples.append(ManualExample(text, None, AUX_STATUS[aux.group(1)], line))
                continue
            if aux:
                continue  # the historical mode: dateline has no such status
            label = _documented_label(tex, block, start + quote.end(), sections, cameo)
            if label in PLOVER_TYPES or label == NO_EVENT:
                examples.append(ManualExample(text, label, None, line))
            else:
                skipped.append(f"line {line}: {text} ({label or 'no label'})")
    return examples, skipped


def _documented_label(
    tex: str, block: str, after: int, sections: list[tuple[int, str]], cameo: dict[str, str]
) -> str | None:
    coded = CODED_AS.search(block)
    if not coded and NOT_CODED.search(block):
        return NO_EVENT
    if coded:
        return coded.group(1) or coded.group(2)
    verbatim = VERBATIM.search(tex, after)
    if verbatim and verbatim.start() - after < 400:
        codes = re.findall(r"\b(\d{3,4})\b", verbatim.group(1))
        mapped = {cameo.get(code) for code in codes} - {None}
        if len(mapped) == 1:
            return mapped.pop()
    section = [name for position, name in sections if position < after]
    return section[-1] if section else None


def score_manual(root: Path | None = None) -> ManualScores | None:
    """Code the manual's examples; None when the manual is not next to the repository."""
    root = root or repo_root()
    manual = root / MANUAL
    if not manual.is_file():
        return None
    examples, skipped = extract_examples(
        manual.read_text(encoding="utf-8"), _cameo_table(root / CAMEO_TABLE)
    )
    scores = ManualScores(examples, skipped)
    for number, example in enumerate(examples, 1):
        mentions = annotate_text(example.text, None, f"manual-{number}").event_mentions
        found = sorted({m.type for m in mentions})
        if example.category:
            scores.total[example.category] += 1
            if example.category in found or (example.category == NO_EVENT and not found):
                scores.correct[example.category] += 1
            else:
                scores.errors.append(
                    f"line {example.line}: documented {example.category}, coded "
                    f"{', '.join(found) or 'nothing'}\n    {example.text}"
                )
        if example.status:
            scores.status_total += 1
            statuses = {m.modality for m in mentions}
            if example.status in statuses:
                scores.status_correct += 1
            else:
                scores.errors.append(
                    f"line {example.line}: documented status {example.status}, coded "
                    f"{', '.join(sorted(statuses)) or 'no event'}\n    {example.text}"
                )
    return scores
