"""Imported by the fork server of a local process pool before it forks any worker: the
model and what the stages load on first use, loaded once and shared by every worker.

A failure here is left for the workers to meet: their initializer loads the model again
and its error reaches the run, where this module's would be lost in the fork server.
"""

from __future__ import annotations

import contextlib

with contextlib.suppress(Exception):
    from ..pipeline import warm_up

    warm_up()
