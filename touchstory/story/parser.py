"""The story parser: text in, a Story (or every problem at once) out.

Reads the format described in stories/FORMAT.md line by line; `lines.py` reads the
inside of each story line and `metadata.py` the details at the top."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from touchstory.files import RefusedFile, read_capped
from touchstory.errors import StoryError
from touchstory.story import metadata as meta_mod
from touchstory.story.fixes import book_rewrite
from touchstory.story.lines import RefrainCall, check_body, parse_parts, parse_tag
from touchstory.story.model import (
    Location, Note, Page, Part, Pause, Picture, Problem, Severity, Story, StoryLine, WaitForTap,
)
from touchstory.story.packs import PackRegistry, StrokePack
from touchstory.story.problems import MAX_FILE_BYTES, ProblemList, decode_text, did_you_mean

LONG_LINE = 220
LONG_REFRAIN = 6  # more lines than this usually means the blank line after a refrain was forgotten
SUGGEST_FROM = 50  # "did you mean" compares an unknown refrain name with at most this many
MAX_HINTS = 200  # unknown refrain calls given a "did you mean" (each costs a few difflib runs)
SHOW_NAMES = 8  # refrain names listed in a message, then "and N more"
_REFRAIN = re.compile(r"^(?:refrain|chorus)(?:[ \t]+(?P<name>[^:\[\]{}]{1,40}?))?[ \t]*:[ \t]*$", re.IGNORECASE)
_KEY = re.compile(r"^(?P<key>[A-Za-z][A-Za-z_-]{0,15})(?:[ \t]+(?P<name>[A-Za-z0-9_-]{1,30}))?[ \t]*:(?P<value>.*)$")
PAGE_KEYS = ("picture", "soundscape", "note")


@dataclass(frozen=True, slots=True)
class ParseResult:
    """What reading a story gave: the story (None if it has errors) and all problems."""

    path: Path
    story: Story | None
    problems: tuple[Problem, ...]
    title: str = ""  # the title: line as written, even when the story has errors (the library lists it so)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)

    @property
    def ok(self) -> bool:
        return self.story is not None


@dataclass
class _PageBuilder:
    title: str
    loc: Location
    picture: Picture | None = None
    soundscape: str | None = None
    lines: list[StoryLine] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)  # waiting for the next line
    leading: list[Part] = field(default_factory=list)  # markers before the first line

    def add_line(self, line: StoryLine) -> None:
        extra: dict[str, object] = {}
        if self.notes:
            extra["notes"] = line.notes + tuple(self.notes)
            self.notes = []
        if self.leading:
            extra["parts"] = tuple(self.leading) + line.parts
            self.leading = []
        self.lines.append(replace(line, **extra) if extra else line)  # type: ignore[arg-type]

    def add_markers(self, markers: list[Part]) -> None:
        if self.lines:
            last = self.lines[-1]
            self.lines[-1] = replace(last, parts=last.parts + tuple(markers))
        else:
            self.leading.extend(markers)

    def build(self) -> Page:
        return Page(self.title, tuple(self.lines), self.loc, self.picture, self.soundscape, tuple(self.notes))


class _Parser:
    def __init__(self, text: str, path: Path, packs: PackRegistry) -> None:
        self.path = path
        self.name = str(path)
        self.lines = text.splitlines()
        self.problems = ProblemList(self.name, self.lines)
        self.packs = packs
        self.header = meta_mod.HeaderReader(self.problems, path.parent)
        self.in_header = True
        self.pages: list[_PageBuilder] = []
        self.refrains: dict[str, list[StoryLine]] = {}
        # named refrains by first letter, for "did you mean": a story with thousands of
        # refrains and unknown {refrain} calls stays linear (each call looks at a few)
        self.refrains_by_letter: dict[str, list[str]] = {}
        self.hints_given = 0
        self.capturing: str | None = None  # name of the refrain being written
        self.capture_line = 0  # where it started
        self._pack: StrokePack | None = None
        self._others: list[StrokePack] | None = None  # the packs this story does not use
        self.wrote_lines = False  # any story line written, even a faulty one

    # -- helpers -------------------------------------------------------------
    @property
    def pack(self) -> StrokePack | None:
        if self._pack is None and not self.header.pack_checked:
            self._pack = self.header.resolve_pack(self.packs)
        return self._pack

    def page(self, line_no: int) -> _PageBuilder:
        if not self.pages:
            self.pages.append(_PageBuilder("", Location(self.name, line_no, 1)))
        return self.pages[-1]

    def end_header(self) -> None:
        self.in_header = False

    # -- the main loop ---------------------------------------------------------
    def run(self) -> ParseResult:
        for number, raw in enumerate(self.lines, 1):
            self.line(number, raw.rstrip())
        if self.capturing is not None:
            self.end_refrain(len(self.lines))
        return self.finish()

    def line(self, n: int, raw: str) -> None:
        stripped = raw.strip()
        indent = len(raw) - len(raw.lstrip())
        col = indent + 1
        if not stripped:
            if self.capturing is not None:
                self.end_refrain(n)
            return
        if stripped.startswith("//"):
            return
        if stripped.startswith("#"):
            if self.capturing is not None:
                self.end_refrain(n)
            self.end_header()
            title = stripped.lstrip("#").strip()
            self.pages.append(_PageBuilder(title, Location(self.name, n, col)))
            return
        if stripped.startswith("["):
            self.end_header()
            self.wrote_lines = True
            self.story_line(n, stripped, col)
            return
        if stripped.startswith("{"):
            self.end_header()
            self.marker_line(n, stripped, col)
            return
        if r := _REFRAIN.match(stripped):
            self.end_header()
            self.start_refrain(" ".join((r.group("name") or "").lower().split()), n, col)
            return
        m = _KEY.match(stripped)
        if m:
            self.key_line(n, m, col)
            return
        if self.book_style(n, stripped, col):
            return
        self.problems.error(n, col, "this line has no stroke: start it with one in square brackets, "
                            "like [calm] or [circle x2] (or [none] for a line without a stroke)",
                            min(len(stripped), 40))

    def book_style(self, n: int, text: str, col: int) -> bool:
        """A line written as a book prints it, `... (The Calm)` or `[The Calm] ...`:
        one message saying exactly what to write. True when it was one."""
        fixed = book_rewrite(text, self.pack)
        if fixed is None:
            return False
        self.wrote_lines = True
        self.problems.error(n, col, "the stroke goes at the start of the line, in square brackets (touchstory "
                            f"check --fix rewrites such lines for you); write it as: {fixed}",
                            min(len(text), 40), code="book-style", hint=fixed)
        return True

    def key_line(self, n: int, m: re.Match[str], col: int) -> None:
        key, name, value = m.group("key").lower(), m.group("name"), m.group("value").strip()
        value_col = col + m.start("value") + (len(m.group("value")) - len(m.group("value").lstrip()))
        if key == "refrain" and not value:
            self.end_header()
            self.start_refrain((name or "").lower(), n, col)
            return
        if name is not None:
            self.problems.error(n, col, "this line has no stroke: start it with one in square brackets, "
                                "like [calm]", len(m.group(0).split(":")[0]))
            return
        if key in PAGE_KEYS and not (key == "soundscape" and self.in_header):
            self.page_key(key, value, n, value_col)
            return
        if self.in_header:
            self.header.read(key, value, n, col, value_col)
            return
        if key in meta_mod.KEYS:
            self.problems.warning(n, col, f'"{key}:" belongs in the details at the top of the story; '
                                  "move it there (it is ignored here)", len(key))
            return
        self.problems.error(n, col, "this line has no stroke: start it with one in square brackets, like [calm]",
                            len(key))

    def page_key(self, key: str, value: str, n: int, col: int) -> None:
        page = self.page(n)
        if key == "note":
            if value:
                page.notes.append(Note(value, Location(self.name, n, col)))
            return
        self.end_header()
        if page.lines:
            what = ("move it up (the picture is shown for the whole page)" if key == "picture" else
                    "the sound changes where the page starts, not here (to change it here, start a new page "
                    "with a # line)")
            self.problems.warning(n, 1, f'"{key}:" goes before the page\'s story lines, straight after its # '
                                  f"line: {what}", len(key))
        if key == "picture":
            if page.picture is not None:
                self.problems.warning(n, 1, "this page already has a picture; only the first one is shown")
                return
            page.picture = meta_mod.read_picture(value, n, col, self.path.parent, self.problems)
        else:
            page.soundscape = meta_mod.check_soundscape(value, n, col, self.path.parent, self.problems)

    def story_line(self, n: int, text: str, col: int) -> None:
        close = text.find("]")
        if close < 0:
            self.problems.error(n, col, 'the square bracket is not closed: add "]" after the stroke, like [circle x2]')
            return
        if text[1:close].lstrip().lower().startswith("the ") and self.book_style(n, text, col):
            return
        pack = self.pack
        if self._others is None:
            self._others = [p for p in self.packs if p is not pack]
        others = self._others
        pack_line = self.header.where["pack"][0] if "pack" in self.header.where else None
        tag = parse_tag(text[1:close], col + 1, n, pack, self.problems, self.name, others=others,
                        pack_line=pack_line)
        body = text[close + 1:]
        parts, parts_ok = parse_parts(body, col + close + 1, n, self.problems, self.name)
        if not check_body(body, col + close + 1, n, pack, [*others, *([pack] if pack else [])], self.problems):
            parts_ok = False
        for call in (p for p in parts if isinstance(p, RefrainCall)):
            self.problems.error(n, call.loc.col, "{refrain} goes on a line of its own", 9)
            parts_ok = False
        if tag is None or not parts_ok:
            return
        clean = tuple(p for p in parts if not isinstance(p, RefrainCall) and p != "")
        line = StoryLine(tag, clean, Location(self.name, n, col), refrain=self.capturing)
        if len(body) > LONG_LINE and len(line.text) > LONG_LINE:
            self.problems.warning(n, col, f"this line is {len(line.text)} characters long and will not fit the "
                                  "screen well; split it into two lines, each starting with its own [stroke]", 1)
        if self.capturing is not None:
            self.refrains[self.capturing].append(line)
            if len(self.refrains[self.capturing]) == LONG_REFRAIN + 1:
                self.problems.warning(n, col, f"the refrain that starts on line {self.capture_line} is still going "
                                      f"here ({LONG_REFRAIN + 1} lines): a refrain ends at the first blank line; "
                                      "if it should end sooner, leave a blank line after its last line (a long "
                                      "song can be split into two refrains)", 1)
        self.page(n).add_line(line)

    def marker_line(self, n: int, text: str, col: int) -> None:
        parts, ok = parse_parts(text, col, n, self.problems, self.name)
        if not ok:
            return
        words = [p for p in parts if isinstance(p, str) and p.strip()]
        if words:
            self.problems.error(n, col, "words need a stroke: start the line with one in square brackets, like "
                                "[calm], and put the {marker} after it", len(text))
            return
        calls = [p for p in parts if isinstance(p, RefrainCall)]
        markers: list[Part] = [p for p in parts if isinstance(p, Pause | WaitForTap)]
        for call in calls:
            self.repeat_refrain(call, n)
        if markers:
            self.page(n).add_markers(markers)

    # -- refrains --------------------------------------------------------------
    def start_refrain(self, name: str, n: int, col: int) -> None:
        if self.capturing is not None:
            self.end_refrain(n)
        if name in self.refrains:
            label = f'refrain "{name}"' if name else "the refrain"
            self.problems.error(n, col, f"{label} is already written above; give this one a name, like "
                                "\"refrain sea:\"", 7)
            return
        self.refrains[name] = []
        if name:
            self.refrains_by_letter.setdefault(name[0], []).append(name)
        self.capturing = name
        self.capture_line = n

    def end_refrain(self, n: int) -> None:
        name = self.capturing
        self.capturing = None
        if name is not None and not self.refrains.get(name):
            self.problems.error(n, 1, "the refrain above has no lines: write its story lines straight after "
                                "\"refrain:\", then a blank line")

    def repeat_refrain(self, call: RefrainCall, n: int) -> None:
        lines = self.refrains.get(call.name)
        if lines is None or (call.name == self.capturing):
            if call.name == self.capturing and lines is not None:
                msg = (f"the refrain that starts on line {self.capture_line} is still going here; leave a blank "
                       "line before this line to end it")
            else:
                label = f'refrain "{call.name}"' if call.name else "refrain"
                heading = f"refrain {call.name}:" if call.name else "refrain:"
                hint, known = self.refrain_hint(call.name) if call.name else ("", "")
                msg = (f"there is no {label} written above this line{hint}; write \"{heading}\" and its lines "
                       "first" + (f" (refrains written so far: {known})" if known and not hint else ""))
            self.problems.error(n, call.loc.col, msg, len(call.name) + 9)
            return
        for line in lines:
            self.page(n).add_line(replace(line, notes=()))

    def refrain_hint(self, name: str) -> tuple[str, str]:
        """(' (did you mean "sea"?)' or "", the first few refrain names written so
        far, or ""). Bounded work per call, however many refrains there are."""
        self.hints_given += 1
        hint = ""
        if self.hints_given <= MAX_HINTS:  # past that, the author has seen the idea
            nearby = self.refrains_by_letter.get(name[0], [])[-SUGGEST_FROM:]
            hint = did_you_mean(name, nearby)
            if not hint and len(self.refrains) > len(nearby):  # a typo in the first letter
                recent = [k for k in itertools.islice(reversed(self.refrains), SUGGEST_FROM) if k]
                hint = did_you_mean(name, recent)
        first = [k for k in itertools.islice(self.refrains, SHOW_NAMES + 2) if k][:SHOW_NAMES]
        count = len(self.refrains) - ("" in self.refrains)
        known = ", ".join(f'"{k}"' for k in first) + (f" and {count - len(first)} more" if count > len(first) else "")
        return hint, known

    # -- the end ---------------------------------------------------------------
    def finish(self) -> ParseResult:
        meta = self.header.metadata(self.path)
        if self.pack is None and not self.header.pack_failed:
            self._pack = self.header.resolve_pack(self.packs)
        pages = [p for p in self.pages if p.lines or p.picture or p.notes]
        if not self.wrote_lines:
            self.problems.error(max(len(self.lines), 1), 1, "the story has no story lines yet: add lines that "
                                "start with a stroke, like \"[calm] Once upon a time...\"")
        problems = tuple(self.problems.sorted())
        if self.problems.has_errors or meta is None:
            return ParseResult(self.path, None, problems, self.header.values.get("title", "").strip())
        built = tuple(p.build() for p in pages if p.lines or p.picture)
        warnings = tuple(p for p in problems if p.severity is Severity.WARNING)
        return ParseResult(self.path, Story(self.path, meta, built, warnings), problems)


def parse_story(text: str, path: Path | str, packs: PackRegistry) -> ParseResult:
    """Parse story text; never raises for anything in the text."""
    return _Parser(text, Path(path), packs).run()


def story_pack(text: str, path: Path | str, packs: PackRegistry) -> StrokePack | None:
    """The stroke pack the story's details choose (what its lines are read against)."""
    parser = _Parser(text, Path(path), packs)
    parser.run()
    return parser.pack


def load_story(path: Path | str, packs: PackRegistry) -> ParseResult:
    """Read and parse a story file; unreadable files become a problem, not a crash."""
    path = Path(path)
    try:
        data = read_capped(path, MAX_FILE_BYTES, "story file")
    except RefusedFile as exc:
        return ParseResult(path, None, (Problem(Severity.ERROR, exc.reason, Location(str(path), 1, 1)),))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        unreadable = Problem(Severity.ERROR, f"cannot read the file ({reason}); check the name and that it is a "
                             "file, not a folder", Location(str(path), 1, 1))
        return ParseResult(path, None, (unreadable,))
    text, problem = decode_text(data, str(path))
    if text is None:
        return ParseResult(path, None, (problem,) if problem else ())
    parser = _Parser(text, path, packs)
    if problem is not None:  # read, with a warning (a UTF-16 file): it stays with the story's own
        parser.problems.items.append(problem)
    return parser.run()


def read_story(path: Path | str, packs: PackRegistry) -> Story:
    """Load a story or raise StoryError listing every problem."""
    result = load_story(path, packs)
    if result.story is None:
        raise StoryError(list(result.problems))
    return result.story


def parse_story_text(text: str, path: Path | str, packs: PackRegistry) -> Story:
    """Parse story text or raise StoryError listing every problem."""
    result = parse_story(text, path, packs)
    if result.story is None:
        raise StoryError(list(result.problems))
    return result.story

