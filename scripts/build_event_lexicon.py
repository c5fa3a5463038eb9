"""Derive the event verb lexicon (src/dateline/events/data/verbs.tsv) from reference data.

Sources, read from ../shared/reference next to the checkout:

* petrarch2/CAMEO.2.0.txt — the PETRARCH2 CAMEO verb dictionary (openeventdata/petrarch2,
  MIT licence). Each verb block starts with ``--- NAME [code] ---``; the verbs under it take
  their own ``[code]`` if they have one, else the block's. Patterns (lines starting ``-``)
  are not used: the verb's main, pattern-less code is the most generic reading.
* plover/CAMEO2PLOVER-2021.txt — the CAMEO to PLOVER table (openeventdata/PLOVER,
  CC BY-SA 4.0), giving a PLOVER type, mode and context per CAMEO code.

Only single-word verbs are kept; CAMEO codes with no PLOVER type (01 public statements,
02 appeals) are dropped. Hand corrections live in events/data/overrides.yaml, not here.

Run: ``python scripts/build_event_lexicon.py`` (skips cleanly if ../shared is absent).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT.parent / "shared" / "reference"
CAMEO_VERBS = REFERENCE / "petrarch2" / "CAMEO.2.0.txt"
CAMEO_TO_PLOVER = REFERENCE / "plover" / "CAMEO2PLOVER-2021.txt"
OUTPUT = ROOT / "src" / "dateline" / "events" / "data" / "verbs.tsv"

BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
VERB_LINE = re.compile(r"^([A-Z][A-Z'_+-]*)\s*(\{[^}]*\})?\s*(\[([^\]]*)\])?")

HEADER = """\
# Event verbs: lemma, PLOVER type, mode, context, CAMEO code.
# Derived by scripts/build_event_lexicon.py from PETRARCH2 CAMEO.2.0.txt
# (openeventdata/petrarch2, MIT licence) mapped through CAMEO2PLOVER-2021.txt
# (openeventdata/PLOVER, CC BY-SA 4.0). Each verb keeps its main (pattern-less) code.
# Do not edit by hand: corrections go in overrides.yaml.
"""


def primary_code(raw: str) -> str | None:
    """The source-side code of a CAMEO code field ("042:043" -> "042"; "---" -> None)."""
    for part in raw.strip().split(":"):
        part = part.strip()
        if part and part != "---" and part.isdigit():
            return part
    return None


def read_plover_table(path: Path) -> dict[str, tuple[str, str, str]]:
    """CAMEO code -> (PLOVER type, mode, context); first listing of a code wins."""
    table: dict[str, tuple[str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        body = line.split("#", 1)[0].strip()
        if ":" not in body:
            continue
        code, _, rest = body.partition(":")
        fields = [f.strip() for f in rest.split(",")]
        if not code.strip().isdigit() or not fields[0]:
            continue
        mode = fields[1] if len(fields) > 1 else ""
        context = fields[2].replace(";", ",").replace(" ", "") if len(fields) > 2 else ""
        table.setdefault(code.strip(), (fields[0], mode, context))
    return table


def plover_for(code: str, table: dict[str, tuple[str, str, str]]) -> tuple[str, str, str] | None:
    """The PLOVER row for a code, falling back to its parent codes (0312 -> 031 -> 03)."""
    for length in range(len(code), 1, -1):
        row = table.get(code[:length])
        if row:
            return row
    return None


def read_verb_codes(path: Path) -> dict[str, str]:
    """Single-word verb lemma -> its main CAMEO code (first block that codes it)."""
    codes: dict[str, str] = {}
    in_verbs = False
    block_code: str | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if not in_verbs or not line.strip() or line.startswith(("#", "-", "~")):
            match = BLOCK.match(line) if in_verbs else None
            if match:
                block_code = primary_code(match.group(2))
            continue
        match = VERB_LINE.match(line.strip())
        if not match:
            continue
        word = match.group(1)
        if "_" in word or "+" in word:
            continue  # multi-word verbs are left to patterns
        own = match.group(4)
        code = primary_code(own) if own is not None else block_code
        if code:
            codes.setdefault(word.lower(), code)
    return codes


def build() -> list[tuple[str, str, str, str, str]]:
    table = read_plover_table(CAMEO_TO_PLOVER)
    rows = []
    for lemma, code in sorted(read_verb_codes(CAMEO_VERBS).items()):
        plover = plover_for(code, table)
        if plover:
            rows.append((lemma, plover[0], plover[1], plover[2], code))
    return rows


def main() -> int:
    if not CAMEO_VERBS.exists() or not CAMEO_TO_PLOVER.exists():
        print(f"skipped: reference data not found under {REFERENCE}")
        return 0
    rows = build()
    lines = [HEADER + "lemma\ttype\tmode\tcontext\tcameo"]
    lines += ["\t".join(row) for row in rows]
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} verbs to {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
