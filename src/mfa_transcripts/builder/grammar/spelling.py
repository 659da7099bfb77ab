"""Misspellings a label may carry: a surname one letter off (``Chizov`` for
``Chizhov``), ``Qestion:`` for ``Question:``, ``Anwser:`` for ``Answer:``. Plain string
comparisons, no regex: a label's word is compared with the few words it may mean.
"""

from __future__ import annotations

__all__ = ["near_answer", "near_question", "one_edit_apart"]


def one_edit_apart(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by exactly one letter left out, added or changed
    (``chizov`` for ``chizhov``): a surname misspelt in a label."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]


def near_answer(folded: str) -> bool:
    """One typo from 'answer': a letter left out, added or changed, or two next to each
    other swapped (``anwser``, ``answr``)."""
    if one_edit_apart(folded, "answer"):
        return True
    diff = [k for k, (x, y) in enumerate(zip(folded, "answer", strict=False)) if x != y]
    return (
        len(folded) == 6
        and len(diff) == 2
        and diff[1] == diff[0] + 1
        and folded[diff[0]] == "answer"[diff[1]]
        and folded[diff[1]] == "answer"[diff[0]]
    )


def near_question(folded: str) -> bool:
    """Within edit distance 2 of 'question' (a misspelt label: 'qestion', 'questoin')."""
    if not 6 <= len(folded) <= 10 or not folded.isalpha():
        return False
    previous = list(range(9))
    for i, ca in enumerate(folded, start=1):
        current = [i]
        for j, cb in enumerate("question", start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1] <= 2
