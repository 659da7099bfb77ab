"""Perturbed copies of the corpus's exact pages: how robust the parser is to the ways
unseen pages differ from seen ones.

Each perturbation changes a page the way another site or another year would (a label
spelt otherwise, a republisher's line inserted, the title in capitals) and says how the
annotated facts change with it (most leave them as they are). A page exact before and
not after points at a rule that fits the pages it was written from and no others:
``python -m tests.perturb [family ...] [-v]`` prints, for each perturbation, how many
of the exact pages it changed broke (families: layout, labels, chrome, leads,
titles, reposts; all by default). It is a tool for writing rules, not a test: the figures go
in notes, not in assertions.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import Any

from mfa_transcripts.builder.parse import parse_source
from mfa_transcripts.builder.read import SourceText
from mfa_transcripts.errors import TranscriptError

from . import corpus

Note = dict[str, Any]
Perturbation = Callable[[str, Note], "tuple[str, Note] | None"]


def exact(text: str, note: Note, name: str) -> bool:
    """Whether the parse of ``text`` gives every fact of ``note`` (as tests.corpus scores)."""
    try:
        parsed = parse_source(SourceText(name, text, "utf-8", "0" * 64))
    except TranscriptError:
        return note["kind"] != "transcript"
    if note["kind"] != "transcript":
        return not (parsed.questions or parsed.answers)
    return all(want == got for want, got in corpus._facts(note, parsed).values())


def _lines(pattern: str, repl: str) -> Perturbation:
    """Replace at every line start; the facts stay."""
    rx = re.compile(pattern, re.MULTILINE)
    return lambda text, note: (rx.sub(repl, text), note)


def _top(line: str) -> Perturbation:
    return lambda text, note: (f"{line}\n\n{text}", note)


def _above_title(line: str) -> Perturbation:
    """A republisher's headline at the top of a page with a title of its own."""
    return lambda text, note: (f"{line}\n\n{text}", note) if note["title"] else None


def _before_second_question(line: str) -> Perturbation:
    def change(text: str, note: Note) -> tuple[str, Note] | None:
        labels = list(re.finditer(r"^\s*(?:Question|Q)\s*:", text, re.MULTILINE))
        if len(labels) < 2:
            return None
        at = labels[1].start()
        return text[:at] + f"{line}\n\n" + text[at:], note

    return change


# a labelled paragraph, the blank lines after it, and a paragraph of the same turn (no
# label: no colon within its first 40 characters)
_TURN_GOES_ON = re.compile(
    r"^([^\n:]{2,40}:[ \t][^\n]+\n(?:[ \t]*\n)+)(?=[A-Z“\"][^\n:]{40})", re.MULTILINE
)


def _inside_a_turn(line: str) -> Perturbation:
    """A republisher's line between the first two paragraphs of a labelled turn."""

    def change(text: str, note: Note) -> tuple[str, Note] | None:
        match = _TURN_GOES_ON.search(text)
        if match is None:
            return None
        return text[: match.end(1)] + f"{line}\n\n" + text[match.end(1) :], note

    return change


def _under_title(line: str) -> Perturbation:
    """A photo's caption on the line under the title."""

    def change(text: str, note: Note) -> tuple[str, Note] | None:
        title = note["title"]
        if not title or text.count(title) != 1:
            return None
        end = text.index("\n", text.index(title) + len(title)) if "\n" in text else len(text)
        return text[:end] + f"\n\n{line}\n" + text[end:], note

    return change


def _under_site_footer(line: str) -> Perturbation:
    def change(text: str, note: Note) -> tuple[str, Note] | None:
        if not note["complete"]:
            return None
        return text.rstrip("\n") + f"\n\n{line}\n", note

    return change


def _retitle(new: Callable[[str], str]) -> Perturbation:
    def change(text: str, note: Note) -> tuple[str, Note] | None:
        title = note["title"]
        if not title or text.count(title) != 1:
            return None
        return text.replace(title, new(title)), dict(note, title=new(title))

    return change


_LABEL = r"^(\s*)Sergey Lavrov:"
_QUESTION = r"^(\s*)Question:"

FAMILIES: dict[str, dict[str, Perturbation]] = {
    "layout": {
        "paragraphs on single lines": _lines(r"\n[ \t]*\n(?:[ \t]*\n)*", "\n"),
        "blank lines everywhere": _lines(r"\n+", "\n\n"),
        "indented lines": _lines(r"^(?=\S)", "    "),
    },
    "labels": {
        "Q:": _lines(_QUESTION, r"\1Q:"),
        "QUESTION:": _lines(_QUESTION, r"\1QUESTION:"),
        "Question (TASS):": _lines(_QUESTION, r"\1Question (TASS):"),
        "Qestion:": _lines(_QUESTION, r"\1Qestion:"),
        "S.Lavrov:": _lines(_LABEL, r"\1S.Lavrov:"),
        "LAVROV:": _lines(_LABEL, r"\1LAVROV:"),
        "Minister Lavrov:": _lines(_LABEL, r"\1Minister Lavrov:"),
        "Sergey Lavrov (in English):": _lines(_LABEL, r"\1Sergey Lavrov (in English):"),
        "label alone on its line": _lines(r"^(\s*)(Question|Sergey Lavrov):\s*", "\\1\\2:\n"),
        # the press's copies that drop one side's labels (bold lost with the markup)
        "questions unlabelled": _lines(r"^(\s*)Question:\s*", r"\1"),
        "answers unlabelled": _lines(r"^(\s*)Sergey Lavrov:\s*", r"\1"),
        "both sides unlabelled": _lines(r"^(\s*)(?:Question|Sergey Lavrov):\s*", r"\1"),
        "A:": _lines(_LABEL, r"\1A:"),
        "Q: and A:": lambda text, note: _lines(_LABEL, r"\1A:")(
            _lines(_QUESTION, r"\1Q:")(text, note)[0], note
        ),
    },
    "chrome": {
        **{
            f"top: {line}": _top(line)
            for line in ("Home » News » Speeches", "Menu", "English | Русский", "Print")
        },
        **{
            f"between turns: {line}": _before_second_question(line)
            for line in ("Advertisement", "Read also: Lavrov meets Wang Yi", "[Video]", "— — —")
        },
        **{
            f"inside a turn: {line}": _inside_a_turn(line)
            for line in ("Advertisement", "Read also: Lavrov meets Wang Yi", "Share this:")
        },
        "under the title: a photo caption": _under_title(
            "The ministers speak to the press. State Department photo by Ann Lee"
        ),
        **{
            f"under the footer: {line}": _under_site_footer(line)
            for line in ("Related posts", "© 2024 All rights reserved", "Leave a comment")
        },
    },
    "leads": {
        "a republisher's lead under the title": _under_title(
            "The speaker, who has held the post for years, spoke to journalists at length on "
            "Monday, the agency said.\n\nHe also touched upon relations with neighbours and "
            "other issues.\n\nBelow is the full transcript:"
        ),
        "a lead on top of the page": _top(
            "In a wide-ranging conversation, the diplomat told the press about the talks and "
            "their results, the agency reported.\n\nThe full text follows."
        ),
    },
    "titles": {
        "in capitals": _retitle(str.upper),
        "in title case": _retitle(lambda t: " ".join(w[:1].upper() + w[1:] for w in t.split(" "))),
    },
    "reposts": {
        f"headline above: {line}": _above_title(line)
        for line in (
            "Lavrov: Russia will respond to any threat to its security",
            "Russian Foreign Ministry Spokeswoman Holds Weekly Briefing",
        )
    },
}


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    names = [a for a in argv if not a.startswith("-")] or list(FAMILIES)
    pages = [(p, n, p.read_text("utf-8")) for s in corpus.SEEN for p, n in corpus.load(s)]
    pages = [(p, n, t) for p, n, t in pages if exact(t, n, p.name)]
    for family in names:
        for label, perturb in FAMILIES[family].items():
            changed = broke = 0
            for path, note, text in pages:
                result = perturb(text, note)
                if result is None or result[0] == text:
                    continue
                changed += 1
                if not exact(*result, path.name):
                    broke += 1
                    if verbose:
                        print(f"    {path.name}")
            print(f"{family:8} {label[:44]:45} {broke:4} of {changed:4} changed exact pages broke")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
