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


def test_a_publication_line_under_the_title_dates_it_and_is_no_part_of_it() -> None:
    title = 'Article by Russian Foreign Minister Sergey Lavrov "Russia–Zimbabwe: Friendship"'
    page = parse_text(
        f"{title}\n\n\nPublished by Zimbabwean Newspaper The Herald on February 18th, 2021\n\n"
        "Our country offered its full support to the people of Zimbabwe.\n\nRead more:\n"
    )
    assert page.transcript.title == title
    assert page.transcript.event_date == date(2021, 2, 18)
    assert [s.text for s in page.speeches] == [
        "Our country offered its full support to the people of Zimbabwe."
    ]


def test_a_lead_sentence_after_a_dated_line_is_no_title_over_the_undated_one() -> None:
    title = "Ambassador Vladimir Chizhov's interview with Diplomatic World"
    page = parse_text(
        f"{title}\n\nPermanent Representative to the EU Vladimir Chizhov's interview with "
        "Diplomatic World. The interview was recorded on 8 September 2015.\n\n"
        "Diplomatic World: What do you think?\n\nVladimir Chizhov: I am afraid so.\n"
    )
    assert page.transcript.title == title
    assert [a.text for a in page.answers] == ["I am afraid so."]


def test_russian_links_and_widgets_on_an_english_page_are_chrome() -> None:
    page = parse_text(
        "Interview of the Russian Ambassador Vyacheslav Trubnikov to the HARDNEWS "
        "magazine Назад\n\nQuestion: Does Russia want the agreement?\n\n"
        "Answer: Russia has stated its positive attitude.\n\n"
        "Story continues below advertisement\n\nAnswer: It goes on.\n\n"
        "Самое интересное\n\nНовости партнеров\n"
    )
    assert page.transcript.title == (
        "Interview of the Russian Ambassador Vyacheslav Trubnikov to the HARDNEWS magazine"
    )
    assert page.transcript.complete  # the site's widgets end the page: the text is whole
    assert [a.text for a in page.answers] == [
        "Russia has stated its positive attitude.",
        "It goes on.",
    ]


def test_bare_questions_before_the_one_person_an_untitled_page_labels_are_questions() -> None:
    text = (
        "How would you assess the relations in 2024?\n"
        "Ambassador Bezdetko: This year marks the 75th anniversary.\n"
        "In 2024 our relationship grew.\n"
        "The Prime Minister visited Vietnam. What were the takeaways of his trip?\n"
        "Ambassador Bezdetko: The visit strengthened our cooperation.\n"
    )
    page = parse_text(text)
    assert [q.text for q in page.questions] == [
        "How would you assess the relations in 2024?",
        "The Prime Minister visited Vietnam. What were the takeaways of his trip?",
    ]
    assert [a.paragraph_count for a in page.answers] == [2, 1]
    # two people labelled: nobody's the page is with, and no bare paragraph asks
    other = text.replace("Ambassador Bezdetko: The visit", "Prime Minister Chinh: The visit")
    assert parse_text(other).questions == []


def test_a_host_addressing_the_person_a_lead_names_asks_on_an_untitled_page() -> None:
    lead = (
        "World leaders gather in New York. Why is the veto right so important? We ask "
        "Russia’s Ambassador to the United Nations - Vitaly Churkin."
    )
    turn = "Vitaly Churkin, Russia’s Ambassador to the UN, welcome to the show. Why the veto?"
    page = parse_text(
        f"Russia’s UN envoy: Without veto power, UNSC would become a mouthpiece\n\n{lead}\n\n"
        f"Follow @SophieCo_RT\n\nSophie Shevardnadze: {turn}\n"
    )
    assert [q.text for q in page.questions] == [turn]
    assert page.speeches == []  # the lead is the editor's
    # a turn that does not address him is the host's own words
    own = parse_text(
        f"Russia’s UN envoy: Without veto power, UNSC would become a mouthpiece\n\n{lead}\n\n"
        "Sophie Shevardnadze: Today we talk about the veto.\n"
    )
    assert own.questions == []


def test_a_datelined_sentence_presenting_the_transcript_is_the_lead_not_a_turn() -> None:
    page = parse_text(
        "KUALA LUMPUR: Following is the transcript of the interview with Russian Ambassador "
        "to Malaysia, Lyudmila G. Vorobyeva, who appeared on Bernama TV.\n"
        "Question: What was your first reaction?\n"
        "Vorobyeva: I was shocked.\n"
        "Q: What are the reactions here?\n"
        "Vorobyeva: Russia is being blamed.\n"
    )
    assert page.speeches == []
    assert [a.speaker for a in page.answers] == ["Lyudmila Vorobyeva"] * 2


def test_a_call_to_follow_a_channel_is_chrome_anywhere_and_a_sentence_is_not() -> None:
    from mfa_transcripts.builder.grammar.chrome import chrome_kind

    for line in ("Follow @SophieCo_RT", "Follow us on Telegram", "Follow me on X @mfa_russia"):
        assert chrome_kind(line, "body") == "republisher", line
    assert chrome_kind("Follow the money.", "body") is None


def test_the_ministrys_photo_album_under_its_footer_is_chrome() -> None:
    page = parse_text(
        "Foreign Minister Sergey Lavrov’s opening remarks at a meeting with President "
        "Daniel Ortega, Managua, April 19, 2023\n\nMr President,\n\nAllow me to convey "
        "greetings.\n\nAdditional materials\n  • Photos\nPhoto album\n1 of 1 photos in album\n"
    )
    assert [s.text for s in page.speeches] == ["Mr President,\n\nAllow me to convey greetings."]
    assert page.transcript.complete  # the site's footer: the page was saved whole


def test_an_address_to_an_office_holder_under_the_title_opens_the_speech() -> None:
    page = parse_text(
        "Opening remarks by Foreign Minister Sergey Lavrov during a meeting with Slovakian "
        "Minister of Foreign and European Affairs Miroslav Lajcak, Moscow, October 9, 2018\n\n"
        "Minister Lajcak, Miroslav,\n\nColleagues, friends,\n\nWe are glad to welcome you.\n"
    )
    # every word of the address is the title's, but it is no piece of the title again
    assert page.speeches[0].text.startswith("Minister Lajcak, Miroslav,\n\nColleagues")
