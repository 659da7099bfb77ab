"""What the seed transcript must give (issue: foundation)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from mfa_transcripts.builder.records import ParsedPage

CHROME = ("Advanced settings", "Web Content Display", "Additional materials", "de-DE1")


def test_transcript_fields(seed_page: ParsedPage) -> None:
    t = seed_page.transcript
    assert t.event_date == date(2020, 8, 23)
    assert t.published_at == datetime(2020, 8, 23, 19, 37, tzinfo=timezone(timedelta(hours=3)))
    assert t.published_at.utcoffset() == timedelta(hours=3)
    assert t.published_date == date(2020, 8, 23)
    assert t.genre == "remarks and answers to questions"
    assert t.genres == ["remarks", "answers to questions"]
    assert t.speaker == "Sergey Lavrov"
    assert t.speaker_role == "Foreign Minister"
    assert t.place == "Moscow Region, Solnechnogorsk"
    assert t.occasion == "the Territory of Meanings on the Klyazma National Education Youth Forum"
    assert t.languages == ["de", "en", "es", "ru", "fr"]
    assert t.tags == [
        "Organization for Security and Co-operation in Europe (OSCE)",
        "Council of Europe (CoE)",
        "European Union (EU)",
    ]
    assert t.complete is True
    assert t.transcript_id.startswith("2020-08-23-")
    assert (t.speech_count, t.question_count, t.answer_count) == (1, 15, 15)


def test_one_opening_speech(seed_page: ParsedPage) -> None:
    (speech,) = seed_page.speeches
    assert speech.speaker == "Sergey Lavrov"
    assert speech.label is None
    assert speech.paragraph_count == 15
    assert speech.text.startswith("I would like to say thank you for inviting me.")
    assert speech.text.endswith("Thank you. I am ready for your questions now.")


def test_fifteen_questions_each_answered_once_by_lavrov(seed_page: ParsedPage) -> None:
    questions, answers = seed_page.questions, seed_page.answers
    assert [q.position for q in questions] == list(range(1, 16))
    assert [a.question_id for a in answers] == [q.question_id for q in questions]
    assert {a.speaker for a in answers} == {"Sergey Lavrov"}
    assert {a.ministry for a in answers} == {True}
    assert seed_page.speeches[0].ministry is True
    assert [a.paragraph_count for a in answers] == [1, 2, 1, 1, 1, 8, 3, 3, 1, 3, 1, 1, 1, 1, 9]


def test_no_break_space_after_a_label_is_not_text(seed_page: ParsedPage) -> None:
    q10 = seed_page.questions[9]
    assert q10.text.startswith("What was the most interesting moment")
    assert seed_page.answers[9].text.startswith("I am often asked this question")
    assert all("\u00a0" not in r.text for r in (*seed_page.questions, *seed_page.answers))


def test_follow_up_question_answers_the_ministers_counter_question(seed_page: ParsedPage) -> None:
    assert seed_page.answers[3].text.startswith("Could you give me an example?")
    assert seed_page.questions[4].text.startswith("For example, Norilsk.")
    assert seed_page.answers[3].char_end < seed_page.questions[4].char_start


def test_no_record_contains_page_chrome(seed_page: ParsedPage) -> None:
    records = (seed_page.transcript, *seed_page.speeches, *seed_page.questions, *seed_page.answers)
    for record in records[1:]:
        for chrome in CHROME:
            assert chrome not in record.text  # type: ignore[attr-defined]


def test_every_character_accounted_for(seed_page: ParsedPage) -> None:
    acc = seed_page.accounting
    assert set(acc.chrome_chars) == {"header", "title", "languages", "tag", "footer"}
    assert acc.record_chars > 40_000
