"""Where the hands are at time t in a stroke's looping demonstration.

Pure arithmetic on a pack's `Motion` (points in 0..1 body coordinates, touch kind,
one or two hands) and its tempo (seconds per repeat); the widget only paints the
`Frame` this returns. Kept free of Qt so the timing can be tested exactly.

- glide: the hand slides along a smoothed path at an eased speed and leaves a
  contact trail; open paths lift at the end and float back to the start;
- tap: the hand hops from point to point and touches at each one (a ripple);
- press: the hand moves between points and squeezes softly at each one;
- rest: the hands stay still while a slow glow breathes under them.

Two hands mirror each other about the body's middle, or take turns (`in_turn`: the
second half a step behind), or the second keeps its own place (`other`: one hand
on the tummy, one on the head).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from touchstory.story.packs import Motion, Touch

Point = tuple[float, float]

GLIDE_TRAVEL = 0.8  # share of a repeat spent in contact on an open glide path
RIPPLE_SECONDS = 0.7  # how long a tap's ripple stays visible
TRAIL_SHARE = 0.35  # how much of a repeat the contact trail remembers
TRAIL_SAMPLES = 28
TAP_CONTACT = 0.3  # share of each hop the fingertips rest on the body


@dataclass(frozen=True, slots=True)
class Hand:
    x: float
    y: float
    contact: float  # 1 = touching, 0 = lifted
    squeeze: float  # 0..1, press strokes only
    mirrored: bool  # the second hand, mirrored about the middle


@dataclass(frozen=True, slots=True)
class Ripple:
    x: float
    y: float
    age: float  # 0 = just touched, 1 = faded away


@dataclass(frozen=True, slots=True)
class Frame:
    hands: tuple[Hand, ...]
    trails: tuple[tuple[Point, ...], ...]  # one per hand, newest point first
    ripples: tuple[Ripple, ...]
    glow: float  # 0..1 breathing glow (rest), or pressure glow (press)
    repeat: int  # how many whole repeats have passed
    phase: float  # 0..1 within the current repeat


def _ease(u: float) -> float:
    """Slow in, slow out: calm hands never jerk."""
    u = min(max(u, 0.0), 1.0)
    return u * u * (3 - 2 * u)


def _smooth(points: tuple[Point, ...], closed: bool, per_segment: int = 8) -> list[Point]:
    """Catmull-Rom through the points so a few control points read as a curve."""
    pts = list(points)
    if len(pts) < 3:
        return pts
    n = len(pts)
    out: list[Point] = []
    segments = n - 1
    for i in range(segments):
        if closed:
            p0 = pts[(i - 1) % (n - 1)] if i > 0 else pts[-2]
            p3 = pts[i + 2] if i + 2 < n else pts[1]
        else:
            p0 = pts[max(i - 1, 0)]
            p3 = pts[min(i + 2, n - 1)]
        p1, p2 = pts[i], pts[i + 1]
        for k in range(per_segment):
            t = k / per_segment
            t2, t3 = t * t, t * t * t
            out.append(tuple(  # type: ignore[arg-type]
                0.5 * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t2 + (-a + 3 * b - 3 * c + d) * t3)
                for a, b, c, d in zip(p0, p1, p2, p3)
            ))
    out.append(pts[-1])
    return out


class _Path:
    """A polyline walked by arc length."""

    def __init__(self, points: list[Point]) -> None:
        self.points = points
        self.lengths = [0.0]
        for (x0, y0), (x1, y1) in zip(points, points[1:]):
            self.lengths.append(self.lengths[-1] + math.hypot(x1 - x0, y1 - y0))
        self.total = self.lengths[-1]

    def at(self, u: float) -> Point:
        if self.total <= 0 or len(self.points) == 1:
            return self.points[0]
        target = min(max(u, 0.0), 1.0) * self.total
        lo, hi = 0, len(self.lengths) - 1
        while lo < hi - 1:
            mid = (lo + hi) // 2
            if self.lengths[mid] <= target:
                lo = mid
            else:
                hi = mid
        seg = self.lengths[hi] - self.lengths[lo]
        f = 0.0 if seg <= 0 else (target - self.lengths[lo]) / seg
        (x0, y0), (x1, y1) = self.points[lo], self.points[hi]
        return (x0 + (x1 - x0) * f, y0 + (y1 - y0) * f)


def _lerp(a: Point, b: Point, f: float) -> Point:
    return (a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f)


class MotionPlayer:
    """Turns a Motion and a tempo into frames; `frame(t)` for any t >= 0."""

    def __init__(self, motion: Motion, tempo: float) -> None:
        if not motion.points:
            raise ValueError("a motion needs at least one point")
        self.motion = motion
        self.tempo = max(float(tempo), 0.2)
        pts = motion.points
        self.closed = len(pts) > 2 and math.dist(pts[0], pts[-1]) < 0.02
        self._path = _Path(_smooth(pts, self.closed))
        self._raw = list(pts)

    @property
    def touch(self) -> Touch:
        return self.motion.touch

    def guide(self) -> list[Point]:
        """The path to draw faintly under the hands (empty for a still stroke)."""
        if len(self._raw) < 2:
            return []
        return self._path.points if self.touch is Touch.GLIDE else list(self._raw)

    # -- one hand's position ---------------------------------------------------
    def _glide(self, phase: float) -> tuple[Point, float]:
        if self.closed:
            return self._path.at(phase), 1.0
        if phase < GLIDE_TRAVEL:
            return self._path.at(_ease(phase / GLIDE_TRAVEL)), 1.0
        # lift, float back to the start, and set down again
        back = (phase - GLIDE_TRAVEL) / (1 - GLIDE_TRAVEL)
        contact = max(0.0, 1 - back * 4) if back < 0.5 else max(0.0, (back - 0.75) * 4)
        return _lerp(self._path.at(1.0), self._path.at(0.0), _ease(back)), contact

    def _hop(self, phase: float) -> tuple[Point, float, int, float]:
        """Tap and press: which point we are at and how far through its slot."""
        n = len(self._raw)
        slot = min(int(phase * n), n - 1)
        within = phase * n - slot
        return self._raw[slot], within, slot, 1.0 / n

    def _tap(self, phase: float) -> tuple[Point, float]:
        n = len(self._raw)
        here, within, slot, _ = self._hop(phase)
        after = self._raw[(slot + 1) % n]
        if within < TAP_CONTACT:
            return here, 1.0 - (within / TAP_CONTACT) ** 4 * 0.2
        f = (within - TAP_CONTACT) / (1 - TAP_CONTACT)
        lift = math.sin(math.pi * f)
        return _lerp(here, after, _ease(f)), max(0.0, 1 - lift * 1.6)

    def _press(self, phase: float) -> tuple[Point, float, float]:
        n = len(self._raw)
        if n == 1:
            # one long press: sink in, hold, ease off
            squeeze = _ease(phase / 0.4) if phase < 0.4 else (1.0 if phase < 0.7 else 1 - _ease((phase - 0.7) / 0.3))
            return self._raw[0], 1.0, squeeze
        here, within, slot, _ = self._hop(phase)
        before = self._raw[slot - 1] if slot > 0 else self._raw[-1]
        moving = 0.25
        pos = _lerp(before, here, _ease(within / moving)) if within < moving and slot > 0 else here
        if slot == 0 and within < moving:
            pos = here
        squeeze = math.sin(math.pi * max(0.0, (within - moving) / (1 - moving))) ** 2
        return pos, 1.0, squeeze

    def _hand_at(self, phase: float) -> tuple[Point, float, float]:
        match self.touch:
            case Touch.GLIDE:
                pos, contact = self._glide(phase)
                return pos, contact, 0.0
            case Touch.TAP:
                pos, contact = self._tap(phase)
                return pos, contact, 0.0
            case Touch.PRESS:
                return self._press(phase)
            case Touch.REST:
                return self._raw[0], 1.0, 0.0
        raise AssertionError(self.touch)

    # -- a whole frame -------------------------------------------------------------
    @property
    def lag(self) -> float:
        """How far (in repeats) the second hand follows the first: half a step for
        hands that take turns (a tap or press between the first's), half a repeat
        for a glide (one hand strokes while the other goes back), else none."""
        if not self.motion.in_turn or self.motion.hands != 2:
            return 0.0
        return 0.5 / len(self._raw) if self.touch in (Touch.TAP, Touch.PRESS) else 0.5

    def _second(self, x: float, y: float, phase: float) -> tuple[float, float]:
        """Where the second hand is: its own place, or mirrored about the middle."""
        other = self.motion.other
        if other:
            return other[min(int(phase * len(other)), len(other) - 1)]
        return 1 - x, y

    def frame(self, t: float) -> Frame:
        t = max(0.0, t)
        repeat, rem = divmod(t, self.tempo)
        phase = rem / self.tempo
        (x, y), contact, squeeze = self._hand_at(phase)
        hands = [Hand(x, y, contact, squeeze, False)]
        if self.motion.hands == 2:
            second = (phase - self.lag) % 1.0
            (x2, y2), contact2, squeeze2 = self._hand_at(second) if self.lag else ((x, y), contact, squeeze)
            x2, y2 = self._second(x2, y2, second)
            hands.append(Hand(x2, y2, contact2, squeeze2, True))
        trails = tuple(self._trail(t, mirrored=h.mirrored) for h in hands) if self.touch is Touch.GLIDE else ()
        ripples = self._ripples(t) if self.touch is Touch.TAP else ()
        if self.touch is Touch.REST:
            glow = 0.5 - 0.5 * math.cos(2 * math.pi * t / max(self.tempo, 3.0))
        elif self.touch is Touch.PRESS:
            glow = squeeze
        else:
            glow = 0.0
        return Frame(tuple(hands), trails, ripples, glow, int(repeat), phase)

    def _trail(self, t: float, *, mirrored: bool) -> tuple[Point, ...]:
        step = self.tempo * TRAIL_SHARE / TRAIL_SAMPLES
        lag = self.lag if mirrored else 0.0
        out: list[Point] = []
        for k in range(TRAIL_SAMPLES):
            when = t - k * step
            if when < 0:
                break
            phase = ((when % self.tempo) / self.tempo - lag) % 1.0
            (x, y), contact, _ = self._hand_at(phase)
            if contact < 0.5:
                break  # the trail ends where the hand was lifted
            out.append(self._second(x, y, phase) if mirrored else (x, y))
        return tuple(out)

    def _ripples(self, t: float) -> tuple[Ripple, ...]:
        n = len(self._raw)
        slot_seconds = self.tempo / n
        out: list[Ripple] = []
        first = math.floor((t - RIPPLE_SECONDS) / slot_seconds)
        lag = self.lag * self.tempo
        for k in range(max(first, 0), math.floor(t / slot_seconds) + 1):
            x, y = self._raw[k % n]
            for when, (rx, ry) in ((k * slot_seconds, (x, y)), (k * slot_seconds + lag, self._second(x, y, 0))):
                age = (t - when) / RIPPLE_SECONDS
                if 0 <= age < 1:
                    out.append(Ripple(rx, ry, age))
                if self.motion.hands != 2:
                    break
        return tuple(out)
