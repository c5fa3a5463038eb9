"""The ``dateline timex`` command's records: {"id", "text", "dct"} in, timexes out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from dateline.temporal.tagger import tag_timexes

BATCH_SIZE = 32


def timex_records(
    items: Iterable[dict[str, Any]], use_parser: bool = True
) -> Iterator[dict[str, Any]]:
    """One {"id", "timexes": [{"start", "end", "text", "type", "value"}]} per input item.

    With ``use_parser`` each text is parsed so that tense can pick which Saturday "on
    Saturday" is (slower); without it, weekdays and months point back from the DCT.
    """
    iterator = iter(items)
    while batch := list(islice(iterator, BATCH_SIZE)):
        texts = [str(item.get("text") or "") for item in batch]
        docs: list[Any] = [None] * len(batch)
        if use_parser:
            from dateline.nlp import parse  # the spaCy model loads only when asked for

            docs = list(parse(texts, batch_size=BATCH_SIZE))
        for item, text, doc in zip(batch, texts, docs, strict=True):
            timexes = tag_timexes(text, item.get("dct"), doc)
            yield {
                "id": item.get("id"),
                "timexes": [
                    {
                        "start": t.start,
                        "end": t.end,
                        "text": t.text,
                        "type": t.type,
                        "value": t.value,
                    }
                    for t in timexes
                ],
            }
