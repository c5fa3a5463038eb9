"""Summary sentences: the most central candidate, without saying the same thing twice."""

from __future__ import annotations

from dateline.tls.sentences import Candidate, pick_sentences, terms


def c(text: str, doc: str) -> Candidate:
    return Candidate(text, doc, f"{doc}.txt")


def test_the_sentence_most_like_the_others_comes_first() -> None:
    pool = [
        c("The earthquake destroyed the port of Port-au-Prince.", "a"),
        c("An earthquake hit Port-au-Prince and destroyed the port.", "b"),
        c("The earthquake destroyed homes in Port-au-Prince.", "c"),
        c("Football results were announced.", "d"),
    ]
    (first, second) = pick_sentences({"2010-01-12": pool}, k=2, redundancy=0.95)["2010-01-12"]
    assert first.text == "The earthquake destroyed the port of Port-au-Prince."
    assert first.centrality > second.centrality > 0
    assert "Football" not in first.text + second.text


def test_a_repeated_sentence_counts_its_articles_and_is_not_repeated() -> None:
    wire = "Aid flights landed in Haiti on Thursday."
    pool = [
        c(wire, "a"), c(" Aid flights  landed in Haiti on Thursday.", "b"), c(wire, "c"),
        c("Aid flights landed in Haiti.", "d"), c("Rescuers searched the rubble.", "e"),
    ]  # fmt: skip
    chosen = pick_sentences({"d": pool}, k=2)["d"]
    assert chosen[0].text == wire and chosen[0].articles == 3 and chosen[0].source == "a.txt"
    # The near copy says nothing new; the second sentence is the one that does.
    assert [s.text for s in chosen[1:]] == ["Rescuers searched the rubble."]


def test_one_candidate_and_none() -> None:
    picked = pick_sentences({"a": [c("Only this.", "x")], "b": []})
    assert [s.text for s in picked["a"]] == ["Only this."] and picked["b"] == []


def test_terms_leave_out_function_words() -> None:
    assert terms("The U.S. said it would send aid to Haiti") == {
        "send": 1, "aid": 1, "haiti": 1
    }  # fmt: skip
