"""PLOVER-style gold: reference resolution, the sentence-level scorer, the manual examples."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.eval.plover import (
    PloverScores,
    is_plover_file,
    pair_events,
    score_sentence,
    score_sentences,
)
from dateline.eval.plover_gold import (
    GoldEvent,
    GoldSentence,
    fingerprint,
    load_plover_gold,
    repo_root,
)
from dateline.eval.plover_manual import extract_examples, score_manual
from dateline.model import ActorRef, EventMention, Modality

DEMO_FILE = "examples/venezuela/003_5ca208261104965a.txt"
#: Two articles of a made-up Timeline17 topic, one sentence a line as in the real files.
FAKE_ARTICLES = [
    ("2005-03-01", "Syria withdrew its troops from Lebanon . \nThe weather was mild . \n"),
    ("2005-03-02", "Turkey and Greece held talks in Ankara on Monday . \n"),
]


def _write_jsonl(path: Path, items: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    return path


@pytest.fixture
def fake_checkout(tmp_path: Path) -> Path:
    """A repository root with a fake ../shared/datasets/t17-dev/mideast next to it."""
    root = tmp_path / "repo"
    root.mkdir()
    topic = tmp_path / "shared" / "datasets" / "t17-dev" / "mideast"
    topic.mkdir(parents=True)
    with open(topic / "articles.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["date", "text"])
        writer.writerows(FAKE_ARTICLES)
    return root


def _t17_ref(row: int, sentence: str) -> dict[str, Any]:
    text = FAKE_ARTICLES[row][1]
    start = text.index(sentence)
    end = start + len(sentence)
    return {"corpus": "t17-dev", "topic": "mideast", "row": row, "start": start, "end": end}


def test_t17_references_resolve_to_the_sentence_and_its_article_date(
    fake_checkout: Path,
) -> None:
    sentence = "Turkey and Greece held talks in Ankara on Monday ."
    ref = _t17_ref(1, sentence) | {"sha1": fingerprint(sentence)}
    event = {"event": "CONSULT", "status": "asserted", "source": [{"code": "TUR"}, {"code": "GRC"}]}
    gold_file = _write_jsonl(
        fake_checkout / "g.jsonl", [{"id": "a", "ref": ref, "events": [event]}]
    )
    gold = load_plover_gold(gold_file, fake_checkout)
    assert gold.skipped == []
    [loaded] = gold.sentences
    assert (loaded.text, loaded.published, loaded.corpus) == (sentence, "2005-03-02", "t17-dev")
    assert loaded.events == [GoldEvent("CONSULT", "asserted", ["TUR", "GRC"], [])]


def test_a_changed_source_is_caught_by_the_fingerprint(fake_checkout: Path) -> None:
    ref = _t17_ref(0, "The weather was mild .") | {"sha1": fingerprint("something else")}
    gold_file = _write_jsonl(fake_checkout / "g.jsonl", [{"id": "b", "ref": ref, "events": []}])
    with pytest.raises(ValueError, match="changed"):
        load_plover_gold(gold_file, fake_checkout)


def test_t17_sentences_are_skipped_cleanly_when_shared_is_absent(tmp_path: Path) -> None:
    root = tmp_path / "lonely"
    root.mkdir()
    items: list[dict[str, Any]] = [
        {"id": "t", "ref": _t17_ref(0, "The weather was mild ."), "events": []},
        {"id": "i", "text": "Peru recalled its ambassador.", "events": []},
    ]
    gold = load_plover_gold(_write_jsonl(tmp_path / "g.jsonl", items), root)
    assert [s.id for s in gold.sentences] == ["i"]
    assert len(gold.skipped) == 1 and "t17-dev source not available" in gold.skipped[0]


def test_example_references_resolve_inside_the_repository(tmp_path: Path) -> None:
    article = (repo_root() / DEMO_FILE).read_text(encoding="utf-8")
    end = article.index("\n")  # the headline
    ref = {"corpus": "examples", "file": DEMO_FILE, "start": 0, "end": end}
    gold = load_plover_gold(_write_jsonl(tmp_path / "g.jsonl", [{"id": "e", "ref": ref}]))
    [loaded] = gold.sentences
    assert loaded.text == article[:end] and loaded.corpus == "examples"
    assert loaded.published is None and loaded.events == []


def test_the_bundled_development_set_is_large_and_stores_no_t17_text() -> None:
    path = repo_root() / "src/dateline/eval/data/plover_dev.jsonl"
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(items) >= 200
    assert all("text" not in item and "sha1" in item["ref"] for item in items)
    corpora = {item["ref"]["corpus"] for item in items}
    assert corpora == {"t17-dev", "examples"}
    assert is_plover_file(path)
    assert not is_plover_file(repo_root() / "src/dateline/eval/data/events_gold.jsonl")


def _mention(
    type_: str, modality: Modality, actors: list[str], recipients: list[str], at: int
) -> EventMention:
    def refs(codes: list[str]) -> list[ActorRef]:
        return [ActorRef(code, code, code, None, code) for code in codes]

    return EventMention(
        "d", 0, 0, 80, at, at + 3, "xyz", type_,
        actors=refs(actors), recipients=refs(recipients),
        modality=modality,
        confidence=0.9 - at / 1000,
    )  # fmt: skip


def test_scorer_counts_types_participants_status_and_silence() -> None:
    planned = GoldEvent("ASSAULT", "planned", ["USA"], ["VEN"])
    consult = GoldEvent("CONSULT", "asserted", ["USA"], ["VEN", "COL"])
    sentence = GoldSentence("s1", "text", [planned, consult])
    empty = GoldSentence("s2", "nothing happens", [])
    system = [
        _mention("ASSAULT", "asserted", ["USA"], ["VEN"], at=5),
        _mention("CONSULT", "asserted", ["USA", "BRA"], ["VEN"], at=20),
        _mention("AID", "asserted", [], [], at=40),
    ]
    scores = PloverScores()
    score_sentence(scores, sentence, system)
    score_sentence(scores, empty, [_mention("REJECT", "asserted", [], [], at=1)])
    assert (scores.top_correct, scores.event_sentences) == (1, 1)
    assert (scores.matched, scores.gold_events, scores.predicted_events) == (2, 2, 4)
    # actors: USA, USA found; BRA spurious → tp 2, fp 1, fn 0
    assert (scores.actor.tp, scores.actor.fp, scores.actor.fn) == (2, 1, 0)
    # recipients: VEN, VEN found; COL missed
    assert (scores.recipient.tp, scores.recipient.fp, scores.recipient.fn) == (2, 0, 1)
    assert scores.status_correct == 1 and scores.irrealis_as_asserted == 1
    assert scores.irrealis_gold == 1
    assert (scores.no_event_sentences, scores.no_event_silent, scores.no_event_spurious) == (
        1,
        0,
        1,
    )
    assert any("extra AID" in e for e in scores.errors)
    assert any("status ASSAULT asserted, gold planned" in e for e in scores.errors)


def test_pairing_prefers_the_event_sharing_participants() -> None:
    gold = [GoldEvent("ACCUSE", "asserted", ["GBR"], ["IRN"])]
    system = [
        _mention("ACCUSE", "asserted", ["USA"], ["CHN"], at=0),
        _mention("ACCUSE", "asserted", ["GBR"], ["IRN"], at=30),
    ]
    [(paired_gold, paired_system)] = pair_events(gold, system)
    assert paired_system is system[1] and paired_gold is gold[0]


def test_the_real_coder_scores_a_plain_sentence() -> None:
    sentence = GoldSentence(
        "r", "Iran delivered gunboats to Venezuela on Friday.",
        [GoldEvent("AID", "asserted", ["IRN"], ["VEN"])], "2025-10-06",
    )  # fmt: skip
    scores = score_sentences([sentence])["inline"]
    assert scores.type_accuracy == 1.0 and scores.actor.f1 == 1.0 and scores.recipient.f1 == 1.0


def test_cli_detects_the_plover_format(tmp_path: Path) -> None:
    items: list[dict[str, Any]] = [
        {
            "id": "c1",
            "text": "Colombia accused Venezuela of sheltering rebels.",
            "events": [
                {"event": "ACCUSE", "status": "asserted", "source": [{"code": "COL"}],
                 "target": [{"code": "VEN"}]}
            ],
        },
        {"id": "c2", "text": "The weather in Bogota was mild.", "events": []},
    ]  # fmt: skip
    gold = _write_jsonl(tmp_path / "gold.jsonl", items)
    result = CliRunner().invoke(app, ["eval", "events", "--gold", str(gold), "--errors"])
    assert result.exit_code == 0, result.output
    assert "top-event type accuracy 1.000 (1/1)" in result.output
    assert "no-event sentences left without events 1.000 (1/1)" in result.output


FAKE_MANUAL = r"""
\section{AID}
Aid of all kinds.
\begin{itemize}
\item Rescues, e.g. ``Coastguards rescued nine fishermen off the coast'' should be
coded as \plcat{AID}.
%\item ``This commented example must never be read at all'' is \plcat{AID}.
\end{itemize}

\section{Compound actors}
Compound entities---``Chile and Peru accused Bolivia of smuggling\ldots''---give
\begin{verbatim}
    CHL BOL 112
\end{verbatim}

\section{CONSULT}
\begin{itemize}
\item For example, ``The two ministers will meet again in Lima'' fits here.
\item \plcon{negation}: ``So far the rebels have not attacked the town again.''
\end{itemize}
"""


def test_manual_examples_take_the_documented_category() -> None:
    examples, skipped = extract_examples(FAKE_MANUAL, {"112": "ACCUSE"})
    found = {e.text: (e.category, e.status) for e in examples}
    assert found == {
        "Coastguards rescued nine fishermen off the coast": ("AID", None),
        "Chile and Peru accused Bolivia of smuggling": ("ACCUSE", None),
        "The two ministers will meet again in Lima": ("CONSULT", None),
        "So far the rebels have not attacked the town again": (None, "negated"),
    }
    assert skipped == []


def test_manual_scoring_is_skipped_when_the_manual_is_absent(tmp_path: Path) -> None:
    assert score_manual(tmp_path) is None
