"""Finding earlier suggestions that say the same thing, for Chinese text without word spaces.

Chinese has no spaces between words, so the text is compared by overlapping character
bigrams (相邻两字): "增加停车位" → {增加, 加停, 停车, 车位}. Two texts are scored by the Dice
coefficient of their bigram sets, 2·|A∩B| / (|A|+|B|), between 0 (nothing shared) and
1 (same bigrams). Punctuation, spaces and letter case are ignored; Latin words and numbers
count as single tokens so that "5G" or "12345" are not split into meaningless pairs.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import Generic, TypeVar

T = TypeVar("T")

# A run of Latin letters/digits is one token; every other letter-like character is its own.
_TOKEN = re.compile(r"[a-z0-9]+|[^\W\d_a-z]", re.UNICODE)

# Scores at or above this are shown as "similar" while a resident types.
SIMILAR = 0.35


def tokens(text: str) -> list[str]:
    """Characters (and Latin/number runs) of a text, normalised, without punctuation."""
    normal = unicodedata.normalize("NFKC", text).lower()
    return _TOKEN.findall(normal)


def shingles(text: str) -> frozenset[str]:
    """The set of adjacent token pairs; a one-token text is its own single shingle."""
    parts = tokens(text)
    if len(parts) == 1:
        return frozenset(parts)
    return frozenset(a + "\x1f" + b for a, b in pairwise(parts))


def probe_pairs(text: str, limit: int = 40) -> list[str]:
    """Adjacent character pairs of the text as they appear in it, for a database pre-filter:
    any earlier suggestion scoring above zero shares at least one of them (except pairs
    spanning punctuation, which the threshold makes irrelevant in practice)."""
    parts = tokens(text)
    pairs = dict.fromkeys(a + b for a, b in pairwise(parts)) if len(parts) > 1 else {}
    return list(pairs)[:limit] or parts[:1]


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    """2·|A∩B| / (|A|+|B|); 0 when both are empty."""
    if not a and not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def similarity(first: str, second: str) -> float:
    return dice(shingles(first), shingles(second))


@dataclass(frozen=True)
class Match(Generic[T]):
    item: T
    score: float


def most_similar(
    text: str,
    items: Iterable[tuple[T, str]],
    *,
    threshold: float = SIMILAR,
    limit: int = 5,
) -> list[Match[T]]:
    """The items whose text scores at least `threshold` against `text`, best first."""
    probe = shingles(text)
    if not probe:
        return []
    matches = [Match(item, dice(probe, shingles(other))) for item, other in items]
    good = [m for m in matches if m.score >= threshold]
    good.sort(key=lambda m: -m.score)
    return good[:limit]
