"""Build the generated actor knowledge-base files in src/dateline/actors/data/.

- countries.tsv: every ISO 3166-1 country (pycountry names) merged with the hand-written
  country_extras.tsv and capitals.tsv and with the country aliases of PETRARCH2's
  Phoenix.Countries.actors.txt (header blocks "VENEZUELA_ [VEN]" and their "+ALIAS_" lines),
  with misspelt variants filtered out.
- agents.tsv: agent nouns and sector codes from PETRARCH2's Phoenix.agents.txt, merged
  with the hand-written agents_extra.tsv (which wins).

Run: python scripts/build_actor_kb.py. Skips cleanly when ../shared/reference is absent.
"""

from __future__ import annotations

import difflib
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "dateline" / "actors" / "data"
REFERENCE = ROOT.parent / "shared" / "reference" / "petrarch2"
LICENCE = "openeventdata/petrarch2, MIT licence"

#: Endings of demonyms and adjectival forms ("Venezuelan", "Chinese", "Iraqi", "Polish").
DEMONYM_ENDINGS = ("AN", "IAN", "ANS", "IANS", "ESE", "I", "IS", "ISH", "IC", "ER", "ERS")
#: Kinds an alias may have, best first: a name claimed by two countries goes to the best.
KIND_RANK = {"name": 0, "short": 1, "demonym": 2, "capital": 3, "seat": 4, "place": 5}
#: Kinds of the names that must block a match but are no actor (code "-").
NON_ACTOR_KINDS = ("region", "not-actor")


def norm(text: str) -> str:
    return " ".join(text.replace("_", " ").split()).strip()


def phoenix_country_blocks(path: Path) -> dict[str, list[str]]:
    """ISO code -> header name and aliases of every country block of the actors file."""
    valid = {country.alpha_3 for country in pycountry.countries}
    blocks: dict[str, list[str]] = {}
    header: str | None = None
    aliases: list[str] = []
    code: str | None = None

    def close() -> None:
        if header and code in valid:
            blocks.setdefault(code, []).extend([header, *aliases])

    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("+"):
            aliases.append(norm(line[1:]))
            continue
        stripped = line.strip()
        if raw[0] in " \t" and stripped.startswith("["):
            # A code line ("[ARM >911221]"); the last plain 3-letter code names the country.
            found = re.match(r"\[([A-Z]{3})(?:\]| >)", stripped)
            if found:
                code = found.group(1)
            continue
        close()
        same_line = re.search(r"\[([A-Z]{3})\]", line)
        header = norm(line.split("[", 1)[0])
        aliases = []
        code = same_line.group(1) if same_line else None
    close()
    return blocks


def looks_like_demonym(alias: str, names: list[str]) -> bool:
    words = [word for name in names for word in name.upper().split() if len(word) >= 4]
    return " " not in alias and any(
        alias.startswith(word[:4]) and alias.endswith(DEMONYM_ENDINGS) for word in words
    )


def looks_misspelt(alias: str, names: list[str]) -> bool:
    """Close to a known name but not equal to it nor a demonym: a typo ("VENEZEULA")."""
    upper = [name.upper() for name in names]
    if alias in upper or looks_like_demonym(alias, names):
        return False
    return any(difflib.SequenceMatcher(None, alias, name).ratio() >= 0.8 for name in upper)


def plausible(alias: str) -> bool:
    # Drop punctuation-laden entries ("U,S,", "AMERICA_(US)"), one-letter and numeric junk.
    return bool(re.fullmatch(r"[A-Z][A-Z'. \-]*[A-Z.]", alias)) and len(alias) > 2


def read_rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return rows[1:]  # the first uncommented row is the column header


def build_countries() -> list[tuple[str, str, str, str]]:
    """Rows of (code, alias, kind, source); the first claim of an alias wins."""
    rows: list[tuple[str, str, str, str]] = []
    claimed: dict[str, tuple[int, str]] = {}

    def add(code: str, alias: str, kind: str, source: str) -> None:
        key = alias.casefold()
        rank = KIND_RANK.get(kind, 9)
        if key in claimed and (claimed[key][0] <= rank or code == claimed[key][1]):
            return
        claimed[key] = (rank, code)
        rows.append((code, alias, kind, source))

    for code, kind, aliases in read_rows(DATA / "country_extras.tsv"):
        for alias in aliases.split("|"):
            add(code, alias, kind, "hand")
    names: dict[str, list[str]] = {}
    for country in pycountry.countries:
        forms = [country.name]
        forms += [getattr(country, attr) for attr in ("common_name", "official_name")
                  if hasattr(country, attr)]  # fmt: skip
        names[country.alpha_3] = forms
        for form in forms:
            add(country.alpha_3, form, "name", "pycountry")
    for country in pycountry.countries:
        # "Korea, Republic of" -> "Korea", only where no country's own name claims it
        # ("Congo" is the Republic of the Congo, not "Congo, The Democratic Republic of").
        if "," in country.name:
            add(country.alpha_3, country.name.split(",", 1)[0], "short", "pycountry")
    for code, capital in read_rows(DATA / "capitals.tsv"):
        if code in names:
            add(code, capital, "capital", "hand")
    # Known good forms per country: what a Phoenix alias is compared with for typos.
    known = {code: [*forms] for code, forms in names.items()}
    for code, alias, _kind, _source in rows:
        known.setdefault(code, []).append(alias)
    if REFERENCE.is_dir():
        blocks = phoenix_country_blocks(REFERENCE / "Phoenix.Countries.actors.txt")
        for code, phoenix_aliases in blocks.items():
            for alias in (raw.upper() for raw in phoenix_aliases):
                if not plausible(alias) or looks_misspelt(alias, known[code]):
                    continue
                kind = "demonym" if looks_like_demonym(alias, known[code]) else "place"
                add(code, alias.title().replace("'S", "'s"), kind, "phoenix")
    # Every country must have at least its names: checked here so a bad merge fails loudly.
    missing = set(names) - {row[0] for row in rows}
    assert not missing, missing
    rows.sort(key=lambda row: (row[0], KIND_RANK.get(row[2], 9), row[1]))
    return rows


def phoenix_agents(path: Path) -> list[tuple[str, str]]:
    """(lemma phrase, sector codes) for the simple agent entries: up to three words."""
    person = ("man", "woman", "person")
    entries: list[tuple[str, str]] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        found = re.fullmatch(r"([A-Z_'!\-]+)\s*(?:\{[^}]*\})?\s*\[~([A-Z]+)\]", line)
        if not found:
            continue
        phrase, codes = found.groups()
        phrases = [phrase.replace("!PERSON!", word.upper()) for word in person]
        for variant in dict.fromkeys(phrases):
            if "!" in variant:
                continue
            words = variant.strip("_").lower().split("_")
            if 1 <= len(words) <= 3 and all(re.fullmatch(r"[a-z][a-z'\-]*", w) for w in words):
                entries.append((" ".join(words), codes))
    return entries


def build_agents() -> list[tuple[str, str, str]]:
    chosen: dict[str, tuple[str, str]] = {}
    for phrase, codes in read_rows(DATA / "agents_extra.tsv"):
        chosen[phrase] = (codes, "hand")
    if REFERENCE.is_dir():
        for phrase, codes in phoenix_agents(REFERENCE / "Phoenix.agents.txt"):
            chosen.setdefault(phrase, (codes, "phoenix"))
    # A hand-written "-" marks a Phoenix entry that is not an actor (ships, planes, bases).
    return sorted(
        (phrase, codes, source) for phrase, (codes, source) in chosen.items() if codes != "-"
    )


def write(path: Path, header: list[str], columns: str, rows: Sequence[tuple[str, ...]]) -> None:
    lines = [f"# {line}" if line else "#" for line in header] + [columns]
    lines += ["\t".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} rows to {path.relative_to(ROOT)}")


def main() -> int:
    if not REFERENCE.is_dir():
        print(f"skipping: {REFERENCE} not found (generated files left as they are)")
        return 0
    write(
        DATA / "countries.tsv",
        [
            "Country aliases -> ISO 3166-1 alpha-3. Generated by scripts/build_actor_kb.py from",
            "pycountry (ISO 3166 names, LGPL), country_extras.tsv and capitals.tsv (hand-written",
            "public facts) and the country blocks of PETRARCH2 Phoenix.Countries.actors.txt",
            f"({LICENCE}),",
            "misspelt variants removed. code '-' marks a region or other name that is no actor.",
            "kind: name | short | demonym | capital | seat | place | region | not-actor;",
            "source: where the alias comes from.",
        ],
        "code\talias\tkind\tsource",
        build_countries(),
    )
    write(
        DATA / "agents.tsv",
        [
            "Agent nouns (lemma, lowercase) -> CAMEO sector codes (first three letters: primary).",
            "Generated by scripts/build_actor_kb.py: derived from PETRARCH2 Phoenix.agents.txt",
            f"({LICENCE}), merged with the hand-written agents_extra.tsv (which wins).",
        ],
        "phrase\tsectors\tsource",
        build_agents(),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
