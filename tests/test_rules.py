"""The parser's rules on shapes no fixture holds: titles, labels, roles, headings, footers,
lists, dates.

These check that the rules generalise beyond the fixtures: each case is a title or a
small page written for the rule it exercises.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mfa_transcripts.builder.grammar.title import parse_title
from mfa_transcripts.builder.parse import parse_file
from mfa_transcripts.builder.records import ParsedPage
from mfa_transcripts.errors import TranscriptError

TITLE = (
    "Foreign Minister Sergey Lavrov’s remarks and answers to media questions, Moscow, March 3, 2021"
)


def _page(tmp_path: Path, body: str, title: str = TITLE) -> ParsedPage:
    path = tmp_path / "page.txt"
    path.write_text(f"{title}\n\n{body}\n", "utf-8")
    return parse_file(path)


@pytest.mark.parametrize(
    "title, speaker, role, genre, occasion, place",
    [
        (  # the UN's word for remarks to the press
            "Press encounter by Foreign Minister Igor Ivanov, Moscow, 16 May 2001",
            "Igor Ivanov",
            "Foreign Minister",
            "press encounter",
            None,
            "Moscow",
        ),
        (  # a journal's word for answers to questions
            "Q&A with Deputy Minister Sergey Ryabkov at the Journal, Moscow, May 1, 2010",
            "Sergey Ryabkov",
            "Deputy Minister",
            "q&a",
            "the Journal",
            "Moscow",
        ),
        (  # a speaker missing from the registry, role words before the name
            "Deputy Foreign Minister Ivan Petrov’s interview with RIA Novosti, Moscow, "
            "March 3, 2021",
            "Ivan Petrov",
            "Deputy Foreign Minister",
            "interview",
            "RIA Novosti",
            "Moscow",
        ),
        (  # a registry name in the occasion does not take the title from its speaker
            "Ambassador Anatoly Antonov’s remarks on Sergey Lavrov’s visit to Washington, "
            "Washington, May 5, 2021",
            "Anatoly Antonov",
            "Ambassador",
            "remarks",
            "Sergey Lavrov’s visit to Washington",
            "Washington",
        ),
        (  # leading genre, a long role, a name particle
            "Remarks by UN Special Envoy for Syria Staffan de Mistura at the talks, Geneva, "
            "March 3, 2017",
            "Staffan de Mistura",
            "UN Special Envoy for Syria",
            "remarks",
            "the talks",
            "Geneva",
        ),
        (  # 'of <country>' before a two-word name
            "Speech by Foreign Minister of Armenia Ararat Mirzoyan at the OSCE, Vienna, "
            "December 2, 2021",
            "Ararat Mirzoyan",
            "Foreign Minister of Armenia",
            "speech",
            "the OSCE",
            "Vienna",
        ),
        (  # a partitive before the leading genre
            "Excerpts from the briefing by Foreign Ministry Spokeswoman Maria Zakharova, "
            "Moscow, May 15, 2024",
            "Maria Zakharova",
            "Foreign Ministry Spokeswoman",
            "briefing",
            None,
            "Moscow",
        ),
        (  # an article before the leading genre; a closing full stop after the date
            "A speech and answers to questions by Minister of Foreign Affairs of Russia "
            "Sergey Lavrov during a meeting with students, Moscow, September 1, 2016.",
            "Sergey Lavrov",
            "Minister of Foreign Affairs of Russia",
            "speech and answers to questions",
            "a meeting with students",
            "Moscow",
        ),
        (  # words qualifying the genre after the possessive
            "Foreign Minister Sergey Lavrov’s video address to the participants of the "
            "Primakov Readings, Moscow, June 23, 2020",
            "Sergey Lavrov",
            "Foreign Minister",
            "address",
            "the participants of the Primakov Readings",
            "Moscow",
        ),
        (  # a name in apposition to a role is not a place; plural roles do not count
            "Opening remarks by Foreign Minister Sergey Lavrov during talks with the French "
            "Foreign Minister, Laurent Fabius, Paris, 14 October 2014",
            "Sergey Lavrov",
            "Foreign Minister",
            "opening remarks",
            "talks with the French Foreign Minister, Laurent Fabius",
            "Paris",
        ),
        (
            "Sergey Lavrov’s remarks after a meeting of the Council of Foreign Ministers, "
            "New York, September 20, 2019",
            "Sergey Lavrov",
            None,
            "remarks",
            "a meeting of the Council of Foreign Ministers",
            "New York",
        ),
        (  # the ministry speaks, no person
            "Comment by the Information and Press Department on the situation in Libya, "
            "April 5, 2019",
            None,
            None,
            "comment",
            "Information and Press Department on the situation in Libya",
            None,
        ),
        (  # what introduces the date is not part of the occasion
            "Deputy Foreign Minister Sergey Ryabkov’s interview with the newspaper Izvestia, "
            "published on July 3, 2017",
            "Sergey Ryabkov",
            "Deputy Foreign Minister",
            "interview",
            "the newspaper Izvestia",
            None,
        ),
        (  # a month without a day ends the title; it is no occasion
            "Deputy Foreign Minister Sergey Ryabkov’s interview with The International Affairs "
            "magazine, October 2019",
            "Sergey Ryabkov",
            "Deputy Foreign Minister",
            "interview",
            "The International Affairs magazine",
            None,
        ),
        (
            "Foreign Minister Sergey Lavrov’s remarks as part of the New Knowledge marathon, "
            "Moscow, May 17, 2021",
            "Sergey Lavrov",
            "Foreign Minister",
            "remarks",
            "the New Knowledge marathon",
            "Moscow",
        ),
        (  # 'to <media>' ends the role and name of a person the registry does not know
            "Interview of the Ambassador of Russia to Ukraine Mikhail Zurabov to Izvestia, "
            "June 4, 2015",
            "Mikhail Zurabov",
            "Ambassador of Russia to Ukraine",
            "interview",
            "Izvestia",
            None,
        ),
        (  # initials glued to a surname: the speaker, not a place
            "Briefing by the official representative of the Foreign Ministry, M.V.Zakharova "
            "(May 15, 2024)",
            "Maria Zakharova",
            "official representative of the Foreign Ministry",
            "briefing",
            None,
            None,
        ),
    ],
)
def test_title_grammar(
    title: str,
    speaker: str | None,
    role: str | None,
    genre: str,
    occasion: str | None,
    place: str | None,
) -> None:
    info = parse_title(title)
    assert (info.speaker, info.speaker_role, info.genre) == (speaker, role, genre)
    assert (info.occasion, info.place) == (occasion, place)


@pytest.mark.parametrize(
    "ending, day",
    [
        ("Moscow, Sept. 1, 2019", date(2019, 9, 1)),
        ("Moscow, 1 SEPTEMBER 2019", date(2019, 9, 1)),
        ("(Moscow, Dec 5, 2019)", date(2019, 12, 5)),
        ("Moscow (May 14, 2017)", date(2017, 5, 14)),
        ("Moscow, April 6 2021", date(2021, 4, 6)),  # no comma after the day
        ("Moscow, 27 March , 2012", date(2012, 3, 27)),  # a stray comma after the month
    ],
)
def test_title_dates(ending: str, day: date) -> None:
    info = parse_title(f"Foreign Minister Sergey Lavrov’s remarks at MGIMO, {ending}")
    assert info.event_date == day
    assert info.place == "Moscow"


def test_question_phrases_and_role_phrases_are_labels(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        "Question from the audience: What should we read?\n"
        "Sergey Lavrov (adds): Everything.\n"
        "Question 2: And films?\n"
        "Sergey Lavrov: Old ones.\n"
        "Voice from the audience: And music?\n"
        "Sergey Lavrov: Jazz.",
    )
    # the audience asks: its turn is a question, kept under its label
    assert [(q.label, q.text) for q in page.questions] == [
        ("Question from the audience", "What should we read?"),
        ("Question 2", "And films?"),
        ("Voice from the audience", "And music?"),
    ]
    assert [(a.label, a.qualifier, int(a.question_id[-3:])) for a in page.answers] == [
        ("Sergey Lavrov", "adds", 1),
        ("Sergey Lavrov", None, 2),
        ("Sergey Lavrov", None, 3),
    ]
    assert page.warnings == []  # a role is not an unknown person


def test_roles_that_ask_open_questions_and_roles_that_chair_make_statements(
    tmp_path: Path,
) -> None:
    page = _page(
        tmp_path,
        "Question: First?\n"
        "Sergey Lavrov: Yes.\n"
        "Moderator: Next question, please.\n"
        "Question: Second?\n"
        "Interpreter: The question was about Syria.\n"
        "Sergey Lavrov: No.\n"
        "Journalist: And Iran?\n"
        "Sergey Lavrov: Also no.",
    )
    assert [(q.label, q.text) for q in page.questions] == [
        ("Question", "First?"),
        ("Question", "Second?"),
        ("Journalist", "And Iran?"),
    ]
    # the chair and the interpreter speak, but leave the open question to the minister
    assert [(s.speaker, s.label, s.text) for s in page.speeches] == [
        ("Moderator", "Moderator", "Next question, please."),
        ("Interpreter", "Interpreter", "The question was about Syria."),
    ]
    assert [(a.answer_id[-8:], a.speaker, a.text) for a in page.answers] == [
        ("q001-a01", "Sergey Lavrov", "Yes."),
        ("q002-a01", "Sergey Lavrov", "No."),
        ("q003-a01", "Sergey Lavrov", "Also no."),
    ]
    assert page.warnings == []


def test_numbered_questions_and_questioners_are_not_label_typos(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        "Question1: First?\nSergey Lavrov: Yes.\nQuestioner: Second?\nSergey Lavrov: No.",
    )
    assert [(q.label, q.text) for q in page.questions] == [
        ("Question1", "First?"),
        ("Questioner", "Second?"),
    ]
    assert len(page.answers) == 2 and page.warnings == []
    typo = _page(tmp_path, "Qestion: First?\nSergey Lavrov: Yes.")  # a misspelt 'Question'
    assert [(q.label, q.text) for q in typo.questions] == [("Qestion", "First?")]
    assert [w.type for w in typo.warnings] == ["label-typo"] == typo.transcript.warnings


def test_numbered_points_stay_text_unless_an_answer_follows(tmp_path: Path) -> None:
    """A number opens a question only before 'Answer:'; a numbered point with a colon
    ('1. New START Treaty: ...') is no speaker label."""
    page = _page(
        tmp_path,
        "We propose the following.\n1. New START Treaty: The treaty must be extended.\n"
        "2. Missile defence: It needs limits.\nQuestion: And then?\nSergey Lavrov: We wait.",
    )
    assert [s.text.count("\n\n") + 1 for s in page.speeches] == [3]
    assert [(q.label, q.text) for q in page.questions] == [("Question", "And then?")]
    assert page.warnings == []


def test_numbered_questions_before_answer_labels(tmp_path: Path) -> None:
    """'1. Question:' is a Question label with its number; an unlabelled numbered
    paragraph followed by 'Answer:' is a question labelled by its number. Here, not in a
    synthetic page: the number stands before the label (test_offsets wants the label
    alone before the text)."""
    page = _page(
        tmp_path,
        "1. Question: How are relations with London?\n"
        "Answer: At their lowest point. We still want dialogue.\n"
        "2. Will the Foreign Secretary visit Moscow?\n"
        "Answer: We have no request yet.\nIf one comes, we will consider it.\n"
        "3. What about culture?\nAnswer: Exchanges continue.",
        "Ambassador Alexander Yakovenko answers questions from The Sunday Times (12 March 2017)",
    )
    assert [(q.label, q.text) for q in page.questions] == [
        ("Question", "How are relations with London?"),
        ("2", "Will the Foreign Secretary visit Moscow?"),
        ("3", "What about culture?"),
    ]
    assert [(a.answer_id[-8:], a.speaker, a.paragraph_count) for a in page.answers] == [
        ("q001-a01", "Alexander Yakovenko", 1),
        ("q002-a01", "Alexander Yakovenko", 2),
        ("q003-a01", "Alexander Yakovenko", 1),
    ]
    assert page.warnings == []


def test_turns_run_together_in_one_paragraph_are_split(tmp_path: Path) -> None:
    """'Question: ...? Sergey Lavrov: ...' in one line (with or without a space after the
    sentence) are separate turns; a colon after another name ('Mr Smith said it well:')
    is not a label. Here, not in a synthetic page: these turns do not end at a line's
    end, which test_offsets checks of every fixture."""
    page = _page(
        tmp_path,
        "Question: What do you expect from the meeting? Sergey Lavrov: A frank "
        "conversation. There is a lot to discuss.\n"
        "Question: Will Syria be the main subject?Sergey Lavrov: One of them.Question: "
        "And Korea? Sergey Lavrov: Certainly.\n"
        "Question: Any hope?\nSergey Lavrov: Always. Mr Smith said it well: “Keep talking.”\n"
        "Q: Any news from Geneva? A: None yet.",
        "Foreign Minister Sergey Lavrov’s interview with the National Review magazine, "
        "Moscow, March 29, 2017",
    )
    assert [q.text for q in page.questions] == [
        "What do you expect from the meeting?",
        "Will Syria be the main subject?",
        "And Korea?",
        "Any hope?",
        "Any news from Geneva?",
    ]
    assert [(a.answer_id[-8:], a.text) for a in page.answers] == [
        ("q001-a01", "A frank conversation. There is a lot to discuss."),
        ("q002-a01", "One of them."),
        ("q003-a01", "Certainly."),
        ("q004-a01", "Always. Mr Smith said it well: “Keep talking.”"),
        ("q005-a01", "None yet."),
    ]
    source = (tmp_path / "page.txt").read_text("utf-8")
    for record in (*page.questions, *page.answers):
        assert source[record.char_start : record.char_end] == record.text
    assert page.warnings == []


def test_a_closing_signature_is_chrome_but_a_thanks_naming_the_speaker_is_not(
    tmp_path: Path,
) -> None:
    signed = _page(tmp_path, "We wish you success.\nSergey Lavrov\nMoscow, 5 May 2020")
    assert [s.text for s in signed.speeches] == ["We wish you success."]
    assert signed.transcript.complete and signed.accounting.chrome_chars["byline"] == 12
    thanks = _page(
        tmp_path, "Question: Is that all?\nSergey Lavrov: Yes.\nQuestion: Thank you, Mr Lavrov"
    )
    assert [q.text for q in thanks.questions] == ["Is that all?", "Thank you, Mr Lavrov"]


def test_an_interviewer_is_labelled_by_name_only_on_interview_pages(tmp_path: Path) -> None:
    """The same name label asks on an interview page and speaks on a news conference,
    unless it asks there (tests/test_republishers.py)."""
    body = "Anna Petrova: So this is next.\nSergey Lavrov: More talks."
    interview = _page(
        tmp_path, body, "Foreign Minister Sergey Lavrov’s interview with Rossiya 1, May 3, 2021"
    )
    assert [q.label for q in interview.questions] == ["Anna Petrova"]
    assert [a.speaker for a in interview.answers] == ["Sergey Lavrov"]
    remarks = _page(tmp_path, body)
    assert [s.speaker for s in remarks.speeches] == ["Anna Petrova", "Sergey Lavrov"]
    assert remarks.questions == []


@pytest.mark.parametrize(
    "line",
    [
        "There is only one obligation: to respect international law.",
        "The Russian Federation: a view from the outside was the topic.",
        "Question is: who benefits?",
        "Moscow: 00:12",
        # capitalised words before a colon, then lower-case text: prose, not a speaker
        "New START: we proposed to extend the treaty.",
        "Russia and China: partners for decades.",
        # an acronym is no name word: 'New START' is not a two-word name
        "New START: We proposed to extend the treaty.",
        # a short English word among capitalised ones is prose, not a near-label
        "President Putin met Xi Jinping: They agreed.",
    ],
)
def test_colons_in_prose_are_not_labels(tmp_path: Path, line: str) -> None:
    page = _page(tmp_path, f"We met today.\n{line}")
    (speech,) = page.speeches
    assert speech.label is None and speech.text.endswith(line)
    assert page.questions == []
    assert not any(w.type == "unknown-speaker" for w in page.warnings)


def test_numbered_points_of_a_statement_are_body_not_contents(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        "1. The sides noted the high level of relations.\n"
        "2. The sides agreed to continue consultations.",
        title="Joint Statement by the Foreign Ministers of Russia and China, Moscow, July 5, 2019",
    )
    assert page.transcript.contents == []
    (speech,) = page.speeches
    assert speech.paragraph_count == 2 and speech.text.startswith("1. The sides noted")


def test_a_list_whose_items_recur_as_headings_is_contents(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        "- Syria\n- Libya\n\nSyria\n\nWe discussed Syria.\n\nLibya\n\nQuestion: And Libya?\n\n"
        "Sergey Lavrov: We discussed it too.",
    )
    assert page.transcript.contents == ["Syria", "Libya"]
    assert [(s.heading, s.text) for s in page.speeches] == [("Syria", "We discussed Syria.")]
    assert [q.heading for q in page.questions] == ["Libya"]


def test_a_header_after_the_title_is_the_publication_date(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        "Question: Hello?\nSergey Lavrov: Hello.",
        title=f"{TITLE.rsplit(',', 2)[0]}\n10 november / 2017",
    )
    t = page.transcript
    assert (t.event_date, t.published_date, t.published_at) == (
        date(2017, 11, 10),
        date(2017, 11, 10),
        None,
    )


def test_answer_label_without_a_title_speaker_names_nobody(tmp_path: Path) -> None:
    """'Answer:' under a title naming nobody: the label is kept, the speaker is null (not
    a person called 'Answer')."""
    page = _page(
        tmp_path,
        "Question: Hello?\nAnswer: Hello.",
        title="Interview with the Kommersant newspaper, Moscow, March 3, 2021",
    )
    (answer,) = page.answers
    assert (answer.speaker, answer.label, answer.ministry) == (None, "Answer", None)


def test_a_turn_label_line_is_never_the_title(tmp_path: Path) -> None:
    """A headline with no date over a labelled turn: the headline is the title, the
    turn ('... (retranslated): ... press ...') is a turn, and the page has no date."""
    path = tmp_path / "page.txt"
    path.write_text(
        "Presidents of Russia and Egypt made press statements\n\n"
        "President of Egypt Abdel Fattah el-Sisi (retranslated): I thank the President for "
        "the press statement he made and for his hospitality.\n",
        "utf-8",
    )
    parsed = parse_file(path)
    assert parsed.transcript.title == "Presidents of Russia and Egypt made press statements"
    assert [(w.type, w.line) for w in parsed.warnings] == [("no-date", 1)]
    assert [s.text.startswith("President of Egypt") for s in parsed.speeches] == [True]


def test_unnumbered_contents_end_at_the_first_heading_even_when_it_is_cut(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        "1. On the forum in Sochi\n2. On the talks in Vienna\n3. From answers to media questions:\n"
        "On fishing quotas\nOn the forum in So",
        title="Briefing by Foreign Ministry Spokesperson Maria Zakharova, Moscow, July 1, 2019",
    )
    assert page.transcript.contents == [
        "On the forum in Sochi",
        "On the talks in Vienna",
        "From answers to media questions:",
        "On fishing quotas",
    ]
    assert (page.speeches, page.questions, page.transcript.complete) == ([], [], False)


def test_a_colon_in_an_answer_does_not_make_prose_a_speaker(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        "Question: What did you offer?\n"
        "Sergey Lavrov: Several things.\n"
        "New START: we proposed to extend it.\n"
        "Russia and China: partners for decades.",
    )
    (answer,) = page.answers
    assert answer.paragraph_count == 3 and answer.text.endswith("partners for decades.")
    assert page.speeches == [] and page.warnings == []


@pytest.mark.parametrize(
    "label, speaker",
    [
        ("NATO Spokesperson Oana Lungescu", "NATO Spokesperson Oana Lungescu"),
        ("MR SMITH", "MR SMITH"),  # an upper-case label: its words count
    ],
)
def test_acronyms_among_name_words_and_upper_case_labels_are_labels(
    tmp_path: Path, label: str, speaker: str
) -> None:
    page = _page(tmp_path, f"Question: Well?\nSergey Lavrov: Yes.\n{label}: We agree.")
    assert [a.speaker for a in page.answers] == ["Sergey Lavrov", speaker]


def test_name_particles_are_one_list_for_labels_and_titles(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        "Question: Will Europe join?\nSergey Lavrov: Ask Brussels.\n"
        "Ursula von der Leyen: We will not.",
    )
    assert [(a.speaker, a.text) for a in page.answers] == [
        ("Sergey Lavrov", "Ask Brussels."),
        ("Ursula von der Leyen", "We will not."),
    ]
    assert [w.type for w in page.warnings] == ["unknown-speaker"]
    info = parse_title(
        "Remarks by European Commission President Ursula von der Leyen at the summit, "
        "Brussels, May 5, 2021"
    )
    assert (info.speaker, info.speaker_role) == (
        "Ursula von der Leyen",
        "European Commission President",
    )


def test_a_name_label_with_an_unknown_particle_stays_text_but_is_reported(
    tmp_path: Path,
) -> None:
    page = _page(
        tmp_path,
        "Question: Will Germany join?\nSergey Lavrov: Ask Berlin.\n"
        "Karl-Theodor zu Guttenberg: We will not.",
    )
    (answer,) = page.answers
    assert answer.text.endswith("Karl-Theodor zu Guttenberg: We will not.")
    ((warning),) = page.warnings
    assert (warning.type, warning.line) == ("unknown-speaker", 5)
    assert "Karl-Theodor zu Guttenberg:" in warning.message


def test_a_cut_last_paragraph_starting_with_on_is_text_not_a_heading(tmp_path: Path) -> None:
    cut = _page(tmp_path, "The talks were useful.\nOn the other hand we")
    (speech,) = cut.speeches
    assert speech.text.endswith("On the other hand we") and not cut.transcript.complete
    assert "heading" not in cut.accounting.chrome_chars


def test_a_paragraph_starting_with_on_in_an_answer_is_text_of_the_answer(tmp_path: Path) -> None:
    """With a comma it is prose; on a page with question labels (not a digest) it is never
    a topic heading."""
    answer = _page(
        tmp_path,
        "Question: Is the treaty alive?\n"
        "Sergey Lavrov: It is complicated.\n"
        "On the one hand, the treaty is still in force\n"
        "On the other hand nobody respects it\n"
        "Nobody at all.",
    )
    assert answer.speeches == []
    ((only),) = answer.answers
    assert only.paragraph_count == 4


def test_digest_topics_over_unlabelled_text_are_headings(tmp_path: Path) -> None:
    digest = _page(
        tmp_path,
        "The summit is over.\nOn situation in Niger\nWe must see the true causes.\n"
        "On BRICS expansion\nIt stems from interest.",
    )
    assert [(s.heading, s.text) for s in digest.speeches] == [
        (None, "The summit is over."),
        ("On situation in Niger", "We must see the true causes."),
        ("On BRICS expansion", "It stems from interest."),
    ]
    # on a digest too, 'On' and a comma is prose
    prose = _page(
        tmp_path, "The summit is over.\nOn the one hand, the treaty is in force\nIt holds."
    )
    (speech,) = prose.speeches
    assert (speech.heading, speech.paragraph_count) == (None, 3)


@pytest.mark.parametrize("line", ["Thank you all (Applause)", "Audience (APPLAUSE)"])
def test_a_stage_direction_above_the_footer_is_not_a_tag(tmp_path: Path, line: str) -> None:
    page = _page(
        tmp_path,
        "Question: Any last words?\n"
        "Sergey Lavrov: Goodbye.\n"
        f"{line}\n\n"
        "Additional materials\n"
        "Council of Europe (CoE)\n"
        "NATO (North Atlantic Treaty Organization)\n"
        "Group of Twenty (G20)\n"
        "Advanced settings",
    )
    assert page.transcript.tags == [
        "Council of Europe (CoE)",
        "NATO (North Atlantic Treaty Organization)",
        "Group of Twenty (G20)",
    ]
    (answer,) = page.answers
    assert answer.text == f"Goodbye.\n\n{line}"


def test_a_line_above_the_footer_is_a_tag_only_when_it_names_an_organisation(
    tmp_path: Path,
) -> None:
    page = _page(
        tmp_path,
        "We met today.\nWe will meet again (next year)\nEuropean Union (EU)\nAdditional materials",
    )
    assert page.transcript.tags == ["European Union (EU)"]
    (speech,) = page.speeches
    assert speech.text.endswith("We will meet again (next year)")


@pytest.mark.parametrize(
    "body",
    ["", "(Applause)", "(Applause)\n\n* * *\n\n(Laughter.)"],
    ids=["empty", "applause", "stage"],
)
def test_a_page_with_no_content_after_the_title_is_refused(tmp_path: Path, body: str) -> None:
    with pytest.raises(TranscriptError) as caught:
        _page(tmp_path, f"{body}\n\nAdditional materials\nAdvanced settings")
    problem = caught.value.problem
    assert (problem.type, problem.line) == ("not-a-transcript", 1)
    assert problem.message == (
        "expected at least one paragraph of content after the title, found none"
    )


def test_a_title_speaker_missing_from_the_registry_is_reported_once(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        "Question: Hello?\nAnswer: Hello.\nQuestion: Again?\nIvan Petrov: Again.",
        title="Deputy Foreign Minister Ivan Petrov’s interview with RIA Novosti, Moscow, "
        "March 3, 2021",
    )
    assert [a.speaker for a in page.answers] == ["Ivan Petrov", "Ivan Petrov"]
    assert [(w.type, w.severity, w.line) for w in page.warnings] == [
        ("unknown-speaker", "warning", 1)
    ]
    assert "'Ivan Petrov'" in page.warnings[0].message


# --- the grammar tables, on in-memory text ---------------------------------------------


@pytest.mark.parametrize(
    "line, place, kind",
    [
        ("Download file", "head", "media-link"),
        ("Watch on Youtube", "footer", "media-link"),
        ("Unofficial translation from Russian", "head", "translation-note"),
        ("[Unofficial translation from Russian.]", "body", "translation-note"),
        (". . .", "head", "elision"),
        ("2432-20-10-2014", "head", "document-number"),
        ("2432-20-10-2014", "body", None),  # a document number only in the head
        ("Rating: 4.5 / 5", "body", "republisher"),
        ("\uf09a \uf099 12", "head", "republisher"),
        ("Read in Russian", "footer", "cross-link"),
        ("Advanced settings", "footer", "footer"),
        ("Advanced settings", "head", None),
        ("Thank you.", "body", None),
        ("Share the view of our partners.", "body", None),
        # a photo's caption ends with its credit, however long the caption
        ("Rice and Lavrov speak to the press. State Department photo by A. Lee", "body", "caption"),
        ("Powell meets Ivanov in Moscow. AP Photo/Misha Japaridze", "head", "caption"),
        ("Sergey Lavrov (Source: Rossiya 1)", "body", "caption"),
        ("Lavrov with the host (Source:", "body", "caption"),  # a copy cut inside it
        ("We saw the photo the AP took of it, and it was not what they said.", "body", None),
        ("The full text follows.", "head", "republisher"),
        ("Brief theses:", "body", "republisher"),
        ("Key points:", "head", "republisher"),
        ("Released on February 2, 2007", "footer", "footer"),
        ("Updates | Frequent Questions | Contact Us | Search", "footer", "menu"),
        ("| JRL HOME | SUPPORT | SUBSCRIBE |", "head", "menu"),
        ("Russia and the EU | a partnership", "body", None),  # one pipe is no menu
        ("U.S. Department of State", "footer", "masthead"),
        ("The Office of Electronic Information manages this site as a portal.", "footer", "footer"),
        ("Check against delivery!", "head", "delivery-note"),
        ("(As delivered)", "body", "delivery-note"),
        ("We will check against delivery schedules.", "body", None),
    ],
)
def test_chrome_table(line: str, place: str, kind: str | None) -> None:
    from mfa_transcripts.builder.grammar.chrome import chrome_kind

    assert chrome_kind(line, place) == kind


@pytest.mark.parametrize(
    "paragraph, kind, speaker",
    [
        ("Question: Why?", "question", None),
        ("Q.: Why?", "question", None),
        ("Qestion: Why?", "question", None),  # a typo, still a question
        ("A.: Because.", "answer", "Sergey Lavrov"),
        ("Lavrov: Yes.", "speaker", "Sergey Lavrov"),
        ("V.Churkin: Yes.", "speaker", "Vitaly Churkin"),  # the title's speaker by surname
        ("Moderator: Next.", "chair", "Moderator"),
        ("Journalist: Why?", "question", None),
        ("New START: we proposed it.", None, None),  # prose
        ("1. Strategic stability: talks go on.", None, None),  # a numbered point
        ("FM Lavrov: Yes.", "speaker", "Sergey Lavrov"),  # a role's abbreviation
        ("FM Ivanov: Yes.", "speaker", "Igor Ivanov"),  # 'Foreign Minister Ivanov'
        ("Female Host: Welcome.", "host", "Female Host"),  # a role with a modifier
        ("CNN Correspondent: Why?", "question", None),
        ("Ambassador Lavrof: Yes.", "speaker", "Sergey Lavrov"),  # misspelt by one letter
        ("Ambassador Lavrovsky: Yes.", "speaker", "Ambassador Lavrovsky"),  # not one letter
        ("INTERVIEW WITH VLADIMIR CHIZHOV, AMBASSADOR TO EU : 'OUR TIES'", None, None),  # a title
        ("Remarks by Sergey Lavrov: We agreed.", None, None),
    ],
)
def test_label_grammar(paragraph: str, kind: str | None, speaker: str | None) -> None:
    from mfa_transcripts.builder.grammar.labels import read_label

    label = read_label(
        paragraph, 0, "Sergey Lavrov" if "Churkin" not in paragraph else "Vitaly Churkin"
    )
    assert (label.kind, label.speaker) == (kind, speaker) if label else kind is None


def test_head_rules_are_ordered_and_named() -> None:
    from mfa_transcripts.builder.grammar.head import HEAD_RULES, split_head

    assert [r.name for r in HEAD_RULES][:3] == ["title-repeat", "headline-repeat", "languages"]
    texts = [
        "Title of the page, Moscow, May 5, 2021",
        "  • de-DE1 en-GB1",
        "Download file",
        "Thursday, 06 May 2021 11:41",
        "Good afternoon.",
    ]
    head = split_head("page.txt", texts, [2, 3, 4, 5, 6], texts[0].rstrip(), ["remarks"], [])
    assert head.end == 4 and head.languages == ["de", "en"]
    assert [k for _, k in head.kinds] == ["title-repeat", "languages", "media-link", "date-line"]


@pytest.mark.parametrize(
    "line, title",
    [
        (
            "17.03.04. Transcript of Remarks by Sergey Lavrov, Moscow, March 17, 2004",
            "Transcript of Remarks by Sergey Lavrov, Moscow, March 17, 2004",
        ),
        ("Remarks by Sergey Lavrov, 17.03.2004.", "Remarks by Sergey Lavrov, 17.03.2004"),
        ("1.5 million people: remarks by ...", "1.5 million people: remarks by ..."),
        (
            "[wanabidii] Press Releases: Remarks With Russian Foreign Minister Sergey Lavrov",
            "Remarks With Russian Foreign Minister Sergey Lavrov",
        ),
        ("US Department of State REMARKS WITH MINISTER LAVROV", "REMARKS WITH MINISTER LAVROV"),
        ("Transcripts: what the minister said", "Transcripts: what the minister said"),
    ],
)
def test_clean_title_drops_a_leading_stamp(line: str, title: str) -> None:
    from mfa_transcripts.builder.grammar.title import clean_title

    assert clean_title(line) == title


def _untitled(tmp_path: Path, text: str) -> ParsedPage:
    path = tmp_path / "untitled.txt"
    path.write_text(text, "utf-8")
    return parse_file(path)


@pytest.mark.parametrize(
    "lead",
    [
        "Georgian authorities harass visitors, said Foreign Ministry spokesman Ivan Petrov.",
        "By Alexander Yakovenko, Russian Ambassador to the UK",
    ],
    ids=["ministry-role", "registry-speaker"],
)
def test_an_untitled_unlabelled_page_naming_the_ministry_is_published(
    tmp_path: Path, lead: str
) -> None:
    page = _untitled(tmp_path, f"“A headline in quotes”\n\n{lead}\n\nThe text goes on.\n")
    assert "no-title" in page.transcript.warnings
    assert page.transcript.title is None
    (speech,) = page.speeches
    assert speech.text.endswith("The text goes on.")


def test_an_untitled_unlabelled_page_naming_nobody_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TranscriptError) as caught:
        _untitled(tmp_path, "A headline\n\nThe weather was fine, said a neighbour.\n")
    assert caught.value.problem.type == "not-a-transcript"


def test_a_dialogue_line_opened_by_a_dash_is_no_title(tmp_path: Path) -> None:
    page = _untitled(
        tmp_path,
        "Alexander Grushko spoke to the paper.\n\n"
        "— Is the interview of Foreign Minister Sergey Lavrov planned for this week?\n",
    )
    assert page.transcript.title is None


@pytest.mark.parametrize("mark", ["\u200e", "\u200b", "\ufeff", "\u2060"])
@pytest.mark.parametrize("where", ["after", "before"])
def test_a_separator_with_invisible_characters_is_a_separator(
    tmp_path: Path, mark: str, where: str
) -> None:
    separator = "* * *" + mark if where == "after" else mark + "* * *"
    page = _page(
        tmp_path,
        f"Sergey Lavrov: We met today.\n\n{separator}\n\n(Applause){mark}\n\n"
        "Question: Why?\n\nSergey Lavrov: Because.",
    )
    (speech,) = page.speeches
    assert speech.text == "We met today."
    assert [q.text for q in page.questions] == ["Why?"]
    assert [a.text for a in page.answers] == ["Because."]


def test_a_q_with_a_full_stop_and_no_colon_opens_a_question(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        "Q.: How are you?\n\nSergey Lavrov: Fine.\n\nQ. With the rise of tensions, what now?\n\n"
        "Sergey Lavrov: Talks.\n\nQ. e. d. is no label.",
    )
    assert [q.text for q in page.questions] == [
        "How are you?",
        "With the rise of tensions, what now?",
    ]
    assert [a.text for a in page.answers] == ["Fine.", "Talks.\n\nQ. e. d. is no label."]


INTERVIEW = "Deputy Foreign Minister Sergey Ryabkov’s interview with RIA Novosti (January 30, 2023)"


@pytest.mark.parametrize("dash", ["–", "—"])
def test_an_interview_set_as_dialogue_reads_its_dashes_as_turns(tmp_path: Path, dash: str) -> None:
    page = _page(
        tmp_path,
        "Ministry of Foreign Affairs of the Russian Federation\n\n"
        f"{dash} Do you know when she arrives?\n\n{dash} Not yet.\n\nWe will see.\n\n"
        f"{dash} Any contacts?\n\n{dash} None so far.",
        title=INTERVIEW,
    )
    assert page.speeches == []
    assert [q.text for q in page.questions] == ["Do you know when she arrives?", "Any contacts?"]
    assert [(a.speaker, a.text) for a in page.answers] == [
        ("Sergey Ryabkov", "Not yet.\n\nWe will see."),
        ("Sergey Ryabkov", "None so far."),
    ]


def test_one_dashed_paragraph_is_no_dialogue(tmp_path: Path) -> None:
    page = _page(tmp_path, "We met.\n\n– A quoted aside.", title=INTERVIEW)
    assert page.questions == [] and page.answers == []
    (speech,) = page.speeches
    assert speech.text == "We met.\n\n– A quoted aside."


def test_registry_speakers_make_titles_of_their_interviews(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        "TASS: How long?\n\nS. KISLYAK: Since 1981.",
        title="Russian Ambassador to the US Sergey Kislyak gave an interview to the TASS agency",
    )
    assert page.transcript.title is not None
    assert [(a.speaker, a.text) for a in page.answers] == [("Sergey Kislyak", "Since 1981.")]


@pytest.mark.parametrize(
    "line, outlet",
    [
        ("Euronews: When we see all these people, what do you feel?", "Euronews"),
        ("TASS: Mr Minister, what now?", "TASS"),
        ("Kommersant: Is it true?", "Kommersant"),
        ("Euronews: it was said", None),  # prose after the colon
        ("Evelina Zakamskaya: Good evening.", None),  # a person, not an outlet
        ("Russia Today:What was discussed?", "Russia Today"),  # glued to its text
        ("Moscow Region:What was discussed?", None),  # two words, no outlet of the list
        ("Moscow Times:What was discussed?", "Moscow Times"),  # a newspaper's name
    ],
)
def test_an_outlets_label_by_name_or_in_capitals(line: str, outlet: str | None) -> None:
    from mfa_transcripts.builder.grammar.labels import outlet_label

    label = outlet_label(line)
    assert (label.name if label else None) == outlet


@pytest.mark.parametrize(
    "a, b, apart",
    [
        *[("chizov", "chizhov", True), ("chizhov", "chizov", True), ("lavrof", "lavrov", True)],
        *[("lavrov", "lavrov", False), ("lavrov", "larvov", False), ("ivanov", "ivanova1", False)],
    ],
)
def test_one_edit_apart(a: str, b: str, apart: bool) -> None:
    from mfa_transcripts.builder.grammar.spelling import one_edit_apart

    assert one_edit_apart(a, b) is apart


def test_a_caption_glued_to_the_first_label_is_chrome_and_the_label_opens_a_turn(
    tmp_path: Path,
) -> None:
    parsed = _page(
        tmp_path,
        "Secretary Rice and Minister Lavrov speak to the press.  State Department photo by "
        "Ann LeeSECRETARY RICE: Thank you, Sergey.\n\nQUESTION: Madame Secretary, why?\n\n"
        "SECRETARY RICE: Because we agreed.",
        "Remarks With Russian Foreign Minister Sergey Lavrov, Moscow, May 15, 2007",
    )
    assert [s.text for s in parsed.speeches] == ["Thank you, Sergey."]
    assert parsed.speeches[0].label == "SECRETARY RICE"
    assert [q.text for q in parsed.questions] == ["Madame Secretary, why?"]
    assert parsed.accounting.chrome_chars["caption"] > 0


def test_an_untitled_reposts_lead_before_a_republishers_lead_in_and_a_hosts_label_is_chrome(
    tmp_path: Path,
) -> None:
    path = tmp_path / "page.txt"
    path.write_text(
        "A long talk with Russian ambassador Kislyak on the country's leading talk show.\n\n"
        '"This is such a naive, I must be polite, nonsense"\n\n'
        "The hosts make fun of the witch hunt, and everyone has a good laugh.\n\n"
        "Full transcript:\n\nFemale Host:\n\nToday we have a special guest. Why is it so?\n\n"
        "Sergey Kislyak: It is not so.\n",
        "utf-8",
    )
    parsed = parse_file(path)
    assert parsed.speeches == []
    assert [q.label for q in parsed.questions] == ["Female Host"]
    assert [(a.speaker, a.text) for a in parsed.answers] == [("Sergey Kislyak", "It is not so.")]
    assert parsed.accounting.chrome_chars["lead"] > 0


def test_a_headline_gives_way_along_a_chain_of_headlines_to_the_documents_title(
    tmp_path: Path,
) -> None:
    title = "Opening Remarks by Sergey Lavrov at the Carnegie Endowment, Washington, 7 May 2009"
    parsed = _page(
        tmp_path,
        "Ladies and gentlemen, thank you for coming.",
        "Russian Foreign Ministry Spokeswoman Holds Weekly Briefing\n\n"
        f"Lavrov speech to the Carnegie Endowment, 7 May 2009\n\n{title}",
    )
    assert parsed.transcript.title == title
    assert [s.text for s in parsed.speeches] == ["Ladies and gentlemen, thank you for coming."]


def test_chrome_between_a_turns_paragraphs_is_left_out_of_its_text(tmp_path: Path) -> None:
    parsed = _page(
        tmp_path,
        "Question: Why?\n\nSergey Lavrov: First, we agreed.\n\nAdvertisement\n\n"
        "Second, we kept to it.\n\nRead also: Lavrov meets Wang Yi\n\nThird, it works.",
    )
    (answer,) = parsed.answers
    assert answer.text == "First, we agreed.\n\nSecond, we kept to it.\n\nThird, it works."
    assert answer.paragraph_count == 3
    text = (tmp_path / "page.txt").read_text("utf-8")
    assert text[answer.char_start : answer.char_end].startswith("First, we agreed.")
    assert text[answer.char_start : answer.char_end].endswith("Third, it works.")
    assert parsed.accounting.chrome_chars["republisher"] == len(
        "AdvertisementReadalso:LavrovmeetsWangYi"
    )


def test_a_sentence_closed_by_a_colon_is_no_label_but_a_question_label_is_no_headline(
    tmp_path: Path,
) -> None:
    from mfa_transcripts.builder.grammar.labels import read_label

    assert read_label("Below are excerpts from the interview with Lavrov:") is None
    assert read_label("Permanent Representative of Russia to the UN Vasily Nebenzia:") is not None
    path = tmp_path / "page.txt"
    path.write_text(
        "Russian FM Lavrov: Russophobia Began With The Magnitsky Act\n\n"
        "On February 11, 2018, Foreign Minister Sergey Lavrov granted an interview to Rossiya 1."
        '\n\nBelow are excerpts from the interview with Lavrov:\n\nQuestion: "Why are you on '
        'the list?"\n\nSergey Lavrov: "I do not care."\n',
        "utf-8",
    )
    parsed = parse_file(path)
    assert [q.text for q in parsed.questions] == ['"Why are you on the list?"']
    assert [a.text for a in parsed.answers] == ['"I do not care."']
    assert parsed.speeches == []


def test_headlines_listed_under_see_also_are_chrome_even_shaped_like_a_label(
    tmp_path: Path,
) -> None:
    parsed = _page(
        tmp_path,
        "Question: Why?\n\nSergey Lavrov: First, we agreed.\n\nSee also\n\n"
        "Russian diplomacy: from envoys to departments\n\nLavrov meets Wang Yi in Beijing\n\n"
        "Second, we kept to it.",
    )
    (answer,) = parsed.answers
    assert answer.text == "First, we agreed.\n\nSecond, we kept to it."
    assert parsed.speeches == []
    # a heading-shaped line under a paragraph is no link: nothing 'See also' lists
    plain = _page(tmp_path, "Sergey Lavrov: We agreed.\n\nA new chapter\n\nWe kept to it.")
    assert "A new chapter" in plain.speeches[0].text


def test_an_outlets_numbered_label_run_into_an_answer_starts_a_question(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(
        "CNN 18: Mr Ambassador, thanks for joining us. Why now?\n\n"
        "A.M.Kadakin: We welcomed it. CNN 18: That is a change? A.M.Kadakin: It is not.\n",
        "utf-8",
    )
    parsed = parse_file(path)
    assert [q.text for q in parsed.questions] == [
        "Mr Ambassador, thanks for joining us. Why now?",
        "That is a change?",
    ]
    assert [a.text for a in parsed.answers] == ["We welcomed it.", "It is not."]


def test_a_bylines_line_of_roles_may_end_with_a_full_stop_but_a_sentence_is_text(
    tmp_path: Path,
) -> None:
    from mfa_transcripts.builder.grammar.head import split_head

    for roles, taken in [
        ("Minister of Foreign Affairs of the Russian Federation.", True),
        ("Russian Foreign Minister since 2004", True),
        ("Ministers of the region have met many times to discuss the matter.", False),
    ]:
        texts = ["May 5, 2005", "Sergey Lavrov", roles, "The events of the war matter."]
        head = split_head("x", texts, [1, 2, 3, 4], "The Great Victory", ["article"], [])
        assert ((2, "byline") in head.kinds) is taken, roles


def test_a_channels_question_mark_opens_a_question_of_any_length_after_a_glued_byline(
    tmp_path: Path,
) -> None:
    long_question = " ".join(["The visits were expected to lead to a decision."] * 12)
    parsed = _page(
        tmp_path,
        f"Russian Embassy to the UK❓ {long_question} What is holding London back?\n"
        "💬 The question remains a pressing issue.\n"
        "❓ And what comes next?\n"
        "💬 We shall see.",
        "Ambassador Andrei Kelin’s interview with Izvestia newspaper, 2 October 2024",
    )
    assert [q.text[:14] for q in parsed.questions] == ["The visits wer", "And what comes"]
    assert [q.label for q in parsed.questions] == ["❓", "❓"]
    assert len(parsed.answers) == 2 and parsed.speeches == []
    assert parsed.accounting.chrome_chars["byline"] == len("RussianEmbassytotheUK")


def test_an_outlets_label_glued_to_its_text_and_a_title_closed_by_an_outlet(
    tmp_path: Path,
) -> None:
    parsed = _page(
        tmp_path,
        "RT:What were the main ideas?\n\nDr. Alexander Yakovenko: Business must go on.",
        "‘We definitely have to move in our relations with UK’ – Russia’s Ambassador to "
        "Britain Mr Alexander Yakovenko, for RT",
    )
    assert parsed.transcript.title is not None and parsed.transcript.title.endswith("for RT")
    assert parsed.transcript.genres == ["interview"]  # 'for RT', naming no other genre
    assert [(q.label, q.text) for q in parsed.questions] == [("RT", "What were the main ideas?")]
    assert [a.speaker for a in parsed.answers] == ["Alexander Yakovenko"]


def test_a_monitoring_services_bracketed_names_are_turns(tmp_path: Path) -> None:
    parsed = _page(
        tmp_path,
        "[Text] [Khuzam] Dear viewers, welcome. Why did Russia say this?\n"
        "[Lavrov] We must respect international law.\n"
        "[Applause] Thank you.\n"
        "[Khuzam] And Iran?\n"
        "[Lavrov] We talk to Iran.",
        "Al-Jazirah Interviews Russia's Lavrov on Terrorism, Doha, 15 September 2004",
    )
    assert [(q.label, q.text[:12]) for q in parsed.questions] == [
        ("Khuzam", "Dear viewers"),
        ("Khuzam", "And Iran?"),
    ]
    assert [(a.speaker, a.text) for a in parsed.answers] == [
        ("Sergey Lavrov", "We must respect international law.\n\n[Applause] Thank you."),
        ("Sergey Lavrov", "We talk to Iran."),
    ]
    assert parsed.speeches == []
    # one bracketed name naming nobody the page is with makes no dialogue
    plain = _page(tmp_path, "[Editor] A note.\n\n[Editor] Another note.", TITLE)
    assert plain.questions == [] and len(plain.speeches) == 1


def test_an_undated_headline_gives_way_to_the_title_over_its_dateline(tmp_path: Path) -> None:
    title = (
        "Permanent Representative of Russia to the OSCE Alexander Lukashevich’s remarks at a "
        "meeting of the OSCE Permanent Council on the situation in Ukraine"
    )
    parsed = _page(
        tmp_path,
        "Mr Chairperson,\n\nThe sides agreed on an armistice.",
        "Ukraine: Ambassador Alexander Lukashevich’s remarks at an OSCE Permanent Council "
        f"meeting\n\nSubmitted on Wed, 09/06/2017 - 15:20\n\n{title}\n\nVienna, August 31, 2017",
    )
    assert parsed.transcript.title == title
    assert parsed.transcript.event_date == date(2017, 8, 31)
    assert parsed.speeches[0].text.startswith("Mr Chairperson,")


@pytest.mark.parametrize(
    "title",
    [
        "SYRIA: RUSSIA OPTIMISTIC DESPITE DIFFERENCES (BY ALEXANDER YAKOVENKO, RUSSIAN "
        "AMBASSADOR TO UK)",
        "STATEMENT BY THE REPRESENTATIVE OF THE RUSSIAN FEDERATION VLADIMIR YERMAKOV IN THE "
        "FIRST COMMITTEE",
        "Statement by the representative of the Russian Federation Vladimir Yermakov in the "
        "First Committee",
    ],
)
def test_a_title_in_capitals_or_naming_a_role_in_lower_case_is_a_title(
    tmp_path: Path, title: str
) -> None:
    parsed = _page(tmp_path, "Mr. Chair,\n\nRussia calls for strengthening the machinery.", title)
    assert parsed.transcript.title == title
    assert parsed.speeches[0].text.startswith("Mr. Chair,")


def test_a_vague_headline_gives_way_to_a_title_naming_a_speaker_the_registry_lacks(
    tmp_path: Path,
) -> None:
    title = "Russian Ambassador Ivan Petrovsky’s interview with a channel"
    parsed = _page(
        tmp_path,
        "Question: Why?\n\nIvan Petrovsky: Because.",
        f"Russian Foreign Ministry Spokeswoman Holds Weekly Briefing\n\n{title}",
    )
    assert parsed.transcript.title == title
    assert parsed.transcript.speaker == "Ivan Petrovsky"


def test_a_copy_cut_right_after_a_label_is_published_incomplete(tmp_path: Path) -> None:
    parsed = _page(
        tmp_path,
        "Question: Will the army leave?\n\nSergey Lavrov: Yes.\n\nQuestion: When?\n\nLAVROV:",
    )
    assert [q.text for q in parsed.questions] == ["Will the army leave?", "When?"]
    assert [a.text for a in parsed.answers] == ["Yes."]
    assert not parsed.transcript.complete
    assert parsed.accounting.chrome_chars["cut-label"] == len("LAVROV:")
    # inside the page, a known label with nothing under it is still refused
    with pytest.raises(TranscriptError) as refused:
        _page(tmp_path, "Question: Why?\n\nSergey Lavrov:\n\nQuestion: When?")
    assert refused.value.problem.type == "empty-turn"


@pytest.mark.parametrize(
    "line, day, place",
    [
        (
            "Thursday, December 19, 2019, 4:30 p.m. Moscow, Russia",
            date(2019, 12, 19),
            "Moscow, Russia",
        ),
        ("December 19, 2019, Moscow, Russia", date(2019, 12, 19), "Moscow, Russia"),
        ("Thursday, 02 July 2015 09:54", date(2015, 7, 2), None),
        ("March 13, 2009 Friday", None, None),  # a weekday after the date, no comma: no line
    ],
)
def test_date_lines_with_a_time_and_a_place_with_its_country(
    line: str, day: date | None, place: str | None
) -> None:
    from mfa_transcripts.builder.grammar.dates import date_line, line_place, match_date

    match = date_line(line)
    assert (match_date(match) if match else None) == day
    assert (line_place(match) if match else None) == place


def test_a_surname_first_in_capitals_names_the_registry_person() -> None:
    from mfa_transcripts.builder import speakers

    assert speakers.resolve("Mr. MOTEGI Toshimitsu").name == "Toshimitsu Motegi"
    assert speakers.resolve("Foreign Minister KISHIDA Fumio").name == "Fumio Kishida"
    assert speakers.resolve("US Department") is None


def test_an_outlet_closing_a_title_names_no_genre_of_its_own() -> None:
    # an article for a newspaper is no interview, though 'for <outlet>' closes both
    info = parse_title("Foreign Minister Sergey Lavrov’s article for Rossiyskaya Gazeta")
    assert (info.genre, info.genres) == ("article", ["article"])
