"""The scaling trend as a picture for the DOCX: matplotlib's own figure drawn without a
display (no pyplot, no window, no font download), black on white so it prints."""

from __future__ import annotations

import io

from ctxtui.core.story import Story


def trend_png(story: Story, title: str) -> bytes | None:
    """A PNG line chart of the median at each conference, or None with fewer than two."""
    points = story.trend()
    if len(points) < 2:
        return None
    from matplotlib.figure import Figure

    figure = Figure(figsize=(6.0, 2.6), dpi=150)
    axes = figure.subplots()
    xs = list(range(len(points)))
    ys = [median for _day, median in points]
    axes.plot(xs, ys, color="black", marker="o", linewidth=1.5)
    for x, y in zip(xs, ys, strict=True):
        axes.annotate(f"{y:g}", (x, y), textcoords="offset points", xytext=(0, 7), ha="center")
    axes.set_xticks(xs, labels=[day or "undated" for day, _m in points], fontsize=8)
    axes.set_ylim(0, 10.9)
    axes.set_yticks(range(0, 11, 2))
    axes.set_ylabel("Median (0–10)")
    axes.set_title(title, fontsize=10)
    axes.grid(axis="y", color="#cccccc", linewidth=0.5)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    out = io.BytesIO()
    figure.savefig(out, format="png", bbox_inches="tight", metadata={"Software": None})
    return out.getvalue()
