"""Helpers for writing word lists as prose-like blocks."""

from __future__ import annotations


def words(block: str) -> frozenset[str]:
    """The whitespace-separated words of block, as a set."""
    return frozenset(block.split())


def word_list(block: str) -> list[str]:
    """The whitespace-separated words of block, in order."""
    return block.split()
