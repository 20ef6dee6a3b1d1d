from __future__ import annotations

import pytest

from ctxtui.core.scaling import distribution, summarise


@pytest.mark.parametrize(
    ("scores", "asked", "figures"),
    [
        ([], 0, (0, 0, None, None, None)),
        ([None, None], None, (0, 2, None, None, None)),
        ([7], None, (1, 1, 7.0, 7, 7)),
        ([3, None, 5, None, 4], None, (3, 5, 4.0, 3, 5)),  # gaps do not count
        ([2, 8], None, (2, 2, 5.0, 2, 8)),  # an even count: the middle two's mean
        ([4, 4, 4, 9], None, (4, 4, 4.0, 4, 9)),  # ties
        ([0, 10, 10, None], 6, (3, 6, 10.0, 0, 10)),  # asked: people present
        ([1, 2, 3, 4], None, (4, 4, 2.5, 1, 4)),
    ],
)
def test_summary_figures(scores, asked, figures):
    s = summarise(scores, asked)
    assert (s.scored, s.asked, s.median, s.low, s.high) == figures


def test_counts_and_words():
    s = summarise([3, 3, None, 10, 0])
    assert s.counts == (1, 0, 0, 2, 0, 0, 0, 0, 0, 0, 1)
    assert s.describe() == "4 of 5 scored · median 3 · range 0–10"
    assert summarise([6, 6]).describe() == "2 of 2 scored · median 6 · range 6"
    assert summarise([None]).describe() == "No scores yet (1 to ask)."
    assert summarise([2, 3]).median_text() == "2.5"


def test_distribution_lines_line_up_with_the_scale():
    bars, numbers, scale = distribution(summarise([3, 3, 10]).counts)
    assert len(bars) == len(numbers) == len(scale) == 33
    assert bars[3 * 3 + 2] == "█" and bars[3 * 10 + 2] in "▁▂▃▄▅▆▇█" and bars[2] == "·"
    assert numbers.split() == ["2", "1"]
    ascii_bars, _, _ = distribution(summarise([3, 3, 10]).counts, ascii_only=True)
    assert ascii_bars.isascii() and "##" in ascii_bars
