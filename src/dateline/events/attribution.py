"""Attribution: who the text says an event comes from.

Cues: "according to X", "X said/told/added/claimed ...", "X reports that ...",
"reports from X", "citing four sources". A reporting verb governs the events in its
complement clause; when it has none (the quote came first: "“…,” Sabatini said") it
governs every event of its sentence. "According to X" and "citing X" govern their
sentence. The cue nearest the event (the innermost reporting clause) wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from dateline.events.arguments import ActorIndex
from dateline.events.lexicon import cue_set
from dateline.model import Attribution

from ..nlp import doc_text, token_columns

SUBJECTS = frozenset({"nsubj", "nsubjpass"})


@dataclass(slots=True)
class Cue:
    attribution: Attribution
    #: Token indices the cue governs (a clause), or None for the whole sentence.
    scope: frozenset[int] | None


def _phrase(tokens: list[Token]) -> tuple[int, int]:
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return start, end


def _speaker(head: Token, index: ActorIndex) -> tuple[str, str | None]:
    """The speaker's name (its mention text, else its noun phrase) and actor id."""
    mention = index.mention_at(head)
    if mention is not None:
        return mention.text, mention.actor_id
    subtree = [t for t in head.subtree if t.dep_ not in {"punct", "relcl", "acl"}]
    words = [t for t in subtree if t.i <= head.i or t.dep_ in {"compound", "flat"}]
    text = head.doc[words[0].i : words[-1].i + 1].text if words else head.text
    return text, None


def _cue(doc_text: str, speaker: Token, cue_tokens: list[Token], index: ActorIndex) -> Attribution:
    name, actor_id = _speaker(speaker, index)
    start, end = _phrase(cue_tokens + list(speaker.subtree))
    return Attribution(name, doc_text[start:end], actor_id, start, end)


@lru_cache(maxsize=4)
def _cue_words(speech_verbs: frozenset[str], report_nouns: frozenset[str]) -> frozenset[str]:
    return speech_verbs | report_nouns | {"cite"}


def find_cues(sentence: Span, index: ActorIndex) -> list[Cue]:
    """The attribution cues of one sentence with the tokens each governs."""
    speech_verbs = cue_set("attribution", "speech_verbs")
    report_nouns = cue_set("attribution", "report_nouns")
    text = doc_text(sentence.doc)
    cues: list[Cue] = []
    doc, columns = sentence.doc, token_columns(sentence.doc)
    lemmas, lowers = columns.lemma, columns.lower
    # The words the branches below look at; no other word is a cue.
    cue_words = _cue_words(speech_verbs, report_nouns)
    for i in [
        k for k in range(sentence.start, sentence.end)
        if lemmas[k] in cue_words or lowers[k] == "according"
    ]:  # fmt: skip
        lemma = lemmas[i]
        token = doc[i]
        if token.lower_ == "according":
            objects = [
                g
                for c in token.children
                if c.lower_ == "to"
                for g in c.children
                if g.dep_ == "pobj"
            ]
            if objects:
                cues.append(Cue(_cue(text, objects[0], [token], index), None))
        elif lemma == "cite" and token.pos_ == "VERB":
            objects = [c for c in token.children if c.dep_ == "dobj"]
            if objects:
                cues.append(Cue(_cue(text, objects[0], [token], index), None))
        elif token.pos_ == "VERB" and lemma in speech_verbs:
            subjects = [c for c in token.children if c.dep_ in SUBJECTS]
            if not subjects:
                continue
            clauses = [c for c in token.children if c.dep_ in {"ccomp", "xcomp", "parataxis"}]
            if not clauses and token.dep_ not in {"ROOT", "parataxis"}:
                continue  # "with Trump emphasizing cooperation": no claim is reported
            scope = frozenset(t.i for c in clauses for t in c.subtree) if clauses else None
            attribution = _cue(text, subjects[0], [token], index)
            start, end = _phrase([token, *subjects[0].subtree])
            attribution.text, attribution.start, attribution.end = text[start:end], start, end
            cues.append(Cue(attribution, scope))
        elif token.pos_ == "NOUN" and lemma in report_nouns:
            sources = [
                g for c in token.children if c.lower_ in {"from", "by"} for g in c.children
                if g.dep_ == "pobj"
            ]  # fmt: skip
            if sources:
                cues.append(Cue(_cue(text, sources[0], [token], index), None))
    return cues


def attribution_for(trigger: Token, cues: list[Cue]) -> Attribution | None:
    """The cue governing a trigger: the smallest clause holding it, else a sentence-wide one."""
    scoped = [c for c in cues if c.scope is not None and trigger.i in c.scope]
    if scoped:
        return min(scoped, key=lambda c: len(c.scope or ())).attribution
    sentence_wide = [c for c in cues if c.scope is None]
    return sentence_wide[0].attribution if sentence_wide else None
