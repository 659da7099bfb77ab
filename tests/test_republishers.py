"""What republishers and other sites put around a transcript: each grammar row on
in-memory text (head rules, title lines, implied labels, dates), with the fact it
establishes and the chrome kind it names.

Every case is shaped after pages of the real corpus (``tests/data/corpus``), with the
words changed; each fails if its row is taken out of the grammar.
"""

from __future__ import annotations

from datetime import date

import pytest

from mfa_transcripts.builder.grammar.head import MAX_SOFT_LINES
from mfa_transcripts.builder.grammar.title import parse_title
from mfa_transcripts.builder.page import split_page
from mfa_transcripts.builder.records import ParsedPage
from mfa_transcripts.errors import TranscriptError

from .conftest import parse_text

TITLE = (
    "Foreign Minister Sergey Lavrov’s remarks and answers to media questions, Moscow, May 5, 2017"
)
QA = "Question: What did you agree on?\n\nSergey Lavrov: We agreed on a great deal."


def _kinds(text: str) -> dict[str, str]:
    """Chrome kind of each chrome line, by its text."""
    page = split_page("page.txt", text)
    return {text[c.start : c.end]: c.kind for c in page.chrome}


def _opening(parsed: ParsedPage) -> str | None:
    return parsed.speeches[0].text if parsed.speeches else None


# --- between the title and the body: the soft head rules -----------------------------


def test_a_republishers_third_person_lead_is_chrome_not_the_opening() -> None:
    lead = (
        "On June 30, Foreign Minister Sergey Lavrov met US Secretary of State John Kerry in "
        "Vienna. The Minister answered questions from the media after the talks."
    )
    text = f"{TITLE}\n\n{lead}\n\n{QA}\n"
    assert _kinds(text)[lead] == "lead"
    parsed = parse_text(text)
    assert parsed.speeches == [] and len(parsed.questions) == 1


def test_a_first_person_opening_naming_the_speaker_is_text() -> None:
    """Opening remarks speak in the first person; naming a colleague makes no lead."""
    opening = "I would like to thank Minister Wang Yi and Sergey Lavrov’s team for the talks today."
    parsed = parse_text(f"{TITLE}\n\n{opening}\n\n{QA}\n")
    assert _opening(parsed) == opening


def test_a_bloggers_lead_in_the_first_person_with_a_reporting_word_is_a_lead() -> None:
    lead = (
        "The transcript is dated today but I could not find the whole interview, so here "
        "are Lavrov’s words:"
    )
    assert _kinds(f"{TITLE}\n\n{lead}\n\n{QA}\n")[lead] == "lead"


@pytest.mark.parametrize(
    "line",
    ["lavrov kerry1", "MFA Russia", "Back", "date 2025-09-28 SRO pressroom", "Bali, Indonesia"],
)
def test_a_short_line_without_closing_punctuation_under_the_title_is_a_caption(
    line: str,
) -> None:
    text = f"{TITLE}\n\n{line}\n\nThank you. We have had good talks today.\n\n{QA}\n"
    assert _kinds(text)[line] == "caption"
    assert _opening(parse_text(text)) == "Thank you. We have had good talks today."


@pytest.mark.parametrize("line", ["Ladies and gentlemen", "Dear friends", "(Applause)"])
def test_a_salutation_or_a_stage_direction_is_no_caption(line: str) -> None:
    assert line not in _kinds(f"{TITLE}\n\n{line}\n\nWe have had good talks.\n\n{QA}\n")


def test_a_briefings_first_heading_is_no_caption() -> None:
    text = (
        "Briefing by Foreign Ministry Spokesperson Maria Zakharova, Moscow, May 5, 2017\n\n"
        "Sergey Lavrov’s talks in Sochi\n\nThe Minister will hold talks.\n\n"
        "Question: When?\n\nMaria Zakharova: Soon.\n"
    )
    parsed = parse_text(text)
    assert parsed.speeches[0].heading == "Sergey Lavrov’s talks in Sochi"


def test_an_upper_case_header_block_and_title_fragments_are_head_chrome() -> None:
    title = (
        "Alexander Lukashevich on the address by the Secretary General of the Council of "
        "Europe, 10 December 2020"
    )
    text = (
        f"{title}\n\nSTATEMENT BY MR. ALEXANDER LUKASHEVICH,\n"
        "AT THE 1295th MEETING OF THE OSCE PERMANENT COUNCIL\n\n"
        "On the address by the Secretary General\nof the Council of Europe\n\n"
        "Madam Secretary General,\n\nWe are pleased to welcome you.\n"
    )
    kinds = _kinds(text)
    assert kinds["STATEMENT BY MR. ALEXANDER LUKASHEVICH,"] == "masthead"
    assert kinds["AT THE 1295th MEETING OF THE OSCE PERMANENT COUNCIL"] == "masthead"
    assert kinds["of the Council of Europe"] == "title-repeat"
    parsed = parse_text(text)
    assert _opening(parsed) == "Madam Secretary General,\n\nWe are pleased to welcome you."
    assert parsed.transcript.event_date == date(2020, 12, 10)


def test_the_title_repeated_over_two_lines_is_a_repeat_and_its_date_line_is_read() -> None:
    title = "Statement by Sergey Ryabkov at the Geneva Centre for Security Policy on arms control"
    text = (
        f"{title}\n\nStatement by Sergey Ryabkov at the Geneva Centre for Security Policy\n"
        "on arms control,\n1 October 2021\n\nDear colleagues,\n\nThank you.\n"
    )
    kinds = _kinds(text)
    assert kinds["on arms control,"] == "title-repeat"
    parsed = parse_text(text)
    assert parsed.transcript.event_date == date(2021, 10, 1)
    assert _opening(parsed) == "Dear colleagues,\n\nThank you."


def test_a_sites_lines_between_the_title_and_its_repeat_are_chrome() -> None:
    title = "Ambassador Antonov's answers to media questions on new US sanctions"
    site = [
        "Embassy of the Russian Federation in the USA",
        "Phone (consular questions): (202) 939-8914 | Emergency line : (202) 298-5700",
        "/Schedule work today: 9:00–18:00",
    ]
    qa = "Question: Would you comment?\nAmbassador Antonov: The actions confirm it."
    text = f"{title}\n" + "\n".join(site) + f"\n20 august / 2021\n\n{title}\n\n{qa}\n"
    kinds = _kinds(text)
    assert all(kinds[line] in ("masthead", "caption") for line in site)
    parsed = parse_text(text)
    assert parsed.speeches == [] and len(parsed.answers) == 1
    assert parsed.transcript.published_date == date(2021, 8, 20)
    # with no repeat of the title under them, such lines stay text
    text = f"{title}\n\n{site[1]}\n\n{qa}\n"
    assert _opening(parse_text(text)) == site[1]


@pytest.mark.parametrize(
    "first",
    [
        "New Europe: How do you assess the recent summit in Brussels",
        "New Europe: How do you assess the recent summit in Brussels, the first without us",
    ],
)
def test_a_first_turn_without_closing_punctuation_under_a_label_the_page_uses_is_a_turn(
    first: str,
) -> None:
    text = (
        "Interview by Ambassador Vladimir Chizhov to New Europe\n\n"
        f"{first}\n\nVladimir Chizhov: Well, nothing dramatic.\n\n"
        "New Europe: Are you disappointed?\n\nVladimir Chizhov: Not at all.\n"
    )
    parsed = parse_text(text)
    assert parsed.speeches == []
    assert [q.text for q in parsed.questions] == [first.split(": ", 1)[1], "Are you disappointed?"]


def test_an_untitled_page_opening_with_a_salutation_is_a_speech_not_refused() -> None:
    speech = (
        "Mr. Chairperson,\n\nLadies and gentlemen,\n\n"
        "First of all, I should like to thank Belgium for the organisation of this event.\n"
    )
    parsed = parse_text(f"8 October 2020 19:44\n\n{speech}")
    assert [s.paragraph_count for s in parsed.speeches] == [3]
    assert parsed.transcript.title is None and "no-title" in parsed.transcript.warnings
    # without the salutation, an untitled text naming nobody is still refused
    with pytest.raises(TranscriptError) as caught:
        parse_text("8 October 2020 19:44\n\nThe weather was fine.\n\nIt rained later.\n")
    assert caught.value.problem.type == "not-a-transcript"


def test_a_cyrillic_line_and_an_icon_font_line_are_head_chrome() -> None:
    icons = "icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon closeicon"
    text = f"{TITLE}\n\n{icons}\n\nПресс-конференция Министра иностранных дел\n\n{QA}\n"
    kinds = _kinds(text)
    assert kinds[icons] == "republisher"
    assert kinds["Пресс-конференция Министра иностранных дел"] == "masthead"


def test_the_soft_rules_never_take_the_whole_body() -> None:
    """Lines that would all be captions: the last stays text, and so does any line past
    MAX_SOFT_LINES."""
    lines = [f"Line number {n} without a stop" for n in range(MAX_SOFT_LINES + 3)]
    parsed = parse_text(TITLE + "\n\n" + "\n\n".join(lines) + "\n")
    text = _opening(parsed)
    assert text is not None and text.startswith(f"Line number {MAX_SOFT_LINES}")
    assert text.endswith(f"Line number {MAX_SOFT_LINES + 2} without a stop")


# --- which line is the title ----------------------------------------------------------


def test_a_title_broken_over_lines_is_one_title() -> None:
    text = (
        "Remarks by Secretary of State John Kerry\nAt a Joint Press Availability with Russian "
        "Foreign Minister Sergey Lavrov\nAfter Their Meeting\n\nOctober 6, 2013\n\n"
        "SECRETARY KERRY: Good morning.\n"
    )
    parsed = parse_text(text)
    assert parsed.transcript.title == (
        "Remarks by Secretary of State John Kerry At a Joint Press Availability with Russian "
        "Foreign Minister Sergey Lavrov After Their Meeting"
    )
    assert parsed.transcript.event_date == date(2013, 10, 6)


def test_a_title_ending_in_a_colon_goes_on_on_the_next_line() -> None:
    parsed = parse_text(
        "G8 Foreign Ministers Meeting:\nPress Conference\n\nMoscow, June 29, 2006\n\n"
        "Lavrov: Thank you all.\n"
    )
    assert parsed.transcript.title == "G8 Foreign Ministers Meeting: Press Conference"
    assert parsed.transcript.event_date == date(2006, 6, 29)


def test_a_dated_headline_gives_way_to_the_documents_dated_title() -> None:
    text = (
        "Russian Foreign Minister Sergei Lavrov on Iraq, October 12, 2004\n\n"
        "Interview with Russian Foreign Minister Sergei Lavrov, October 12, 2004\n\n{QA}\n"
    ).replace("{QA}", QA)
    assert parse_text(text).transcript.title == (
        "Interview with Russian Foreign Minister Sergei Lavrov, October 12, 2004"
    )


_MASTHEAD = "\n".join(f"Site line {n}" for n in range(1, 8))  # a site's header lines


@pytest.mark.parametrize(
    "title",
    [
        TITLE,  # dated
        "Interview with Sergey Ryabkov by the Journal of International Affairs",  # names him
    ],
)
def test_a_headline_naming_no_date_and_nobody_gives_way_to_the_title_below(title: str) -> None:
    headline = "Russian Foreign Ministry Spokeswoman Holds Weekly Briefing"
    parsed = parse_text(f"{headline}\n\n{_MASTHEAD}\n\n{title}\n\n{QA}\n")
    assert parsed.transcript.title == title


def test_a_headline_naming_its_speaker_keeps_the_title_over_a_later_one() -> None:
    headline = "Sergey Lavrov’s remarks at the Primakov Readings"
    later = "Interview with Sergey Ryabkov by the Journal of International Affairs"
    parsed = parse_text(f"{headline}\n\n{_MASTHEAD}\n\n{later}\n\n{QA}\n")
    assert parsed.transcript.title == headline


def test_a_repeated_title_stays_the_first() -> None:
    page = split_page("page.txt", f"{TITLE}\n\n{TITLE}\n\n{QA}\n")
    assert page.title_line is not None and page.title_line.number == 1


@pytest.mark.parametrize(
    "line",
    [
        # a republisher presenting the text
        "RT presents the full transcript of Andrey Nesterenko’s briefing from July 3, 2010.",
        # a lead sentence about the speaker
        "In his weekly media address, Nesterenko also commented on the results of the talks.",
        # prose: sentences end inside a long line
        "Ensuring continuity is important today. President Putin outlined the reasons in his "
        "Address to the Federal Assembly. I will not dwell on them here, as they are known.",
        # a paragraph's broken-off end
        "developments and statements by President Putin, above all his Munich speech, leave",
        # prose naming a genre, a speaker and a date, ending with its full stop
        "The talks went well. Sergey Lavrov gave his answers. It happened on November 3, 2019.",
        # a speaker's sentence in the first person, naming a genre, a speaker and a date
        "I think you're familiar with the statement Sergey Lavrov made on January 25, 2010",
        # a site's summary reporting what was given
        "The Foreign Secretary gave an opening statement at a press conference with Foreign "
        "Minister Sergey Lavrov in Moscow.",
    ],
)
def test_prose_is_no_title(line: str) -> None:
    page = split_page("page.txt", f"{line}\n\n{QA}\n")
    assert page.title is None


def test_a_title_with_full_stops_inside_a_name_is_a_title() -> None:
    title = (
        "Foreign Minister Sergey Lavrov’s answer to a question from the Moscow. Kremlin. Putin"
        " programme Moscow, November 3, 2019"
    )
    parsed = parse_text(f"3 November 201913:45\n\n{title}\n\n{QA}\n")
    assert parsed.transcript.title == title
    assert parsed.transcript.event_date == date(2019, 11, 3)


def test_a_bylined_headline_and_a_person_at_an_occasion_on_a_date_are_titles() -> None:
    bylined = "Syria: optimism despite differences (by Alexander Yakovenko, Russian Ambassador)"
    assert split_page("p.txt", f"{bylined}\n\nWe met.\n").title == bylined
    dated = "Alexander Lukashevich at the Closing Session of the OSCE, Stockholm, 3 December 2021"
    page = split_page(
        "p.txt", f"Speeches of the Permanent Representative\n\nBack\n\n{dated}\n\nHi.\n"
    )
    assert page.title == dated and page.event_date == date(2021, 12, 3)


def test_the_title_comes_before_the_turns() -> None:
    """An archive page with no title: a paragraph after two labelled turns that names a
    genre and a role is text, not the title."""
    text = (
        "Question: How useful was the UN?\n\nAnswer: Very useful.\n\n"
        "Question: And now?\n\nAnswer: The President’s Message to the Federal Assembly sets "
        "our course\n"
    )
    parsed = parse_text(text)
    assert parsed.transcript.title is None
    assert len(parsed.questions) == 2 and parsed.answers[-1].speaker is None


def test_a_monitoring_services_quoted_title_is_the_title() -> None:
    parsed = parse_text(
        'Text of "Commentary by the Information and Press Department of the Russian Ministry '
        'of Foreign Affairs on Kosovo," published on the ministry website on 24 February\n\n'
        "Question: How do you see it?\n\nAnswer: Badly.\n"
    )
    assert parsed.transcript.title == (
        "Commentary by the Information and Press Department of the Russian Ministry of "
        "Foreign Affairs on Kosovo"
    )


# --- dates ------------------------------------------------------------------------------


def test_a_date_line_right_above_the_title_is_the_posting_date() -> None:
    text = (
        "PRESS-RELEASE\nИюл 16th, 2011\n\nForeign Minister Sergey Lavrov gives a speech at the "
        "Centre for Strategic Studies\n\nSergey Lavrov: Thank you.\n"
    )
    assert parse_text(text).transcript.event_date == date(2011, 7, 16)


def test_a_repost_stamp_with_a_time_on_an_untitled_page_is_no_event_date() -> None:
    text = (
        "5 Jul, 2010 07:25\n\nUnanimity gives hope for co-operation – FM spokesman\n\n"
        "RT presents the full transcript of Andrey Nesterenko’s briefing from July 3, 2010.\n\n"
        "Dear colleagues, good afternoon.\n"
    )
    parsed = parse_text(text)
    assert parsed.transcript.event_date is None
    assert _opening(parsed) == "Dear colleagues, good afternoon."


# --- labels the page implies --------------------------------------------------------------


def test_unlabelled_text_asking_before_the_speakers_label_is_the_first_question() -> None:
    text = (
        "Interview of Ambassador Alexander Grushko to the newspaper Izvestiya, 8 November 2017"
        "\n\nThe council met. Is there any progress?\n\nAlexander Grushko: Hardly any.\n"
    )
    parsed = parse_text(text)
    (question,) = parsed.questions
    assert (question.label, question.text) == (None, "The council met. Is there any progress?")
    assert [a.speaker for a in parsed.answers] == ["Alexander Grushko"]
    assert parsed.speeches == []


def test_an_unlabelled_first_question_keeps_a_one_word_name_as_its_label() -> None:
    text = (
        "Ambassador Anatoly Antonov’s interview with Russia-24, August 17, 2022\n\n"
        "Evelina: Good evening! Why do they act like this?\n\nAnatoly Antonov: Thank you.\n"
    )
    (question,) = parse_text(text).questions
    assert (question.label, question.text) == (
        "Evelina",
        "Good evening! Why do they act like this?",
    )


def test_a_surname_alone_names_the_person_an_earlier_label_named() -> None:
    text = (
        "A Conversation with Sergey Lavrov, September 24, 2008\n\n"
        "DAVID REMNICK: We have the honour of meeting the minister.\n\n"
        "REMNICK: -- and ask about that meeting?\n\nLAVROV: Thank you.\n"
    )
    parsed = parse_text(text)
    assert [q.label for q in parsed.questions] == ["DAVID REMNICK", "DAVID REMNICK"]
    assert [a.speaker for a in parsed.answers] == ["Sergey Lavrov"]


def test_an_emoji_before_a_label_is_part_of_the_label() -> None:
    text = (
        "Maria Zakharova’s answer to a media question on frozen assets (December 13, 2025)\n\n"
        "Question: How does Russia view it?\n\n💬 Maria Zakharova: As theft.\n"
    )
    (answer,) = parse_text(text).answers
    assert (answer.speaker, answer.text) == ("Maria Zakharova", "As theft.")


def test_an_outlet_asks_on_an_untitled_page() -> None:
    text = (
        "Lavrov To RT: The Biggest Threat Is In Syria\n\n"
        "RT: Is a military action still possible?\n\nSergey Lavrov: Yes, it is possible.\n"
    )
    parsed = parse_text(text)
    assert [q.label for q in parsed.questions] == ["RT"]
    assert [a.speaker for a in parsed.answers] == ["Sergey Lavrov"]


def test_initials_name_the_person_an_earlier_label_named_and_are_no_outlet() -> None:
    text = (
        "Lavrov To RT: Syria\n\nRT: Is a military action possible?\n\n"
        "Sergey Lavrov: Yes, it is possible.\n\nRT: And chemical weapons?\n\n"
        "SL: I don't believe Syria would use them.\n"
    )
    parsed = parse_text(text)
    assert [q.label for q in parsed.questions] == ["RT", "RT"]
    assert [a.speaker for a in parsed.answers] == ["Sergey Lavrov", "Sergey Lavrov"]


def test_a_monitoring_services_bracketed_labels_are_turns() -> None:
    text = (
        "Comment by Foreign Ministry Spokesman Mikhail Kamynin on Kosovo, February 24, 2008\n\n"
        "[Question] How would you comment on the remarks?\n\n[Commentary] With bewilderment.\n"
    )
    parsed = parse_text(text)
    assert [(q.label, q.text) for q in parsed.questions] == [
        ("Question", "How would you comment on the remarks?")
    ]
    assert [(a.label, a.speaker, a.text) for a in parsed.answers] == [
        ("Commentary", "Mikhail Kamynin", "With bewilderment.")
    ]


def test_a_report_naming_the_speaker_by_role_is_a_lead_but_a_briefings_text_is_not() -> None:
    lead = "An example is the arrest of a retired officer, the diplomat told the media on Thursday."
    text = f"5 Jul, 2010 07:25\n\n{lead}\n\nDear colleagues, good afternoon.\n"
    assert _kinds(text)[lead] == "lead"
    briefing = "Next week, the Foreign Minister will visit three Central Asian capitals."
    assert briefing not in _kinds(f"{TITLE}\n\n{briefing}\n\n{QA}\n")


@pytest.mark.parametrize(
    "title, speaker",
    [
        (  # a person of the occasion is not the speaker
            "Comment by the Information and Press Department on Saudi Foreign Minister Adel "
            "al-Jubeir’s visit to Russia",
            None,
        ),
        (
            "Speech by Sergey Lavrov at the meeting with Wang Yi, Moscow, May 5, 2017",
            "Sergey Lavrov",
        ),
        (  # a preposition of the role ('Ambassador to') does not start the occasion
            "Interview of the Russian Ambassador to Australia A.V. Pavlovsky to the news "
            "agency Russia Today",
            "Alexey Pavlovsky",
        ),
        (  # an adjective before the leading genre
            "Exclusive interview with Ambassador Ivan Petrovsky on the crisis",
            "Ivan Petrovsky",
        ),
        (  # a role's prepositions and places before the registry name are the role's
            "Interview by Permanent Representative of the Russian Federation to the "
            "International Organizations in Vienna Mikhail Ulyanov to Mizan news agency",
            "Mikhail Ulyanov",
        ),
        (
            "Interview by Permanent Representative of Russia to the EU Ambassador Vladimir "
            "Chizhov for Karenina",
            "Vladimir Chizhov",
        ),
        (  # 'd’' inside the role, a middle initial inside the name (published without
            # it, as the registry writes the people it knows)
            "Interview with Charge d’ Affaires of Russia in the Republic of Ruritania "
            "Mr. Ivan P. Petrovsky on the occasion of Diplomats Day",
            "Ivan Petrovsky",
        ),
    ],
)
def test_the_speaker_is_named_before_the_occasion(title: str, speaker: str | None) -> None:

    assert parse_title(title).speaker == speaker


def test_an_ellipsis_glued_to_the_last_word_marks_a_cut_page() -> None:
    assert parse_text(f"{TITLE}\n\n{QA[:-1]} and…\n").transcript.complete is False
    assert parse_text(f"{TITLE}\n\n{QA[:-1]} «peace»…\n").transcript.complete is False
    assert parse_text(f"{TITLE}\n\n{QA}\n").transcript.complete is True


def test_a_russian_tag_under_the_sites_footer_keeps_the_page_whole() -> None:
    text = f"{TITLE}\n\n{QA}\n\nAdditional materials\n\nГенеральные Ассамблеи ООН\n"
    parsed = parse_text(text)
    assert parsed.transcript.complete is True
    assert parsed.answers[-1].text == "We agreed on a great deal."


@pytest.mark.parametrize("cut", ["Advance", "Additional mat", "Web Content"])
def test_a_copy_stopping_inside_the_sites_footer_keeps_the_page_whole(cut: str) -> None:
    tags = "Council of Europe (CoE)\n\nEuropean Union (EU)"
    parsed = parse_text(f"{TITLE}\n\n{QA}\n\nAdditional materials\n\n{tags}\n\n{cut}\n")
    assert parsed.transcript.complete is True
    assert parsed.answers[-1].text == "We agreed on a great deal."


@pytest.mark.parametrize("last", ["Additional materials will follow.", "Adv"])
def test_a_last_paragraph_that_is_no_cut_footer_line_stays_the_answers(last: str) -> None:
    parsed = parse_text(f"{TITLE}\n\n{QA}\n\n{last}\n")
    assert parsed.answers[-1].text.endswith(last)


@pytest.mark.parametrize(
    "line", ["Print", "Tags: Russia, diplomacy", "Photo: Foreign Ministry", "Source: RIA Novosti"]
)
def test_a_republishers_print_link_or_metadata_line_under_the_title_is_chrome(line: str) -> None:
    parsed = parse_text(f"{TITLE}\n\n{line}\n\nDear colleagues, welcome.\n\n{QA}\n")
    assert _kinds(f"{TITLE}\n\n{line}\n\n{QA}\n")[line] in ("footer", "republisher")
    assert _opening(parsed) == "Dear colleagues, welcome."


@pytest.mark.parametrize(
    "line",
    [
        "Related posts",
        "Back to top",
        "© 2024 All rights reserved",
        "Leave a comment",
        "Share this:",
    ],
)
def test_web_furniture_under_the_sites_footer_keeps_the_page_whole(line: str) -> None:
    parsed = parse_text(f"{TITLE}\n\n{QA}\n\nAdvanced settings\n\n{line}\n")
    assert parsed.transcript.complete is True
    assert parsed.answers[-1].text == "We agreed on a great deal."


@pytest.mark.parametrize(
    "insert",
    ["Advertisement", "Read also: Lavrov meets Wang Yi", "See also", "[Video]", "Photo: TASS"],
)
def test_a_republishers_insert_between_turns_is_chrome(insert: str) -> None:
    second = "Question: And then?\n\nSergey Lavrov: We went on."
    parsed = parse_text(f"{TITLE}\n\n{QA}\n\n{insert}\n\n{second}\n")
    assert [a.text for a in parsed.answers] == ["We agreed on a great deal.", "We went on."]


@pytest.mark.parametrize("line", ["* * *", "*****", "— — —", "---"])
def test_a_line_of_stars_or_dashes_separates_turns(line: str) -> None:
    parsed = parse_text(f"{TITLE}\n\n{QA}\n\n{line}\n\nSergey Lavrov: One more thing.\n")
    assert [a.text for a in parsed.answers] == ["We agreed on a great deal."]
    assert [s.text for s in parsed.speeches] == ["One more thing."]


def test_a_copy_cut_inside_a_republishers_links_is_cut_and_its_links_chrome() -> None:
    parsed = parse_text(f"{TITLE}\n\n{QA}\n\nRead in full\n\nTop news\n\nWhat happe\n")
    assert parsed.answers[-1].text == "We agreed on a great deal."
    assert parsed.transcript.complete is False
    assert "fragment" in parsed.accounting.chrome_chars


def test_the_sites_own_last_footer_line_is_no_fragment() -> None:
    parsed = parse_text(f"{TITLE}\n\n{QA}\n\nWeb Content Display\n\nAdvanced settings\n")
    assert parsed.transcript.complete is True
    assert "fragment" not in parsed.accounting.chrome_chars


def test_a_short_last_line_under_the_text_stays_text() -> None:
    parsed = parse_text(f"{TITLE}\n\n{QA}\n\nThank you all\n")  # no link line above it
    assert parsed.answers[-1].text.endswith("Thank you all")


def test_a_briefings_long_topics_and_its_read_watch_links_are_contents_and_chrome() -> None:
    title = "Briefing by Foreign Ministry Spokeswoman Maria Zakharova (Moscow, October 2, 2025)"
    topics = [
        "Ukrainian crisis",
        "Anniversary of reunification of the DPR, LPR, Zaporozhye and Kherson regions with Russia",
        "Situation in Moldova",
    ]
    text = f"{title}\n\n" + "\n\n".join(topics) + "\n\nRead\n\nWatch\n\n***\n\n#Ukraine\n\n"
    parsed = parse_text(text + "Zelensky staged yet another performance.\n\nIt went on.\n")
    assert parsed.transcript.contents == topics
    assert _opening(parsed) == "Zelensky staged yet another performance.\n\nIt went on."


# --- interviews set without labels ------------------------------------------------------


def test_a_dashed_dialogue_under_a_quote_headline_and_a_lead_is_questions_and_answers() -> None:
    text = (
        'Deputy Foreign Minister Alexander Grushko: "The signals we sent are being read"\n\n'
        "Russian Deputy Foreign Minister Alexander Grushko told the newspaper how dangerous "
        "the alliance is.\n\n"
        "— Alexander Viktorovich, is the alliance bluffing?\n\n— It is not. We watch it.\n\n"
        "We will go on watching.\n\n"
        '"We are ready for any turn of events"\n\n'
        "— Are you ready?\n\n— We are.\n"
    )
    parsed = parse_text(text)
    assert parsed.speeches == []
    assert [(q.label, q.text, q.heading) for q in parsed.questions] == [
        ("—", "Alexander Viktorovich, is the alliance bluffing?", None),
        ("—", "Are you ready?", '"We are ready for any turn of events"'),
    ]
    assert [(a.speaker, a.paragraph_count) for a in parsed.answers] == [
        ("Alexander Grushko", 2),
        ("Alexander Grushko", 1),
    ]


def test_dashed_questions_between_written_labels_alternate_with_the_answers() -> None:
    """The press's dialogue where one answer is labelled and the other turns are dashed:
    each dashed turn is the other kind than the turn before it."""
    text = (
        "Ambassador Kelin: London Keeps Looking for Enemies\n\n"
        "- Mr. Kelin, do the British celebrate Diplomat Day?\n\n"
        "Andrey Kelin, Russian Ambassador to the UK: They do not. We do.\n\n"
        "- Have you seen the documentary?\n\n- We have all seen it.\n\n"
        "There are things we should learn from them.\n\n- And what did you learn?\n\n"
        "- Patience.\n"
    )
    parsed = parse_text(text)
    assert parsed.speeches == []
    assert [q.text for q in parsed.questions] == [
        "Mr. Kelin, do the British celebrate Diplomat Day?",
        "Have you seen the documentary?",
        "And what did you learn?",
    ]
    assert [(a.speaker, a.paragraph_count) for a in parsed.answers] == [
        ("Andrey Kelin", 1),
        ("Andrey Kelin", 2),
        ("Andrey Kelin", 1),
    ]


def test_a_dashed_list_under_a_written_label_is_no_dialogue() -> None:
    text = (
        "Foreign Ministry Spokeswoman Maria Zakharova's remarks at a news conference, "
        "Moscow, 12 January 2019\n\n"
        "Maria Zakharova: We have three priorities this year.\n\n"
        "- strengthening the ties with our neighbours;\n\n- developing trade;\n\n"
        "- protecting our citizens abroad.\n"
    )
    parsed = parse_text(text)
    assert parsed.questions == [] and parsed.answers == []
    assert [s.paragraph_count for s in parsed.speeches] == [4]


def test_a_dashed_answer_after_a_bare_question_answers_it() -> None:
    """An untitled page whose photo caption names the speaker: the bare paragraph that
    asks is the question of the dashed answer after it."""
    text = (
        "Russian Ambassador to the US weighs in on relations with America\n\n"
        "Russian Ambassador to the US Anatoly Antonov\n"
        "© Alexander Shcherbak/TASS\n\n"
        "The president has just visited the US. What are the results of his trip?\n\n"
        "— We all saw a theatrical show.\n\nIt changes nothing.\n"
    )
    parsed = parse_text(text)
    assert [q.text for q in parsed.questions] == [
        "The president has just visited the US. What are the results of his trip?"
    ]
    assert [(a.speaker, a.text) for a in parsed.answers] == [
        ("Anatoly Antonov", "We all saw a theatrical show.\n\nIt changes nothing.")
    ]


@pytest.mark.parametrize(
    ("role", "asks"),
    [
        ("Editor-in-Chief, International Affairs", True),
        ("correspondent of the Kommersant newspaper", True),
        ("Chairman of the Board, Gazprom", False),
    ],
)
def test_a_name_label_whose_role_asks_is_a_question(role: str, asks: bool) -> None:
    text = (
        f"Armen Oganesyan, {role}: Sergey Alekseyevich, what did the summit bring?\n\n"
        "S. Ryabkov: We welcome this mood.\n\nQ: One step forward, two steps back.\n\n"
        "A: Yes, this seems to be the case.\n"
    )
    parsed = parse_text(text)
    first = "Sergey Alekseyevich, what did the summit bring?"
    assert (first in [q.text for q in parsed.questions]) is asks
    assert (first in [s.text for s in parsed.speeches]) is not asks
    assert len(parsed.answers) == 1 + asks


@pytest.mark.parametrize(
    ("given_to", "asked"),
    [
        (" to Izvestia newspaper", True),
        (" for the RIA Novosti news agency", True),
        (" on the talks in Vienna", False),
    ],
)
def test_a_comment_given_to_the_press_asks_in_its_bare_questions(
    given_to: str, asked: bool
) -> None:
    title = f"Comment by Mikhail Ulyanov, Permanent Representative{given_to} (July 20, 2025)"
    text = (
        f"{title}\n\nIs Russia ready to help the talks?\n\nOf course, we are ready.\n\n"
        "Have Western countries turned to Russia?\n\nI know of no such appeals.\n"
    )
    parsed = parse_text(text)
    assert len(parsed.questions) == (2 if asked else 0)
    assert [a.speaker for a in parsed.answers] == ["Mikhail Ulyanov"] * (2 if asked else 0)


def test_the_office_holder_a_lead_names_outranks_a_registry_person_in_the_questions() -> None:
    text = (
        '"The parties are ready to start construction"\n'
        "Russia is ready to increase exports. This was stated by the Russian Ambassador in "
        "Ulaanbaatar Alexey Evsikov. According to the diplomat, the parties are ready - in "
        "an exclusive interview with Alexey Evsikov to Izvestia.\n"
        "- Russian President Vladimir Putin visited Mongolia. Is a return visit planned?\n"
        "- Yes, the invitation was accepted.\n"
    )
    parsed = parse_text(text)
    assert [a.speaker for a in parsed.answers] == ["Alexey Evsikov"]


@pytest.mark.parametrize("paper", ["The Ethiopian Herald", "Daily Observer"])
def test_a_newspapers_label_on_an_untitled_interview_asks(paper: str) -> None:
    short = paper.split()[-1]
    text = (
        f"{paper}: How do you describe the relations?\n"
        "Ambassador Mikhail Galuzin: They are old and close.\n"
        f"{short}: What do they look like today?\n"
        "Ambassador Mikhail Galuzin: Busy.\n"
    )
    parsed = parse_text(text)
    assert parsed.speeches == []
    assert [q.text for q in parsed.questions] == [
        "How do you describe the relations?",
        "What do they look like today?",
    ]
    assert [a.speaker for a in parsed.answers] == ["Mikhail Galuzin"] * 2


def test_questions_numbered_in_turn_ask_though_they_end_with_a_full_stop() -> None:
    title = "Interview with H. E. Ambassador of Russia to Nepal Mr. Aleksei Novikov"
    text = (
        f"{title}\n\n1. Your Excellency, please tell our readers about the holiday.\n\n"
        "It honours all our diplomats.\n\nIt is in February.\n\n"
        "2. Tell us about the relations.\n\nThey are good. There are three reasons:\n\n"
        "1. trade.\n\n2. culture.\n\n3. education.\n\nThat is all.\n"
    )
    parsed = parse_text(text)
    assert [q.label for q in parsed.questions] == ["1", "2"]
    assert [(a.speaker, a.paragraph_count) for a in parsed.answers] == [
        ("Alexey Novikov", 2),
        ("Alexey Novikov", 5),  # the list numbered inside it stays the answer's
    ]


def test_dashed_talking_points_are_no_dialogue() -> None:
    text = (
        "Russian Ambassador Alexander Yakovenko’s talking points at the Round Table "
        "(Global Diplomatic Forum, 22 October 2013)\n\n"
        "- The conflict in Syria has no precedent.\n\n- The crisis has gone beyond Syria.\n\n"
        "- Russia is seriously concerned.\n"
    )
    parsed = parse_text(text)
    assert parsed.questions == [] and len(parsed.speeches) == 1


def test_an_interview_of_bare_paragraphs_asks_where_a_paragraph_ends_with_a_question_mark() -> None:
    text = (
        "Interview of the Permanent Representative M.I.Ulyanov to the Tehran Times newspaper"
        "\n\nWhat is the status of the negotiations?\n\nThey stopped in 2022.\n\n"
        "Only a few provisions remained.\n\nWhat was Russia's role?\n\nA significant one.\n"
    )
    parsed = parse_text(text)
    assert [(q.label, q.text) for q in parsed.questions] == [
        (None, "What is the status of the negotiations?"),
        (None, "What was Russia's role?"),
    ]
    assert [(a.label, a.speaker, a.paragraph_count) for a in parsed.answers] == [
        (None, "Mikhail Ulyanov", 2),
        (None, "Mikhail Ulyanov", 1),
    ]


_BARE = (
    "Interview of the Permanent Representative M.I.Ulyanov to the Tehran Times newspaper"
    "\n\nWhat is the status of the negotiations?\n\nThey stopped in 2022.\n\n"
)


def test_a_bare_interview_cut_inside_its_last_question_ends_with_that_question() -> None:
    cut = "Several parties have called for talks. Does this indicate that there are still forces"
    parsed = parse_text(f"{_BARE}{cut}\n")
    assert [q.text for q in parsed.questions][-1] == cut
    assert len(parsed.answers) == 1 and parsed.answers[0].text == "They stopped in 2022."


@pytest.mark.parametrize(
    "cut",
    [
        "When we met in Vienna, the parties agreed that the talks would",
        "Will they return? Not soon. The parties agreed that the talks would",
        "Is that so? We think that the talks will go on, and",
    ],
)
def test_a_cut_last_answer_paragraph_that_does_not_open_a_question_stays_the_answer(
    cut: str,
) -> None:
    parsed = parse_text(f"{_BARE}{cut}\n")
    assert len(parsed.questions) == 1 and parsed.answers[0].paragraph_count == 2


_TWO_ASKED = (
    "What tasks are the partners working on this year?\n\nWe are building strong ties.\n\n"
    "What transport projects are planned?\n\nThe North-South corridor, first of all.\n"
)


@pytest.mark.parametrize(
    "lead",
    [
        # a head lead naming a registry person (his career)
        "Alexander Pankin graduated from MGIMO in 1985 and has worked in the Ministry since"
        " then; since 2017 he has served as Deputy Minister of Foreign Affairs.",
        # a paragraph reporting the conversation
        "Following the summit, Deputy Foreign Minister Alexander Pankin spoke with our"
        " correspondent about the year ahead:",
    ],
)
def test_an_untitled_page_of_two_bare_questions_answered_is_an_interview(lead: str) -> None:
    parsed = parse_text(f"{lead}\n\n{_TWO_ASKED}")
    assert [q.text for q in parsed.questions] == [
        "What tasks are the partners working on this year?",
        "What transport projects are planned?",
    ]
    assert [a.speaker for a in parsed.answers] == ["Alexander Pankin"] * 2


def test_an_untitled_article_under_question_headings_stays_a_speech() -> None:
    headline = "Russian Minister of Foreign Affairs Sergey Lavrov: which Russia to contain?"
    parsed = parse_text(f"{headline}\n\n{_TWO_ASKED}")
    assert parsed.questions == [] and parsed.answers == []


def test_an_untitled_pages_editor_paragraphs_before_its_first_question_are_its_lead() -> None:
    lead = (
        "After four months of fighting, the word has seldom been given to the Russian party."
        "\n\nThat is why we have asked Maria Zakharova to answer our questions."
    )
    qa = "GM: Could you explain the causes?\n\nMaria Zakharova: It is true that we see no data."
    parsed = parse_text(f"{lead}\n\n{qa}\n")
    assert parsed.speeches == []
    assert [a.text for a in parsed.answers] == ["It is true that we see no data."]
    assert parsed.accounting.chrome_chars["lead"] == len("".join(lead.split()))


def test_an_untitled_pages_opening_in_its_speakers_own_words_stays_opening_remarks() -> None:
    opening = "Good afternoon. We are pleased to welcome our guests to Moscow today."
    parsed = parse_text(f"{opening}\n\nQuestion: What was agreed?\n\nSergey Lavrov: Much.\n")
    assert [s.text for s in parsed.speeches] == [opening]


def test_a_speech_asking_rhetorical_questions_stays_a_speech() -> None:
    text = f"{TITLE}\n\nWhat is at stake?\n\nThe future of Europe is at stake.\n"
    parsed = parse_text(text)
    assert parsed.questions == [] and parsed.speeches[0].paragraph_count == 2


def test_on_an_untitled_page_the_lead_names_who_answers_and_a_name_label_asks() -> None:
    text = (
        "Here's the text of what Russian ambassador Alexey Pavlovsky said in the interview.\n"
        "Steve Evans: Why expand the embassy?\n"
        "Ambassador Pavlovsky: I treat these assertions with irony.\n"
    )
    parsed = parse_text(text)
    assert [q.label for q in parsed.questions] == ["Steve Evans"]
    assert [a.speaker for a in parsed.answers] == ["Alexey Pavlovsky"]


def test_a_label_after_a_bullet_with_the_role_after_a_comma_names_the_person() -> None:
    text = (
        "Russian Foreign Minister Sergei Lavrov Interview, May 5, 2005\n\n"
        "• SIMON MARKS: Is North Korea a threat?\n\n"
        "• SERGEI LAVROV, Russian Foreign Minister: We are against proliferation.\n"
    )
    (answer,) = parse_text(text).answers
    assert answer.speaker == "Sergey Lavrov"


def test_an_interviews_text_before_the_first_question_is_the_editors_lead() -> None:
    intro = "The minister received us in his office on a rainy morning."
    text = (
        "Foreign Minister Sergey Lavrov’s interview with Izvestia, May 5, 2017\n\n"
        f"{intro}\n\n{QA}\n"
    )
    parsed = parse_text(text)
    assert parsed.speeches == [] and _kinds(text).get(intro) is None  # body chrome, not head
    remarks = parse_text(f"{TITLE}\n\n{intro}\n\n{QA}\n")
    assert _opening(remarks) == intro  # opening remarks where the genre has them


def test_numbered_q_and_a_labels_with_a_full_stop() -> None:
    text = (
        "Exclusive interview with Charge d’Affaires of Russia in Pakistan Mr. Alexander Khozin"
        "\n\nQ1. Would you tell us more about the day?\nA1. It was introduced in 2002.\n"
        "Q2. And now?\nA2. We celebrate it.\n"
    )
    parsed = parse_text(text)
    assert [q.label for q in parsed.questions] == ["Q1", "Q2"]
    assert [(a.label, a.text) for a in parsed.answers] == [
        ("A1", "It was introduced in 2002."),
        ("A2", "We celebrate it."),
    ]


def test_a_name_label_with_a_role_after_a_comma_asks_on_an_interview_page() -> None:
    text = (
        "Deputy Foreign Minister Sergey Ryabkov interviewed by Mezhdunarodnaya Zhizn magazine"
        "\n\nArmen Oganesyan, Editor in Chief of Mezhdunarodnaya Zhizn magazine: Mr Ryabkov, "
        "is there no vacation season?\n\nSergey Ryabkov: Yes, the summer is hot.\n"
    )
    parsed = parse_text(text)
    assert [q.label for q in parsed.questions] == [
        "Armen Oganesyan, Editor in Chief of Mezhdunarodnaya Zhizn magazine"
    ]
    assert [a.speaker for a in parsed.answers] == ["Sergey Ryabkov"]


# --- republishers' leads that run on, presenting lines and agency datelines -----------


def test_a_lead_goes_on_in_the_third_person_up_to_the_speakers_first_words() -> None:
    """On an untitled repost, the lead's later paragraphs ('he', 'RT presents ...') are
    the lead's too; the speaker's first person ends it."""
    lead = "In his weekly address to the media, Andrey Nesterenko elaborated on the summit."
    more = "He touched upon the elections in Ukraine and many other issues of the week."
    presents = "RT presents the full transcript of the address."
    opening = "Dear friends, colleagues! We are happy to see you at this briefing."
    text = f"{lead}\n\n{more}\n\n{presents}\n\n{opening}\n\nThe visit went well.\n"
    kinds = _kinds(text)
    assert [kinds.get(line) for line in (lead, more, presents)] == ["lead"] * 3
    assert opening not in kinds
    assert _opening(parse_text(text)) == f"{opening}\n\nThe visit went well."


def test_a_dashed_question_naming_the_speaker_under_the_title_is_no_lead() -> None:
    title = "Deputy Foreign Minister Sergey Vershinin’s interview with Izvestia, October 9, 2019"
    question = "– Mr Vershinin, some committees could be moved from New York. Is it possible?"
    parsed = parse_text(f"{title}\n\n{question}\n\n– I think this is feasible.\n\nWe said so.\n")
    assert [q.text for q in parsed.questions] == [question[2:]]
    assert [(a.speaker, a.paragraph_count) for a in parsed.answers] == [("Sergey Vershinin", 2)]


def test_a_question_naming_the_speaker_under_the_title_is_no_lead() -> None:
    title = "Russia's Ambassador to the US Anatoly Antonov's Interview with Rossiyskaya Gazeta"
    question = "Mr Antonov, how hard is it to organise the embassy’s work? How often do you meet?"
    answer = "We are working under difficult conditions.\n\nThe climate has been poisoned."
    second = "Is Congress interested in dialogue?\n\nJudging from what they say, it is not."
    parsed = parse_text(f"{title}\n\n{question}\n\n{answer}\n\n{second}\n")
    assert [q.text for q in parsed.questions][:1] == [question]
    assert [a.paragraph_count for a in parsed.answers] == [2, 1]


def test_an_author_box_and_a_rating_line_head_an_untitled_speech() -> None:
    head = (
        "Rate this article\n(votes: 2, rating: 4)\n (2 votes)\nShare this article\n"
        "Sergey Lavrov\n\nMinister of Foreign Affairs of the Russian Federation, Chairman of"
        " Board of Trustees of RIAC\n\n"
    )
    opening = (
        "We had no time to spare after the holidays. I will not go into detail. You heard"
        " President Vladimir Putin’s statements at his annual news conference."
    )
    parsed = parse_text(f"{head}{opening}\n\nThe situation has not improved.\n")
    assert _opening(parsed) == f"{opening}\n\nThe situation has not improved."


def test_an_address_opening_the_speech_is_no_title_fragment() -> None:
    title = (
        "Alexander Lukashevich in response to the presentation of the priorities of the Polish"
        " OSCE Chairmanship by the Minister of Foreign Affairs of Poland, Mr. Zbigniew Rau"
    )
    parsed = parse_text(f"{title}\n\n15 July 2021\n\nMr. Minister,\n\nWe thank you.\n")
    assert _opening(parsed) == "Mr. Minister,\n\nWe thank you."


def test_an_untitled_interview_is_with_the_person_its_headline_quotes() -> None:
    headline = "Ryabkov: the U.S. must understand that dictatorship is useless"
    lead = "The Deputy Minister has told in an interview about his expectations of the year."
    dialogue = "– Do you remember when you decided to become a diplomat?\n\n– I do, very well."
    parsed = parse_text(f"{headline}\n\n{headline}\n\n{lead}\n\n{dialogue}\n")
    assert [a.speaker for a in parsed.answers] == ["Sergey Ryabkov"]


def test_a_lead_does_not_run_on_into_a_dashed_question() -> None:
    lead = "Deputy Foreign Minister Alexander Grushko told the newspaper how dangerous it is."
    question = "- Alexander Viktorovich, some experts say the troops are not ready. Are they?"
    text = f"{lead}\n\n{question}\n\n- It is in no one's interest. We said so.\n"
    assert _kinds(text).get(question) is None


def test_a_writer_presenting_the_text_below_with_a_colon_is_a_lead() -> None:
    note = "It was published in many outlets; I have reproduced the ministry's text below:"
    parsed = parse_text(
        f"{note}\nQuestion: Good afternoon, Minister?\nSergey Lavrov: Good afternoon.\n"
    )
    assert parsed.speeches == [] and parsed.questions[0].text == "Good afternoon, Minister?"


@pytest.mark.parametrize("line", ["Full transcript:", "The full text follows", "and much more..."])
def test_a_republishers_lead_in_line_is_chrome(line: str) -> None:
    assert _kinds(f"{TITLE}\n\n{line}\n\n{QA}\n")[line] == "republisher"


@pytest.mark.parametrize(
    ("kind", "opener", "rest"),
    [
        ("dateline", "OREANDA-NEWS. December 2, 2009. ", "Mr. Chairman; Ladies: we meet again."),
        ("dateline", "MOSCOW, March 23, 2004 (RIA Novosti) - ", "We are ready to talk, I said."),
        ("dateline", "OTTAWA, January 19. /TASS/. ", "We are ready to talk, I said."),
        ("dateline", "MOSCOW, July 28 – RIA Novosti. ", "We are ready to talk, I said."),
        ("dateline", "(Interfax – August 28, 2014) ", "We are ready to talk, I said."),
        ("byline", "Russian Mission Vienna", "From your point of view, is the process moving?"),
        ("byline", "Russian Embassy in Australia", "Thank you, we are ready to talk about it."),
        ("byline", "Embassy of the Russian Federation in the United Kingdom", "We are ready."),
        ("delivery-note", "Check against delivery! ", "Thank you, Sergey, for the welcome."),
    ],
)
def test_chrome_glued_to_the_first_paragraph_is_chrome(kind: str, opener: str, rest: str) -> None:
    """An agency's dateline or a channel's byline run into the first paragraph
    (:data:`~mfa_transcripts.builder.grammar.chrome.GLUED_OPENERS`): chrome of its kind,
    the paragraph starting after it, and no date of the page's taken from it."""
    text = f"{TITLE}\n\n{opener}{rest}\n\nAnd the talks went on.\n"
    assert _kinds(text)[opener] == kind
    parsed = parse_text(text)
    first = parsed.questions[0] if parsed.questions else parsed.speeches[0]
    assert first.text.startswith(rest)
    assert parsed.transcript.event_date == date(2017, 5, 5)  # the title's, not the agency's


def test_an_institution_with_a_space_after_it_is_no_glued_byline() -> None:
    line = "Russian Embassy in Australia Staff met the press on Monday."
    assert line not in _kinds(f"{TITLE}\n\n{line}\n\nAnd the talks went on.\n")


def test_a_dateline_before_a_question_label_leaves_the_label_to_open_the_question() -> None:
    parsed = parse_text(
        "OREANDA-NEWS. October 30, 2009. Question: Is it over?\n\nSergey Lavrov: No.\n"
    )
    assert parsed.speeches == [] and parsed.questions[0].text == "Is it over?"


def test_an_initial_is_no_first_person() -> None:
    lead = "Vitaly I. Churkin, Permanent Representative to the UN, met the journalists."
    title = "Comments to the media by Permanent Representative Vitaly Churkin, June 2, 2014"
    assert _kinds(f"{title}\n\n{lead}\n\n{QA}\n")[lead] == "lead"


def test_a_title_cut_short_then_given_in_full_is_the_full_title() -> None:
    short = "Amb. Mikhail Ulyanov Interview to Kommersant."
    full = (
        'Amb. Mikhail Ulyanov Interview to Kommersant Newspaper "We have covered 90% of the path"'
    )
    parsed = parse_text(f"{short}\n\n{full}\n\nJuly 11, 2021\n\n{QA}\n")
    assert parsed.transcript.title == full
    assert parsed.transcript.event_date == date(2021, 7, 11)  # the date line under it


def test_a_title_ending_with_its_date_takes_no_heading_under_it() -> None:
    title = "Briefing by Alexander Lukashevich, the official representative, November 8, 2012"
    heading = "On the upcoming visit of the Minister of South Africa to Russia"
    text = f"{title}\n{heading}\nThe Minister will come to Moscow on November 11-13.\n"
    assert parse_text(text).transcript.title == title


def test_on_a_page_without_question_labels_a_name_the_subject_answers_asks() -> None:
    """'Comments ... to journalists': the outlet's name label asks, the speaker answers."""
    title = (
        "Comments by the Russian Ambassador, Alexander Kadakin, to Indian journalists, June 4, 2014"
    )
    text = (
        f"{title}\n\nTimes Now: Ambassador, have you changed your policy?\n\n"
        "A.M.Kadakin: We have not changed any policies.\n\n"
        "Times Now: And the talks?\n\nA.M.Kadakin: Talks are there.\n"
    )
    parsed = parse_text(text)
    assert [q.label for q in parsed.questions] == ["Times Now", "Times Now"]
    assert [a.speaker for a in parsed.answers] == ["Alexander Kadakin"] * 2


def test_contents_numbered_without_full_stops_and_a_numbered_divider_are_the_contents() -> None:
    """An embassy's copy of a briefing: the numbers lost their full stops, and the
    divider is numbered as the list's last item."""
    title = "Briefing by Foreign Ministry Spokesperson Maria Zakharova, Moscow, March 31, 2016"
    toc = [
        "20 Foreign Minister Sergey Lavrov’s talks in Vienna",
        "21 The situation in Syria",
        "22 Excerpts from answers to media questions:",
        "1 Russian-US relations",
    ]
    body = "Foreign Minister Sergey Lavrov’s talks in Vienna\n\nThe talks went well."
    parsed = parse_text(f"{title}\n\nTable of contents\n" + "\n".join(toc) + f"\n\n{body}\n")
    assert parsed.transcript.contents[:2] == [
        "Foreign Minister Sergey Lavrov’s talks in Vienna",
        "The situation in Syria",
    ]
    assert _opening(parsed) == "The talks went well."


def test_a_divider_between_a_digests_topics_and_its_answers_is_chrome() -> None:
    title = "Briefing by Foreign Ministry Spokesperson Maria Zakharova, Moscow, June 13, 2024"
    topics = "On the destructive activities of NATO\n\nAbout the Ukrainian crisis"
    text = f"{title}\n\n{topics}\n\nFrom the answers to the questions:\n\n{QA}\n"
    parsed = parse_text(text)
    assert parsed.speeches == [] and parsed.questions[0].text == "What did you agree on?"
    assert parsed.accounting.chrome_chars["divider"] == len("Fromtheanswerstothequestions:")


@pytest.mark.parametrize("publication", ["Journal", "Magazine", "Newspaper", "Editor"])
def test_the_publication_asking_under_its_own_name_asks(publication: str) -> None:
    lead = "Sergei Ryabkov is the Deputy Minister of Foreign Affairs of the Russian Federation."
    text = f"{lead}\n\n{publication}: Why did relations worsen?\n\nRyabkov: Interests differ.\n"
    parsed = parse_text(text)
    assert [(q.label, q.text) for q in parsed.questions] == [
        (publication, "Why did relations worsen?")
    ]
    assert [(a.speaker, a.text) for a in parsed.answers] == [
        ("Sergey Ryabkov", "Interests differ.")
    ]


def test_a_label_alone_under_a_presenting_lead_opens_the_first_question() -> None:
    lead = "The Ministry has released a full transcript of Sergey Lavrov’s interview (source):"
    text = f"{lead}\n\nQuestion:\nWhat does Moscow want?\n\nS.Lavrov: Respect.\n"
    parsed = parse_text(text)
    assert [q.text for q in parsed.questions] == ["What does Moscow want?"]
    assert parsed.speeches == [] and parsed.answers[0].text == "Respect."


def test_a_digest_cut_inside_its_run_of_topics_ends_with_a_topic() -> None:
    title = "Briefing by Foreign Ministry Spokesperson Maria Zakharova, Moscow, June 13, 2024"
    topics = "On the destructive activities of NATO\n\nOn Russian-Armenian relations"
    parsed = parse_text(f"{title}\n\n{topics}\n\nOn the UN Security Council vote on the\n")
    assert parsed.speeches == [] and parsed.transcript.complete is False


def test_a_digest_cut_inside_its_text_keeps_the_text() -> None:
    title = "Briefing by Foreign Ministry Spokesperson Maria Zakharova, Moscow, June 13, 2024"
    text = f"{title}\n\nOn Russian-Armenian relations\n\nThe talks went well and\n"
    assert _opening(parse_text(text)) == "The talks went well and"


def test_numbers_out_of_order_are_no_contents() -> None:
    title = "Briefing by Foreign Ministry Spokesperson Maria Zakharova, Moscow, March 31, 2016"
    lines = "25 Countries signed the treaty in May.\n7 More are to sign it this year."
    assert _opening(parse_text(f"{title}\n\n{lines}\n")) == lines.replace("\n", "\n\n")


def test_a_presenting_line_wrapped_onto_a_second_line_is_the_lead() -> None:
    title = "Transcript of Press Conference by Lavrov and Mamedyarov"
    text = (
        f"{title}\n\nThe following information was released by the Ministry of Foreign\n"
        "Affairs of the Russian Federation:\n\nForeign Minister Lavrov: Esteemed colleagues,\n\n"
        "We are meeting here today.\n"
    )
    kinds = _kinds(text)
    assert kinds["Affairs of the Russian Federation:"] == "lead"
    assert _opening(parse_text(text)) == "Esteemed colleagues,\n\nWe are meeting here today."


def test_a_question_label_glued_to_the_title_starts_the_first_question() -> None:
    title = (
        "Permanent Representative Alexander Lukashevich’s interview with Izvestia, October 29, 2019"
    )
    parsed = parse_text(f"{title}Question: Is the OSCE useful?\nAlexander Lukashevich: It is.\n")
    assert parsed.transcript.title == title
    assert [q.text for q in parsed.questions] == ["Is the OSCE useful?"]


def test_a_date_glued_to_the_first_label_is_the_date_line() -> None:
    title = "Address of Edward Nalbandian at the joint press conference with Sergey Lavrov"
    text = f"{title}\n09 November, 2015Edward Nalbandian: Good afternoon.\nWe are glad.\n"
    parsed = parse_text(text)
    assert parsed.transcript.event_date == date(2015, 11, 9)
    assert _opening(parsed) == "Good afternoon.\n\nWe are glad."


@pytest.mark.parametrize("label", ["Question:", "QuestionMr.", "Q:", "QUESTION:"])
def test_a_question_label_glued_to_its_text_opens_the_question(label: str) -> None:
    text = f"{label}Tell us about the steps being taken."  # asks without a question mark
    parsed = parse_text(f"{TITLE}\n\n{text}\n\nSergey Lavrov: Many.\n")
    assert parsed.speeches == [] and len(parsed.questions) == 1
    assert parsed.questions[0].text.endswith("Tell us about the steps being taken.")


def test_a_letter_glued_to_a_word_without_a_colon_is_no_label() -> None:
    parsed = parse_text(f"{TITLE}\n\nAWhat a day it was.\n\n{QA}\n")
    assert _opening(parsed) == "AWhat a day it was."


def test_an_embassy_sites_contact_lines_and_clock_are_chrome_and_give_no_date() -> None:
    head = (
        "9 October 2015\nMoscow: 04:27\nLondon: 02:27\n\nConsular Section:\n+44(0) 203 668 7474\n"
    )
    title = "Press-Conference by Permanent Representative Vasily Nebenzia on the Presidency"
    text = f"{head}\n{title}\n\nGood afternoon.\n\n{QA}\n"
    parsed = parse_text(text)
    assert parsed.transcript.title == title and _opening(parsed) == "Good afternoon."
    untitled = f"{head}\n{QA}\n"
    kinds = _kinds(untitled)  # no title: the head rules read from the top
    assert kinds["+44(0) 203 668 7474"] == kinds["Consular Section:"] == "contact"
    parsed = parse_text(untitled)
    assert parsed.transcript.event_date is None  # the site's clock
    assert parsed.speeches == [] and len(parsed.questions) == 1


def test_a_channels_label_with_its_number_asks_and_turns_run_together_after_it_split() -> None:
    text = (
        "CNN 18: Mr Ambassador, what is your view?\n\nA.M.Kadakin: Russia has expressed it.\n\n"
        "CNN 18: Was the strike justified? A.M.Kadakin: Otherwise we would not welcome it.\n"
    )
    parsed = parse_text(text)
    assert [q.label for q in parsed.questions] == ["CNN 18", "CNN 18"]
    assert [a.text for a in parsed.answers] == [
        "Russia has expressed it.",
        "Otherwise we would not welcome it.",
    ]


def test_numbered_bare_questions_on_an_interview_keep_their_number_as_the_label() -> None:
    title = "Ambassador Anatoly Antonov's interview with RIA Novosti"
    text = (
        f"{title}\n\n❓1. How is the interaction with the US authorities?\n\n"
        "The dialogue is at a low level.\n\n❓2. Why is there no dialogue?\n\nWe often hear it.\n"
    )
    parsed = parse_text(text)
    assert [(q.label, q.text) for q in parsed.questions] == [
        ("1", "How is the interaction with the US authorities?"),
        ("2", "Why is there no dialogue?"),
    ]


def test_an_interviews_preface_in_the_speakers_own_words_is_opening_remarks() -> None:
    title = "Interview of Minister of Foreign Affairs Sergey Lavrov to the Anatolian Agency"
    preface = "We are pleased with the dynamic development of Russian-Turkish ties."
    assert _opening(parse_text(f"{title}\n\n{preface}\n\n{QA}\n")) == preface
    host = "Hello and welcome to the programme with me, Sophie. Our guest is here."
    assert parse_text(f"{title}\n\n{host}\n\n{QA}\n").speeches == []  # the host's: a lead


def test_initials_name_the_person_the_lead_names() -> None:
    lead = "In his weekly briefing, Andrey Nesterenko touched upon the visit of the President."
    text = f"{lead}\n\nA.N.: Dear colleagues, we are happy to see you.\n\n{QA}\n"
    parsed = parse_text(text)
    assert _opening(parsed) == "Dear colleagues, we are happy to see you."
    assert parsed.speeches[0].speaker == "Andrei Nesterenko"


def test_a_dialogue_dash_opening_the_remarks_is_chrome_but_a_dashed_list_is_text() -> None:
    opening = "We are completing our work during the High-Level Week."
    parsed = parse_text(f"{TITLE}\n\n- {opening}\n\nIn total, we attended seven events.\n\n{QA}\n")
    assert _opening(parsed) == f"{opening}\n\nIn total, we attended seven events."
    points = "- The conflict in Syria has no precedents.\n\n- We welcome the accession of Syria."
    assert _opening(parse_text(f"{TITLE}\n\n{points}\n\n{QA}\n")) == points


def test_a_dashed_dialogue_whose_first_answer_lost_its_question_starts_with_remarks() -> None:
    title = "Interview by Ambassador Chizhov for Moskovskiye Novosti on the visa dialogue"
    text = (
        f"{title}\n\n- We agree with the EU on the conditions.\n\n"
        "- What has the Russian side accomplished?\n\n- The list of Common Steps is long.\n\n"
        "- And the risks?\n\n- They are known.\n"
    )
    parsed = parse_text(text)
    assert _opening(parsed) == "We agree with the EU on the conditions."
    assert [q.text for q in parsed.questions] == [
        "What has the Russian side accomplished?",
        "And the risks?",
    ]


def test_a_dashed_question_trailing_off_asks() -> None:
    title = "Sergey Lavrov’s interview with the Russian International Affairs Council"
    text = (
        f"{title}\n\n- You had a hot time.\n\n- And it is not over yet.\n\n"
        "- Not all of them, I reckon…\n\n- Why not all? Of course, all.\n\n"
        "- Can you name one?\n\n- I may name some.\n"
    )
    assert len(parse_text(text).questions) == 3


def test_an_untitled_lead_naming_a_person_in_the_third_person_and_here_is_are_leads() -> None:
    lead = "Ambassador Kislyak's talk includes his thoughts on relations. He also gives us a view."
    text = f"{lead}\n\nIntroductions\n\nJOANNE MYERS: Good afternoon. I'm Joanne Myers.\n"
    assert _kinds(text)[lead] == "lead"
    assert _opening(parse_text(text)) == "Good afternoon. I'm Joanne Myers."
    note = "Sorry for the delay in getting this out to readers, my mind was dulled. Here’s Lavrov:"
    text = f"{note}\n\nGood afternoon.\n\nSergey Lavrov: I am glad to meet you again.\n"
    assert _kinds(text)[note] == "lead"


def test_no_lead_under_a_heading_that_follows_the_lead() -> None:
    """A briefing's first section speaks of others in the third person: no lead."""
    lead = "At the briefing, spokesman Andrey Nesterenko highlighted the chief issues of the week."
    section = "Russian President Dmitry Medvedev paid an official visit; his talks went well."
    text = f"{lead}\n\nVisit to the US by the President\n\n{section}\n\nThe outcome was good.\n"
    assert _opening(parse_text(text)) == f"{section}\n\nThe outcome was good."


def test_who_conducted_the_interview_is_the_leads() -> None:
    title = "The View from Moscow - An Interview with Sergey Ryabkov"
    text = (
        f"{title}\n\nSergei Ryabkov is the Deputy Minister. He has served since 1982.\n"
        "The Q&A was conducted by Johan Kharabi, the Features Editor with the Journal.\n"
        "Journal: Have relations deteriorated?\nRyabkov: They have not.\n"
    )
    parsed = parse_text(text)
    assert [(q.label, q.text) for q in parsed.questions] == [
        ("Journal", "Have relations deteriorated?")
    ]


@pytest.mark.parametrize("label", ["Question", "Question:", "Qestion:"])
def test_a_question_label_that_lost_its_space_or_colon_is_a_label(label: str) -> None:
    title = "Deputy Foreign Minister Igor Morgulov’s interview with TASS, January 20, 2018"
    text = f"{title}\n\n{label}Mr. Morgulov, is the dialogue back?\n\nIgor Morgulov: It is.\n"
    parsed = parse_text(text)
    assert [q.text for q in parsed.questions] == ["Mr. Morgulov, is the dialogue back?"]
    # misspelt and glued: read, and warned as a typo
    assert ("label-typo" in parsed.transcript.warnings) == (label == "Qestion:")
    # a word glued after a colon is no label for being capitalised
    assert parse_text(f"{title}\n\nQatar:Relations grow.\n").questions == []


def test_one_or_two_word_tags_in_lower_case_are_captions() -> None:
    text = f"{TITLE}\n\nworld\n\nsergey lavrov\n\nindonesia\n\n{QA}\n"
    kinds = _kinds(text)
    assert (kinds["world"], kinds["indonesia"]) == ("caption", "caption")
    assert parse_text(text).speeches == []  # 'sergey lavrov' is the title's words: a fragment


def test_a_label_alone_on_its_line_is_no_title_fragment() -> None:
    title = "Press Conference with Foreign Minister Lavrov on Meeting with Secretary Rice"
    parsed = parse_text(f"{title}\n\nForeign Minister Lavrov:\n\nI share the evaluation.\n\n{QA}\n")
    assert _opening(parsed) == "I share the evaluation."


def test_a_short_line_presenting_theses_and_a_blogs_comment_counter_are_chrome() -> None:
    title = "Deputy Foreign Minister Sergey Vershinin’s interview with Sputnik, May 5, 2024"
    text = f"{title}\n\nThe main theses are:\n\n• The Declaration matters.\n\nNo comments:\n"
    kinds = _kinds(text)
    assert kinds["The main theses are:"] == "lead" and kinds["No comments:"] == "republisher"
    assert _opening(parse_text(text)) == "• The Declaration matters."


def test_on_an_untitled_page_answer_is_the_person_who_answers_under_a_label() -> None:
    text = (
        "Sergey Ryabkov: We welcome this mood.\n\nQ: One step forward, two back?\n\n"
        "A: Yes, this seems to be the case.\n"
    )
    assert [a.speaker for a in parse_text(text).answers] == ["Sergey Ryabkov"]


def test_a_title_under_the_text_is_an_attribution_and_the_text_above_it_the_body() -> None:
    """A blog quoting an article's first paragraphs, then its title as the source."""
    prose = "International relations have entered a very difficult period. " * 4
    text = (
        f"Thursday, March 3, 2016\n\n{prose}\nThe Ministry of Foreign Affairs of the Russian "
        "Federation\nSergey Lavrov’s article for Russia in Global Affairs, March 3, 2016\n\n"
        "No comments:\n"
    )
    parsed = parse_text(text)
    assert (
        parsed.transcript.title
        == "Sergey Lavrov’s article for Russia in Global Affairs, March 3, 2016"
    )
    assert _opening(parsed) == prose.strip()


def test_a_report_with_a_colon_is_no_label_and_an_outlets_first_question_is_no_lead() -> None:
    report = (
        "Russia's Ambassador to the UN, Vitaly Churkin, told RT about the key issues: "
        "Kosovo, Iran and other topics."
    )
    turns = "RT: What role does Russia play?\n\nVC: A big one.\n"
    text = f"Interview with Vitaly Churkin\n\n{report}\n\n{turns}"
    parsed = parse_text(text)
    assert parsed.speeches == [] and [q.label for q in parsed.questions] == ["RT"]
    untitled = (
        "Russia’s Ambassador to the UN Vitaly Churkin spoke to RT on the foreign policy.\n\n"
        "RT: Thank you for joining us, Ambassador Churkin. Is there room for talks?\n\n"
        "VC: First of all, this is a meeting.\n"
    )
    assert [q.label for q in parse_text(untitled).questions] == ["RT"]


def test_an_outlets_label_may_name_its_kind_and_a_translators_note_is_a_lead() -> None:
    title = "Interview with Deputy Foreign Minister Mikhail Galuzin in full"
    note = "To that end, we translate the interview in full, which biased media will never do."
    text = f"{title}\n\n{note}\n\nNews agency TASS: Is peace near?\n\nMikhail Galuzin: Not yet.\n"
    parsed = parse_text(text)
    assert parsed.speeches == [] and [q.label for q in parsed.questions] == ["News agency TASS"]


@pytest.mark.parametrize(
    ("title_date", "day"),
    [
        ("July25, 2016", date(2016, 7, 25)),
        ("Nov 1,2018", date(2018, 11, 1)),
        ("July, 20th, 2012", date(2012, 7, 20)),  # a comma after the month
        ("JULY, 20TH, 2012", date(2012, 7, 20)),  # an old page's title in capitals
        ("14TH OF MAY 2014", date(2014, 5, 14)),
        ("14th Of May 2014", date(2014, 5, 14)),  # a title in title case
    ],
)
def test_a_title_date_with_a_space_missing_or_a_comma_more_is_read(
    title_date: str, day: date
) -> None:
    title = f"Foreign Minister Sergey Lavrov’s remarks at the news conference, Moscow, {title_date}"
    assert parse_text(f"{title}\n\n{QA}\n").transcript.event_date == day


def test_an_outlets_turns_run_together_with_the_answers_split() -> None:
    lead = "Russia’s ambassador to the European Union, Vladimir Chizhov, talked to RT about it."
    line = (
        "RT: When is the next summit?Vladimir Chizhov: In June. RT: And what do you hope "
        "for? Vladimir Chizhov: Progress."
    )
    parsed = parse_text(f"{lead}\n\n{line}\n")
    assert [(q.label, q.text) for q in parsed.questions] == [
        ("RT", "When is the next summit?"),
        ("RT", "And what do you hope for?"),
    ]
    assert [a.text for a in parsed.answers] == ["In June.", "Progress."]


def test_a_listing_with_page_numbers_is_refused_without_quoting_it() -> None:
    from mfa_transcripts.errors import TranscriptError

    text = (
        "SPEECHES, INTERVIEWS, ARTICLES\nPages: ««« :: 1 | 2 | 3 | 4 :: »»»\n"
        "Question: Will anything change?\nSergey Lavrov: Nothing will.\n"
    )
    with pytest.raises(TranscriptError) as caught:
        parse_text(text)
    assert caught.value.problem.type == "not-a-transcript"
    assert "listing" in caught.value.problem.message and "Pages" not in caught.value.problem.message


def test_a_headline_shaped_like_a_label_in_title_case_is_head_chrome() -> None:
    headline = "Sergei Lavrov: International Diplomat Opens Up About the Dangerous Profession"
    dialogue = "- Hello.\n\n- Hello, nice to meet you.\n\n- What happened?\n\n- A mass psychosis.\n"
    text = f"{headline}\n\nHis name arises in the newspapers every day.\n\n{dialogue}"
    assert _kinds(text)[headline] == "masthead"
    assert [q.text for q in parse_text(text).questions] == ["Hello.", "What happened?"]


_INTERVIEW = (
    "Deputy Foreign Minister Oleg Syromolotov has given an interview to Interfax in which he"
    " speaks about combating terrorism amid the pandemic and cooperation in this sphere."
    "\n\nQuestion: Is the risk growing?\n\nAnswer: We view any crisis as a risk.\n"
)


def test_a_headline_shaped_like_a_label_ending_no_sentence_is_head_chrome() -> None:
    headline = (
        "Deputy Foreign Minister Oleg Syromolotov: Moscow has no data on the virus from a lab"
    )
    parsed = parse_text(f"21 May 2020\n\n{headline}\n\n{_INTERVIEW}")
    assert _kinds(f"21 May 2020\n\n{headline}\n\n{_INTERVIEW}")[headline] == "masthead"
    assert parsed.speeches == []
    assert [(a.speaker, a.text) for a in parsed.answers] == [
        ("Oleg Syromolotov", "We view any crisis as a risk.")
    ]


@pytest.mark.parametrize(
    "turn",
    [
        "Oleg Syromolotov: Moscow has no data on the virus from a lab.",  # a sentence ends
        "Oleg Syromolotov: Moscow has no data on the virus from a lab, as we said,",  # runs on
        "Oleg Syromolotov: Good afternoon, dear friends and colleagues of ours",  # greets
    ],
)
def test_a_label_whose_sentence_closes_runs_on_or_greets_opens_a_turn(turn: str) -> None:
    parsed = parse_text(f"{TITLE}\n\n{turn}\n\nWe said so to our partners.\n\n{QA}\n")
    assert parsed.speeches[0].text.startswith(turn.split(": ", 1)[1])


def test_answer_labels_are_not_given_to_a_person_named_only_inside_the_answers() -> None:
    text = (
        "Question: How useful was the UN?\n\nAnswer: Very. As Vladimir Putin said, it is"
        " universal.\n\nQuestion: And now?\n\nAnswer: Our diplomacy goes on.\n"
    )
    assert [a.speaker for a in parse_text(text).answers] == [None, None]


def test_a_title_cut_over_blank_lines_before_its_dated_end_is_one_title() -> None:
    first = "Interview of Foreign Minister Sergey Lavrov, Granted to Pervy Kanal on Themes"
    rest = "Related to Russia’s Group of Eight Presidency, Moscow, December 30, 2005"
    parsed = parse_text(f"Publications\n\n{first}\n\n\n{rest}\n\n{QA}\n")
    assert parsed.transcript.title == f"{first} {rest}"
    assert parsed.transcript.event_date == date(2005, 12, 30)
    back = parse_text(
        f"Back\n\nSergey Lavrov’s remarks at the news conference, Moscow, {rest[-17:]}\n\n{QA}\n"
    )
    assert parsed.transcript.title is not None and not back.transcript.title.startswith("Back")


def test_a_long_on_topic_heading_of_a_digest_is_a_heading() -> None:
    heading = (
        "On the creation of the Russian Foreign Ministry’s Gorchakov Public Diplomacy Fund "
        "and a not-for-profit partnership called “The Russian Council on International Affairs”"
    )
    text = f"{TITLE}\n\n{heading}\n\nOn February 2, the President signed the orders.\n"
    parsed = parse_text(text)
    assert _opening(parsed) == "On February 2, the President signed the orders."
    assert parsed.speeches[0].heading == heading


def test_a_title_date_followed_by_its_place_is_the_titles_date() -> None:
    title = (
        "Interview with Foreign Minister Sergey Lavrov by RT, on 8 October 2013, Bali, Indonesia"
    )
    info = parse_title(title)
    assert (info.event_date, info.place) == (date(2013, 10, 8), "Bali, Indonesia")
    assert (
        parse_title("Sergey Lavrov’s remarks, May 5, 2017, and the discussion").event_date is None
    )


def test_a_pipe_separated_navigation_line_is_no_title() -> None:
    nav = "Please enter the digits: | Interviews | Vladimir Chizhov: Interview with Interfax"
    assert parse_text(f"{nav}\n\n{QA}\n").transcript.title is None


def test_a_video_players_loading_line_is_chrome() -> None:
    assert (
        _kinds(f"{TITLE}\n\nLoading the player...\n\n{QA}\n")["Loading the player..."]
        == "media-link"
    )


def test_a_printed_pages_number_alone_on_a_line_is_chrome_between_turns() -> None:
    """Between turns only: a record is one slice of the page, so chrome cannot sit
    inside one (a number inside a turn stays its text)."""
    text = f"{TITLE}\n\nWe met today.\n\n2\n\n{QA}\n"
    assert _opening(parse_text(text)) == "We met today."
    assert _kinds(f"{TITLE}\n\n12\n\n{QA}\n")["12"] == "page-number"


@pytest.mark.parametrize(
    ("line", "day", "place"),
    [
        ("(January 18, 2007)", date(2007, 1, 18), None),
        ("20 May 2010, Brussels", date(2010, 5, 20), "Brussels"),
        ("June 21, 2010 [translation from JRL]", date(2010, 6, 21), None),
    ],
)
def test_a_date_line_in_parentheses_or_with_its_place_after_it(
    line: str, day: date, place: str | None
) -> None:
    title = "Ambassador Vladimir Chizhov’s press conference on the forthcoming summit"
    parsed = parse_text(f"{title}\n{line}\n\n{QA}\n")
    assert (parsed.transcript.event_date, parsed.transcript.place) == (day, place)


@pytest.mark.parametrize(
    ("title", "day"),
    [
        (
            "Interview of Foreign Minister Sergey Lavrov to Bloomberg TV, Moscow, 14th of May 2014",
            date(2014, 5, 14),
        ),
        (
            "DEPUTY MINISTER ALEXEI MESHKOV'S INTERVIEW WITH VREMYA NOVOSTEI, PUBLISHED ON "
            'FEBRUARY 6, 2004, UNDER THE HEADING "RUSSIA IS NO SUPERNUMERARY"',
            date(2004, 2, 6),
        ),
        ("Remarks at the ceremony for the Declaration of May 9, 1945 and its legacy", None),
    ],
)
def test_title_dates_with_of_and_dated_inside(title: str, day: date | None) -> None:
    assert parse_title(title).event_date == day


def test_an_editors_paragraph_before_an_unlabelled_first_question_is_the_lead() -> None:
    title = "Interview with Alexander Saltanov by the magazine"
    lead = "Modesty is one of the deputy minister’s qualities. We met Saltanov in Rhodes."
    question = "Mr. Saltanov, your brief is the most complicated area. What are the prospects?"
    text = f"{title}\n\n{lead}\n\n{question}\n\nALEXANDER SALTANOV: We are deeply concerned.\n"
    parsed = parse_text(text)
    assert [q.text for q in parsed.questions] == [question]
    assert parsed.speeches == []


def test_an_interview_cut_after_its_first_answer_with_only_the_question_dashed() -> None:
    title = "Russian Deputy Foreign Minister: Russia will block threats - TASS interview"
    lead = "Russian Deputy Foreign Minister Andrey Rudenko told TASS how relations develop."
    text = (
        f"{title}\n\n{lead}\n\n— You are in charge of Asia. How would you describe it?\n\n"
        "Asia is betting on stability.\n\nThe main challenge is its path.\n"
    )
    parsed = parse_text(text)
    assert [q.text for q in parsed.questions] == [
        "You are in charge of Asia. How would you describe it?"
    ]
    assert [(a.speaker, a.paragraph_count) for a in parsed.answers] == [("Andrey Rudenko", 2)]


def test_a_reply_to_a_media_question_is_a_title_and_a_phone_with_a_slash_is_contact() -> None:
    title = "Reply by Foreign Ministry spokesman Alexander Lukashevich to a media question"
    text = f"{title}\n\nQuestion: Could you comment?\n\nAlexander Lukashevich: I could.\n"
    assert parse_text(text).transcript.title == title
    assert _kinds(f"tel: +2712 362-1337/38\n\n{QA}\n")["tel: +2712 362-1337/38"] == "contact"


def test_a_headline_set_three_times_over_an_untitled_interview_is_head_chrome() -> None:
    headline = "So much in common, nothing to divide us: Ambassador Kadakin"
    lead = "In an interview with the Deccan Herald, Ambassador Kadakin shares his views."
    question = "Can you share your views on the relations and their future course?"
    text = f"{headline}\n\n{headline}\n\n\n{headline}\n\n{lead}\n\n{question}\n\nThey are strong.\n"
    kinds = _kinds(text)
    assert kinds[headline] == "masthead" and kinds[lead] == "lead"
    parsed = parse_text(text)
    assert [q.text for q in parsed.questions] == [question]
    assert [a.speaker for a in parsed.answers] == ["Alexander Kadakin"]


def test_a_capitalised_he_goes_on_with_the_lead() -> None:
    lead = "Europe should overcome the dividing lines, said spokesman Andrey Nesterenko."
    more = "He added that Russia will go on promoting the idea of a security treaty."
    text = f"{lead}\n\n{more}\n\nDear friends, good afternoon! We begin.\n\nThe visit went well.\n"
    assert _kinds(text)[more] == "lead"


def test_everything_up_to_a_line_presenting_the_text_is_the_lead() -> None:
    lines = [
        "The Russian Foreign Minister, Sergey Lavrov delivered remarks at the conference. "
        "It was the 51st. It gathered many.",
        "The annual conference was a three-day event at the Bayerischer Hof Hotel.",
        "Following is the translated text of Sergey Lavrov’s speech.",
    ]
    caption = "International Security Conference – Munich, February 2015"
    body = ["Ladies and gentlemen,", "The structure of stability is undermined."]
    text = "\n\n".join([caption, *lines, *body])
    assert [_kinds(text + "\n").get(line) for line in lines] == ["lead"] * 3
    assert _opening(parse_text(text + "\n")).startswith("Ladies and gentlemen,")


def test_a_line_speaking_twice_in_the_first_person_is_no_title() -> None:
    welcome = "Welcome to the Foreign Ministry briefing where we will present our position today"
    assert parse_text(f"{welcome}\n\nThe summit was held.\n\n{QA}\n").transcript.title is None


def test_a_hosts_introduction_that_asks_is_no_preface_in_the_speakers_words() -> None:
    title = "Interview of Ambassador Alexander Yakovenko to RT"
    intro = "The two powers are tied. What is pushing London to such statements? We ask."
    turns = "Sophie Shevardnadze: Thank you for being with us.\n\nAlexander Yakovenko: Thank you."
    assert parse_text(f"{title}\n\n{intro}\n\n{turns}\n").speeches == []


def test_a_sentence_saying_something_under_the_first_turns_is_no_title() -> None:
    # a line closed by a full stop with a verb 'to be' is prose, though it names a genre
    # and the ministry; what stands above it is no masthead
    said = "The Statement on the issue by the Ministry of Foreign Affairs is very clear."
    lead = "In an exclusive interview, Russian Ambassador Nikolai Krasilnikov said it was clear."
    text = (
        f"Harare and Moscow on same page\n\n{lead}\n\n"
        "AC: Do you agree with the vote?\n\n"
        f"Ambassador Krasilnikov: The Western countries made efforts.\n\n{said}\n\n"
        "We agree with our friends.\n"
    )
    parsed = parse_text(text)
    assert parsed.transcript.title is None
    assert [(a.speaker, a.paragraph_count) for a in parsed.answers] == [("Nikolai Krasilnikov", 3)]
    from mfa_transcripts.builder.grammar.title_shape import looks_like_title

    # quoted words or no closing full stop leave a title a title
    assert looks_like_title("Interview of Sergey Lavrov to RIA: ‘Russia is ready.’")
    assert looks_like_title("Sergey Lavrov’s interview: the West is not ready")
    assert not looks_like_title("Sergey Lavrov’s interview: the West is not ready.")
    # a full stop after the title's date closes no sentence, 'his' or not
    assert looks_like_title(
        "Transcript of Remarks by Russian Minister of Foreign Affairs Sergey Lavrov at Joint "
        "Press Conference After His Meeting with Radoslaw Sikorski, Moscow, January 21, 2008."
    )
    assert not looks_like_title("After his meeting with Radoslaw Sikorski, he left Moscow.")
    # a genre, then 'by' and a name with a role the vocabulary lacks; not an interview's
    # interviewer
    assert looks_like_title(
        "Statement by Andrey Belousov, Deputy Head of the Delegation of the Russian "
        "Federation, at the Thematic Debate on «Disarmament Machinery» in the First Committee"
    )
    assert not looks_like_title("Interview by Guy Mettan, independent journalist")
    # a verb of saying and the clause it reports: a lead, its full stop or not
    assert not looks_like_title(
        "During a recent interview granted to Radio VOV, Ivan Petrov, Russian chargé "
        "d’affaires to Vietnam, affirmed that the nation has always been a reliable partner"
    )


@pytest.mark.parametrize(
    "lead, holder",
    [
        (
            "H.E. Mr. Levan Dzhagaryan, Ambassador Extraordinary and Plenipotentiary of the "
            "Russian Federation to Iran, sat down with us",
            "Levan Dzhagaryan",
        ),
        (  # (the patronymic dropped: the dataset writes given name and surname)
            "Nikolai Vladimirovich Krasilnikov, Russian Ambassador to Zimbabwe, said",
            "Nikolai Krasilnikov",
        ),
        ("John Smith, Ambassador of the United States, said", None),
        ("Ivan Petrov, Russia’s Consul General in Mumbai, spoke", "Ivan Petrov"),
        ("Ivan Petrov, Russian chargé d’affaires to Vietnam, affirmed", "Ivan Petrov"),
        # a department's director at the ministry; another country's office names no one
        (
            "Ivan Petrov, director of the Latin American Department of the Russian Foreign "
            "Ministry, said",
            "Ivan Petrov",
        ),
        ("John Smith, director of the Latin American Department of the US State Department", None),
        ("Brazil's new ambassador Sergio Rodriguez has arrived in Moscow.", None),
        ("Russia's Ambassador Ivan Petrov said", "Ivan Petrov"),
    ],
)
def test_a_name_in_apposition_before_a_russian_office_names_its_holder(
    lead: str, holder: str | None
) -> None:
    from mfa_transcripts.builder.grammar.names import office_holder

    assert office_holder(lead) == holder


def test_the_person_a_lead_names_first_is_whom_the_page_is_with() -> None:
    page = parse_text(
        "In conversation with the Consul General\n\n"
        "His Excellency Russian Consul General Ivan V Petrov talks to Blue Chip about "
        "President Vladimir Putin’s upcoming visit.\n\n"
        "What are your views on relations?\n\nIvan V Petrov: They grow.\n\n"
        "And on trade?\n\nIP: It grows too.\n"
    )
    assert [q.text for q in page.questions] == [
        "What are your views on relations?",
        "And on trade?",
    ]
    assert [a.speaker for a in page.answers] == ["Ivan Petrov", "Ivan Petrov"]


def test_an_untitled_page_whose_lead_names_an_interview_reads_its_bare_questions() -> None:
    lead = (
        "H.E. Mr. Levan Dzhagaryan, Ambassador Extraordinary and Plenipotentiary of the "
        "Russian Federation to Iran, sat down with IRAS for an interview."
    )
    qa = [
        "What is the status of scientific collaboration?",
        "It grows every year.",
        "Have any steps been taken on tourism?",
        "A conference was held at the embassy.",
    ]
    parsed = parse_text("\n\n".join([lead, *qa]) + "\n")
    assert [q.text for q in parsed.questions] == qa[0::2]
    assert [(a.speaker, a.text) for a in parsed.answers] == [
        ("Levan Dzhagaryan", t) for t in qa[1::2]
    ]


def test_a_translators_wrong_given_name_still_labels_the_pages_registry_speaker() -> None:
    title = "Interview with Vitaly Churkin"
    turns = "RT: What resolutions do you expect?\n\nAnatoly Churkin: We have three in mind."
    parsed = parse_text(f"{title}\n\n{turns}\n")
    assert [a.speaker for a in parsed.answers] == ["Vitaly Churkin"]
    # on another's page the namesake is nobody the registry knows (an interviewer)
    other = parse_text(f"Interview with Sergey Ryabkov\n\n{turns}\n")
    assert other.answers == [] and other.questions[-1].label == "Anatoly Churkin"


def test_a_news_storys_dateline_is_no_outlets_label() -> None:
    story = [
        "MANILA: Moscow’s Ambassador to Manila Igor Khovaev says that relations are at their "
        "highest level.",
        "“I believe that we have all reasons to say so,” Khovaev said.",
        "Khovaev has been the longest-serving Russian envoy to Manila.",
    ]
    parsed = parse_text("Russian ties with Manila at ‘historic high’\n\n" + "\n\n".join(story))
    assert parsed.questions == [] and parsed.answers == []
    # an outlet's label that asks, or one the page uses again, is a turn
    asked = story[0].replace("says that relations are", "do you say relations are")
    parsed = parse_text("\n\n".join([asked.replace(".", "?"), "Igor Khovaev: Yes."]) + "\n")
    assert [q.label for q in parsed.questions] == ["MANILA"]


def test_a_paragraph_addressing_the_interviewee_asks_whatever_ends_it() -> None:
    title = "Russia could tell the EU ‘nobody is perfect’: Ambassador Chizhov (Interview)"
    lead = "Vladimir Chizhov is a career diplomat."
    asks = "Your Excellency, much has changed since the summit in Lisbon. Tell us the details."
    answer = "Mr. Gotev, we wait and see."  # the interviewee addressing the interviewer
    parsed = parse_text(f"{title}\n\n{lead}\n\n{asks}\n\n{answer}\n")
    assert [q.text for q in parsed.questions] == [asks]
    assert [(a.speaker, a.text) for a in parsed.answers] == [("Vladimir Chizhov", answer)]
    # cut inside it, the page still asks: one question, no answer, no opening remarks
    cut = parse_text(f"{title}\n\n{lead}\n\n{asks[:60]}\n")
    assert [q.text for q in cut.questions] == [asks[:60]] and cut.speeches == []


def test_a_listings_next_item_under_the_transcript_is_footer() -> None:
    title = "Reply by Foreign Ministry spokesman Alexander Lukashevich to a media question"
    reply = "Question: Could you comment on the sanctions?\n\nAlexander Lukashevich: Regrettable."
    item = "Foreign Minister Sergey Lavrov’s message welcoming participants in the seminar"
    text = f"{title}\n\n{reply}\n\nThis will not go unnoticed.\n\n{item}\n\nI’d like to welcome "
    parsed = parse_text(text)
    assert [a.paragraph_count for a in parsed.answers] == [2]
    assert _kinds(text)[item] == "footer"
    # the copy stops inside the next item: the page is published as cut short
    assert not parsed.transcript.complete
    assert parse_text(text + "all participants.\n").transcript.complete
    # a title-shaped line before any turn is no next item
    assert parse_text(f"{title}\n\n{item}\n\n{reply}\n").answers[0].paragraph_count == 1


def test_a_briefings_topic_list_may_bullet_some_of_its_topics() -> None:
    from mfa_transcripts.builder.grammar.contents import topic_list_end

    topics = ["Minister's schedule", "Crimes of the Kiev regime", "• The situation in Syria"]
    topics += ["• The situation in Georgia", "Italy's double standards on mercenaries"]
    body = "In the name of a mythical victory, the outgoing administration bets on war."
    assert topic_list_end([*topics, body], 0) == len(topics)
    assert topic_list_end([*topics[2:4], body], 0) == 0  # two topics are no list


@pytest.mark.parametrize(
    "line, kind",
    [
        ("See", "republisher"),
        ("Full interview is here:", "republisher"),
        ("The full text below:", "republisher"),
        ("Continue reading on:", "republisher"),
        ("Video of the statement", "media-link"),
        ("Key talking points:", "republisher"),
        (  # (a long headline and its date after it)
            "See also: ‘Unilateral and frequently illegitimate actions have not resolved any "
            "problems’, President Vladimir Putin, February 10, 2007 Speech at the 43rd Munich "
            "Conference on Security Policy, February 10, 2007",
            "republisher",
        ),
    ],
)
def test_a_republishers_link_words_alone_on_a_line_are_chrome(line: str, kind: str) -> None:
    assert _kinds(f"{TITLE}\n\n{line}\n\n{QA}\n")[line] == kind
    # under the text too, never its last paragraph
    parsed = parse_text(f"{TITLE}\n\n{QA}\n\n{line}\n")
    assert parsed.answers[-1].text == QA.split(": ")[-1]


def test_a_registry_persons_initial_and_surname_in_capitals_label_their_turn() -> None:
    turns = "N. KOTZIAS: I thank my counterpart.\n\nJOURNALIST: How do you see it?\n\n"
    parsed = parse_text(f"{turns}N. KOTZIAS: It is diplomacy’s duty.\n")
    assert [s.speaker for s in parsed.speeches] == ["Nikos Kotzias"]
    assert [a.speaker for a in parsed.answers] == ["Nikos Kotzias"]


def test_a_title_cut_short_over_a_menu_gives_way_to_the_title_in_full() -> None:
    full = (
        "Opening Remarks by Dr Naledi Pandor during the Consultations with Mr Sergei Lavrov, "
        "Minister of Foreign Affairs of the Russian Federation in Pretoria, 23 January 2023"
    )
    cut = full[: full.index("Affairs")] + "…"
    menu = "\n".join(f"  • {item}" for item in ["Home", "|", "Speeches", "|", "Minister Pandor"])
    text = f"{cut}\n\n{menu}\n  • {cut}\n\n{full}\n\nYour Excellency,\n\nWelcome to Pretoria.\n"
    parsed = parse_text(text)
    assert parsed.transcript.title == full
    assert parsed.transcript.event_date == date(2023, 1, 23)


def test_an_untitled_interview_cut_after_one_question_that_addresses_the_interviewee() -> None:
    lead = "Ambassador Andrey Maslov noted that relations have been at their worst."
    presents = "The full interview of the Ambassador, Andrey Maslov, to Naftemporiki follows:"
    asks = "Mr. Ambassador, Europe is celebrating the end of the war. Why does it go on?"
    answer = "This year we celebrate the 80th anniversary of the victory."
    parsed = parse_text(
        "\n\n".join(["Relations have been destroyed", lead, presents, asks, answer])
    )
    assert [q.text for q in parsed.questions] == [asks]
    assert [(a.speaker, a.text) for a in parsed.answers] == [("Andrey Maslov", answer)]


def test_the_registry_person_a_headline_quotes_outranks_one_an_answer_names() -> None:
    headline = "Russian Foreign Minister Lavrov: «Ready to guarantee stability»"
    qa = [
        "Is it true that you helped Donald Trump with the election campaign?",
        "«The citizens elected him. As President Putin has said, we never interfered.»",
        "Does his election pave the way for a new dialogue?",
        "«We trust the new Administration won’t make the same mistakes.»",
    ]
    parsed = parse_text("\n\n".join([headline, *qa]) + "\n")
    assert [a.speaker for a in parsed.answers] == ["Sergey Lavrov"] * 2


def test_a_full_stop_slipped_in_after_a_labels_colon_is_the_labels() -> None:
    title = "Remarks to the press by Ambassador Vitaly Churkin before the consultations"
    turns = "Q:.Yesterday the Ambassador drew parallels.\n\nV.Churkin: Don’t get engaged in it."
    parsed = parse_text(f"{title}\n\nQ: What do you think?\n\nV.Churkin: I read it.\n\n{turns}\n")
    assert [q.text for q in parsed.questions][-1] == "Yesterday the Ambassador drew parallels."
    assert [a.text for a in parsed.answers] == ["I read it.", "Don’t get engaged in it."]
    # a time or an address is no label
    assert parse_text(f"{title}\n\nQ: When?\n\nV.Churkin: At 10:30.Then we go.\n").answers


@pytest.mark.parametrize(
    "segment, name",
    [
        ("Ambassador of Russia to South Africa Ilya Rogachev", "Ilya Rogachev"),
        ("Foreign Minister of China Wang Yi", "Wang Yi"),
        ("Ambassador to the United Kingdom Andrei Kelin", "Andrei Kelin"),
        ("Deputy Minister Andrey M. Maslov", "Andrey M. Maslov"),
        # a body's words are no name's: the holder's name follows its city
        ("Representative to the International Organizations", None),
        (
            "Representative to the International Organizations in Vienna Roman Ustinov",
            "Roman Ustinov",
        ),
    ],
)
def test_a_countrys_words_before_a_name_are_no_part_of_it(segment: str, name: str | None) -> None:
    from mfa_transcripts.builder.grammar.names import trailing_name

    found = trailing_name(segment)
    assert (found[1] if found is not None else None) == name


def test_a_monitoring_services_parenthesised_role_and_name_open_the_turns() -> None:
    title = "Transcript of Russian Foreign Minister Sergey Lavrov’s interview to Lebanese TV"
    turns = [
        "(Interviewer) I would like to start with your meeting with the secretary of state.",
        "(Russian Foreign Minister Sergey Lavrov) Very good talks took place in Moscow.",
    ]
    parsed = parse_text("\n\n".join([title, *turns]) + "\n")
    assert [q.label for q in parsed.questions] == ["Interviewer"]
    assert [(a.speaker, a.text) for a in parsed.answers] == [
        ("Sergey Lavrov", "Very good talks took place in Moscow.")
    ]


def test_a_sentence_about_the_ministrys_event_over_an_untitled_briefing_is_the_lead() -> None:
    lead = (
        "Visits by the Turkish Prime Minister to Moscow and Russia’s aid to Haiti were in "
        "focus in the first Russian Foreign Ministry briefing of 2010."
    )
    body = "Ladies and gentlemen,\n\nWelcome to our first briefing this year."
    text = f"19 Jan, 2010 12:03\n\n“US was warned in a timely manner”\n\n{lead}\n\n{body}\n"
    assert _kinds(text)[lead] == "lead"
    assert (_opening(parse_text(text)) or "").startswith("Ladies and gentlemen,")
    # the speaker's own sentence about the briefing is text
    own = "Today’s Foreign Ministry briefing is devoted to our work in Haiti, as we said."
    assert _kinds(f"19 Jan, 2010 12:03\n\n{own}\n\n{body}\n").get(own) is None


@pytest.mark.parametrize(
    "title, genre",
    [
        ("Выступление Посла А.В.Яковенко на Приеме в Посольстве 12 июня 2015 г.", "speech"),
        ("Интервью Посла А.В.Яковенко газете «Известия» 12 июня 2015 г", "interview"),
        ("Брифинг официального представителя МИД России 12 июня 2015 г.", "briefing"),
    ],
)
def test_a_title_of_the_sites_russian_rendering_names_its_genre_and_date(
    title: str, genre: str
) -> None:
    parsed = parse_text(f"{title}\n\nYour Excellencies,\n\nI am glad to welcome you.\n")
    assert parsed.transcript.genres == [genre]
    assert parsed.transcript.event_date == date(2015, 6, 12)


def test_a_long_bulleted_list_under_a_headline_is_no_menu_passed_over() -> None:
    from mfa_transcripts.builder.grammar.title_line import MENU_LINES

    full = "Remarks by Sergey Lavrov at the Conference on Disarmament, Geneva, 2 March 2021"
    cut = full[:40] + "…"

    def page(items: int) -> str:
        menu = "\n".join(f"  • Item {k}" for k in range(items))
        return f"{cut}\n\n{menu}\n\n{full}\n\nMr President,\n\nThank you.\n"

    # within a menu's reach the title in full is found; past it, the first line stands
    assert parse_text(page(MENU_LINES - 2)).transcript.title == full
    assert parse_text(page(MENU_LINES + 5)).transcript.title != full


def test_under_a_lead_presenting_the_text_with_a_colon_the_text_begins() -> None:
    """The first paragraph of the text reports in the third person too (``..., he
    said``), but the lead ended at the line presenting it."""
    page = parse_text(
        "Briefing by Foreign Ministry Spokesperson Maria Zakharova, Moscow, August 17, 2017\n\n"
        "The spokeswoman spoke to journalists at length on Thursday, the agency said.\n\n"
        "Below is the full transcript:\n\n"
        "Talks between Sergey Lavrov and Samen Shukri will be held on August 21, he said.\n\n"
        "The ministers will continue their exchange of views.\n\n"
        "Question: When?\n\nMaria Zakharova: On Monday.\n"
    )
    (speech,) = page.speeches
    assert speech.text.startswith("Talks between Sergey Lavrov")
    assert speech.paragraph_count == 2


def test_a_heading_ends_the_lead_only_right_under_it() -> None:
    """A lead on top of the page, a site's date line and the headline, then the
    republisher's second lead: a lead still (the heading was not under a lead)."""
    page = parse_text(
        "In a wide-ranging conversation, the diplomat told the press about the talks, the "
        "agency reported.\n\n"
        "18 Sep, 2009 19:38\n\n"
        "“Russia-Japan: towards a compromise”\n\n"
        "It would be optimal to search for solutions, said Andrey Nesterenko, Russia’s "
        "Foreign Ministry spokesman, at a regular media briefing.\n\n"
        "Good afternoon, ladies and gentlemen. Welcome to the Ministry.\n"
    )
    (speech,) = page.speeches
    assert speech.text == "Good afternoon, ladies and gentlemen. Welcome to the Ministry."


def test_label_shaped_lines_that_close_no_sentence_do_not_start_the_turns() -> None:
    """A headline quoting its speaker and a site's contacts line over the title: neither
    is a turn, so the title under them is found."""
    title = "Ambassador Anatoly Antonov's answers to media questions"
    page = parse_text(
        "Lavrov: Russia will respond to any threat to its security\n\n"
        "Phone (consular questions): (202) 939-8907 | Emergency line : (202) 298-5700\n\n"
        f"{title}\n\n"
        "Question: Could you comment on the restrictions?\n\n"
        "Anatoly Antonov: We regret them.\n"
    )
    assert page.transcript.title == title
    # two turns closing their sentences above a title-shaped line: the turns have begun
    turns = parse_text(
        "Sergey Lavrov: We met today.\n\nQuestion: What next?\n\n"
        f"{title}\n\nSergey Lavrov: We go on.\n"
    )
    assert turns.transcript.title is None


def test_a_page_cut_inside_its_next_questions_label_keeps_the_question() -> None:
    """A republisher's line under an answer, then the next question cut after three
    words: the question's start, not a footer's fragment."""
    page = parse_text(
        "Foreign Minister Sergey Lavrov’s interview with the Hindustan Times, 2021\n\n"
        "Question: What are the priorities?\n\nSergey Lavrov: Trade and energy.\n"
        "Advertisement\n\nQuestion: Durin"
    )
    assert [q.text for q in page.questions] == ["What are the priorities?", "Durin"]
    # a short cut line under a footer line is still the footer's
    footer = parse_text(
        "Foreign Minister Sergey Lavrov’s interview with the Hindustan Times, 2021\n\n"
        "Question: What are the priorities?\n\nSergey Lavrov: Trade and energy.\n\n"
        "Share\n\nWhat happe"
    )
    assert footer.answers[-1].text == "Trade and energy."


def test_a_lead_quoting_the_speakers_first_person_is_still_the_editors() -> None:
    page = parse_text(
        "While the G20 summit looms, concerns have surfaced on a joint statement.\n\n"
        'Ambassador Alipov acknowledged the impasse, noting, "At the moment, discussion '
        'looks like stuck."\n\n'
        'He articulated the potential of this move, stating, "The use of our systems will '
        'be much welcomed."\n\n'
        "Sidhant Sibal: How do you see the Indian Presidency of the G20?\n\n"
        "Denis Alipov: We regard it as a significant development.\n"
    )
    assert page.speeches == []
    assert [a.speaker for a in page.answers] == ["Denis Alipov"]


def test_the_person_a_headline_quotes_outranks_the_one_a_lead_names_first() -> None:
    page = parse_text(
        "Vasily Nebenzia: The West is blinded by the desire to punish Russia\n\n"
        "The Russian delegation will be headed by Russian Foreign Minister Sergei Lavrov. "
        "Russia's Permanent Representative Vasily Nebenzia told RIA Novosti about it.\n\n"
        "— What issues will Russia raise?\n\n— The high-level week is a kind of New Year.\n"
    )
    assert [a.speaker for a in page.answers] == ["Vasily Nebenzia"]


def test_one_bare_question_asking_the_interviewee_under_a_lead_naming_the_interview() -> None:
    quote = "'I remember that ten years ago, CNN kept airing the commercial.'"
    lead = (
        '"Relations are based on a long tradition," Maria Zakharova, spokeswoman for the '
        "Russian Ministry of Foreign Affairs, said in an exclusive interview with Kurir."
    )
    question = "Serbia was expected to impose sanctions. What is your take on this?"
    answer = '"The sanctions are illegal."'
    page = parse_text(f"{quote}\n\n{lead}\n\n{question}\n\n{answer}\n")
    assert [q.text for q in page.questions] == [question]
    assert [a.speaker for a in page.answers] == ["Maria Zakharova"]
    # a question that asks no one (a writer's own) is no interview's
    rhetorical = question.replace("What is your take on this?", "What comes next?")
    assert parse_text(f"{quote}\n\n{lead}\n\n{rhetorical}\n\n{answer}\n").questions == []


def test_a_list_of_related_news_ending_the_page_is_its_footer() -> None:
    text = (
        "Sergey Lavrov’s interview with Al Jazeera, Doha, December 7, 2024\n\n"
        "Question: What now?\n\nSergey Lavrov: We go on.\n\n"
        "Related News\n\n22 November 2024\n\nWho is Pam Bondi, Trump’s new nominee?\n\n"
        "11 December 2024\n\nZelenskyy slams Orban over call with Putin\n"
    )
    page = parse_text(text)
    assert [a.text for a in page.answers] == ["We go on."]
    assert page.questions[0].text == "What now?"
    # a paragraph of the text under the link line: no list, the text goes on
    prose = "It is a long paragraph of the answer that goes on " * 4 + "to its end."
    longer = parse_text(text.replace("11 December 2024\n\n", f"{prose}\n\n"))
    assert prose in longer.answers[0].text
