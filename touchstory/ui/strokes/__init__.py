"""Animated stroke demonstrations and the Strokes practice page."""
