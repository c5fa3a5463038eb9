"""Quality gate: event coding on the demo-article part of the PLOVER development set.

Only the sentences from examples/venezuela are scored, so the gate runs the same with or
without ../shared (the Timeline17 part is measured by `dateline eval events`, see
docs/quality.md). The floors sit a little under the figures measured when they were
pinned: type accuracy 0.914, any-event recall 0.826, actor F1 0.939, recipient F1 0.882,
status accuracy 0.947, 0 planned/hypothetical events called asserted, silent on 0.930 of
the no-event sentences.
"""

from __future__ import annotations

from dateline.eval.plover import plover_dev_path, score_sentences
from dateline.eval.plover_gold import load_plover_gold

FLOORS = {
    "type_accuracy": 0.86,
    "recall": 0.78,
    "actor_f1": 0.90,
    "recipient_f1": 0.84,
    "status_accuracy": 0.90,
    "silent_on_no_event": 0.88,
}


def test_demo_sentences_stay_above_their_floors() -> None:
    gold = load_plover_gold(plover_dev_path())
    demo = [s for s in gold.sentences if s.corpus == "examples"]
    assert len(demo) >= 60
    scores = score_sentences(demo)["examples"]
    measured = {
        "type_accuracy": scores.type_accuracy,
        "recall": scores.recall,
        "actor_f1": scores.actor.f1,
        "recipient_f1": scores.recipient.f1,
        "status_accuracy": scores.status_accuracy,
        "silent_on_no_event": scores.silent_on_no_event,
    }
    report = scores.report() + "\n" + "\n".join(scores.errors)
    for name, floor in FLOORS.items():
        assert measured[name] >= floor, f"{name} {measured[name]:.3f} < {floor}\n{report}"
    assert scores.irrealis_as_asserted == 0, report
