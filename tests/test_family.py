"""Every real page of the transcript family (issue 3): what each one must give.

``tests/data/transcripts/expected.json`` is the fixtures' own statement of what each page
holds (title, dates, counts, who answers, how the first question starts, which lines are
chrome); the test reads it rather than copying its numbers. ``OURS`` adds what this
dataset's model says beyond it (place, genre, speeches, canonical speakers, qualifiers,
headings), each value checked against the page by reading it. ``expected.json`` names
answerers by their label as written (``SECRETARY KERRY``); our ``label`` keeps that and
``speaker`` holds the canonical name (``John Kerry``).
"""

from __future__ import annotations

import csv
import json
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from mfa_transcripts.builder.parse import parse_file
from mfa_transcripts.builder.records import ParsedPage
from mfa_transcripts.schema import normalise_text

from .conftest import FIXTURES

EXPECTED: dict[str, dict[str, Any]] = json.loads((FIXTURES / "expected.json").read_text("utf-8"))
with (FIXTURES / "sources.csv").open(encoding="utf-8", newline="") as _handle:
    SOURCES = {row["file"]: row["source_url"] for row in csv.DictReader(_handle)}

LAVROV = "Sergey Lavrov"
ORGANISATIONS = [
    "Organization for Security and Co-operation in Europe (OSCE)",
    "Council of Europe (CoE)",
    "NATO (North Atlantic Treaty Organization)",
    "European Union (EU)",
]

# What our model says beyond expected.json, page by page.
OURS: dict[str, dict[str, Any]] = {
    "001_lavrov-answers-media-beijing-2017-05-14.txt": {
        "place": "Beijing",
        "genre": "answers to media questions",
        "genres": ["answers to questions"],
        "speaker": LAVROV,
        "speaker_role": "Foreign Minister",
        "languages": ["en", "ru"],
        "tags": [],
        "speeches": [],
        "answers": [(1, LAVROV, None), (2, LAVROV, None)],
    },
    "006_archive-mid-lavrov-open-lecture-2014-10-20.txt": {
        "place": "Moscow",
        "genre": "remarks",
        "genres": ["remarks", "lecture"],
        "occasion": "an open lecture on Russia’s current foreign policy",
        "speaker": LAVROV,
        "speaker_role": "Foreign Minister",
        "languages": [],
        "tags": [],
        "speeches": [(LAVROV, None, None, "Mr Nikonov, friends,")],
        "answers": [],
    },
    "007_zakharova-briefing-2017-04-19.txt": {
        "place": "Moscow",
        "genre": "briefing",
        "genres": ["briefing"],
        "speaker": "Maria Zakharova",
        "speaker_role": "Foreign Ministry Spokesperson",
        "languages": ["de", "en", "es", "ru", "fr"],
        "tags": [],
        "contents_divider": (14, "Answers to media questions:"),
        # the body reaches the first section's heading, then the fragment 'Foreign '
        "speeches": [
            (
                "Maria Zakharova",
                None,
                "Foreign Minister Sergey Lavrov to participate in a meeting of the Council "
                "of Foreign Ministers of the SCO Member States",
                "Foreign",
            )
        ],
        "answers": [],
    },
    "010_lavrov-answers-after-kerry-apec-lima-2016-11-17.txt": {
        "place": "Lima",
        "genre": "answers to media questions",
        "genres": ["answers to questions"],
        "speaker": LAVROV,
        "speaker_role": "Foreign Minister",
        "languages": ["en", "ru"],
        "tags": ORGANISATIONS,
        "speeches": [],
        "answers": [
            (1, LAVROV, "after J.Kerry"),
            (2, LAVROV, "after J.Kerry"),
            (3, LAVROV, "after J.Kerry"),
            (4, LAVROV, None),
        ],
    },
    "011_embassy-washington-lavrov-answer-apec-danang-2017-11-10.txt": {
        "place": "Da Nang",
        "genre": "answer to a media question",
        "genres": ["answers to questions"],
        "speaker": LAVROV,
        "speaker_role": "Foreign Minister",
        "languages": [],
        "tags": [],
        "speeches": [],
        "answers": [(1, LAVROV, None)],
    },
    "012_embassy-uk-lavrov-makei-minsk-2020-06-19.txt": {
        "place": "Minsk",
        "genre": "statement and answers to media questions",
        "genres": ["statement", "answers to questions", "news conference"],
        "speaker": LAVROV,
        "speaker_role": "Foreign Minister",
        "languages": [],
        "tags": [],
        "speeches": [(LAVROV, None, None, "Ladies and gentlemen,")],
        "answers": [],
    },
    "013_embassy-us-lavrov-answers-margins-kerry-geneva-2016-09-09.txt": {
        "place": "Geneva",
        "genre": "answers",
        "genres": ["answers to questions"],
        "speaker": LAVROV,
        "speaker_role": "Minister of foreign affairs",
        "languages": [],
        "tags": [],
        # Lavrov speaks first, labelled; questions 5 and 7 are followed at once by the next
        "speeches": [(LAVROV, "Sergey Lavrov", None, "How are you? Exhausted?")],
        "answers": [(q, LAVROV, None) for q in (1, 2, 3, 4, 6, 8, 9, 10, 11, 12)],
    },
    "018_news-pravda-lavrov-brics-johannesburg-2023-08-24.txt": {
        "place": "Johannesburg",
        "genre": "remarks and answers to questions",
        "genres": ["remarks", "answers to questions", "news conference"],
        "speaker": LAVROV,
        "speaker_role": "FM",
        "languages": [],
        "tags": [],
        "speeches": [
            (LAVROV, None, None, "The BRICS Summit is over."),
            (LAVROV, None, "On explosive expansion of BRICS", "I believe that it stems"),
            (LAVROV, None, "On #RussiaSouthAfrica relations", "Our relations are excellent."),
            (LAVROV, None, "On situation in Niger", "We must see the true causes"),
        ],
        "answers": [],
    },
    "020_newsite-lavrov-opening-remarks-truss-2022-02-10.txt": {
        "place": "Moscow",
        "genre": "opening remarks",
        "genres": ["opening remarks"],
        "speaker": LAVROV,
        "speaker_role": "Foreign Minister",
        "languages": [],
        "tags": [],
        "speeches": [(LAVROV, None, None, "Madam Minister,\n\nColleagues,\n\nIt has been")],
        "answers": [],
    },
    "021_lavrov-opening-remarks-galbur-sochi-2016-07-01.txt": {
        "place": "Sochi",
        "genre": "opening remarks",
        "genres": ["opening remarks"],
        "speaker": LAVROV,
        "speaker_role": "Foreign Minister",
        "languages": ["en", "ru"],
        "tags": ORGANISATIONS,
        "speeches": [(LAVROV, None, None, "Mr Galbur,\n\nI’m very pleased to see you.")],
        "answers": [],
    },
    "023_CONTRAST-state-gov-kerry-lavrov-remarks-rome-2014-12-14.txt": {
        # the place ('Rome, Italy') is in the byline, not the title; the title names Lavrov
        # as Kerry's counterpart, so its speaker is not asserted
        "place": None,
        "genre": "remarks",
        "genres": ["remarks"],
        "languages": [],
        "tags": [],
        "speeches": [
            (LAVROV, "FOREIGN MINISTER LAVROV", None, "Sorry for Sunday evening, guys."),
            ("John Kerry", "SECRETARY KERRY", None, "Well, thanks everybody."),
            (LAVROV, "FOREIGN MINISTER LAVROV", None, "Thank you, John."),
            ("John Kerry", "SECRETARY KERRY", None, "Good. I appreciate that."),
        ],
        "answers": [(1, "John Kerry", None)],
    },
}

PAGES = sorted(FIXTURES.glob("*.txt"))


def _parse(path: Path) -> ParsedPage:
    return parse_file(path, SOURCES[path.name])


def test_every_fixture_has_expectations_and_an_address() -> None:
    names = {p.name for p in PAGES}
    assert names == set(EXPECTED) == set(OURS) == set(SOURCES)


def test_sources_csv_keeps_the_addresses_of_sources_md() -> None:
    table = (FIXTURES / "SOURCES.md").read_text("utf-8")
    rows = re.findall(r"^\| (\S+\.txt) \| (\S+) \| [CT] \|", table, flags=re.MULTILINE)
    assert dict(rows) == SOURCES


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name[:3])
def test_real_fixture(path: Path) -> None:
    expected, ours = EXPECTED[path.name], OURS[path.name]
    parsed = _parse(path)
    t = parsed.transcript

    # transcript fields from expected.json
    assert t.source_file == path.name
    assert t.source_url == SOURCES[path.name]
    assert t.title == expected["title"]
    assert t.event_date.isoformat() == expected["event_date"]
    published = expected["published"]
    if published is None:
        assert (t.published_date, t.published_at) == (None, None)
    elif "T" in published:
        assert t.published_at is not None
        assert t.published_at.strftime("%Y-%m-%dT%H:%M") == published
        assert t.published_at.utcoffset() == timedelta(hours=3)
        assert t.published_date == t.published_at.date()
    else:
        assert t.published_date is not None
        assert t.published_date.isoformat() == published
        assert t.published_at is None
    assert t.complete is expected["complete"]
    assert any(w.type == "incomplete-page" for w in parsed.warnings) is not expected["complete"]

    # transcript fields of our model
    for key in ("place", "genre", "genres", "occasion", "speaker", "speaker_role"):
        if key in ours:
            assert getattr(t, key) == ours[key], key
    assert t.languages == ours["languages"]
    assert t.tags == ours["tags"]

    # counts, in the transcript row and in the rows
    questions, answers, speeches = parsed.questions, parsed.answers, parsed.speeches
    assert (t.question_count, len(questions)) == (expected["questions"],) * 2
    assert (t.answer_count, len(answers)) == (expected["answers"],) * 2
    assert t.speech_count == len(speeches) == len(ours["speeches"])

    # questions: first words, position order
    if expected["first_question_starts"] is None:
        assert questions == []
    else:
        assert questions[0].text.startswith(expected["first_question_starts"])
    assert [q.position for q in questions] == list(range(1, len(questions) + 1))
    assert all(q.label.lower() == "question" for q in questions)

    # answers: who answers which question, raw label and canonical speaker
    assert {a.label for a in answers} == set(expected["answer_speakers"])
    assert [(int(a.question_id[-3:]), a.speaker, a.qualifier) for a in answers] == ours["answers"]
    if answers:
        assert answers[-1].text.endswith(expected["last_answer_ends"])
        assert [a.paragraph_count for a in answers] == expected["answer_paragraphs"]

    # speeches: opening remarks before the first question, headings
    for speech, (speaker, label, heading, starts) in zip(speeches, ours["speeches"], strict=True):
        assert (speech.speaker, speech.label, speech.heading) == (speaker, label, heading)
        assert speech.text.startswith(starts)
    first_question = questions[0].char_start if questions else len(path.read_text("utf-8"))
    opening = [s for s in speeches if s.char_end <= first_question]
    assert bool(opening) is expected["has_opening_remarks"]

    # briefing contents and digest topics
    if "toc_items" in expected:
        assert len(t.contents) == expected["toc_items"]
        index, divider = ours["contents_divider"]
        assert t.contents[index] == divider
        assert not any(q.text in t.contents for q in questions)
    else:
        assert t.contents == []
    if "topic_headings" in expected:
        headings = {s.heading for s in speeches} | {q.heading for q in questions}
        assert len(headings - {None}) == expected["topic_headings"]

    # chrome stays out of every record
    texts = [r.text for r in (*speeches, *questions, *answers)]
    for line in expected["boilerplate_lines"]:
        chrome = normalise_text(line)
        assert not any(chrome in text for text in texts), line


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name[:3])
def test_labels_never_hold_a_qualifier_or_colon(path: Path) -> None:
    parsed = _parse(path)
    for record in (*parsed.speeches, *parsed.questions, *parsed.answers):
        if record.label is not None:
            assert not re.search(r"[():]", record.label), record.label
