"""Stories: near-duplicate grouping, and sentence alignment of each outlet against its release.

usage: python bench/stories.py [--articles N] [--seed S] [--quick]

Builds a set from real Korean articles (../shared/eval/summaries/articles.jsonl): for each base
article, 2 outlet-style rewrites (sentences dropped, half the kept ones edited, the middle
reordered, background sentences from an article outside the set added). Half the articles read
are the set, half give the background; a file with fewer than 2 × N articles gives fewer stories,
and the bench says so (the shipped 90 give 45 stories).
Pairs are then scored with the same signature, LSH bands and threshold the ingest path uses.

Alignment: every rewritten sentence carries its true provenance (copied, edited or added, and
which release sentence); some copied sentences get one figure changed. The bench prints precision
and recall per class (a copied or edited sentence counts only when aligned to its own release
sentence), copied_share error, the changed-figure flag rate, and alignment cost per outlet and per
story of 20 outlets against the one Kiwi pass over the same outlet article (the floor ingest pays).
When the outlets need more background sentences than the set's outside articles hold, alignment
draws them again in a new order (an added sentence only has to be absent from its release), and
the bench says how many it drew from how many.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
from pathlib import Path

import alignment  # bench/alignment.py, beside this script

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
    parser.add_argument("--articles", type=_positive, default=60)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="12 articles, 4 outlets each")
    parser.add_argument(
        "--outlets", type=_positive, default=8, help="outlet rewrites per release for alignment"
    )
    args = parser.parse_args()
    if args.quick:
        args.articles, args.outlets = 12, 4
    rng = random.Random(args.seed)
    pool = base_articles(2 * args.articles)
    if len(pool) < 2:
        raise SystemExit(f"{EVAL} holds {len(pool)} articles of 6+ sentences: a story and a donor need 2")
    bases, donors = pool[: len(pool) // 2], pool[len(pool) // 2 :]  # donors are never in the set
    if len(bases) < args.articles:
        print(
            f"note: {EVAL.name} holds {len(pool)} articles of 6+ sentences: {len(bases)} stories "
            f"and {len(donors)} donors, not the {args.articles} stories asked"
        )
    # each background sentence is used once here, so rewrites share none: the grouping draws 4 per
    # story, and the donors (as many as the stories, 6+ sentences each) hold more than that
    background = alignment.Background([s for d in donors for s in d], rng)
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
    measure_alignment(bases, background, args.outlets, rng)


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {number}")
    return number


def measure_alignment(
    bases: list[list[str]], background: alignment.Background, outlets: int, rng: random.Random
) -> None:
    """Per-class alignment precision/recall, copied_share error, figure flags, and cost."""
    stories = [
        (release, [alignment.rewrite(release, background, rng) for _ in range(outlets)]) for release in bases
    ]
    alignment.report(alignment.score(stories))
    release = max(bases, key=len)
    alignment.cost(release, [alignment.rewrite(release, background, rng) for _ in range(20)])
    if background.rounds > 1:
        print(
            f"background: {background.drawn} sentences drawn from {len(background.sentences)} "
            f"({background.rounds} shuffles), so some outlets add the same background sentence"
        )


if __name__ == "__main__":
    main()
