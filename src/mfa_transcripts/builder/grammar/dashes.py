"""An interview set as dialogue with dashes (the Russian press's: ``– Do you ...?``
``– We ...``): the first dashed paragraph is a question, then answers by the page's
speaker and questions in turn, the labels a page does write among them keeping their
kind (``Alexander Yakovenko, ...:`` answers)."""

from __future__ import annotations

import re

from .dialogue import ASKS, MAX_BARE_QUESTION_WORDS, implied_label
from .labels import Label

__all__ = ["DASH_TURN", "dash_labels"]

DASH_TURN = re.compile(r"^[–—-]\s+(?=\S)")
"""A paragraph opened by a dash: a turn of an interview set as dialogue."""


def dash_labels(
    texts: list[str],
    starts: list[int],
    labels: list[Label | None],
    speaker: str | None,
    interview: bool = False,
) -> list[Label | None]:
    """The labels of a page whose turns open with a dash (the Russian press's
    dialogue), ``labels`` (those the page writes) and the dashed paragraphs' together.
    A turn opens at a label or a dashed paragraph, and the paragraphs without either
    continue it; questions and answers alternate, an unlabelled dashed turn taking the
    other kind than the turn before it (a written label other than a question's counts
    as an answer). Where no turn is before it, a dashed turn is a question if it asks
    (a question mark, or trailing off: ``Not all, I reckon…``), else it answers the
    unlabelled paragraph that asks right before it; on a page without any label, the
    questions are the dashed turns from the first or, when more of those from it ask,
    from the second (the first answers a question cut off). A dashed answer is the
    page's speaker's, else the last labelled answerer's. Dashed questions of which
    fewer than half ask (a dashed list of talking points): no dashed turns; on a page
    without labels, fewer than two dashed paragraphs: none, but on an interview one
    dashed question with paragraphs after it is a question and its answer (a page cut
    after its first answer)."""
    n = len(texts)
    dashed = {i: m for i, t in enumerate(texts) if labels[i] is None and (m := DASH_TURN.match(t))}
    if not dashed:
        return list(labels)
    written = any(labels)
    openers = sorted({*dashed, *(i for i, label in enumerate(labels) if label is not None)})
    ends = dict(zip(openers, [*openers[1:], n], strict=True))
    asks = {i: _asks(" ".join(texts[i : ends[i]])) for i in dashed}
    order = list(dashed)  # in page order
    out = list(labels)
    first = None  # the kind of a dashed turn with none before it: its own
    if not written and len(dashed) == 1:
        # one dashed paragraph: on an interview, a question with paragraphs after it (a
        # page cut after its first answer); or an answer to the asking paragraph before
        i = order[0]
        if interview and "?" in texts[i] and i + 1 < n:
            out[i] = implied_label("question", texts[i][0], None, starts[i], dashed[i].end())
            out[i + 1] = implied_label("answer", "", speaker, starts[i + 1], 0)
            return out
        if asks[i]:
            return out
        first = "answer"
    elif not written:  # the first dashed turn asks, or the second does and
        asking_from = [sum(asks[i] for i in order[k::2]) for k in (0, 1)]  # more from it
        first = "question" if asking_from[0] >= asking_from[1] else "answer"
    # a dashed answer's speaker: the page's, else the last labelled answerer
    answerer = speaker or next(
        (lb.speaker for lb in reversed(labels) if lb and lb.kind != "question" and lb.speaker),
        None,
    )
    previous: str | None = None  # the kind of the turn before
    kinds: dict[int, str] = {}
    for i in openers:
        label = labels[i]
        if label is not None:
            previous = "question" if label.kind == "question" else "answer"
        elif previous is not None:
            previous = kinds[i] = "answer" if previous == "question" else "question"
        else:
            previous = kinds[i] = first or ("question" if asks[i] else "answer")
            if previous == "answer" and i > 0 and i - 1 not in dashed and _bare_asks(texts[i - 1]):
                kinds[i - 1] = "question"  # '... What are the results of his trip?' '— We ...'
    asked = [asks[i] for i, kind in kinds.items() if kind == "question" and i in dashed]
    turns = {
        *kinds.values(),
        *("question" if lb.kind == "question" else "answer" for lb in labels if lb is not None),
    }
    if turns != {"question", "answer"} or 2 * sum(asked) < len(asked):
        return out  # no dialogue: a dashed list, or a question never answered
    for i, kind in kinds.items():
        width = dashed[i].end() if i in dashed else 0
        mark = texts[i][0] if i in dashed else ""
        out[i] = implied_label(kind, mark, answerer if kind == "answer" else None, starts[i], width)
    return out


def _asks(turn: str) -> bool:
    """A turn that asks: a question mark in it, or its end trailing off."""
    return "?" in turn or ASKS.search(turn) is not None


def _bare_asks(text: str) -> bool:
    """An unlabelled paragraph that asks, short enough for a bare question."""
    return ASKS.search(text) is not None and len(text.split()) <= MAX_BARE_QUESTION_WORDS
