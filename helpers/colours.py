"""Colour contrast as WCAG 2 defines it: relative luminance, contrast ratio, and a readable shade of a colour.

A client's accent colour is its brand's, and may be too light to read as text on the white page (a yellow):
the report then writes its headings in a darker shade of the same hue, and keeps the brand colour for rules
and borders, where no text has to be read against it. A chart's line in the accent colour is drawn in the
shade that stands out from the page as WCAG asks of graphics (GRAPHIC_CONTRAST), and a second colour beside
it is chosen not to look like it (alike).
"""
from __future__ import annotations

#: The contrast WCAG 2 (AA) asks of normal text against its background.
TEXT_CONTRAST = 4.5
#: The contrast WCAG 2.1 (AA, non-text contrast) asks of the lines and markers a chart is read by.
GRAPHIC_CONTRAST = 3.0
#: Two colours closer than this (alike: the distance between their red, green and blue, 0 to 255 each) are
#: hard to tell apart as two meanings in a chart: #D55E00 and #D45F02, or a dark orange and an orange.
ALIKE_DISTANCE = 64
WHITE = "#FFFFFF"


def channels(colour: str) -> tuple[int, int, int]:
    """A '#RRGGBB' colour's red, green and blue, 0 to 255."""
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def relative_luminance(colour) -> float:
    """WCAG 2's relative luminance of a '#RRGGBB' colour, or of its red, green and blue as fractions of 1 (as
    matplotlib gives them): 0 for black, 1 for white (sRGB channels made linear, weighted by how bright the
    eye sees each)."""
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    fractions = [v / 255 for v in channels(colour)] if isinstance(colour, str) else list(colour)[:3]
    red, green, blue = (linear(float(c)) for c in fractions)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


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
    """Whether two '#RRGGBB' colours look alike: their red, green and blue lie less than ALIKE_DISTANCE apart
    (straight-line distance). A rough measure, enough to keep a chart's second colour off a client's accent."""
    return sum((a - b) ** 2 for a, b in zip(channels(first), channels(second))) ** 0.5 < ALIKE_DISTANCE
