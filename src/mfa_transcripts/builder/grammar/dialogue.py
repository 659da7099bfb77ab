"""Labels a page implies but does not write: the dialogue's grammar beyond one line.

* An unlabelled numbered paragraph (``2. Does Russia expect ...?``) whose turn is
  followed by an ``Answer:`` label is a question labelled by its number.
* An interview set as dialogue with dashes: :mod:`.dashes`. On an interview page
  without dashes, bare paragraphs ending with a question mark are the questions. On
  such a page, what stands before the first question is the editor's lead, and a
  quoted paragraph right before a question is a subheading.
* A monitoring service's transcript may open its turns with bracketed names
  (``[Khuzam] ...``, ``[Lavrov] ...``).
* A surname alone (``REMNICK:``) or the initials (``SL:``, ``S.L.:``; each part of a
  double surname gives one: ``A.B.-K.:``) name the person
  an earlier label on the page named in full (``DAVID REMNICK:``, ``Sergey Lavrov:``),
  with that label's kind, or whom the paragraphs before the first label name in full
  (``CNN Reporter Christiane Amanpour`` in the lead, then ``Amanpour:``): a speaker
  the registry does not know.
* On an interview, a name label naming neither a registry person, the page's subject
  nor anyone by an office asks (:func:`interviewer`); a one-word name opening a first
  question labels it (``Evelina: Good evening! ...``).
* One side labelled only (the press's copies lose the other's bold names): an answer's
  label answers the paragraph right before it; the subject labelled again after their
  own turn means the other side spoke between (:func:`asked_before`,
  :func:`answered_questions`, :func:`first_question_unlabelled`).
* A page's last paragraph that is the start of a label the page uses is that label,
  cut by the copy (:func:`cut_inside_label`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .. import speakers
from .labels import LABEL, NUMBERED, Label, outlet_label
from .lexicon import (
    ASKING_ROLES,
    OFFICE_ROLES,
    ROLE_NAME_WORDS,
    ROLE_WORDS,
    STAGE_WORDS,
    TURN_ROLES,
)
from .voice import ADDRESSING, FIRST_PERSON, REPORTING, SENTENCE_END, THIRD_PERSON

__all__ = [
    "ASKS",
    "MAX_BARE_QUESTION_WORDS",
    "addresses",
    "answered_questions",
    "asked_before",
    "asking_role",
    "bare_answers",
    "bare_labels",
    "bracketed_labels",
    "cut_inside_label",
    "first_question_unlabelled",
    "glued_names",
    "implied_label",
    "interviewer",
    "numbered_question",
    "one_word_label",
    "quoted_subheading",
    "recurring_names",
    "surname_labels",
]


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


ASKS = re.compile(r"[?…][\"”»’)]*\s*$")
_QUESTION_MARK_END = re.compile(r"\?[\"”»’)]*\s*$")
"""A paragraph ending with a question mark, or trailing off (``... on Thursday…``)."""
QUOTED_PARAGRAPH = re.compile(r"^[\"“«„][^\"“”«»„]{3,200}[\"”»]\s*$")
"""A paragraph wholly in quotes: the press's quoted subheading."""
_CUT_ASKING = re.compile(
    r"(?:^|[.!?…]\s+)(?:Do|Does|Did|Is|Are|Was|Were|Will|Would|Can|Could|Should|Has|Have"
    r"|Shall|Must)\s[^.!?…]*[\w,;:–—-]\s*$"
)
"""A paragraph cut off inside a sentence that opens as a question does (``... Does this
indicate that there are still reasonable forces advocating for the pre``): the last
paragraph of a cut page, asking."""
_ASK_MARK = re.compile(r"^[\u2753\u2754]\ufe0f?\s*(?=\S)")
"""A channel's question mark opening a question (``❓ On 11 September, ...``): its label."""
MAX_BARE_QUESTION_WORDS = 80
"""Longest paragraph, in words, taken for a bare question of an interview."""


def implied_label(kind: str, name: str, speaker: str | None, at: int, width: int) -> Label:
    """A label the page implies: of ``kind``, written as ``name`` (a dash, a number, or
    nothing) over ``width`` characters at offset ``at``."""
    return Label(kind, name, None, speaker, True, (at, at + width), at + width)


# a monitoring service's bracketed name opening a turn: '[Khuzam] Dear viewers, ...',
# '[Lavrov] We must respect ...'
_BRACKETED_NAME = re.compile(
    r"^(?:\[(?P<name>[A-Z][\w’'.\-]+(?: [A-Z][\w’'.\-]+){0,2})\]"
    # (a role may come before the name: '(Russian Foreign Minister Sergey Lavrov) ...')
    r"|\((?P<paren>[A-Z][\w’'.\-]+(?: [A-Z][\w’'.\-]+){0,5})\))\s++(?=\S)"
)


def _bracketed(match: re.Match[str]) -> str:
    return match["name"] or match["paren"]


def bracketed_labels(
    texts: list[str], starts: list[int], subject: str | None
) -> list[Label | None]:
    """Labels of a monitoring service's transcript whose turns open with a bracketed
    name (``[Khuzam] ...``, ``[Lavrov] ...``; or in parentheses, ``(Asharq Al-Awsat)
    ...``, ``(Lavrov) ...``, ``(Russian Foreign Minister Sergey Lavrov) ...``): at least
    two such paragraphs, one of them
    naming the page's subject (by surname) or a registry person; the subject's and the
    registry's are speakers, other names are kept as written (an interviewer, who asks
    on an interview page); a stage direction (``[Applause]``) is none. Otherwise none."""
    labels: list[Label | None] = [None] * len(texts)
    found = [
        (i, m)
        for i, t in enumerate(texts)
        if t[:1] in "[("
        and (m := _BRACKETED_NAME.match(t))
        and _bracketed(m).lower() not in STAGE_WORDS
    ]
    if len(found) < 2:
        return labels
    own = speakers.surname(subject) if subject else None
    named = False
    for i, match in found:
        name = _bracketed(match)
        person = speakers.resolve(name)
        who = person.name if person is not None else None
        if who is None and own is not None and speakers.fold(name.split()[-1]) == own:
            who = subject  # the page's subject by surname, in the registry or not
        named = named or who is not None
        span = (starts[i], starts[i] + match.end("name" if match["name"] else "paren") + 1)
        labels[i] = Label(
            "speaker", name, None, who or name, who is not None, span, starts[i] + match.end()
        )
    return labels if named else [None] * len(texts)


def bare_labels(texts: list[str], starts: list[int], speaker: str | None) -> list[Label | None]:
    """Labels of an interview whose turns are bare paragraphs: a paragraph of up to
    :data:`MAX_BARE_QUESTION_WORDS` words ending with a question mark (or trailing off
    with an ellipsis), or one of any length opened by a channel's question mark (``❓``,
    its label), followed by one that does not, opens a question; the paragraphs
    after it, up to the next question, are the page's speaker's answer. The labels are
    empty (the page writes none), but for a question's number (``1. How ...?``); the
    questions numbered in turn ask though they end with a full stop (``1. ... could you
    please tell our readers about ...``). The
    last paragraph asks, too, when it is cut inside a sentence opening as a question
    does (:data:`_CUT_ASKING`): a page cut inside its last question. A paragraph that
    addresses the interviewee (:data:`ADDRESSING`) asks whatever ends it, and asks
    unanswered (the page cut inside it)."""
    labels: list[Label | None] = [None] * len(texts)
    marks = [_ASK_MARK.match(t) for t in texts]  # '❓ On 11 September ... ?': marked, any length
    addressed = [addresses(t, speaker) for t in texts]
    asks = [
        bool(mark)
        or ((bool(ASKS.search(t)) or to_them) and len(t.split()) <= MAX_BARE_QUESTION_WORDS)
        for t, mark, to_them in zip(texts, marks, addressed, strict=True)
    ]
    if texts and not asks[-1] and len(texts[-1].split()) <= MAX_BARE_QUESTION_WORDS:
        asks[-1] = _CUT_ASKING.search(texts[-1]) is not None
    # the questions numbered in turn ('1. Your Excellency, ... could you please tell ...'):
    # numbered paragraphs between unnumbered ones, each number its rank among them (a
    # numbered list inside an answer is a run of numbered paragraphs)
    numbered = [NUMBERED.match(t) for t in texts]
    ranked = [
        (i, m)
        for i, m in enumerate(numbered[:-1])
        if m and not numbered[i + 1] and not (i and numbered[i - 1])
    ]
    if ranked and all(int(m["n"]) == rank for rank, (_, m) in enumerate(ranked, 1)):
        for i, _ in ranked:
            asks[i] = len(texts[i].split()) <= MAX_BARE_QUESTION_WORDS
    asked = False  # the paragraph before opened a question
    for i in range(len(texts)):
        if asks[i] and (i + 1 == len(texts) or not asks[i + 1]):
            labels[i] = _bare_question(texts[i], starts[i], marks[i])
            asked = True
        elif asked:
            labels[i] = implied_label("answer", "", speaker, starts[i], 0)
            asked = False
    if not any(label is not None and label.kind == "answer" for label in labels) and not any(
        label is not None and to_them for label, to_them in zip(labels, addressed, strict=True)
    ):
        # no question answered nor any addressed to the interviewee (a page cut in its
        # first): a text that asks, not a dialogue
        return [None] * len(texts)
    return labels


def bare_answers(
    texts: list[str], starts: list[int], labels: list[Label | None], speaker: str | None
) -> None:
    """Fill in, in place, the answers of a page that labels its questions and no answer
    nor any speaker (the press's copy that lost the answers' bold names): a question's
    turn is its labelled paragraph (the next one, under a label alone on its line)
    and, where that does not ask (no question mark or trailing off ends it), the next
    paragraph when that one does (up to :data:`MAX_BARE_QUESTION_WORDS` words); the
    unlabelled paragraph after the one that asks opens the answer, ``speaker``'s. Where
    neither asks, the turn goes on (a host's introduction), unanswered."""
    if not any(lb is not None and lb.kind == "question" for lb in labels) or any(
        lb is not None and lb.kind != "question" for lb in labels
    ):
        return
    for i, label in enumerate(labels):
        if label is None or label.kind != "question":
            continue
        if label.text_start - starts[i] >= len(texts[i].rstrip()):
            i += 1  # the label alone on its line: its text is the next paragraph's
            if i >= len(texts) or labels[i] is not None:
                continue
        at = i + 1
        if not ASKS.search(texts[i]):
            if not (
                at < len(texts) - 1
                and labels[at] is None
                and ASKS.search(texts[at])
                and len(texts[at].split()) <= MAX_BARE_QUESTION_WORDS
            ):
                continue  # nothing asks: the turn may go on (a host's introduction)
            at += 1  # the question's preamble, then its question: 'What do you think?'
        if at < len(texts) and labels[at] is None:
            labels[at] = implied_label("answer", "", speaker, starts[at], 0)


def addresses(text: str, speaker: str | None) -> bool:
    """Whether ``text`` opens by addressing the interviewee ``speaker``
    (:data:`ADDRESSING`; ``Mr. <Surname>`` only by their surname)."""
    match = ADDRESSING.match(text)
    if match is None or match["name"] is None:
        return match is not None
    return speaker is not None and speakers.fold(match["name"]) == speakers.surname(speaker)


def recurring_names(texts: list[str], starts: list[int], labels: list[Label | None]) -> None:
    """Fill in, in place, one-word name labels (``Carlson:``, ``Euractiv:``, ``E:``) that
    open paragraphs each answered by a registry speaker's label right after it (the last
    paragraph may be unanswered: the page cut there), two such answers at least among
    them: the other side of the dialogue, whom the registry does not know (the
    interviewer, on an interview); a name once followed by anything else is no label."""
    found: dict[str, list[tuple[int, Label]]] = {}
    for i in range(len(texts)):
        if (
            labels[i] is None
            and (label := one_word_label(texts[i], starts[i])) is not None
            and outlet_label(texts[i]) is None  # 'SPIEGEL:' is an outlet's, the page's to read
            and label.name.lower() not in TURN_ROLES
        ):
            found.setdefault(label.name, []).append((i, label))

    def answered(i: int) -> bool:
        after = labels[i + 1] if i + 1 < len(labels) else None
        return after is not None and after.kind == "speaker" and after.known

    kept = [
        places
        for places in found.values()
        if all(answered(i) or i + 1 == len(texts) for i, _ in places)
    ]
    if sum(answered(i) for places in kept for i, _ in places) >= 2:
        for places in kept:
            for i, label in places:
                labels[i] = replace(label, kind="speaker", speaker=label.name)


# a person's name glued to the text after its colon: 'Sophie Shavardnadze:Our guest ...'
_GLUED_NAME = re.compile(r"^(?P<name>[A-Z][a-z’'\-]+(?:\s+[A-Z][a-z’'\-]+){1,2}):(?=[A-Z“\"«])")


def glued_names(texts: list[str], starts: list[int], labels: list[Label | None]) -> None:
    """Fill in, in place, a label of a person's name glued to the text after its colon
    (``Sophie Shavardnadze:Our guest today is ...``) where the page labels that person
    otherwise, by the name or its initials (``SS:The resolution ...``): the same side of
    the dialogue, under the name written out."""
    named = {label.name: label for label in labels if label is not None}
    for i, text in enumerate(texts):
        if labels[i] is not None or (match := _GLUED_NAME.match(text)) is None:
            continue
        name = match["name"]
        other = named.get(name) or named.get("".join(w[0] for w in name.split()))
        if other is not None:
            at = starts[i] + match.end()
            labels[i] = replace(
                other, name=name, qualifier=None, span=(starts[i], at), text_start=at, typo=False
            )


def asked_before(
    texts: list[str],
    starts: list[int],
    labels: list[Label | None],
    subject: str,
    interview: bool = False,
    questioned: bool = False,
) -> None:
    """Fill in, in place, the questions of a page that labels its subject's turns and
    not the interviewer's: an unlabelled paragraph asking (a question mark ends it) right
    before a label of the subject opens a question (``And when you meet ...?`` then
    ``Vitaly Churkin: ...``), where two or more do, or one that is the page's first turn
    on a page whose genre holds the press's questions (``questioned``: an interview,
    answers to questions, a news conference) or that says it is an ``interview`` (a
    page cut inside its first answer), or right before an answer's label
    (``Ambassador: ...``, ``Answer: ...``: an answer answers what asks before it). A
    dashed paragraph is the dashes' to read, one opened by a one-word name its turn's.
    Where questions were found so, the page's last paragraph (before the start of a
    label it was cut inside), after the subject's answer, asks too when it ends with a
    question mark or is cut inside a sentence that opens as a question does: the page
    cut after its last question. The subject labelled again right after a turn of
    theirs was asked between: the last paragraph there, a whole sentence neither in the
    first person nor naming them (a commentary's), asks whatever ends it. Where the
    subject is the only one labelled, a paragraph asking before their first label, not
    in the first person, asks on a page of any genre."""
    asking = [
        (i, following.kind)
        for i in range(len(texts) - 1)
        if labels[i] is None
        and (following := labels[i + 1]) is not None
        and following.kind in ("speaker", "answer")
        and following.speaker == subject
        and ASKS.search(texts[i])
        and texts[i][:1] not in "-–—"  # (a dash: dash_labels')
        and one_word_label(texts[i]) is None  # ('Evelina: Good evening! ...': the turn's)
    ]
    # the subject labelled again right after a turn of theirs: someone spoke between, and
    # the last paragraph there, a whole sentence or more, is what they were asked, whatever
    # ends it ('Your assessment of the talks.', '... ? The proposal was made public ...')
    again = {
        i: following.kind
        for i in range(1, len(texts) - 1)
        if labels[i] is None
        and (following := labels[i + 1]) is not None
        and following.kind in ("speaker", "answer")
        and following.speaker == subject
        and _answered_before(labels, i, subject)
        and _question_shaped(texts[i])
        # (not words about them, 'Perhaps Lavrov is referring to ...': a commentary's;
        # nor their own words, 'What else could we want?' then 'Sergey Lavrov: Now to
        # your questions.')
        and (addresses(texts[i], subject) or not _names(texts[i], subject))
        and not FIRST_PERSON.search(texts[i])
    }
    asking = sorted({*asking, *again.items()})
    # the subject the only one labelled: no one else's turn is written out (a joint
    # appearance's first speaker may be asked nothing), one not in the first person (a
    # blog's lead may ask: 'Aren't we lucky we're not in this one?')
    alone = all(label is None or label.speaker == subject for label in labels)
    found = False
    for i, answered_by in asking:
        # the first turn: nobody labelled before it, not even by a one-word name
        first = not any(labels[:i]) and not any(one_word_label(t) for t in texts[:i])
        # one alone: the first turn on a page of questions, or on one saying it is an
        # interview; after the subject's own paragraph, on a page of questions, one not
        # in the first person (in it, it may be his: 'What else could we want?' then
        # 'Sergey Lavrov: Now to your questions.')
        after = questioned and _answered_before(labels, i, subject)
        theirs = after and not FIRST_PERSON.search(texts[i])
        # (alone, it asks with its question mark: a speaker's own words may trail off)
        marked = _QUESTION_MARK_END.search(texts[i]) is not None
        if (
            len(asking) >= 2
            or i in again
            or ((questioned or interview) and first and marked)
            or (alone and first and marked and not FIRST_PERSON.search(texts[i]))
            or (theirs and marked)
            or answered_by == "answer"
        ):
            labels[i] = _bare_question(texts[i], starts[i], _ASK_MARK.match(texts[i]))
            found = True
    last = len(texts) - 1
    if last > 0 and cut_inside_label(texts[last], labels):
        last -= 1  # the page cut inside the next label ('A' of 'Alexander Grushko:')
    if found and last > 0 and labels[last] is None and _answered_before(labels, last, subject):
        text = texts[last]
        if len(text.split()) <= MAX_BARE_QUESTION_WORDS and (
            ASKS.search(text) or _CUT_ASKING.search(text)
        ):
            labels[last] = _bare_question(text, starts[last], _ASK_MARK.match(text))


def answered_questions(texts: list[str], starts: list[int], labels: list[Label | None]) -> None:
    """Fill in, in place, the questions of a page that labels its answers (``Answer:``,
    ``A:``, ``Ambassador:``) and no question: an answer answers what stands right before
    it, so an unlabelled paragraph there, a whole sentence or more of up to
    :data:`MAX_BARE_QUESTION_WORDS` words, opens a question whatever ends it (``Your
    assessment of the talks.``). A dashed paragraph is the dashes' to read."""
    if any(label is not None and label.kind == "question" for label in labels):
        return
    for i in range(len(texts) - 1):
        following = labels[i + 1]
        if (
            labels[i] is None
            and following is not None
            and following.kind == "answer"
            and _question_shaped(texts[i])
        ):
            labels[i] = _bare_question(texts[i], starts[i], _ASK_MARK.match(texts[i]))


def first_question_unlabelled(
    texts: list[str], starts: list[int], labels: list[Label | None], subject: str
) -> None:
    """Fill in, in place, the first question of a page of answers to questions that
    labels its questions after the first (``Question: ...``) but not the first: the one
    unlabelled paragraph right before the subject's first label, a whole sentence of up
    to :data:`MAX_BARE_QUESTION_WORDS` words, is the question it answers (``Please
    comment on the statement of ...`` then ``Foreign Minister Lavrov: ...``), unless it
    reports on them (an editor's lead: ``The minister answered questions after the
    talks.``)."""
    first = next((i for i, label in enumerate(labels) if label is not None), None)
    label = labels[first] if first is not None else None
    if (
        first is None
        or label is None
        or first == 0
        or label.kind not in ("speaker", "answer")
        or label.speaker != subject
        or not any(lb is not None and lb.kind == "question" for lb in labels)
    ):
        return
    text = texts[first - 1]
    if (
        _question_shaped(text)
        and REPORTING.search(text) is None
        and THIRD_PERSON.search(text) is None
        and not _names(text, subject)
    ):
        labels[first - 1] = _bare_question(text, starts[first - 1], _ASK_MARK.match(text))


def _question_shaped(text: str) -> bool:
    """An unlabelled paragraph that may be a question whose label the page lost: a whole
    sentence or more (a subheading is none) of up to :data:`MAX_BARE_QUESTION_WORDS`
    words, neither dashed (the dashes' to read) nor opened by a one-word name (its
    turn's: ``Evelina: ...``)."""
    return (
        SENTENCE_END.search(text.rstrip()) is not None
        and len(text.split()) <= MAX_BARE_QUESTION_WORDS
        and text[:1] not in "-–—"
        and one_word_label(text) is None
    )


def _names(text: str, subject: str) -> bool:
    """Whether ``text`` names ``subject`` by their (folded) surname, as a lead does."""
    surname = speakers.surname(subject)
    return surname is not None and surname in speakers.fold(text)


def _answered_before(labels: list[Label | None], i: int, subject: str) -> bool:
    """The paragraphs before ``i`` back to the last label are the subject's turn."""
    label = next((lb for lb in reversed(labels[:i]) if lb is not None), None)
    return label is not None and label.kind in ("speaker", "answer") and label.speaker == subject


def _bare_question(text: str, start: int, mark: re.Match[str] | None) -> Label:
    """A bare question's label: its number (``❓1. How is ...?``), else the channel's
    question mark opening it (``❓ On 11 September ...``), else none written."""
    number = NUMBERED.match(text)
    if number is not None:
        span = (start, start + number.end("mark"))
        return Label("question", number["n"], None, None, True, span, start + number.end())
    if mark is not None:
        span = (start, start + len(mark.group().rstrip()))
        return Label("question", mark.group().strip(), None, None, True, span, start + mark.end())
    return implied_label("question", "", None, start, 0)


def quoted_subheading(index: int, texts: list[str], labels: list[Label | None]) -> bool:
    """On a page of implied dialogue, a paragraph wholly in quotes right before a
    question is the press's quoted subheading (``"The Kiev regime ... settlement"``)."""
    following = labels[index + 1] if index + 1 < len(texts) else None
    return (
        labels[index] is None
        and following is not None
        and following.kind == "question"
        and QUOTED_PARAGRAPH.match(texts[index]) is not None
    )


_TURN_WORDS = frozenset(w.title() for w in TURN_ROLES) | frozenset(ROLE_WORDS)
_NOT_SURNAMES = ROLE_NAME_WORDS | _TURN_WORDS  # what ends no full name
# a full name in running text: two or three capitalised words ('Christiane Amanpour')
# ('Christiane Amanpour’s abrasive attacks' too)
_FULL_NAME = re.compile(
    r"(?<![\w’'])(?:[A-Z][a-z’'\-]+\s){1,2}[A-Z][a-z\-]{2,}(?=[’']s\b|[^\w’']|$)"
)


def surname_labels(
    texts: list[str],
    starts: list[int],
    labels: list[Label | None],
    subject: str | None = None,
    leads: tuple[str, ...] = (),
    office: str | None = None,
) -> None:
    """Fill in, in place, labels that are a surname alone or initials naming a person an
    earlier label named in full (``REMNICK:`` after ``DAVID REMNICK:``, ``SL:`` after
    ``Sergey Lavrov:``), or naming the page's subject (``A.N.:`` on a page with Andrey
    Nesterenko), or named in full in ``leads`` or the paragraphs before the first label;
    or the initials of the ``office`` an untitled person holds (``SG:`` under
    ``Secretary-General's remarks ...``), a role's label, no person's."""
    seen: dict[str, Label] = {}
    if office is not None and len(re.split(r"[\s\-]+", office)) >= 2:
        own = Label("speaker", office, None, None, True, (0, 0), 0)
        seen[speakers.fold(_initials(office, hyphens=True))] = own
    if subject is not None and len(words := subject.split()) >= 2:
        own = Label("speaker", subject, None, subject, True, (0, 0), 0)
        seen[speakers.fold(words[-1])] = seen[speakers.fold(words[0][0] + words[-1][0])] = own
    first = next((i for i, label in enumerate(labels) if label is not None), len(labels))
    # the full names the lead gives (the head's lead lines, the paragraphs before the
    # first label), role words before them aside: 'CNN Reporter Christiane Amanpour'
    named: dict[str, str] = {}
    for text in (*leads, *texts[:first]):
        for found in _FULL_NAME.findall(text):
            words = found.split()
            while words and (words[0] in ROLE_NAME_WORDS or words[0].lower() in TURN_ROLES):
                words.pop(0)
            if len(words) >= 2 and words[-1] not in _NOT_SURNAMES:
                named.setdefault(speakers.fold(words[-1]), " ".join(words))
    for i, label in enumerate(labels):
        if label is not None:
            words = label.name.split()
            if len(words) >= 2 and label.kind in ("speaker", "question"):
                seen.setdefault(speakers.fold(words[-1]), label)
                # (a double surname's parts each give one too: 'A.B.-K.:' after
                # 'Aleksandr Botsan-Kharchenko:')
                for initials in (_initials(label.name), _initials(label.name, hyphens=True)):
                    if len(initials) >= 2:
                        seen.setdefault(speakers.fold(initials), label)
            continue
        match = LABEL.match(texts[i]) if ":" in texts[i][:40] else None
        if match is None or match["number"] or " " in match["name"].strip():
            continue
        name = speakers.fold(match["name"].strip())
        earlier = seen.get(name) or seen.get(re.sub(r"[.\-]", "", name))
        if earlier is None and name in named:  # a speaker the registry does not know
            earlier = Label("speaker", match["name"].strip(), None, named[name], False, (0, 0), 0)
        if earlier is not None:
            start = starts[i]
            qualifier = " ".join(match["qualifier"].split()) if match["qualifier"] else None
            labels[i] = replace(
                earlier,
                # an office's initials are written as they are ('SG'), no person's name
                name=earlier.name if earlier.speaker is not None else match["name"].strip(),
                qualifier=qualifier,
                span=(start + match.start(), start + match.end("colon")),
                text_start=start + match.end(),
                typo=False,
            )


def _initials(name: str, hyphens: bool = False) -> str:
    """The initials of a name's capitalised words (``SL`` of ``Sergey Lavrov``), or of
    its parts between spaces and hyphens (``ABK`` of ``Aleksandr Botsan-Kharchenko``)."""
    parts = re.split(r"[\s\-]+" if hyphens else r"\s+", name.strip())
    return "".join(p[0] for p in parts if p[:1].isupper())


def one_word_label(text: str, start: int = 0) -> Label | None:
    """A one-word name opening ``text`` as a label (``Evelina: Good evening! ...``), with
    text after it: a name no row of the grammar takes alone, read where a paragraph is
    known to ask (the kind is the caller's). A quotation mark may open it (``"Carlson:
    Who ...``, an excerpt quoted whole): the label's."""
    if ":" not in text:
        return None  # no label without its colon: the regex need not try
    quote = 1 if text[:1] in '"“«' else 0
    match = LABEL.match(text[quote:])
    if match is None or match["number"] or " " in match["name"].strip():
        return None
    name = match["name"].strip()
    if not name[0].isupper() or quote + match.end() >= len(text):
        return None
    qualifier = " ".join(match["qualifier"].split()) if match["qualifier"] else None
    span = (start, start + quote + match.end("colon"))
    return Label("question", name, qualifier, None, False, span, start + quote + match.end())


def cut_inside_label(text: str, labels: list[Label | None]) -> bool:
    """``text`` (a page's last paragraph) is the start of a label the page uses, cut
    before its end: ``Tim`` of ``Times Now:``, ``Sergey La`` of ``Sergey Lavrov:``."""
    text = text.strip()
    if not text or len(text) > 40 or ":" in text:
        return False
    return any(
        label is not None and len(label.name) > len(text) and label.name.startswith(text)
        for label in labels
    )


def interviewer(label: Label, title_speaker: str | None) -> bool:
    """A name label on an interview page that names neither a registry person nor the
    title's speaker (by the same surname: ``Ambassador Antonov`` for Anatoly Antonov),
    nor anyone by an office (``Japanese Defense Minister Tomomi Inada``: an office-holder
    speaks, a journalist asks)."""
    if label.kind != "speaker" or label.known or title_speaker is None:
        return False
    words = label.name.split()
    if any(w.title() in OFFICE_ROLES for w in words[:-1]):
        return False
    return speakers.fold(words[-1]) != speakers.fold(title_speaker.split()[-1])


def asking_role(label: Label) -> bool:
    """A name label the registry does not know whose role, after a comma, is one that
    asks (``Armen Oganesyan, Editor-in-Chief, International Affairs``: the publication's
    editor): the press's question, on any page."""
    if label.kind != "speaker" or label.known or "," not in label.name:
        return False
    roles = re.split(r"[\s,\-]+", speakers.fold(label.name.split(",", 1)[1]))
    return not ASKING_ROLES.isdisjoint(roles)
