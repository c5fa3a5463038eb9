"""The dyad series as a chart: cooperation and conflict bars, the mean intensity as a line.

Drawn on a bare ``Figure`` with the Agg canvas rather than through pyplot, so no display
or interactive backend is ever touched and nothing global changes (a server can draw
charts in threads). Planned and hypothetical events are drawn as hollow, hatched bars
labelled as not happened, never as cooperation or conflict.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .dyads import DyadSeries

CHART_SUFFIXES = (".png", ".svg")
_COOPERATION, _CONFLICT, _NOT_HAPPENED, _MEAN = "#2e7d32", "#c62828", "#757575", "#1f3b73"


def write_chart(series: DyadSeries, path: Path) -> None:
    """Write the chart to ``path``; its suffix (.png or .svg) picks the format."""
    fmt = path.suffix.lower().lstrip(".")
    if f".{fmt}" not in CHART_SUFFIXES:
        raise ValueError(f"chart must be .png or .svg, not {path.name}")
    periods = series.periods
    rows_of = series.directions
    width = max(7.5, min(0.45 * len(periods) + 3.0, 24.0))
    fig = Figure(figsize=(width, 3.2 * max(len(rows_of), 1) + 0.6), layout="constrained")
    FigureCanvasAgg(fig)
    axes = fig.subplots(max(len(rows_of), 1), 1, sharex=True, squeeze=False)[:, 0]
    x = list(range(len(periods)))
    bar = 0.28
    legend: dict[str, Any] = {}  # one legend for all panels, by label
    for ax, (source, target, rows) in zip(axes, rows_of, strict=False):
        coop = [row.tally.quad[0] + row.tally.quad[1] for row in rows]
        conflict = [row.tally.quad[2] + row.tally.quad[3] for row in rows]
        unreal = [row.tally.other.get("planned", 0) + row.tally.other.get("hypothetical", 0)
                  for row in rows]  # fmt: skip
        ax.bar([i - bar for i in x], coop, bar, color=_COOPERATION, label="cooperation (q1+q2)")
        ax.bar(x, conflict, bar, color=_CONFLICT, label="conflict (q3+q4)")
        # Only where there are any: an empty hollow bar still draws a dash on the axis.
        shown = [(i + bar, n) for i, n in zip(x, unreal, strict=True) if n]
        if shown:
            ax.bar([p for p, _ in shown], [n for _, n in shown], bar, fill=False, hatch="//",
                   edgecolor=_NOT_HAPPENED, linestyle="--",
                   label="planned/hypothetical (did not happen)")  # fmt: skip
        ax.set_ylabel("events")
        ax.set_ylim(0, max([*coop, *conflict, *unreal, 1]) * 1.15)
        ax.set_title(f"{source.label} → {target.label}", loc="left")
        ax.yaxis.get_major_locator().set_params(integer=True)
        line = ax.twinx()
        # A period without events has no mean: a gap in the line, not a zero.
        means = [row.tally.intensity_mean for row in rows]
        line.plot(x, [math.nan if m is None else m for m in means], color=_MEAN, marker="o",
                  linewidth=1.5, label="mean intensity")  # fmt: skip
        line.axhline(0, color=_MEAN, linewidth=0.6, linestyle=":")
        line.set_ylim(-10.5, 10.5)
        line.set_ylabel("mean intensity (−10 … +10)")
        for panel in (ax, line):
            for handle, label in zip(*panel.get_legend_handles_labels(), strict=True):
                legend.setdefault(label, handle)
    last = axes[-1]
    step = max(1, math.ceil(len(periods) / 24))  # at most ~24 labels stay legible
    last.set_xticks(x[::step], periods[::step], rotation=45 if len(periods) > 8 else 0)
    last.set_xlabel(series.by)
    if not periods:
        last.text(0.5, 0.5, "no dated events", transform=last.transAxes, ha="center")
    fig.legend(list(legend.values()), list(legend), loc="outside lower center",
               ncols=2, fontsize="small", frameon=False)  # fmt: skip
    fig.suptitle(f"{series.a.label} – {series.b.label}: cooperation and conflict by {series.by}")
    # No creation date in the file, so the same series gives the same chart.
    metadata = {"Date": None} if fmt == "svg" else {"Software": "dateline"}
    fig.savefig(path, format=fmt, metadata=metadata)
