"""`touchstory print STORY [--child NAME] [--sheet] [--a4] [--short] --out FILE.pdf`.

Without --sheet: the story, adapted to the child when one is named, as an A5
booklet (or A4 sheets with --a4). With --sheet: the child's one-page bedside
sheet for other carers, with STORY as their usual story.
"""

from __future__ import annotations

import argparse
import os
import sys
from touchstory.cli.exits import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from touchstory.paths import UserPaths


def cmd_print(args: argparse.Namespace, paths: UserPaths) -> int:
    # A PDF needs fonts, not a screen: print works over ssh and in scripts too.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from touchstory.errors import SettingsError
    from touchstory.journal.profiles import Profiles
    from touchstory.journal.store import Journal
    from touchstory.pacing.story_finder import find_story
    from touchstory.resources import bundled_stories_dir
    from touchstory.story.adapt import adapt
    from touchstory.story.packs import PackRegistry
    from touchstory.story.parser import load_story
    from touchstory.ui.cards.pdf import bedside_pdf, story_pdf

    if args.out.suffix.lower() != ".pdf":
        print(f"touchstory: --out {args.out}: choose a file name ending in .pdf", file=sys.stderr)
        return EXIT_USAGE
    if args.sheet and not args.child:
        print("touchstory: --sheet is a child's bedside sheet; name the child with --child NAME", file=sys.stderr)
        return EXIT_USAGE
    story_path = args.story
    if not story_path.exists():
        story_path = find_story(str(args.story), [paths.stories, bundled_stories_dir()]) or story_path
    packs = PackRegistry.default(paths.packs)
    result = load_story(story_path, packs)
    if result.story is None:
        for problem in result.problems:
            print(problem.format(), file=sys.stderr)
        print(f"touchstory: {args.story} could not be read; fix it first (touchstory check {args.story})",
              file=sys.stderr)
        return EXIT_PROBLEMS
    story = result.story
    pack = packs.get(story.meta.pack)
    child = None
    if args.child:
        journal = Journal.open(paths.journal).journal
        try:
            profiles = Profiles(journal)
            child = profiles.named(args.child)
            names = ", ".join(p.name for p in profiles.all()) or "none yet"
        finally:
            journal.close()
        if child is None:
            print(f'touchstory: no child profile called "{args.child}" in {paths.journal} (profiles: {names}); '
                  "add one in the library under \"Who is it for tonight?\"", file=sys.stderr)
            return EXIT_USAGE
    _app = QGuiApplication.instance() or QGuiApplication(["touchstory"])
    try:
        if args.sheet and child is not None:
            done = bedside_pdf(child, args.out, pack, usual=(story.title,), ask=story.meta.ask or None,
                               thanks=story.meta.thanks or None)
        else:
            adapted = adapt(story, pack, child.way if child else None, short=args.short)
            done = story_pdf(adapted, pack, args.out, child, sheet=args.a4)
    except (SettingsError, OSError) as exc:
        print(f"touchstory: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"{done.path}: {done.pages} page{'s' if done.pages != 1 else ''}")
    return EXIT_OK
