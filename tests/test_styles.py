"""The explorer's colours (ontology/styles.tsv) can be told apart and read on both schemes.

Every category colour keeps a 3:1 contrast (WCAG 1.4.11, graphical objects) with the light
and the dark page background, and no two categories are closer than a CIEDE2000 distance of
12; the pairs people mix up most (fight and assault, part_of and member_of) are further apart.
"""

from __future__ import annotations

import itertools
import math

import pytest

from graphkit.export.html import BORDER, CATEGORY_COLORS, TYPE_COLORS

LIGHT, DARK = "#ffffff", "#121212"  # the page backgrounds (explorer.html :root)


def _rgb(hex_: str) -> tuple[float, float, float]:
    def lin(c: int) -> float:
        x = c / 255
        return x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4

    h = hex_.lstrip("#")
    r, g, b = (lin(int(h[i : i + 2], 16)) for i in (0, 2, 4))
    return r, g, b


def luminance(hex_: str) -> float:
    r, g, b = _rgb(hex_)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _lab(hex_: str) -> tuple[float, float, float]:
    r, g, b = _rgb(hex_)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def delta_e2000(c1: str, c2: str) -> float:
    """CIEDE2000 colour difference (Sharma, Wu and Dalal 2005)."""
    (l1, a1, b1), (l2, a2, b2) = _lab(c1), _lab(c2)
    cbar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(cbar**7 / (cbar**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360
    h2p = math.degrees(math.atan2(b2, a2p)) % 360
    dl, dc = l2 - l1, c2p - c1p
    dh = 0.0 if c1p * c2p == 0 else h2p - h1p
    if dh > 180:
        dh -= 360
    elif dh < -180:
        dh += 360
    dhh = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    lbar, cbarp = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        hbar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        hbar = (h1p + h2p) / 2
    else:
        hbar = (h1p + h2p + (360 if h1p + h2p < 360 else -360)) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(hbar - 30))
        + 0.24 * math.cos(math.radians(2 * hbar))
        + 0.32 * math.cos(math.radians(3 * hbar + 6))
        - 0.20 * math.cos(math.radians(4 * hbar - 63))
    )
    sl = 1 + 0.015 * (lbar - 50) ** 2 / math.sqrt(20 + (lbar - 50) ** 2)
    sc, sh = 1 + 0.045 * cbarp, 1 + 0.015 * cbarp * t
    rt = (
        -2
        * math.sqrt(cbarp**7 / (cbarp**7 + 25**7))
        * math.sin(math.radians(60 * math.exp(-(((hbar - 275) / 25) ** 2))))
    )
    return math.sqrt(
        (dl / sl) ** 2 + (dc / sc) ** 2 + (dhh / sh) ** 2 + rt * (dc / sc) * (dhh / sh)
    )


def test_delta_e2000_tells_equal_near_and_far_colours():
    assert delta_e2000("#ff0000", "#ff0000") == 0
    assert delta_e2000("#555555", "#565656") < 1
    assert delta_e2000("#ff0000", "#0000ff") > 50


@pytest.mark.parametrize("category", sorted(CATEGORY_COLORS))
def test_category_colours_read_on_light_and_dark_pages(category):
    colour = CATEGORY_COLORS[category]
    assert contrast(colour, LIGHT) >= 3, (category, colour)
    assert contrast(colour, DARK) >= 3, (category, colour)


def test_no_two_categories_look_alike():
    close = [
        (round(delta_e2000(CATEGORY_COLORS[a], CATEGORY_COLORS[b]), 1), a, b)
        for a, b in itertools.combinations(sorted(CATEGORY_COLORS), 2)
        if delta_e2000(CATEGORY_COLORS[a], CATEGORY_COLORS[b]) < 12
    ]
    assert close == []


@pytest.mark.parametrize("a,b", [("fight", "assault"), ("part_of", "member_of")])
def test_the_pairs_people_confuse_are_far_apart(a, b):
    assert delta_e2000(CATEGORY_COLORS[a], CATEGORY_COLORS[b]) >= 15


def test_actor_outlines_read_on_the_light_page():
    assert contrast(BORDER, LIGHT) >= 3
    assert len(set(TYPE_COLORS.values())) == len(TYPE_COLORS)
