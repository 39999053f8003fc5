"""Colour contrast as WCAG 2 defines it: relative luminance, contrast ratio, and a readable shade of a colour.

A client's accent colour is its brand's, and may be too light to read as text on the white page (a yellow):
the report then writes its headings in a darker shade of the same hue, and keeps the brand colour for rules
and borders, where no text has to be read against it. A chart's line in the accent colour is drawn in the
shade that stands out from the page as WCAG asks of graphics (GRAPHIC_CONTRAST), and a second colour beside
it is chosen not to look like it (alike): as far apart in CIELAB for a reader of normal colour vision and for
readers of the two common red-green colour blindnesses (seen as Machado, Oliveira & Fernandes 2009 simulate them).
"""
from __future__ import annotations

import numpy as np

#: The contrast WCAG 2 (AA) asks of normal text against its background.
TEXT_CONTRAST = 4.5
#: The contrast WCAG 2.1 (AA, non-text contrast) asks of the lines and markers a chart is read by.
GRAPHIC_CONTRAST = 3.0
#: Two colours closer than this (difference: CIE76 ΔE, the fewest over normal, protan and deutan vision) are
#: hard to tell apart as two meanings in a chart's thin lines. 2.3 is about the least difference seen between
#: two large patches side by side; lines 1.6 points wide need many times that. 25 calls alike the pairs
#: red-green colour-blind readers confuse: vermillion #D55E00 beside brown #8C510A (32 apart in normal vision,
#: 13.9 in protan), olive #AE9300 (4.7 in deutan) or the brand reds #E4002B and #C8102E (12.2 and 23.1 in
#: deutan), and leaves the palette's blue #0173B2 and #D55E00 (91 apart at the fewest) far from it. A pair
#: wrongly called alike costs little: the chart takes its other colour.
ALIKE_DIFFERENCE = 25
WHITE = "#FFFFFF"
#: Machado, Oliveira & Fernandes (2009)'s simulations of protanopia and deuteranopia (severity 1.0), on
#: linear sRGB: what a reader without red (protan) or green (deutan) cones sees of a colour. About 1 man in 12
#: of Northern European descent sees red and green so, or nearly; tritan vision (blue) is rare, and their model
#: weak for it.
COLOUR_BLIND = {
    "protan": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                        [-0.003882, -0.048116, 1.051998]]),
    "deutan": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                        [-0.011820, 0.042940, 0.968881]]),
}
#: Linear sRGB to CIE XYZ (IEC 61966-2-1, D65 white), and that white's X, Y and Z.
_SRGB_TO_XYZ = np.array([[0.4124564, 0.3575761, 0.1804375], [0.2126729, 0.7151522, 0.0721750],
                         [0.0193339, 0.1191920, 0.9503041]])
_WHITE_XYZ = _SRGB_TO_XYZ.sum(axis=1)


def channels(colour: str) -> tuple[int, int, int]:
    """A '#RRGGBB' colour's red, green and blue, 0 to 255."""
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _linear(fraction):
    """An sRGB channel (0 to 1) made linear, as light adds up: the inverse of the screen's gamma."""
    fraction = np.asarray(fraction, dtype=float)
    return np.where(fraction <= 0.04045, fraction / 12.92, ((fraction + 0.055) / 1.055) ** 2.4)


def lab(colour: str, vision: str = "normal") -> np.ndarray:
    """A '#RRGGBB' colour's CIELAB L*, a* and b* (D65 white), as a reader of `vision` sees it: 'normal', or
    'protan' or 'deutan' (COLOUR_BLIND's simulation, kept within the screen's colours). #FF0000 gives 53.24,
    80.09, 67.20; white 100, 0, 0."""
    light = _linear(np.array(channels(colour)) / 255)
    if vision != "normal":
        light = np.clip(COLOUR_BLIND[vision] @ light, 0, 1)
    ratio = _SRGB_TO_XYZ @ light / _WHITE_XYZ
    f = np.where(ratio > (6 / 29) ** 3, np.cbrt(ratio), ratio / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def difference(first: str, second: str) -> float:
    """How far apart two '#RRGGBB' colours look to the reader who tells them apart least: CIE76 ΔE (the
    straight-line distance in CIELAB) in normal, protan and deutan vision, whichever is smallest. 0 for one
    colour; black and white 100."""
    return min(float(np.linalg.norm(lab(first, vision) - lab(second, vision)))
               for vision in ("normal", *COLOUR_BLIND))


def relative_luminance(colour) -> float:
    """WCAG 2's relative luminance of a '#RRGGBB' colour, or of its red, green and blue as fractions of 1 (as
    matplotlib gives them): 0 for black, 1 for white (sRGB channels made linear, weighted by how bright the
    eye sees each)."""
    fractions = [v / 255 for v in channels(colour)] if isinstance(colour, str) else list(colour)[:3]
    return float(luminances(np.array(fractions, dtype=float)))


def luminances(fractions: np.ndarray) -> np.ndarray:
    """relative_luminance of many colours at once: an array whose last axis holds red, green and blue as
    fractions of 1 (an image's pixels), giving one luminance each."""
    return _linear(fractions) @ np.array([0.2126, 0.7152, 0.0722])


def contrast_ratio(colour, background=WHITE) -> float:
    """WCAG 2's contrast ratio of two colours, from 1 (the same) to 21 (black on white), whichever is lighter."""
    light, dark = sorted((relative_luminance(colour), relative_luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable_shade(colour: str, background: str = WHITE, minimum: float = TEXT_CONTRAST) -> str:
    """`colour` itself when text in it reads on `background` (contrast at least `minimum`), else the lightest
    shade of it that does: its three channels scaled down alike (same hue), by steps of 1/256, towards black.
    For a light background only: on a dark one a darker shade would read worse. `minimum=GRAPHIC_CONTRAST`
    gives the shade a chart's line needs to stand out from the page (a yellow's is olive: #FFD700 gives #AE9300)."""
    if contrast_ratio(colour, background) >= minimum:
        return colour
    red, green, blue = channels(colour)
    for step in range(255, -1, -1):
        shade = "#{:02X}{:02X}{:02X}".format(*(round(v * step / 256) for v in (red, green, blue)))
        if contrast_ratio(shade, background) >= minimum:
            return shade
    return "#000000"


def alike(first: str, second: str) -> bool:
    """Whether two '#RRGGBB' colours look alike to some reader: their difference (normal, protan or deutan
    vision) is under ALIKE_DIFFERENCE. Keeps a chart's second colour off a client's accent for colour-blind
    readers too: brown #8C510A and vermillion #D55E00 lie 75 apart in red, green and blue, but 13.9 in protan."""
    return difference(first, second) < ALIKE_DIFFERENCE
