"""The library window: story cards, filters, favourites, "continue where you
stopped", opening files and the problems view."""

from touchstory.ui.library.window import LibraryWindow

__all__ = ["LibraryWindow"]
