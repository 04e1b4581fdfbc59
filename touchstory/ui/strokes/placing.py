"""Which drawing of the body a stroke is shown on, and where on it the hands go.

A pack draws one body (a child, or a baby), shown from the side the hands are on:
a baby is turned over for strokes on the back; the child, seen from behind for
most strokes, faces us for the chest, tummy and face and lies on their tummy for
the legs and feet. A story line may move a stroke to another area ("[stroking x2
back]", "[squeeze feet]"). Each view names the areas it shows as an axis in the
same 0..1 body square the packs' motion points use; a stroke moved to another
area has its path centred on that area's axis, turned to lie along it and shrunk
if it would not fit. Pure arithmetic, no Qt, so it can be tested exactly.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from enum import Enum

from touchstory.story.model import Area
from touchstory.story.packs import Body, Motion

Point = tuple[float, float]


class View(Enum):
    """A drawing of a body: who, and which side faces us."""

    CHILD_BACK = "child-back"  # a child's back and shoulders, seen from behind
    CHILD_FRONT = "child-front"  # the same child sitting facing us
    CHILD_LYING = "child-lying"  # the whole child lying on their tummy, seen from above
    BABY_FRONT = "baby-front"  # a baby lying on its back, seen from above
    BABY_BACK = "baby-back"  # a baby lying on its tummy, head turned, seen from above


BABY_BACK_AREAS = frozenset({Area.BACK, Area.SHOULDERS})
CHILD_FRONT_AREAS = frozenset({Area.CHEST, Area.TUMMY, Area.FACE})
CHILD_LYING_AREAS = frozenset({Area.LEGS, Area.FEET})


def view_for(body: Body, area: Area | None) -> View:
    """The drawing for a pack's body with the hands on `area`."""
    if body is Body.BACK:
        if area in CHILD_FRONT_AREAS:
            return View.CHILD_FRONT
        return View.CHILD_LYING if area in CHILD_LYING_AREAS else View.CHILD_BACK
    return View.BABY_BACK if area in BABY_BACK_AREAS else View.BABY_FRONT


@dataclass(frozen=True, slots=True)
class Spot:
    """Where an area lies on a drawing: along start->end, `width` across. Areas on
    both sides of the body (arms, legs...) are given on the left; `lane` is the x
    a two-handed stroke's left hand keeps on an area in the middle (None: the axis)."""

    start: Point
    end: Point
    width: float
    lane: float | None = None

    @property
    def middle(self) -> Point:
        return ((self.start[0] + self.end[0]) / 2, (self.start[1] + self.end[1]) / 2)

    @property
    def length(self) -> float:
        return math.dist(self.start, self.end)

    @property
    def angle(self) -> float:
        return math.atan2(self.end[1] - self.start[1], self.end[0] - self.start[0])


_DOWN = math.pi / 2

_BABY_COMMON: dict[Area, Spot] = {
    Area.HEAD: Spot((0.5, 0.04), (0.5, 0.16), 0.14, lane=0.46),
    Area.FACE: Spot((0.5, 0.07), (0.5, 0.15), 0.10, lane=0.47),
    Area.ARMS: Spot((0.345, 0.30), (0.25, 0.44), 0.05),  # the upper arm to the wrist, along its curve
    Area.HANDS: Spot((0.21, 0.555), (0.21, 0.575), 0.05),
    Area.LEGS: Spot((0.405, 0.66), (0.405, 0.86), 0.06),
    Area.FEET: Spot((0.42, 0.94), (0.42, 0.96), 0.05),
}

SPOTS: dict[View, dict[Area, Spot]] = {
    View.CHILD_BACK: {
        Area.BACK: Spot((0.5, 0.32), (0.5, 0.86), 0.36, lane=0.40),
        Area.SHOULDERS: Spot((0.44, 0.255), (0.30, 0.27), 0.05),
        Area.ARMS: Spot((0.232, 0.36), (0.21, 0.68), 0.06),
        Area.HANDS: Spot((0.205, 0.72), (0.205, 0.76), 0.06),
        Area.HEAD: Spot((0.5, 0.04), (0.5, 0.16), 0.12, lane=0.46),
    },
    View.CHILD_FRONT: {  # only what the child turns round for (view_for)
        Area.CHEST: Spot((0.5, 0.30), (0.5, 0.50), 0.34, lane=0.40),
        Area.TUMMY: Spot((0.5, 0.58), (0.5, 0.86), 0.34, lane=0.41),
        Area.FACE: Spot((0.5, 0.09), (0.5, 0.14), 0.04, lane=0.44),  # two hands: one on each cheek
    },
    View.CHILD_LYING: {  # only what the child lies down for (view_for)
        Area.LEGS: Spot((0.452, 0.64), (0.440, 0.835), 0.036),  # below the shorts to the ankle
        Area.FEET: Spot((0.439, 0.874), (0.439, 0.9), 0.03),  # the heel: the toes show below the hands
    },
    View.BABY_FRONT: {
        **_BABY_COMMON,
        Area.CHEST: Spot((0.5, 0.25), (0.5, 0.36), 0.20, lane=0.43),
        Area.TUMMY: Spot((0.5, 0.40), (0.5, 0.58), 0.18, lane=0.45),
    },
    View.BABY_BACK: {  # only what the baby is turned over for (view_for)
        Area.BACK: Spot((0.5, 0.23), (0.5, 0.60), 0.20, lane=0.44),
        Area.SHOULDERS: Spot((0.45, 0.235), (0.39, 0.245), 0.04),
    },
}


def place(motion: Motion, own: Area, wanted: Area | None, view: View) -> Motion:
    """`motion` (drawn for the stroke's own area) moved onto `wanted` on `view`.
    Unchanged when the area is its own, or one this drawing does not show."""
    target = SPOTS[view].get(wanted) if wanted is not None else None
    if wanted is None or wanted is own or target is None or not motion.points:
        return motion
    source = SPOTS[view].get(own) or _any_view_spot(own)
    turn = target.angle - (source.angle if source is not None else _DOWN)
    xs = [p[0] for p in motion.points]
    ys = [p[1] for p in motion.points]
    centre = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
    cos, sin = math.cos(turn), math.sin(turn)
    turned = [((x - centre[0]) * cos - (y - centre[1]) * sin, (x - centre[0]) * sin + (y - centre[1]) * cos)
              for x, y in motion.points]
    # how far the turned path reaches along the target axis and across it
    ax, ay = math.cos(target.angle), math.sin(target.angle)
    along = [u * ax + v * ay for u, v in turned]
    across = [-u * ay + v * ax for u, v in turned]
    mx, my = target.middle
    room = target.width
    if motion.hands == 2 and target.lane is not None:
        mx, room = target.lane, target.width / 2  # the left hand has the left half
    scale = min(1.0, _fit(target.length, max(along) - min(along)), _fit(room, max(across) - min(across)))
    points = tuple((round(mx + u * scale, 4), round(my + v * scale, 4)) for u, v in turned)
    # the second hand's own place (the head, beside a resting hand on the tummy) belongs
    # to the usual area: moved, the two hands rest side by side, as the how-to says
    return replace(motion, points=points, other=())


def _fit(room: float, extent: float) -> float:
    return 1.0 if extent <= room or extent <= 1e-9 else room / extent


def _any_view_spot(area: Area) -> Spot | None:
    """The direction an area runs in when this drawing lacks it (legs run down...)."""
    for spots in SPOTS.values():
        if area in spots:
            return spots[area]
    return None


__all__ = ["BABY_BACK_AREAS", "CHILD_FRONT_AREAS", "CHILD_LYING_AREAS", "SPOTS", "Spot", "View", "place", "view_for"]
