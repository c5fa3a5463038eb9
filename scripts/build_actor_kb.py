"""Build the generated actor knowledge-base files in src/dateline/actors/data/.

- countries.tsv: every ISO 3166-1 country (pycountry names) merged with the hand-written
  country_extras.tsv and capitals.tsv and with the country aliases of PETRARCH2's
  Phoenix.Countries.actors.txt (header blocks "VENEZUELA_ [VEN]" and their "+ALIAS_" lines),
  with misspelt variants filtered out.
- agents.tsv: agent nouns and sector codes from PETRARCH2's Phoenix.agents.txt, merged
  with the hand-written agents_extra.tsv (which wins).
- people_phoenix.tsv.gz: the people of PETRARCH2's Phoenix.Countries.actors.txt (the
  CountryInfo leader and cabinet lists and other dated person entries) and
  Phoenix.International.actors.txt (IGOrulers) / Phoenix.MilNonState.actors.txt (dated
  entries), with their dated CAMEO codes turned into roles (country, sector, period).
  Groups, places and offices are left out; ambiguous aliases are dropped. The hand-written
  people.tsv wins over it when the knowledge base is loaded.

Run: python scripts/build_actor_kb.py. Skips cleanly when ../shared/reference is absent.
"""

from __future__ import annotations

import dataclasses
import difflib
import gzip
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pycountry

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from dateline.actors.kb import slug
from dateline.textnorm import fold

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


# --- People (Phoenix actor dictionaries) ---------------------------------------------------

#: CAMEO country codes that are not current ISO 3166-1 alpha-3 codes -> the ISO code used
#: (ISO 3166-3 former codes for states that no longer exist, "XKX" for Kosovo as the EU
#: and IMF write it). Codes mapped to "" name no country (fictional, militant networks).
CAMEO_COUNTRIES = {
    "TMP": "TLS", "KSV": "XKX", "USR": "SUN", "FRY": "SCG", "SRP": "BIH", "IMY": "IMN",
    "ROM": "ROU", "ZAR": "COD", "BUR": "MMR", "KNT": "", "IMG": "",
}  # fmt: skip
#: Former states kept under their ISO 3166-3 alpha-3 code.
HISTORIC_COUNTRIES = ("DDR", "SUN", "YUG", "SCG", "CSK")
#: CAMEO role codes (after the country) -> (project sector, readable title word).
ROLE_CODES = {
    "GOV": ("GOV", "government"), "ELI": ("ELI", "elite"), "MIL": ("MIL", "military"),
    "OPP": ("OPP", "opposition"), "REB": ("REB", "rebel"), "COP": ("COP", "police"),
    "SPY": ("SPY", "intelligence"), "LEG": ("LEG", "legislature"), "JUD": ("JUD", "judiciary"),
    "BUS": ("BUS", "business"), "EDU": ("EDU", "education"), "HLH": ("HLH", "health"),
    "MED": ("MED", "media"), "AGR": ("AGR", "agriculture"), "LAB": ("LAB", "labour"),
    "DEV": ("DEV", "development"), "ENV": ("ENV", "environment"), "REL": ("REL", "religion"),
    "HRI": ("HRI", "human rights"), "REF": ("REF", "refugees"), "CRM": ("CRM", "crime"),
    "CVL": ("CVL", "civilian"), "MUS": ("MUS", "Muslim"), "CHR": ("CHR", "Christian"),
    "UAF": ("UAF", "armed forces"), "IGO": ("IGO", "international organisation"),
    "NGO": ("NGO", "non-governmental organisation"),
}  # fmt: skip
#: CAMEO codes of international organisations (after "IGO"), for the role title.
IGO_NAMES = {
    "UNO": "United Nations", "WBK": "World Bank", "IMF": "International Monetary Fund",
    "NAT": "NATO", "EEC": "European Union", "AFU": "African Union", "ARL": "Arab League",
    "OAS": "Organization of American States", "OPC": "OPEC",
}  # fmt: skip
#: Comments that mark a whole file section as a list of people.
PERSON_SOURCES = ("countryinfo", "igorulers")
#: Words that make a phrase an institution, a group, a place or an office, not a name.
NOT_NAME_WORDS = frozenset(
    {
        "ACADEMY", "ADMINISTRATION", "AGENCY", "ALLIANCE", "AMBASSADOR", "AND", "ARMY",
        "ASSEMBLY", "ASSOCIATION", "AUTHORITY", "BANK", "BOARD", "BRIGADE", "BRIGADES", "BUREAU",
        "CABINET", "CAMP", "CENTER", "CENTRE", "CHAIRMAN", "CHIEF", "CITY", "COALITION",
        "COMMAND", "COMMANDER", "COMMISSION", "COMMITTEE", "COMMUNIST", "COMPANY", "CONGRESS",
        "CONSULATE", "CORPS", "COUNCIL", "COURT", "DELEGATION", "DEPARTMENT", "DEPUTY",
        "DIRECTOR", "DIVISION", "EMBASSY", "FACTION", "FEDERAL", "FEDERATION", "FOR", "FORCE",
        "FORCES", "FOREIGN", "FOUNDATION", "FRONT", "GENERAL", "GOVERNMENT", "GOVERNOR", "GROUP",
        "GUARD", "GUARDS", "HOUSE", "INSTITUTE", "ISLANDS", "JUNTA", "KINGDOM", "LEADER",
        "LEADERS", "LEAGUE", "LIBERATION", "MAYOR", "MILITIA", "MINISTER", "MINISTRY",
        "MOVEMENT", "NATIONAL", "OBSERVATORY", "OFFICE", "OFFICIAL", "OFFICIALS", "ORGANISATION",
        "ORGANIZATION", "PALACE", "PARLIAMENT", "PARTY", "PEOPLE", "PEOPLE'S", "PEOPLES",
        "POLICE", "PREMIER", "PRESIDENCY", "PRESIDENT", "PRIME", "PROVINCE", "REGIME", "REGION",
        "REPUBLIC", "REVOLUTIONARY", "SECRETARIAT", "SECRETARY", "SECURITY", "SENATE", "SENATOR",
        "SERVICE", "SERVICES", "SOLDIERS", "SOVIET", "SPEAKER", "SPOKESMAN", "SPOKESWOMAN",
        "STAFF", "STATE", "STATES", "SUPREME", "THE", "TRIBUNAL", "UNION", "UNIT", "UNITED",
        "UNIVERSITY",
    }
)  # fmt: skip
#: Lowercase name particles in a readable name ("Ahmad Hassan al-Bakr", "Javier de Cuéllar").
PARTICLES = frozenset(
    {"al", "bin", "bint", "ibn", "de", "da", "do", "dos", "das", "del", "della", "di", "du",
     "der", "den", "van", "von", "la", "le", "y", "e", "of"}
)  # fmt: skip
#: Longest name kept (in words): longer ones are formal styles nobody writes in the news,
#: and would widen the resolver's longest-match window.
MAX_NAME_WORDS = 5


def two_digit_century(year: int) -> int:
    """ "710101" is 1971, "030101" is 2003: the dictionaries date from 2014 and have no
    two-digit years between 15 and 30."""
    return 1900 + year if year > 30 else 2000 + year


def phoenix_date(text: str) -> str | None:
    """ISO date of a YYMMDD or YYYYMMDD dictionary date; None when malformed."""
    if len(text) == 6:
        year, rest = two_digit_century(int(text[:2])), text[2:]
    elif len(text) == 8:
        year, rest = int(text[:4]), text[4:]
    else:
        return None
    try:
        return date(year, int(rest[:2]), int(rest[2:])).isoformat()
    except ValueError:
        return None


def phoenix_period(restriction: str) -> tuple[str | None, str | None] | None:
    """(start, end) of a date restriction ("970502-070627", ">110222", "<900823", "");
    None when it cannot be read (then the code line is left out)."""
    text = restriction.replace(" ", "")
    if not text:
        return (None, None)
    if found := re.fullmatch(r"(\d+)-(\d+)", text):
        start, end = phoenix_date(found.group(1)), phoenix_date(found.group(2))
        if start is None or end is None or start > end:
            return None
        return (start, end)
    if found := re.fullmatch(r"([<>])(\d+)", text):
        day = phoenix_date(found.group(2))
        if day is None:
            return None
        return (day, None) if found.group(1) == ">" else (None, day)
    return None


@dataclass
class ActorBlock:
    """One record of an actors dictionary: a header phrase, its "+" synonyms, its codes."""

    header: str
    comment: str
    aliases: list[str] = field(default_factory=list)
    #: (code, date restriction) pairs, in file order.
    codes: list[tuple[str, str]] = field(default_factory=list)


_CODE = re.compile(r"\[([A-Z]+|---)\s*([^\]]*)\]")


def phoenix_actor_blocks(text: str) -> list[ActorBlock]:
    """Every record of a TABARI/PETRARCH actors dictionary, comments split off."""
    blocks: list[ActorBlock] = []
    for raw in text.splitlines():
        body, _, comment = raw.partition("#")
        if not body.strip():
            continue
        codes = _CODE.findall(body)
        phrase = _CODE.sub(" ", body).strip()
        if raw[0] in " \t" and not phrase:
            if blocks:
                blocks[-1].codes.extend(codes)
            continue
        if raw.startswith("+"):
            if blocks:
                blocks[-1].aliases.append(phrase[1:].strip())
                blocks[-1].codes.extend(codes)
            continue
        blocks.append(ActorBlock(phrase, comment.strip(), [], list(codes)))
    return blocks


def iso_country(cameo: str) -> str | None:
    """The ISO alpha-3 code of a CAMEO country code; None for no country."""
    if cameo in CAMEO_COUNTRIES:
        return CAMEO_COUNTRIES[cameo] or None
    if cameo in HISTORIC_COUNTRIES or pycountry.countries.get(alpha_3=cameo) is not None:
        return cameo
    return None


@dataclass(frozen=True)
class PhoenixRole:
    country: str  # ISO alpha-3, "" for none (an international organisation)
    sector: str
    title: str
    start: str | None
    end: str | None


def parse_code(code: str) -> tuple[str, str, str] | None:
    """(country, sector, title) of a person's CAMEO code ("GBRGOV", "IRQGOVBUS", "IGOUNO",
    "GBRVGBELI", "ELI"); None for a code that names no person's role (a bare country)."""
    parts = [code[i : i + 3] for i in range(0, len(code), 3)]
    if len(code) % 3 or not parts:
        return None
    country = ""
    if parts[0] == "IGO":
        igo = next((IGO_NAMES[p] for p in reversed(parts[1:]) if p in IGO_NAMES), None)
        return "", "IGO", f"international organisation ({igo})" if igo else ROLE_CODES["IGO"][1]
    if len(parts) > 1 or parts[0] not in ROLE_CODES:
        # A country first ("MUSGOV" is Mauritius, not Muslim) unless the code is a bare role.
        mapped = iso_country(parts[0])
        if mapped is None:
            return None
        country, parts = mapped, parts[1:]
        if parts and parts[0] not in ROLE_CODES and (territory := iso_country(parts[0])):
            country, parts = territory, parts[1:]  # "GBRVGB": the British Virgin Islands
    roles = [ROLE_CODES[p] for p in parts if p in ROLE_CODES]
    if not roles:
        return None
    sector, title = roles[0]
    if len(roles) > 1:
        title += " (" + ", ".join(word for _, word in roles[1:]) + ")"
    return country, sector, title


def person_roles(block: ActorBlock) -> list[PhoenixRole] | None:
    """The roles of a person record, in time order; None when a code is no person's
    (a bare country code, a group code), or no code can be read."""
    dated: list[PhoenixRole] = []
    defaults: list[tuple[str, str, str]] = []
    for code, restriction in block.codes:
        parsed = parse_code(code)
        if parsed is None:
            if code == "---":
                continue
            return None
        period = phoenix_period(restriction)
        if period is None:
            continue
        if period == (None, None):
            defaults.append(parsed)
        else:
            dated.append(PhoenixRole(*parsed, *period))
    dated = merge_periods(dated)
    # A default code applies outside the dated ones: after the last one, when that ended.
    ends = [role.end for role in dated]
    after = max(e for e in ends if e) if dated and all(ends) else None
    roles = dated + [
        PhoenixRole(*parsed, after, None)
        for parsed in dict.fromkeys(defaults)
        if not dated or after is not None
    ]
    return roles or None


def merge_periods(roles: list[PhoenixRole]) -> list[PhoenixRole]:
    """Overlapping or repeated periods of one code become one ("[GBRGOV 030101-070630]"
    and "[GBRGOV 970502-070627]": 1997-05-02 to 2007-06-30); sorted by start."""

    def key(role: PhoenixRole) -> tuple[str, str]:
        return (role.start or "", role.end or "9999")

    merged: list[PhoenixRole] = []
    for role in sorted(roles, key=key):
        same = [m for m in merged if (m.country, m.sector, m.title)
                == (role.country, role.sector, role.title)]  # fmt: skip
        last = same[-1] if same else None
        if last is not None and (last.end is None or (role.start or "") <= last.end):
            end = None if last.end is None or role.end is None else max(last.end, role.end)
            merged[merged.index(last)] = dataclasses.replace(last, end=end)
        else:
            merged.append(role)
    return sorted(merged, key=key)


def name_words(phrase: str) -> list[str]:
    return [word for word in re.split(r"[_\s]+", phrase.strip("_ ").upper()) if word]


def plausible_name(phrase: str) -> bool:
    """A person's name: 1-5 words of letters (dots, hyphens, apostrophes, commas for
    "Jr."), no institution or office words."""
    words = name_words(phrase)
    return (
        0 < len(words) <= MAX_NAME_WORDS
        and all(re.fullmatch(r"[A-Z][A-Z'.\-]*,?", word) for word in words)
        and not any(part in NOT_NAME_WORDS for word in words for part in re.split(r"[\-.,]", word))
        and sum(char.isalpha() for char in phrase) >= 4
    )


def readable_name(phrase: str) -> str:
    """ "TONY_BLAIR_" -> "Tony Blair", "AHMAD_HASSAN_AL_BAKR_" -> "Ahmad Hassan al Bakr",
    "ROBERT_MCNAMARA_" -> "Robert McNamara", "MARTIN_O'MALLEY" -> "Martin O'Malley"."""
    words: list[str] = []
    for index, word in enumerate(name_words(phrase)):
        lower = word.lower()
        if index and lower in PARTICLES:
            words.append(lower)
            continue
        parts = re.split(r"([\-'])", lower)
        cased = "".join(part.capitalize() for part in parts)
        if re.match(r"Mc[a-z]", cased):
            cased = "Mc" + cased[2:].capitalize()
        if re.fullmatch(r"[ivx]+", lower):
            cased = word  # "Henry VIII"
        words.append(cased)
    return " ".join(words)


def is_person_block(block: ActorBlock, roles: list[PhoenixRole]) -> bool:
    """A record of a person: from a section of people (CountryInfo, IGOrulers), or with a
    dated role or the elite code, and a header that reads as a name. Anything else (groups,
    offices, places, undated codes) is left out."""
    if not plausible_name(block.header) or len(name_words(block.header)) < 2:
        return False  # one-word headers are junk or places ("STRATHCLYDE_", "ERGENEKON")
    if any(source in block.comment.lower() for source in PERSON_SOURCES):
        return True
    dated = any(role.start or role.end for role in roles)
    return dated or all(role.sector == "ELI" for role in roles)


@dataclass
class PhoenixPerson:
    name: str
    aliases: list[str]
    roles: list[PhoenixRole]

    @property
    def countries(self) -> set[str]:
        return {role.country for role in self.roles if role.country}


def phoenix_people(texts: Sequence[str], strict: Sequence[bool]) -> list[PhoenixPerson]:
    """The people of several actors dictionaries. ``strict`` (per text): only records with
    a dated role count (files that mix people and groups without telling them apart)."""
    people: dict[str, list[PhoenixPerson]] = {}
    for text, dated_only in zip(texts, strict, strict=True):
        for block in phoenix_actor_blocks(text):
            roles = person_roles(block)
            if roles is None or not is_person_block(block, roles):
                continue
            if dated_only and not any(role.start or role.end for role in roles):
                continue
            name = readable_name(block.header)
            aliases = [readable_name(a) for a in block.aliases if plausible_name(a)]
            person = PhoenixPerson(name, [a for a in dict.fromkeys(aliases) if a != name], roles)
            same_name = people.setdefault(fold(name), [])
            # The same name in two records: one person when their countries agree.
            twin = next((p for p in same_name if p.countries & person.countries
                         or not (p.countries and person.countries)), None)  # fmt: skip
            if twin is None:
                same_name.append(person)
            else:
                twin.aliases = list(dict.fromkeys([*twin.aliases, *person.aliases]))
                twin.roles = merge_periods(twin.roles + person.roles)
    return drop_ambiguous([p for group in people.values() if len(group) == 1 for p in group])


def drop_ambiguous(people: list[PhoenixPerson]) -> list[PhoenixPerson]:
    """Aliases claimed by two people are dropped from both; a one-word alias is kept only
    when no other person has that word in a name (a shared surname: "Bush", "Brown")."""
    claims: Counter[str] = Counter()
    words: Counter[str] = Counter()
    for person in people:
        keys = {fold(alias) for alias in [person.name, *person.aliases]}
        claims.update(keys)
        words.update({word for key in keys for word in key.split()})
    kept: list[PhoenixPerson] = []
    for person in people:
        if claims[fold(person.name)] > 1:
            continue  # someone's alias is this person's name: neither can be told apart

        def distinctive(alias: str) -> bool:
            key = fold(alias)
            if claims[key] > 1:
                return False
            return " " in key or (words[key] == 1 and len(key) >= 4)

        if " " not in fold(person.name) and not distinctive(person.name):
            continue
        person.aliases = [alias for alias in person.aliases if distinctive(alias)]
        kept.append(person)
    return kept


def build_people() -> list[tuple[str, ...]]:
    """Rows of people_phoenix.tsv.gz, in the columns of people.tsv; one row per role."""
    sources = [("Phoenix.Countries.actors.txt", False), ("Phoenix.International.actors.txt", False),
               ("Phoenix.MilNonState.actors.txt", True)]  # fmt: skip
    texts = [
        (REFERENCE / name).read_text(encoding="utf-8", errors="replace") for name, _ in sources
    ]
    people = phoenix_people(texts, [strict for _, strict in sources])
    rows: list[tuple[str, ...]] = []
    ids: set[str] = set()
    for person in sorted(people, key=lambda p: p.name):
        actor_id = "person:" + slug(person.name)
        if actor_id in ids:
            continue  # two spellings with one slug ("Ali Al-Sadr", "Ali al Sadr")
        ids.add(actor_id)
        aliases = "|".join(person.aliases)
        for role in person.roles:
            rows.append((actor_id, person.name, aliases, role.country, role.sector, role.title,
                         role.start or "", role.end or ""))  # fmt: skip
    return rows


def write(path: Path, header: list[str], columns: str, rows: Sequence[tuple[str, ...]]) -> None:
    lines = [f"# {line}" if line else "#" for line in header] + [columns]
    lines += ["\t".join(row) for row in rows]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    # A large file is written gzipped, without a timestamp, so that a rebuild is identical.
    path.write_bytes(gzip.compress(data, mtime=0) if path.suffix == ".gz" else data)
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
    write(
        DATA / "people_phoenix.tsv.gz",
        [
            "People with time-bounded roles. Generated by scripts/build_actor_kb.py from the",
            "PETRARCH2/Phoenix actor dictionaries Phoenix.Countries.actors.txt (CountryInfo",
            "leader and cabinet lists), Phoenix.International.actors.txt (IGOrulers) and",
            f"Phoenix.MilNonState.actors.txt ({LICENCE}).",
            "One row per role, columns as in people.tsv: id, canonical name, aliases (|),",
            "country (ISO alpha-3; ISO 3166-3 codes for former states, XKX Kosovo; empty for an",
            "international organisation), sector (CAMEO), role title (from the CAMEO role codes),",
            "start, end (ISO dates; empty = open). A role with an empty end after dated ones is",
            "the dictionary's default code, in effect after the last dated role. The dictionaries",
            "stop in 2014. The hand-written people.tsv wins over this file.",
        ],
        "id\tname\taliases\tcountry\tsector\ttitle\tstart\tend",
        build_people(),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
