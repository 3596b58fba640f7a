"""Story grouping quality: precision and recall of near-duplicate detection on rewritten variants.

usage: python bench/stories.py [--articles N] [--seed S]

Builds a set from real Korean articles (../shared/eval/summaries/articles.jsonl): for each base
article, 2 outlet-style rewrites (sentences dropped, half the kept ones edited, the middle
reordered, background sentences from an article outside the set added).
Pairs are then scored with the same signature, LSH bands and threshold the ingest path uses.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
from pathlib import Path

from nlp.analyse import analyse
from nlp.dedupe import bands, near_duplicate, signature
from nlp.terms import content_forms

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "summaries" / "articles.jsonl"


def base_articles(limit: int) -> list[list[str]]:
    if EVAL.exists():
        docs = [
            json.loads(line)["sentences"] for line in EVAL.read_text(encoding="utf-8").splitlines() if line
        ]
        return [d for d in docs if len(d) >= 6][:limit]
    raise SystemExit(f"{EVAL} not found: this benchmark needs ../shared/eval")


def paraphrase(sentence: str, rng: random.Random) -> str:
    """A reporter's edit: drop or move a few words, so shingles across the edit change."""
    words = sentence.split()
    for _ in range(max(1, len(words) // 6)):
        if len(words) > 4:
            words.pop(rng.randrange(1, len(words) - 1))
    if len(words) > 6 and rng.random() < 0.5:
        cut = rng.randrange(2, len(words) - 2)
        words = words[cut:] + words[:cut]
    return " ".join(words)


def rewrite(sentences: list[str], other: list[str], rng: random.Random) -> list[str]:
    """An outlet's version: keep 50–80% of the sentences, half of them edited, the middle shuffled,
    two sentences of background from an article outside the set."""
    keep = [s for s in sentences if rng.random() < rng.uniform(0.5, 0.8)] or sentences[:3]
    keep = [paraphrase(s, rng) if rng.random() < 0.5 else s for s in keep]
    middle = keep[1:-1]
    rng.shuffle(middle)
    borrowed = other
    return [keep[0], *middle[: len(middle) // 2], *borrowed, *middle[len(middle) // 2 :], *keep[-1:]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pool = base_articles(2 * args.articles)
    bases, donors = pool[: len(pool) // 2], pool[len(pool) // 2 :]  # donors are never in the set
    background = [s for d in donors for s in d]
    rng.shuffle(background)  # each background sentence is used once, so rewrites share none
    docs: list[tuple[int, list[str]]] = []
    for i, sentences in enumerate(bases):
        docs.append((i, sentences))
        docs += [(i, rewrite(sentences, [background.pop(), background.pop()], rng)) for _ in range(2)]
    sigs = [signature(content_forms(analyse("\n".join(text)).morphemes())) for _, text in docs]
    keys = [set(bands(s)) for s in sigs]
    tp = fp = fn = 0
    for a, b in itertools.combinations(range(len(docs)), 2):
        same = docs[a][0] == docs[b][0]
        found = bool(keys[a] & keys[b]) and near_duplicate(sigs[a], sigs[b]) > 0
        tp += same and found
        fp += found and not same
        fn += same and not found
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"{len(bases)} stories, {len(docs)} articles ({len(docs) - len(bases)} rewrites)")
    print(f"{'pairs':<10} {'precision':>9} {'recall':>7}")
    print(f"{'same-story':<10} {precision:9.3f} {recall:7.3f}   (tp {tp}, fp {fp}, fn {fn})")


if __name__ == "__main__":
    main()
