"""Shapes of reposted and broadcast pages, each on a small page written in memory:
republishers' stamps, labels, titles and leads as the family writes them."""

from __future__ import annotations

from datetime import date

from .conftest import parse_text

RT_ICONS = "icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon fm"


def test_a_republishers_stamp_with_a_time_above_the_title_dates_nothing() -> None:
    body = "RT: What is the aim?\n\nAlexander Grushko: To agree.\n"
    stamped = parse_text(
        f"{RT_ICONS}\n29 Aug, 2007 04:47\n\nInterview with Alexander Grushko\n\n{body}"
    )
    assert stamped.transcript.event_date is None
    assert "no-date" in stamped.transcript.warnings
    # an embassy's posting date (no time) right above the title still dates the event
    posted = parse_text(f"29 August 2007\n\nInterview with Alexander Grushko\n\n{body}")
    assert posted.transcript.event_date == date(2007, 8, 29)


def test_initials_of_a_double_surname_label_the_person_named_in_full_before() -> None:
    page = parse_text(
        "Interview with Aleksandr Botsan-Kharchenko, August 29, 2007\n\n"
        "Russia Today: What is the main objective?\n\n"
        "Aleksandr Botsan-Kharchenko: To mediate.\n\n"
        "RT: Why is a compromise difficult?\n\n"
        "A.B.-K.: As you know, we visited Belgrade.\n"
    )
    assert [a.text for a in page.answers] == ["To mediate.", "As you know, we visited Belgrade."]
    assert len(page.questions) == 2
    assert {a.speaker for a in page.answers} == {
        "Alexander Botsan-Kharchenko"
    }  # the registry's spelling
