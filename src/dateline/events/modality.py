"""Modality of an event trigger: asserted, negated, planned or hypothetical.

Cues come from the trigger itself (auxiliaries, negation, adjectival modifiers of a
nominal trigger) and from the words that govern it, walking up the dependency chain
through argument links (xcomp, ccomp, dobj, acl, "of"/"for" phrases, ...). Temporal and
circumstantial adjuncts ("during Saturday's negotiations", "after the strike") are not
walked through: an adjunct's event does not share its governor's status. Reporting verbs
("said") pass their complement through unchanged.

When several cues meet: negated > hypothetical-by-question > planned > hypothetical.
A plan reported as possible ("potential military actions" in a "planning" clause) stays
planned; a question ("Will a strike strengthen Maduro?") is speculation.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from dateline.events.lexicon import cue_set
from dateline.model import Modality
from dateline.nlp import doc_text, sentence_of

#: Links through which a governor's status reaches its dependent.
ARGUMENT_LINKS = frozenset(
    {"xcomp", "ccomp", "dobj", "nsubjpass", "nsubj", "attr", "oprd", "acl", "pcomp",
     "relcl", "advcl", "csubj", "appos", "dative", "compound", "conj", "pobj"}
)  # fmt: skip
#: Prepositions through which a nominal governor reaches its object ("plans for strikes").
ARGUMENT_PREPOSITIONS = frozenset({"of", "for", "on", "about", "toward", "towards", "to"})
#: Governing links that carry negation; others carry only planned/hypothetical cues.
NEGATION_LINKS = frozenset({"xcomp", "dobj", "nsubjpass", "acl", "pcomp", "oprd", "attr"})
MAX_DEPTH = 8


@dataclass(slots=True)
class Cues:
    negated: list[str] = field(default_factory=list)
    planned: list[str] = field(default_factory=list)
    hypothetical: list[str] = field(default_factory=list)
    question: bool = False
    #: A conditional or "whether" clause: its "will" is still only possible.
    conditional: bool = False

    def decide(self) -> Modality:
        if self.negated:
            return "negated"
        if self.question or self.conditional:
            return "hypothetical"
        if self.planned:
            return "planned"
        if self.hypothetical:
            return "hypothetical"
        return "asserted"


def _cues(name: str) -> frozenset[str]:
    return cue_set("modality", name)


def _own_cues(token: Token, cues: Cues, negation_too: bool) -> None:
    """Cues attached directly to one token of the chain."""
    for child in token.children:
        word = child.lower_
        if child.dep_ in {"aux", "auxpass"}:
            if word in _cues("planned_aux"):
                cues.planned.append(word)
            elif word in _cues("hypothetical_aux"):
                cues.hypothetical.append(word)
        elif child.dep_ == "neg" or (child.dep_ in {"det", "advmod"} and word in _cues("negation")):
            nominal = token.pos_ in {"NOUN", "PROPN"}
            if nominal and child.i > token.i:
                continue  # "actions – not an invasion, but strikes": negates what follows
            following = token.doc[child.i + 1].lower_ if child.i + 1 < len(token.doc) else ""
            if following in _cues("not_negating_after"):
                continue  # "it's not just US officials meeting": they are meeting
            if _uncertain_modal(token):
                cues.hypothetical.append(f"{word} (under a modal of possibility)")
                continue  # "may not endure an assault": possible, not denied
            if negation_too and word in _cues("negation"):
                cues.negated.append(word)
        elif child.dep_ in {"preconj", "cc"} and word in {"neither", "nor"} and negation_too:
            cues.negated.append(word)  # "neither attacked nor threatened"
        elif child.dep_ == "mark" and word in _cues("hypothetical_marks"):
            cues.hypothetical.append(word)
            cues.conditional = True
        elif child.dep_ in {"amod", "compound", "advmod"} and token.pos_ in {"NOUN", "PROPN"}:
            forms = {child.lower_, child.lemma_.lower()}
            if forms & _cues("planned_modifiers"):
                cues.planned.append(child.lower_)
            elif forms & _cues("hypothetical_modifiers"):
                cues.hypothetical.append(child.lower_)
    if token.pos_ == "VERB" and token.tag_ in {"VB", "VBG", "VBN"}:
        _future_be(token, cues)


def _uncertain_modal(token: Token) -> bool:
    """ "may not", "might not": a possibility that something will not happen."""
    return any(c.dep_ == "aux" and c.lower_ in _cues("uncertain_modals") for c in token.children)


def _future_be(token: Token, cues: Cues) -> None:
    """'is expected to X', 'is set to X': an infinitive under a predicative adjective."""
    head = token.head
    if token.dep_ == "xcomp" and head.lemma_.lower() in _cues("planned_adjectives"):
        cues.planned.append(head.lower_)
    elif token.dep_ == "xcomp" and head.lemma_.lower() in _cues("hypothetical_adjectives"):
        cues.hypothetical.append(head.lower_)


def _governor_cues(governor: Token, link: str, cues: Cues) -> None:
    """Cues that a governing verb or noun lends to what it governs."""
    lemma = governor.lemma_.lower()
    particles = load_particles()
    if governor.lower_ in particles.get(governor.head.lemma_.lower(), ()):
        cues.negated.append(f"{governor.head.lemma_} {governor.lower_}")  # "stopping short of"
    elif governor.pos_ in {"VERB", "AUX"}:
        if lemma in _cues("negating_verbs"):
            needed = particles.get(lemma)
            if needed is None or any(c.lower_ in needed for c in governor.children):
                cues.negated.append(lemma)
        elif lemma in _cues("planned_verbs"):
            cues.planned.append(lemma)
        elif lemma in _cues("hypothetical_verbs"):
            cues.hypothetical.append(lemma)
    elif governor.pos_ in {"NOUN", "PROPN"}:
        failed = {c.lower_ for c in governor.children if c.dep_ == "amod"}
        if lemma in _cues("attempt_nouns") and failed & _cues("failure_modifiers"):
            cues.negated.append(f"{sorted(failed & _cues('failure_modifiers'))[0]} {lemma}")
        elif lemma in _cues("planned_nouns"):
            cues.planned.append(lemma)
        elif lemma in _cues("hypothetical_nouns"):
            cues.hypothetical.append(lemma)
    elif governor.pos_ == "ADJ" and link == "xcomp":
        if lemma in _cues("planned_adjectives"):
            cues.planned.append(lemma)
        elif lemma in _cues("hypothetical_adjectives"):
            cues.hypothetical.append(lemma)


def load_particles() -> dict[str, list[str]]:
    from dateline.events.lexicon import load_cues

    particles: dict[str, list[str]] = load_cues()["modality"]["negating_particles"]
    return particles


def _neither_nor(head: Token, conjunct: Token) -> bool:
    """ "neither X nor Y": both X and Y are denied."""
    return any(
        c.lower_ == "neither" and c.dep_ in {"preconj", "det"} for c in head.children
    ) or any(c.lower_ == "nor" and head.i < c.i < conjunct.i for c in head.children)


def _indefinite(noun: Token) -> bool:
    """A noun phrase with "a"/"an"/"any" or no determiner or possessor at all."""
    determiners = [c for c in noun.children if c.dep_ in {"det", "poss"}]
    return not determiners or any(d.lower_ in {"a", "an", "any"} for d in determiners)


def _speech_verb(token: Token) -> bool:
    return token.pos_ == "VERB" and token.lemma_.lower() in cue_set("attribution", "speech_verbs")


def modality_of(trigger: Token) -> Modality:
    """The modality of the event whose trigger word is ``trigger``."""
    cues = Cues()
    _own_cues(trigger, cues, negation_too=True)
    if trigger.dep_ in {"appos", "conj"}:
        # "actions – not an invasion", "neither attacked nor threatened": the negation
        # hangs on the first conjunct but stands before this one
        head = trigger.head
        nominal = trigger.pos_ in {"NOUN", "PROPN"}
        for child in head.children:
            between = head.i < child.i < trigger.i
            if between and (child.lower_ == "nor" or (nominal and child.dep_ == "neg")):
                cues.negated.append(child.lower_)
    token = trigger
    negation_reaches = True
    for _ in range(MAX_DEPTH):
        link, head = token.dep_, token.head
        if head.i == token.i:
            break
        if link in {"pobj", "pcomp"}:
            # "culminate in a confrontation": the result shares the verb's status
            result = head.lower_ == "in" and head.head.lemma_.lower() in _cues("in_result_verbs")
            if (head.lower_ not in ARGUMENT_PREPOSITIONS and not result) or head.head.i == head.i:
                break
            token, head = head, head.head
        elif link not in ARGUMENT_LINKS:
            break
        if link == "nsubj" and head.lemma_.lower() in _cues("occurrence_verbs"):
            # "the supplies will arrive", "a pull-out could take place": the predicate
            # says whether the event happens, so its status is the event's
            _own_cues(head, cues, negation_too=True)
            token = head
            continue
        if link == "nsubj":
            # A definite subject's event is not what its predicate's modal speaks of
            # ("this meeting could herald a shift"); an indefinite one is an imagined
            # instance ("a US strike could exacerbate tensions").
            if _indefinite(token):
                _own_cues(head, cues, negation_too=False)
            break
        if link in {"advcl", "relcl"}:
            break  # an adverbial or relative clause has its own status
        if link == "conj" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
            break  # a conjunct clause with its own subject has its own status
        if link == "conj" and negation_reaches and _neither_nor(head, token):
            cues.negated.append("neither ... nor")  # "neither the will nor the readiness"
        if _speech_verb(head):
            # reported "would" is the speaker's "will" ("said the US would continue")
            if cues.hypothetical and set(cues.hypothetical) <= {"would", "'d"}:
                cues.planned.append(cues.hypothetical.pop())
            negation_reaches = False  # "did not say" aside, reporting passes status through
            token = head
            continue
        negation_reaches = negation_reaches and link in NEGATION_LINKS
        if link != "csubj":  # a subject is not the governor's complement
            _governor_cues(head, link, cues)
        _own_cues(head, cues, negation_too=negation_reaches)
        token = head
    sentence = sentence_of(trigger.doc, trigger.i)
    # The document's text, sliced: ``Span.text`` joins the sentence's tokens anew.
    if doc_text(trigger.doc)[sentence.start_char : sentence.end_char].rstrip().endswith("?"):
        cues.question = True
    return cues.decide()
