"""What makes a keyword a fragment, read off the text itself rather than Kiwi's nouns (the bench and
the keyword tests share it, so the rule in ``nlp.keywords`` is judged by something it does not use)."""

from __future__ import annotations

import re

# a letter right before an occurrence: it begins inside a written word (봄학교 in 늘봄학교); a digit
# does not count, since counters and units glue to numbers (3학년, 21세기)
_INSIDE_WORD = re.compile(r"[^\W\d_]")


def written_fragment(term: str, text: str) -> bool:
    """Most of the term's occurrences in the text begin inside a longer written word."""
    starts = [m.start() for m in re.finditer(re.escape(term), text)]
    inside = sum(1 for i in starts if i > 0 and _INSIDE_WORD.match(text[i - 1]))
    return 2 * inside > len(starts)
