"""Labels a page implies but does not write: the dialogue's grammar beyond one line.

* An unlabelled numbered paragraph (``2. Does Russia expect ...?``) whose turn is
  followed by an ``Answer:`` label is a question labelled by its number.
* An interview set as dialogue (``– Do you ...?`` ``– We ...``): the first dashed
  paragraph is a question, then answers by the title's speaker and questions in turn.
* A surname alone (``REMNICK:``) or the initials (``SL:``, ``S.L.:``) name the person
  an earlier label on the page named in full (``DAVID REMNICK:``, ``Sergey Lavrov:``),
  with that label's kind.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .. import speakers
from .labels import LABEL, NUMBERED, Label

__all__ = ["dash_labels", "numbered_question", "surname_labels"]


def numbered_question(
    index: int, texts: list[str], labels: list[Label | None]
) -> re.Match[str] | None:
    """The number opening an unlabelled question (``1. Theresa May said ...?``): a
    numbered paragraph whose turn, unlabelled paragraphs after it included, is followed
    by an ``Answer:`` label; else None."""
    number = NUMBERED.match(texts[index])
    if number is None or labels[index] is not None:
        return None
    j = index + 1
    while j < len(texts) and labels[j] is None and not NUMBERED.match(texts[j]):
        j += 1
    following = labels[j] if j < len(texts) else None
    return number if following is not None and following.kind == "answer" else None


_DASH_TURN = re.compile(r"^[–—]\s+(?=\S)")
"""A paragraph opened by a dash: a turn of an interview set as dialogue."""


def dash_labels(texts: list[str], starts: list[int], speaker: str | None) -> list[Label | None]:
    """Labels of an interview without labels whose turns open with a dash (the Russian
    press's dialogue): the first dashed paragraph is a question, then answers by the
    title's speaker and questions in turn; a paragraph without a dash continues its turn.
    Fewer than two dashed paragraphs: no labels."""
    labels: list[Label | None] = [None] * len(texts)
    dashed = [(i, m) for i, t in enumerate(texts) if (m := _DASH_TURN.match(t)) is not None]
    if len(dashed) < 2:
        return labels
    for n, (i, match) in enumerate(dashed):
        start = starts[i]
        asks = n % 2 == 0
        labels[i] = Label(
            "question" if asks else "answer",
            texts[i][0],
            None,
            None if asks else speaker,
            True,
            (start, start + 1),
            start + match.end(),
        )
    return labels


def surname_labels(texts: list[str], starts: list[int], labels: list[Label | None]) -> None:
    """Fill in, in place, labels that are a surname alone or initials naming a person an
    earlier label named in full (``REMNICK:`` after ``DAVID REMNICK:``, ``SL:`` after
    ``Sergey Lavrov:``)."""
    seen: dict[str, Label] = {}
    for i, label in enumerate(labels):
        if label is not None:
            words = label.name.split()
            if len(words) >= 2 and label.kind in ("speaker", "question"):
                seen.setdefault(speakers.fold(words[-1]), label)
                initials = "".join(w[0] for w in words if w[0].isupper())
                if len(initials) >= 2:
                    seen.setdefault(speakers.fold(initials), label)
            continue
        match = LABEL.match(texts[i]) if ":" in texts[i][:40] else None
        if match is None or match["number"] or " " in match["name"].strip():
            continue
        name = speakers.fold(match["name"].strip())
        earlier = seen.get(name) or seen.get(name.replace(".", ""))
        if earlier is not None:
            start = starts[i]
            qualifier = " ".join(match["qualifier"].split()) if match["qualifier"] else None
            labels[i] = replace(
                earlier,
                qualifier=qualifier,
                span=(start + match.start(), start + match.end("colon")),
                text_start=start + match.end(),
                typo=False,
            )
