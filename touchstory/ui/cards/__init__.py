"""Printable cards: story booklets and sheets, and a child's bedside sheet, as PDF."""
