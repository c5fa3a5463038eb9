"""Inline SVG drawn on the server: the dyad cooperation–conflict chart and the actor graph.

Plain SVG markup with classes (styled by ``static/dateline.css``), no scripts and no
style attributes, so the pages keep a strict Content-Security-Policy. Every text that
comes from the store (actor names, labels) is escaped here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

import networkx as nx
from markupsafe import Markup

from ..views.dyads import DyadRow, DyadSeries
from ..views.graph import ActorGraph, Tally
from .templating import actor_href


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


# --- the dyad chart ------------------------------------------------------------------

_PANEL_HEIGHT = 170  # the plot area of one direction
_TITLE = 30  # room above each plot for its title
_GAP = 18  # between one direction's plot and the next title
_LEFT, _RIGHT, _BOTTOM = 64, 16, 34


@dataclass(slots=True, frozen=True)
class _Counts:
    cooperation: int
    conflict: int
    unreal: int  # planned + hypothetical: reported, never happened

    @classmethod
    def of(cls, row: DyadRow) -> _Counts:
        t = row.tally
        unreal = t.other.get("planned", 0) + t.other.get("hypothetical", 0)
        return cls(t.quad[0] + t.quad[1], t.quad[2] + t.quad[3], unreal)


def dyad_chart(series: DyadSeries, width: int = 760) -> Markup:
    """Per direction (A→B, then B→A): cooperation bars above the axis, conflict bars below
    it, and planned or hypothetical events as hollow dashed bars beside them, never as
    cooperation or conflict."""
    periods = series.periods
    panels = series.directions
    block = _TITLE + _PANEL_HEIGHT + _GAP
    height = len(panels) * block - _GAP + _BOTTOM
    parts = [
        f'<svg class="dyad-chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(series.a.label)} and {escape(series.b.label)}: cooperation and'
        f' conflict by {series.by}" xmlns="http://www.w3.org/2000/svg">'
    ]
    plot_w = width - _LEFT - _RIGHT
    step = plot_w / max(len(periods), 1)
    bar = min(step / 3.4, 26.0)
    label_every = max(1, math.ceil(len(periods) / 14))
    for index, (source, target, rows) in enumerate(panels):
        top = index * block + _TITLE
        counts = [_Counts.of(row) for row in rows]
        high = max([c.cooperation for c in counts] + [c.unreal for c in counts] + [1])
        low = max([c.conflict for c in counts] + [1])
        scale = (_PANEL_HEIGHT - 8) / (high + low)
        zero = top + 4 + high * scale
        parts.append(
            f'<text class="panel-title" x="{_LEFT}" y="{top - 10}">'
            f"{escape(source.label)} → {escape(target.label)}</text>"
        )
        parts.extend(_axis(top, zero, scale, high, low, width))
        if not any(c.cooperation or c.conflict or c.unreal for c in counts):
            parts.append(
                f'<text class="chart-empty" x="{_LEFT + plot_w / 2}" y="{_num(zero - 8)}">'
                "no dated events in this direction</text>"
            )
        for i, (row, c) in enumerate(zip(rows, counts, strict=True)):
            middle = _LEFT + step * i + step / 2
            parts.extend(_bars(row, c, middle, bar, zero, scale))
            if index == len(panels) - 1 and i % label_every == 0:
                parts.append(
                    f'<text class="tick-label period" x="{_num(middle)}"'
                    f' y="{top + _PANEL_HEIGHT + 18}">{escape(row.period)}</text>'
                )
    parts.append("</svg>")
    return Markup("".join(parts))


def _axis(top: int, zero: float, scale: float, high: int, low: int, width: int) -> list[str]:
    out = [
        f'<line class="axis" x1="{_LEFT}" y1="{_num(zero)}" x2="{width - _RIGHT}"'
        f' y2="{_num(zero)}"/>',
        f'<line class="axis" x1="{_LEFT}" y1="{top}" x2="{_LEFT}" y2="{top + _PANEL_HEIGHT}"/>',
    ]
    ticks = sorted({0, high, -low} | ({high // 2} if high > 3 else set()))
    for tick in ticks:
        y = zero - tick * scale
        out.append(
            f'<text class="tick-label value" x="{_LEFT - 6}" y="{_num(y + 4)}">{abs(tick)}</text>'
        )
    # The direction of each half, written up the left margin.
    up, down = (top + zero) / 2, (zero + top + _PANEL_HEIGHT) / 2
    for label, y in (("cooperation", up), ("conflict", down)):
        out.append(
            f'<text class="axis-note" x="20" y="{_num(y)}"'
            f' transform="rotate(-90 20 {_num(y)})">{label}</text>'
        )
    return out


def _bars(
    row: DyadRow, c: _Counts, middle: float, bar: float, zero: float, scale: float
) -> list[str]:
    """Cooperation up, conflict down, side by side, and the not-happened bar beside them."""
    tip = (
        f"{row.period}: {c.cooperation} cooperation, {c.conflict} conflict"
        f" (asserted); {c.unreal} planned or hypothetical (did not happen)"
    )
    if row.tally.intensity_mean is not None:
        tip += f"; mean intensity {row.tally.intensity_mean:+.1f}"
    out = [f"<g><title>{escape(tip)}</title>"]
    x_coop, x_conflict, x_unreal = middle - 1.5 * bar, middle - 0.5 * bar, middle + 0.5 * bar
    if c.cooperation:
        h = c.cooperation * scale
        out.append(_rect("bar-cooperation", x_coop, zero - h, bar, h))
    if c.conflict:
        out.append(_rect("bar-conflict", x_conflict, zero, bar, c.conflict * scale))
    if c.unreal:
        h = c.unreal * scale
        out.append(_rect("bar-unreal", x_unreal, zero - h, bar, h))
    # An invisible hit area keeps the tooltip on the whole period, empty or not.
    out.append(_rect("bar-hit", middle - 1.5 * bar, zero - 1, 3 * bar, 2))
    out.append("</g>")
    return out


def _rect(kind: str, x: float, y: float, w: float, h: float) -> str:
    return (
        f'<rect class="{kind}" x="{_num(x)}" y="{_num(y)}" width="{_num(w)}"'
        f' height="{_num(max(h, 0.5))}"/>'
    )


# --- the actor graph -------------------------------------------------------------------

GRAPH_W, GRAPH_H, _MARGIN = 1000, 720, 70


def edge_tone(tally: Tally) -> str:
    """What an edge says: mostly cooperation, mostly conflict, mixed, or only reported
    (planned, hypothetical or negated events, nothing that happened)."""
    if not tally.count:
        return "unreal"
    cooperation, conflict = tally.quad[0] + tally.quad[1], tally.quad[2] + tally.quad[3]
    if cooperation > conflict:
        return "cooperation"
    if conflict > cooperation:
        return "conflict"
    return "mixed"


def layout(graph: ActorGraph, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Node positions in the drawing's coordinates: a spring layout with a fixed seed, so
    the same store always gives the same picture.

    Each connected group is laid out on its own: the largest fills the main area and the
    small ones (an actor pair no other event touches) stack in a strip on the right, so
    they do not squeeze the main group into a corner.
    """
    g = nx.Graph()
    g.add_nodes_from(sorted(graph.nodes))
    g.add_edges_from(sorted(graph.edges))
    groups = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c))
    if not groups:
        return {}
    main, rest = groups[0], groups[1:]
    strip = 0.0 if not rest else GRAPH_W * 0.22
    positions = _spring(g.subgraph(main), seed, (_MARGIN, _MARGIN,
                        GRAPH_W - strip - _MARGIN, GRAPH_H - _MARGIN))  # fmt: skip
    if rest:
        cell = (GRAPH_H - 2 * _MARGIN) / len(rest)
        left = GRAPH_W - strip + 10
        for i, group in enumerate(rest):
            top = _MARGIN + i * cell
            box = (left + 30, top + cell * 0.2, GRAPH_W - 90, top + cell * 0.8)
            positions.update(_spring(g.subgraph(group), seed, box))
    return positions


def _spring(
    g: nx.Graph, seed: int, box: tuple[float, float, float, float]
) -> dict[str, tuple[float, float]]:
    """A spring layout of ``g`` scaled into ``box`` (left, top, right, bottom)."""
    left, top, right, bottom = box
    if len(g) == 1:
        return {next(iter(g)): ((left + right) / 2, (top + bottom) / 2)}
    raw = nx.spring_layout(g, seed=seed, k=1.8 / math.sqrt(len(g)), iterations=300)
    xs = [float(p[0]) for p in raw.values()]
    ys = [float(p[1]) for p in raw.values()]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0
    return {
        node: (left + (float(p[0]) - min(xs)) / span_x * (right - left),
               top + (float(p[1]) - min(ys)) / span_y * (bottom - top))
        for node, p in raw.items()
    }  # fmt: skip


def actor_graph_svg(graph: ActorGraph) -> Markup:
    positions = layout(graph)
    parts = [
        f'<svg class="actor-graph" id="actor-graph" viewBox="0 0 {GRAPH_W} {GRAPH_H}"'
        ' role="img" aria-label="actor graph" xmlns="http://www.w3.org/2000/svg">',
        "<defs>",
        *(
            f'<marker id="arrow-{tone}" class="arrow-{tone}" viewBox="0 0 10 10" refX="10"'
            ' refY="5" markerWidth="11" markerHeight="11" markerUnits="userSpaceOnUse"'
            ' orient="auto-start-reverse">'
            '<path d="M 0 0 L 10 5 L 0 10 z"/></marker>'
            for tone in ("cooperation", "conflict", "mixed", "unreal")
        ),
        "</defs>",
        '<g class="viewport">',
    ]
    radius = {node_id: _radius(node.tally.count) for node_id, node in graph.nodes.items()}
    for (a, b), tally in sorted(graph.edges.items()):
        if a in positions and b in positions:
            names = (graph.nodes[a].name, graph.nodes[b].name)
            parts.append(_edge(positions[a], positions[b], radius[b], tally, names))
    for node_id, node in sorted(graph.nodes.items()):
        if node_id not in positions:
            continue
        x, y = positions[node_id]
        r = radius[node_id]
        tip = f"{node.name} ({node.kind}): {node.tally.count} events"
        parts.append(
            f'<a class="node node-{escape(node.kind)}" href="{escape(actor_href(node_id))}">'
            f"<title>{escape(tip)}</title>"
            f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(r)}"/>'
            f'<text x="{_num(x)}" y="{_num(y + r + 13)}">{escape(node.name)}</text></a>'
        )
    parts.append("</g></svg>")
    return Markup("".join(parts))


def _radius(events: int) -> float:
    return 5.0 + 2.2 * math.sqrt(events)


def _edge(
    start: tuple[float, float],
    end: tuple[float, float],
    end_radius: float,
    tally: Tally,
    names: tuple[str, str],
) -> str:
    """A curved arrow (so A→B and B→A stay apart) stopping at the target's circle."""
    (x1, y1), (x2, y2) = start, end
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy) or 1.0
    # Control point off the middle, to the right of the direction of travel.
    cx, cy = (x1 + x2) / 2 - dy / length * 18, (y1 + y2) / 2 + dx / length * 18
    # Stop short of the target's circle, along the line from the control point.
    ex, ey = x2 - cx, y2 - cy
    e_len = math.hypot(ex, ey) or 1.0
    tx, ty = x2 - ex / e_len * (end_radius + 2), y2 - ey / e_len * (end_radius + 2)
    tone = edge_tone(tally)
    width = 1.0 + 1.2 * math.sqrt(max(tally.count, 0))
    other = ", ".join(f"{n} {m}" for m, n in sorted(tally.other.items()))
    tip = (
        f"{names[0]} → {names[1]}: {tally.count} events that happened"
        f" (cooperation {tally.quad[0] + tally.quad[1]}, conflict"
        f" {tally.quad[2] + tally.quad[3]})" + (f"; reported only: {other}" if other else "")
    )
    return (
        f'<path class="edge edge-{tone} w{min(round(width), 6)}" d="M {_num(x1)} {_num(y1)}'
        f' Q {_num(cx)} {_num(cy)} {_num(tx)} {_num(ty)}" marker-end="url(#arrow-{tone})">'
        f"<title>{escape(tip)}</title></path>"
    )
