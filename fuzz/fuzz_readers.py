"""Coverage-guided fuzzing of every reader through dateline.sources.iter_raw_documents.

    python fuzz/fuzz_readers.py [-atheris_runs=N] [-max_total_time=S] [corpus dir ...]

The first input byte picks the file suffix, the rest is the file. Any exception out of
iter_raw_documents, or an item breaking the readers' contract (a RawDocument with a
non-empty reason in ``error``, or text), is a crash. Needs atheris (the ``fuzz`` extra).
"""

from __future__ import annotations

import sys
import tempfile
import warnings
from pathlib import Path

try:
    import atheris
except ImportError:
    sys.exit("atheris is not installed: pip install 'dateline[fuzz]' (atheris==3.0.0)")

with atheris.instrument_imports():
    from dateline.model import RawDocument
    from dateline.sources import Limits, iter_raw_documents

SUFFIXES = (".txt", ".html", ".csv", ".jsonl", ".rss", ".xml", ".warc", ".warc.gz")
#: Small limits keep each run fast; the readers' size checks are exercised all the same.
LIMITS = Limits(max_bytes=200_000, max_chars=50_000)
FOLDER = Path(tempfile.mkdtemp(prefix="dateline-fuzz-"))


def test_one_input(data: bytes) -> None:
    if not data:
        return
    path = FOLDER / ("input" + SUFFIXES[data[0] % len(SUFFIXES)])
    path.write_bytes(data[1:])
    for raw in iter_raw_documents([path], LIMITS):
        if not isinstance(raw, RawDocument):
            raise AssertionError(f"not a RawDocument: {raw!r}")
        if raw.error is not None:
            if not (isinstance(raw.error, str) and raw.error.strip()):
                raise AssertionError(f"empty reason: {raw!r}")
        elif not isinstance(raw.text, str):
            raise AssertionError(f"no text and no reason: {raw!r}")


def main() -> None:
    # As under pytest: a library warning on garbage input is a finding, not noise.
    warnings.simplefilter("error")
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
