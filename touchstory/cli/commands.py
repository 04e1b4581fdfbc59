"""The sub-commands that need no window: `check`, `list`, `strokes` and `paths`.

cli/main.py imports this module only when one of them runs, so opening the app does
not first load the story parser, the session plans and their tables."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from touchstory.cli.exits import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from touchstory.pacing.plan import PlanResult, load_plan
from touchstory.paths import UserPaths
from touchstory.resources import bundled_stories_dir
from touchstory.story.duration import format_duration
from touchstory.story.library import StoryEntry, find_story_files, scan_library
from touchstory.story.packs import PackRegistry
from touchstory.story.fixes import fix_file
from touchstory.story.parser import ParseResult, load_story, story_pack
from touchstory.story.problems import decode_text

PLAN_SUFFIX = ".plan"


def _packs(paths: UserPaths) -> PackRegistry:
    registry = PackRegistry.default(paths.packs)
    for problem in registry.problems:
        print(problem.format(), file=sys.stderr)
    return registry


def cmd_check(args: argparse.Namespace, paths: UserPaths) -> int:
    missing = [t for t in args.targets if not t.exists()]
    for target in missing:
        print(f"touchstory: {target}: no such file or folder", file=sys.stderr)
    if missing and len(missing) == len(args.targets):
        return EXIT_USAGE
    packs = _packs(paths)
    present = [t for t in args.targets if t.exists()]
    files = list(find_story_files(t for t in present if t.suffix != PLAN_SUFFIX))
    plans = [t for t in present if t.is_file() and t.suffix == PLAN_SUFFIX]
    plans += sorted(p for t in present if t.is_dir() for p in t.rglob(f"*{PLAN_SUFFIX}"))
    if not files and not plans:
        print("touchstory: no .story or .plan files found in " + ", ".join(map(str, args.targets)),
              file=sys.stderr)
        return EXIT_USAGE
    if getattr(args, "fix", False):
        _fix_book_style(files, packs, quiet=bool(args.json))
    roots = [paths.stories, bundled_stories_dir()]
    results: list[ParseResult | PlanResult] = [load_story(f, packs) for f in files]
    results += [load_plan(p, packs, roots) for p in plans]
    files = files + plans
    counted = [p for r in results for p in r.problems if p.is_error or args.strict]
    if args.json:
        out = [{"path": str(r.path), "ok": r.ok, "problems": [p.to_json() for p in r.problems]} for r in results]
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        for r in results:
            for problem in r.problems:
                print(problem.format())
        errors = sum(len(r.errors) for r in results)
        warnings = sum(len(r.warnings) for r in results)
        clean = sum(1 for r in results if r.ok and (not args.strict or not r.warnings))
        what = f"{len(files)} stor{'y' if len(files) == 1 else 'ies'}" if not plans else f"{len(files)} file{'s' * (len(files) != 1)}"
        print(f"{what} checked: {clean} ready, "
              f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
              + (" (--strict: warnings count)" if args.strict and warnings else ""))
    return EXIT_PROBLEMS if counted or missing else EXIT_OK


def _fix_book_style(files: Sequence[Path], packs: PackRegistry, *, quiet: bool) -> None:
    """`check --fix`: rewrite each file's book-style lines, saying what changed and
    where the original is kept; the check that follows reads the mended files."""
    for path in files:
        try:
            text, _ = decode_text(path.read_bytes(), str(path))
        except OSError:
            continue  # the check itself says why the file cannot be read
        if text is None:
            continue
        try:
            done = fix_file(path, text, story_pack(text, path, packs))
        except OSError as exc:
            print(f"touchstory: {path}: could not write the fixed story ({exc.strerror or exc}); "
                  "nothing was changed", file=sys.stderr)
            continue
        if quiet or not done.fixes:
            continue
        for fix in done.fixes:
            print(f"{path}:{fix.line}: fixed: {fix.new}\n  (was: {fix.old})")
        print(f"{path}: {len(done.fixes)} line{'s' * (len(done.fixes) != 1)} fixed; the original is kept "
              f"as {done.backup}")


def library_sources(paths: UserPaths, extra: Sequence[Path]) -> list[tuple[str, Path]]:
    sources = [("bundled", bundled_stories_dir())]
    if paths.stories.is_dir():
        sources.append(("mine", paths.stories))
    sources.extend(("opened", p) for p in extra)
    return sources


def cmd_list(args: argparse.Namespace, paths: UserPaths) -> int:
    missing = [t for t in args.targets if not t.exists()]
    for target in missing:
        print(f"touchstory: {target}: no such file or folder", file=sys.stderr)
    packs = _packs(paths)
    entries = scan_library(library_sources(paths, [t for t in args.targets if t.exists()]), packs)
    if args.json:
        print(json.dumps([e.to_json() for e in entries], indent=2, ensure_ascii=False))
        return EXIT_USAGE if missing else EXIT_OK
    rows = [_row(e) for e in entries]
    headers = ("TITLE", "KIND", "AGES", "MOOD", "LANG", "LENGTH", "STROKES", "PROBLEMS", "PATH")
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    widths[6] = min(widths[6], 34)
    for row in (headers, *rows):
        cells = [c if i != 6 or len(c) <= 34 else c[:31] + "..." for i, c in enumerate(row)]
        print("  ".join(c.ljust(widths[i]) for i, c in enumerate(cells)).rstrip())
    total = sum(e.seconds for e in entries if e.playable)
    print(f"{len(entries)} stories, {format_duration(total)} in all")
    return EXIT_USAGE if missing else EXIT_OK


def _row(e: StoryEntry) -> tuple[str, ...]:
    problems = "-" if not e.problems else f"{e.errors}E {e.warnings}W"
    return (e.title, e.kind.value if e.kind else "?", str(e.ages) if e.ages else "-", e.mood or "-",
            e.language or "-", format_duration(e.seconds) if e.playable else "-",
            ",".join(e.strokes) or "-", problems, str(e.path))


def cmd_strokes(args: argparse.Namespace, paths: UserPaths) -> int:
    packs = _packs(paths)
    chosen = [p for p in packs if args.pack in (None, p.id)]
    if not chosen:
        print(f"touchstory: no pack called {args.pack!r}; packs: {', '.join(packs.ids())}", file=sys.stderr)
        return EXIT_USAGE
    for pack in chosen:
        print(f"{pack.name} (pack: {pack.id})\n{pack.description}\n")
        for s in pack.strokes:
            aliases = f"  (also: {', '.join(s.aliases)})" if s.aliases else ""
            print(f"  [{s.id}] {s.name}{aliases}\n    {s.tempo:g} s a time, {s.pressure.value}, usually on the "
                  f"{s.area.value}\n    {s.how}\n")
    return EXIT_OK


def cmd_paths(args: argparse.Namespace, paths: UserPaths) -> int:
    print(f"your stories:   {paths.stories}\nyour packs:     {paths.packs}\nsession plans:  {paths.plans}\n"
          f"settings:       {paths.settings}\njournal:        {paths.journal}\ncache:          {paths.cache}\n"
          f"bundled:        {bundled_stories_dir()}")
    return EXIT_OK
