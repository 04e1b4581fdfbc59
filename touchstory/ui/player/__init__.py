"""The story player: PlayerWindow and the widgets it is made of."""

from touchstory.ui.player.window import PlayerWindow

__all__ = ["PlayerWindow"]
