"""Horizontal stacked bar charts drawn on the server as SVG: one bar per label, one segment per
status, each status with its own pattern so the chart reads without colour. The template draws
the shapes; this computes where they go, in the SVG's own units (written out unlocalised, as
SVG wants them)."""

from dataclasses import dataclass

from django.utils.translation import gettext

WIDTH = 360
LABEL_HEIGHT = 18
BAR_HEIGHT = 22
ROW_GAP = 12
# Room after the longest bar for its total.
TOTAL_ROOM = 44
# A segment narrower than this shows no number on it: the table behind the chart has it.
MIN_NUMBERED_WIDTH = 24
NUMBER_BOX = (18, 16)


def units(value):
    return f"{value:.1f}"


@dataclass(frozen=True)
class Segment:
    status: str
    label: str
    count: int
    start: float
    length: float

    @property
    def numbered(self):
        return self.length >= MIN_NUMBERED_WIDTH

    @property
    def x(self):
        return units(self.start)

    @property
    def width(self):
        return units(self.length)

    @property
    def number_x(self):
        return units(self.start + self.length / 2)

    @property
    def box_x(self):
        return units(self.start + (self.length - NUMBER_BOX[0]) / 2)


@dataclass(frozen=True)
class Bar:
    label: str
    tally: object
    top: float
    segments: list
    end: float

    @property
    def label_y(self):
        return units(self.top + LABEL_HEIGHT - 5)

    @property
    def bar_y(self):
        return units(self.top + LABEL_HEIGHT)

    @property
    def number_y(self):
        return units(self.top + LABEL_HEIGHT + BAR_HEIGHT / 2)

    @property
    def box_y(self):
        return units(self.top + LABEL_HEIGHT + (BAR_HEIGHT - NUMBER_BOX[1]) / 2)

    @property
    def total_x(self):
        return units(self.end + 6)


@dataclass(frozen=True)
class Chart:
    name: str
    title: str
    bars: list
    height: int
    width: int = WIDTH
    bar_height: int = BAR_HEIGHT
    number_box: tuple = NUMBER_BOX

    @property
    def description(self):
        """The chart in words, for those who cannot see it."""
        bars = "; ".join(
            gettext("%(label)s, %(total)d in all (%(statuses)s)")
            % {"label": bar.label, "total": bar.tally.total, "statuses": bar.tally.in_words}
            for bar in self.bars
        )
        return f"{self.title}. {bars}."


def stacked_bars(name, title, labelled_tallies):
    """A chart of (label, Tally) pairs, the bars scaled to the largest total."""
    largest = max((tally.total for _label, tally in labelled_tallies), default=0) or 1
    scale = (WIDTH - TOTAL_ROOM) / largest
    bars, top = [], 0
    for label, tally in labelled_tallies:
        end, segments = 0.0, []
        for status, status_label, count, _url in tally.statuses:
            if count:
                segments.append(Segment(status, status_label, count, end, count * scale))
                end += count * scale
        bars.append(Bar(label, tally, top, segments, end))
        top += LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
    return Chart(name, title, bars, max(top - ROW_GAP, 1))
