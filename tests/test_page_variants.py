"""Page variants of the family that the corpus's later collections showed, each on a
small page or line written for the rule it exercises (not the corpus page it came from):
a content manager's article lines, a donation appeal, the site's other locales' month
names, an aggregator's stamp before the title, a title in capitals over two lines, a
headline's verb of an interview, a document word opening a title, an honorific label,
an acronym's label with its full stop, office-holders on an interview (and the one a
title names), a surname label for a person the lead names in full, and an untitled
page's headline shaped like a label.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from mfa_transcripts.builder.grammar.chrome import chrome_kind
from mfa_transcripts.builder.grammar.dates import MOSCOW, parse_header
from mfa_transcripts.builder.grammar.labels import outlet_label, read_label
from mfa_transcripts.builder.grammar.title import clean_title, parse_title

from .conftest import parse_text


@pytest.mark.parametrize(
    "line, place, kind",
    [
        ("Written by Vladimir I Poluektov", "head", "republisher"),
        ("Hits: 499", "head", "republisher"),
        ("Details", "head", "republisher"),
        ("Last Updated: 16 May 2018", "footer", "republisher"),
        ("Written by hand, the letter reached us in May.", "body", None),
        ("1. Support Réseau International.", "head", "republisher"),
        (
            "Dear readers, it is thanks to your donations that we can maintain our independence.",
            "head",
            "republisher",
        ),
        ("Support for the resolution grew.", "body", None),
        # a broadcast's caption times and a podcast's timestamps between paragraphs
        ("12:31 am", "body", "date-line"),
        ("0:05.6", "body", "date-line"),
        ("At 12:31 am the talks began.", "body", None),
        ("Transcript:", "body", "republisher"),
        # a photographer's credit with no creditor closes a caption
        ("Ivanov at the talks. Photo by Yuliana Nikolova (novinite.com)", "head", "caption"),
        # a wire photo's credit and picture number
        (
            "Putin (R) shakes hands. Sergei Chirikov/Pool via REUTERS - RC18505F43F0",
            "head",
            "caption",
        ),
        ("The letter was sent via Reuters to the editors.", "body", None),
        ("Font Size:     |        Print", "head", "republisher"),  # a font-size control
        ("Font size: the letters grew.", "body", None),
        # a site's notices to its reader, its forms' fields, a news feed's items
        (
            "Your browser is out of date, and may not be compatible with our website.",
            "head",
            "republisher",
        ),
        ("Just click on the icons to get to the download page.", "head", "republisher"),
        (
            "You can subscribe to our publications by filling in and sending the form below.",
            "head",
            "republisher",
        ),
        ("Customer Login", "head", "republisher"),
        ("First name:", "head", "republisher"),
        (
            "06/18 13:11   Russian State Duma passes bill suspending INF Treaty",
            "head",
            "republisher",
        ),
        ("We will update your browser laws.", "body", None),
        # a caption's credit after its full stop
        ("H E Alexander V Mantytskiy. Source: Diplomatic Spouces", "body", "caption"),
        ("We said so. Source: our records of the talks, as the minister said: yes", "body", None),
        # a broadcast's production cues, inside a turn too; a stage direction there stays
        ("(JOINED IN PROGRESS)", "body", "stage-direction"),
        ("(BEGIN VIDEO CLIP)", "body", "stage-direction"),
        ("(Applause)", "body", None),
        ("Editor’s Note:", "body", "republisher"),
        ("  Print Mail Large Medium  Small 分享按钮 0", "body", "republisher"),
        ("(China Daily 03/22/2013 page2)", "body", "republisher"),
        ("Large, medium and small firms grow.", "body", None),
        ("English | Русский", "head", "menu"),  # a site's language switcher
        ("EN / RU / FR", "footer", "menu"),
        ("English / Russian translation of the talks", "head", None),
        ("On 06/18 13:11 the talks began.", "body", None),
        ("The photo by the AP was not what they said it was.", "body", None),
        # a breadcrumb trail of slashes, a language selector
        (" / Home / Russkiy Mir Foundation / Publications / The Ambassador", "head", "menu"),
        ("Select language:", "head", "languages"),
        ('Tag "Sergey Lavrov’s interview with RBC TV"', "head", "republisher"),
        ("Peace / war / peace again", "body", None),
        # a social post's hashtags
        ("#SergeyLavrov #LavrovInterview #CBSInterview", "footer", "republisher"),
        ("#1 priority is peace.", "body", None),
        # a channel's topic tags, one with a space
        ("#BVU #Middle East", "body", "republisher"),
        # a news site's reading furniture
        ("Now Reading:", "head", "republisher"),
        ("Text size Aa Aa", "body", "republisher"),
        ("Reading time: 3 min", "head", "republisher"),
        # a republisher's heading over its excerpts
        ("Key excerpts:", "head", "republisher"),
        ("Excerpts here:", "head", "republisher"),
        ("Interview excerpts:", "body", "republisher"),
        ("Excerpts of Ambassador’s remarks:", "head", "divider"),
        # an old site's counter (cut by the copy, too) and links to the full text
        ("Rambler's Top100", "footer", "republisher"),
        ("Rambler's Top1", "footer", "republisher"),
        ("Full speech", "footer", "republisher"),
        ("Source URL: https://russiaeu.ru/ru/node/1207", "footer", "cross-link"),
    ],
)
def test_article_lines_appeals_captions_and_timestamps_are_chrome(
    line: str, place: str, kind: str | None
) -> None:
    assert chrome_kind(line, place) == kind


@pytest.mark.parametrize(
    "header, day",
    [
        ("29 novembre 201118:11", date(2011, 11, 29)),  # French
        ("3 März 2012 10:00", date(2012, 3, 3)),  # German
        ("2 agosto 201118:11", date(2011, 8, 2)),  # Spanish
        ("1 décembre 201009:00", date(2010, 12, 1)),
    ],
)
def test_a_header_in_another_locale_of_the_site_gives_the_publication_time(
    header: str, day: date
) -> None:
    warnings: list[object] = []
    found = parse_header("page.txt", 1, header, warnings)  # type: ignore[arg-type]
    assert found is not None and found[0] == day
    assert found[1] is not None and found[1].date() == day and found[1].tzinfo == MOSCOW
    assert warnings == []


def test_a_localised_header_on_a_page_is_its_publication_time() -> None:
    page = parse_text(
        "4 juin 201510:30\n\n"
        "Foreign Minister Sergey Lavrov’s remarks at a news conference, Moscow, June 4, 2015\n\n"
        "Ladies and gentlemen, we have had talks.\n",
    )
    assert page.transcript.published_at == datetime(2015, 6, 4, 10, 30, tzinfo=MOSCOW)
    assert page.transcript.event_date == date(2015, 6, 4)


def test_an_aggregators_source_and_stamp_before_the_title_are_not_the_title() -> None:
    line = (
        "MFA OF RUSSIA - 1 April 2022 18:13 - Foreign Minister Sergey Lavrov’s answers to "
        "media questions, New Delhi, April 1, 2022"
    )
    assert clean_title(line) == (
        "Foreign Minister Sergey Lavrov’s answers to media questions, New Delhi, April 1, 2022"
    )
    # a title with a dash of its own keeps it
    kept = "Sergey Lavrov - 10 years at the Foreign Ministry - an interview, Moscow, May 5, 2014"
    assert clean_title(kept) == kept


def test_a_title_in_capitals_runs_on_over_its_next_line() -> None:
    page = parse_text(
        "Archive note\n\nINTERVIEW\n"
        "WITH IGOR IVANOV, MINISTER OF FOREIGN AFFAIRS January 27, 2003\n"
        "Question: Did you discuss Iraq?\nIgor Ivanov: Naturally, we discussed it.\n",
    )
    assert page.transcript.title == (
        "INTERVIEW WITH IGOR IVANOV, MINISTER OF FOREIGN AFFAIRS January 27, 2003"
    )
    assert page.transcript.event_date == date(2003, 1, 27)
    assert [a.speaker for a in page.answers] == ["Igor Ivanov"]


def test_a_headline_over_the_full_title_still_gives_way_to_it() -> None:
    """A section's heading shaped like a title over the dated title: the dated line is
    the title, not the heading run on over it."""
    page = parse_text(
        "Speeches and Interviews of the Permanent Representative\n\n\n"
        "Alexander Lukashevich at the OSCE Permanent Council, 15 July 2021\n\n"
        "Mr. Chairperson, we have listened to the presentation.\n",
    )
    assert page.transcript.title == (
        "Alexander Lukashevich at the OSCE Permanent Council, 15 July 2021"
    )


@pytest.mark.parametrize(
    "title, genres",
    [
        ('Russian Ambassador talked to "Bangkok Post" journalists', ["interview"]),
        ("Deputy Minister Sergey Ryabkov spoke to Kommersant", ["interview"]),
        # a genre named beside the verb wins: a speech to students
        ("Sergey Lavrov speaks to students at MGIMO, Moscow, May 5, 2020", ["speech"]),
    ],
)
def test_a_headlines_verb_of_talking_to_names_an_interview(title: str, genres: list[str]) -> None:
    assert parse_title(title).genres == genres


def test_an_untitled_interview_headline_with_a_verb_is_its_title() -> None:
    page = parse_text(
        'Russian Ambassador talked to "Bangkok Post" journalists\n\n'
        "Question: How is Thailand seen in Russia?\n\nAnswer: As a friend.\n",
    )
    assert page.transcript.title == 'Russian Ambassador talked to "Bangkok Post" journalists'
    assert "no-title" not in page.transcript.warnings


def test_a_document_word_opening_a_title_makes_it_one_and_a_line_presenting_it_is_chrome() -> None:
    page = parse_text(
        "print PRINT\n\nGist of Japan-Russia joint press conference\n\n"
        "The following is the gist of the joint press conference of the two ministers.\n\n"
        "Japanese Foreign Minister Fumio Kishida: We affirmed the visit.\n\n"
        "Russian Foreign Minister Sergey Lavrov: We expressed concern.\n",
    )
    assert page.transcript.title == "Gist of Japan-Russia joint press conference"
    assert [s.speaker for s in page.speeches] == ["Fumio Kishida", "Sergey Lavrov"]
    assert page.speeches[0].text == "We affirmed the visit."


def test_an_honorific_is_the_person_interviewed_and_an_acronym_may_end_in_a_stop() -> None:
    assert read_label("H.E.: Yes.", 0, "Alexander Kadakin").speaker == "Alexander Kadakin"
    assert outlet_label("ANA.: The friendly relations.") is not None
    assert outlet_label("A.N.: The friendly relations.") is None  # initials, no outlet
    page = parse_text(
        "H. E. Mr. Alexander Kadakin\n\nH. E. Mr. Alexander Kadakin\n\n"
        "ANA.: What gives the relations sustenance?\n\n"
        "H.E.: Special relationship has existed for decades.\n\nThat is our asset.\n\n"
        "ANA.: Do you agree?\n\nH.E.: Definitely.\n",
    )
    assert [q.label for q in page.questions] == ["ANA.", "ANA."]
    assert [(a.speaker, a.paragraph_count) for a in page.answers] == [
        ("Alexander Kadakin", 2),
        ("Alexander Kadakin", 1),
    ]


def test_office_holders_on_an_untitled_interview_speak_and_do_not_ask() -> None:
    page = parse_text(
        "A meeting in Tokyo\n\n"
        "Russian Foreign Minister Sergey Lavrov: We discussed security.\n\n"
        "Japanese Defense Minister Tomomi Inada: We agreed to continue the talks.\n\n"
        "Anna Petrova: What did you agree on?\n\n"
        "Russian Foreign Minister Sergey Lavrov: On the talks.\n",
    )
    assert [s.label for s in page.speeches] == [
        "Russian Foreign Minister Sergey Lavrov",
        "Japanese Defense Minister Tomomi Inada",
    ]
    assert [q.label for q in page.questions] == ["Anna Petrova"]  # a journalist asks
    assert [a.speaker for a in page.answers] == ["Sergey Lavrov"]


def test_a_surname_label_names_the_person_the_lead_names_in_full() -> None:
    page = parse_text(
        "Russia's UN Envoy: NO to Regime Change\n\n"
        "Russia's Permanent Representative to the United Nations, Vitaly Churkin, answered "
        "CNN Reporter Christiane Amanpour's questions.\n\n"
        "Amanpour: Is this enough?\n\nChurkin: The threshold has been exceeded.\n\n"
        "Amanpour: Is it payback?\n\nChurkin: No.\n",
    )
    assert [q.label for q in page.questions] == ["Amanpour", "Amanpour"]
    assert [q.text for q in page.questions] == ["Is this enough?", "Is it payback?"]
    assert [a.speaker for a in page.answers] == ["Vitaly Churkin", "Vitaly Churkin"]


def test_the_office_holder_a_title_names_answers_where_the_registry_knows_nobody() -> None:
    page = parse_text(
        # a title whose grammar names no speaker, but an office and its holder
        "A conversation with The Daily Star: Russian Ambassador to Ruritania Pavel Zorinsky "
        "on relations between the countries, November 25, 2014\n\n"
        "Q: How do you plan to strengthen relations?\n\nA: By trade.\n\n"
        "Q: And tourism?\n\nA: Tourism too.\n",
    )
    assert [a.speaker for a in page.answers] == ["Pavel Zorinsky", "Pavel Zorinsky"]


def test_an_articles_headline_over_its_byline_is_the_title_and_the_byline_its_author() -> None:
    page = parse_text(
        "The Present and the Future\nof Global Politics\n\nNo. 2 2007 April/June\n\n"
        "Sergei V. Lavrov\n\nRussian Foreign Minister since 2004\n\n"
        "The world we inhabit is no longer the place we knew.\n\nIt has changed.\n",
    )
    assert page.transcript.title == "The Present and the Future of Global Politics"
    (speech,) = page.speeches
    assert speech.speaker == "Sergey Lavrov"
    assert speech.text.startswith("The world we inhabit")  # issue and byline lines are chrome
    assert page.transcript.genres == ["article"]
    assert page.transcript.genre is None  # the title words no genre


@pytest.mark.parametrize("headline", ["Share this article", "H. E. Mr. Alexander Kadakin"])
def test_a_share_link_or_a_name_over_a_byline_is_no_headline(headline: str) -> None:
    page = parse_text(
        f"{headline}\n\nSergey Lavrov\n\nQuestion: What now?\n\nSergey Lavrov: We go on.\n",
    )
    assert page.transcript.title is None


@pytest.mark.parametrize(
    "title",
    [
        # a cabinet meeting's excerpts: no genre word but the parenthesised 'Excerpts'
        "President Vladimir Putin and Minister of Foreign Affairs Sergey Lavrov Discuss the "
        "Iranian Nuclear Crisis During a Cabinet Meeting (Excerpts)",
        # an outlet closing the line inside parentheses
        "UK worried about its place – Russia’s UK envoy (Ambassador Alexander Yakovenko for RT)",
    ],
)
def test_titles_without_a_genre_word_that_still_name_one(title: str) -> None:
    page = parse_text(f"{title}\n\nQuestion: What now?\n\nSergey Lavrov: We go on.\n")
    assert page.transcript.title == title


def test_a_title_in_capitals_wrapped_at_commas_closes_with_its_date_in_parentheses() -> None:
    page = parse_text(
        "Check against delivery\nSTATEMENT\nBY SERGEY V. LAVROV,\n"
        "MINISTER OF FOREIGN AFFAIRS OF THE RUSSIAN FEDERATION,\n"
        "AT THE 59TH SESSION OF THE U.N. GENERAL ASSEMBLY\n(New York, 23 September 2004)\n"
        "I am addressing you today at a difficult time.\n",
    )
    assert page.transcript.title == (
        "STATEMENT BY SERGEY V. LAVROV, MINISTER OF FOREIGN AFFAIRS OF THE RUSSIAN "
        "FEDERATION, AT THE 59TH SESSION OF THE U.N. GENERAL ASSEMBLY (New York, 23 "
        "September 2004)"
    )
    assert page.transcript.event_date == date(2004, 9, 23)
    assert page.speeches[0].text == "I am addressing you today at a difficult time."


def test_a_government_sites_note_on_its_video_is_chrome() -> None:
    assert chrome_kind("The video is also available with closed captioning on YouTube.", "head")
    assert chrome_kind("The video is available on the Ministry's channel.", "body")
    assert chrome_kind("The video is a fake, and everyone knows it.", "body") is None


def test_a_copy_cut_inside_a_label_ends_with_chrome_not_text() -> None:
    title = "Comments by Ambassador Alexander Kadakin to journalists, New Delhi, June 4, 2014"
    page = parse_text(
        f"{title}\n\nTimes Now: Why is that?\n\nA.M.Kadakin: We have not changed policies.\n\n"
        "Times Now: And Pakistan?\n\nA.M.Kadakin: Talks are there.\n\nTim\n",
    )
    assert [a.text for a in page.answers] == ["We have not changed policies.", "Talks are there."]
    assert page.transcript.complete is False
    assert page.accounting.chrome_chars.get("cut-label") == 3
    # a last paragraph that starts no label is text
    whole = parse_text(f"{title}\n\nTimes Now: Why?\n\nA.M.Kadakin: Because.\n\nTime will tell.\n")
    assert whole.answers[-1].text == "Because.\n\nTime will tell."


def test_the_one_who_answered_labelled_again_without_a_question_makes_a_statement() -> None:
    page = parse_text(
        "Foreign Minister Sergey Lavrov’s answers to media questions before and after his "
        "meeting, Rovaniemi, May 6, 2019\n\n"
        "Question: How many secretaries of state have you met?\n\n"
        "Sergey Lavrov: I stopped counting.\n\n"
        "Sergey Lavrov: We had a very good conversation.\n\n"
        "Question: Did he say it?\n\nSergey Lavrov: We did not discuss it.\n",
    )
    assert [a.text for a in page.answers] == ["I stopped counting.", "We did not discuss it."]
    assert [s.text for s in page.speeches] == ["We had a very good conversation."]
    # two speakers in turn still both answer the question
    both = parse_text(
        "Joint news conference by Sergey Lavrov and John Kerry, Geneva, May 6, 2014\n\n"
        "Question: A question to both ministers.\n\nSergey Lavrov: Yes.\n\nJohn Kerry: No.\n",
    )
    assert [a.speaker for a in both.answers] == ["Sergey Lavrov", "John Kerry"]


@pytest.mark.parametrize(
    "again", ["{title} on 4 May 2017.", "{title}. 4 May 2017", "\n{title}, 4 May 2017"]
)
def test_the_title_again_with_its_date_under_it_dates_the_event(again: str) -> None:
    title = "Foreign minister Soini’s opening address in a press conference in Haikko"
    page = parse_text(f"{title}\n\n{again.format(title=title)}\n\nDear colleague, welcome.\n")
    assert page.transcript.title == title
    assert page.transcript.event_date == date(2017, 5, 4)
    assert page.speeches[0].text == "Dear colleague, welcome."


def test_a_title_cut_short_still_gives_way_to_the_title_in_full() -> None:
    page = parse_text(
        "Amb. Mikhail Ulyanov Interview to Kommersant.\n\n"
        "Amb. Mikhail Ulyanov Interview to Kommersant Newspaper “My impression is good”\n\n"
        "Question: What is your impression?\n\nMikhail Ulyanov: Good.\n",
    )
    assert page.transcript.title == (
        "Amb. Mikhail Ulyanov Interview to Kommersant Newspaper “My impression is good”"
    )


def test_unlabelled_questions_before_the_subjects_labels_are_questions() -> None:
    page = parse_text(
        "About barbs and subtleties\n\n"
        "When I walked into your building, I saw two signs. How do you get along?\n\n"
        "Vitaly Churkin: I recall that Ukraine is a founder.\n\nWe get along.\n\n"
        "And when you meet him, you say hello?\n\nVitaly Churkin: It just so happens.\n",
    )
    assert [q.text[:20] for q in page.questions] == ["When I walked into y", "And when you meet hi"]
    assert [(a.speaker, a.paragraph_count) for a in page.answers] == [
        ("Vitaly Churkin", 2),
        ("Vitaly Churkin", 1),
    ]
    # on an untitled page, one paragraph that asks before a label is no such dialogue
    once = parse_text(
        "About barbs and subtleties\n\nWhy are we here today, one may ask?\n\n"
        "Vitaly Churkin: To talk.\n",
    )
    assert once.questions == []
    # but one before an answer's label is its question
    answered = parse_text(
        "Ambassador of Russia to Bangladesh Alexander I. Ignatov talked to UNB.\n\n"
        "How do you describe the relations?\n\nAmbassador: We are satisfied.\n",
    )
    assert [q.text for q in answered.questions] == ["How do you describe the relations?"]
    assert [a.speaker for a in answered.answers] == ["Alexander Ignatov"]
    # or one before the first label, on a page reporting an interview (cut after it)
    interview = (
        "During a recent interview granted to VOV, Vitaly Churkin spoke about the UN.\n\n"
        "How do you see the anniversary?\n\nVitaly Churkin: First of all, greetings.\n"
    )
    reported = parse_text(interview)
    assert [q.text for q in reported.questions] == ["How do you see the anniversary?"]
    assert [a.speaker for a in reported.answers] == ["Vitaly Churkin"]
    # on a page of questions, one alone as its first turn, and the last paragraph asking
    # after an answer, the page cut inside the next label
    conference = parse_text(
        "Sergey Lavrov’s remarks and answers to media questions, Moscow, May 5, 2017\n\n"
        "What about the talks?\n\n"
        "Sergey Lavrov: They go on.\n\nAnd will Iran take part?\n\nSerg"
    )
    assert [q.text for q in conference.questions] == [
        "What about the talks?",
        "And will Iran take part?",
    ]
    assert [a.text for a in conference.answers] == ["They go on."]
    # not after someone the page labels by a first name alone: the host's turn goes on
    hosted = parse_text(interview.replace("How do", "Evelina: Good evening.\n\nHow do"))
    assert [q.text for q in hosted.questions] != ["How do you see the anniversary?"]


def test_a_speakers_name_over_a_line_opened_by_its_colon_is_the_label() -> None:
    page = parse_text(
        "Foreign Minister Sergey Lavrov’s interview with the TASS news agency, May 5, 2017\n\n"
        "Question: What about the removals?\n\nSergey Lavrov\n"
        ": Regarding these removals, each case is its own.\n\nWe follow them.\n"
    )
    assert [(a.label, a.speaker, a.text) for a in page.answers] == [
        (
            "Sergey Lavrov",
            "Sergey Lavrov",
            "Regarding these removals, each case is its own.\n\nWe follow them.",
        )
    ]
    assert [q.text for q in page.questions] == ["What about the removals?"]


def test_a_misspelt_answer_label_is_an_answer_and_reported() -> None:
    page = parse_text(
        "Interview of Ambassador Vladimir Chizhov to Interfax, Brussels, February 23, 2011\n\n"
        "Question: Is there a problem?\n\nAnwser: Certainly, there is.\n",
    )
    assert [(a.speaker, a.text) for a in page.answers] == [
        ("Vladimir Chizhov", "Certainly, there is.")
    ]
    (typo,) = [w for w in page.warnings if w.type == "label-typo"]
    assert "'Answer:'" in typo.message and "'Anwser:'" in typo.message


def test_a_source_note_under_the_text_is_chrome_and_names_who_spoke() -> None:
    note = (
        '"THERE WILL BE NO SECOND COLD WAR", by Serguei Lavrov, Trud, June 24, 2005. Text '
        "adapted from an interview. We have only taken the extracts concerning Iraq."
    )
    assert chrome_kind(note, "footer") == "republisher"
    assert chrome_kind('He called it "a mistake", by all accounts, in 2005.', "footer") is None
    page = parse_text(
        "Russia’s position on the war is clear: it has not changed.\n"
        "Dialogue must be widened among all the factions.\n\n" + note + "\n",
    )
    assert [s.text for s in page.speeches] == [
        "Russia’s position on the war is clear: it has not changed.\n\n"
        "Dialogue must be widened among all the factions."
    ]


def test_a_vague_headline_gives_way_to_an_articles_headline_or_a_document_title() -> None:
    page = parse_text(
        "Russian Foreign Ministry Spokeswoman Holds Weekly Briefing\n\n"
        "The Great Victory\n\nSergey Lavrov\n\nThe events of the war have great significance.\n",
    )
    assert page.transcript.title == "The Great Victory"
    gist = parse_text(
        "Russian Foreign Ministry Spokeswoman Holds Weekly Briefing\n\n"
        "Gist of Japan-Russia joint press conference\n\n"
        "Russian Foreign Minister Sergey Lavrov: We expressed concern.\n",
    )
    assert gist.transcript.title == "Gist of Japan-Russia joint press conference"


@pytest.mark.parametrize(
    "title, role, genre",
    [
        (
            "Secretary-General's remarks at a press conference following his talks with "
            "Russian Foreign Minister Sergey Lavrov [unofficial transcript]",
            "Secretary-General",
            "remarks",
        ),
        ("The Spokesperson’s statement on Syria, Moscow, May 5, 2020", "Spokesperson", "statement"),
        # in capitals: read in title case, the role published as the page writes it
        (
            "SECRETARY-GENERAL'S REMARKS AT PRESS CONFERENCE WITH FOREIGN MINISTER SERGEY LAVROV",
            "SECRETARY-GENERAL",
            "remarks",
        ),
        (
            "FOREIGN MINISTRY SPOKESMAN'S INTERVIEW WITH RIA NOVOSTI",
            "FOREIGN MINISTRY SPOKESMAN",
            "interview",
        ),
    ],
)
def test_an_office_owning_the_genre_is_the_titles_speaker_not_a_name_after_it(
    title: str, role: str, genre: str
) -> None:
    info = parse_title(title)
    assert (info.speaker, info.speaker_role, info.genre) == (None, role, genre)
    # a person owning it is still the speaker
    assert parse_title("Minister Lavrov’s speech at MGIMO").speaker == "Sergey Lavrov"


@pytest.mark.parametrize(
    "title",
    [
        "Secretary-General's press encounter with Russian Foreign Minister Sergey Lavrov",
        "SECRETARY-GENERAL'S PRESS ENCOUNTER WITH RUSSIAN FOREIGN MINISTER SERGEY LAVROV",
    ],
)
def test_an_offices_initials_label_its_holders_turns(title: str) -> None:
    page = parse_text(
        f"{title}\n\n"
        "SG: Thank you very much, Foreign Minister Lavrov.\n\nIt is a real pleasure.\n\n"
        "Question: A question to both.\n\nSG: We agreed.\n",
    )
    assert [(s.label, s.speaker, s.paragraph_count) for s in page.speeches] == [("SG", None, 2)]
    assert [(a.label, a.text) for a in page.answers] == [("SG", "We agreed.")]


def test_a_republisher_presenting_the_title_on_its_line_is_not_the_title() -> None:
    title = (
        "Russian Foreign Minister Sergey Lavrov’s remarks at a joint news conference, "
        "Moscow, April 12, 2017"
    )
    assert clean_title(f"We reproduce {title}") == title
    page = parse_text(f"We reproduce {title}\n\nGood evening,\n\nThis has been a long day.\n")
    assert page.transcript.title == title
    assert page.speeches[0].text.startswith("Good evening,")


def test_an_outlets_turn_is_no_title_but_an_outlets_name_before_one_is() -> None:
    page = parse_text(
        "Ambassador Churkin explained to RT why diplomacy is the only way out.\n\n"
        "RT: I’m very pleased to introduce Russia’s envoy, Vitaly Churkin, for this interview.\n\n"
        "Vitaly Churkin: Thank you.\n\nRT: Let me begin with Iran. What now?\n\n"
        "Vitaly Churkin: We hope for talks.\n",
    )
    assert page.transcript.title is None
    assert [q.label for q in page.questions] == ["RT", "RT"]
    titled = parse_text(
        "Interfax: Interview with Ambassador Alexander Grushko, Permanent Representative to "
        "NATO\n\nQuestion: What now?\n\nAnswer: Too early to say.\n",
    )
    assert titled.transcript.title is not None
    assert titled.answers[0].speaker == "Alexander Grushko"


def test_one_word_names_answered_each_time_by_a_registry_speaker_are_labels() -> None:
    page = parse_text(
        '"Carlson: Who makes the decisions?\nLavrov: I would not guess.\n'
        "Carlson: You have not spoken to him since?\nLavrov: No.\n",
    )
    assert [(q.label, q.text) for q in page.questions] == [
        ("Carlson", "Who makes the decisions?"),
        ("Carlson", "You have not spoken to him since?"),
    ]
    assert [a.speaker for a in page.answers] == ["Sergey Lavrov", "Sergey Lavrov"]
    # an outlet's name stays the outlet's to read, and asks there too
    spiegel = parse_text(
        "SPIEGEL: Mr. Minister, why?\nLavrov: The crisis.\nSPIEGEL: Really?\nLavrov: Yes.\n",
    )
    assert [q.label for q in spiegel.questions] == ["SPIEGEL", "SPIEGEL"]

    # the outlet's name, then its initial, each answered by the subject's name or initials;
    # the page cut inside the last question
    initials = parse_text(
        "Gazetta: Why did you come?\n\nSergey Lavrov: To talk.\n\n"
        "G: He regrets it now.\n\nSL: Ask him.\n\nG: Maybe the talks were",
    )
    assert [q.label for q in initials.questions] == ["Gazetta", "G", "G"]
    assert [a.speaker for a in initials.answers] == ["Sergey Lavrov", "Sergey Lavrov"]
    # a name once followed by something else is no label
    note = parse_text(
        "Gazetta: Why did you come?\n\nSergey Lavrov: To talk.\n\n"
        "Gazetta: He regrets it now.\n\nThe talks went on.\n",
    )
    assert note.questions == []


def test_a_lead_that_sat_down_with_an_outlet_is_no_title() -> None:
    page = parse_text(
        "In an important new interview, Russia’s Foreign Minister Sergey Lavrov sits down "
        "with CBS to discuss today's most pressing issues. \U0001f30d\n\n"
        "Question: What now?\n\nSergey Lavrov: We go on.\n",
    )
    assert page.transcript.title is None


@pytest.mark.parametrize(
    "title, speaker",
    [
        (
            "Interview of the Russian Ambassador to Chile A.B. Petrovsky, published in El Mercurio",
            "A.B. Petrovsky",
        ),
        (
            "Interview of the Russian Ambassador to Chile A.B.Petrovsky to El Mercurio",
            "A.B.Petrovsky",
        ),
    ],
)
def test_initials_before_a_surname_glued_or_not_name_the_speaker(title: str, speaker: str) -> None:
    info = parse_title(title)
    assert (info.speaker, info.speaker_role) == (speaker, "Russian Ambassador to Chile")


def test_a_blogs_tag_line_naming_an_interview_is_no_title() -> None:
    page = parse_text(
        'Tag "Sergey Lavrov’s interview with RBC TV"\n\n'
        "Question: Were the talks useful?\n\nSergey Lavrov: They were.\n",
    )
    assert page.transcript.title is None
    assert [a.text for a in page.answers] == ["They were."]


def test_a_writer_presenting_the_gist_reports_but_a_speakers_gist_does_not() -> None:
    from mfa_transcripts.builder.grammar.voice import REPORTING

    assert REPORTING.search("The following is the gist of the joint press conference.")
    assert REPORTING.search("The gist of our proposal is simple: talks first.") is None


def test_a_lead_reporting_on_the_speaker_takes_the_editors_asides_after_it() -> None:
    lead = [
        "Last week Lavrov spoke for an hour to a Gulf channel, in a tone I had not heard.",
        "The channel is owned by a media group from Abu Dhabi.",
        "I doubt we will ever learn how much of it was aired.",
    ]
    page = parse_text(
        "\n\n".join(lead)
        + "\n\nQuestion: Thank you for your time, Minister.\n\nSergey Lavrov: Thank you.\n"
    )
    assert page.speeches == []
    assert [q.text for q in page.questions] == ["Thank you for your time, Minister."]
    # all three paragraphs are the lead's (chrome counts characters but whitespace)
    assert page.accounting.chrome_chars == {"lead": sum(len(p.replace(" ", "")) for p in lead)}
    # a speaker's own opening before the first question stays his: it greets, and
    # names nobody in the third person
    opening = parse_text(
        "Ladies and gentlemen, I am glad to see you here.\n\n"
        "We have had talks on many matters.\n\n"
        "Question: Will you meet again?\n\n"
        "Sergey Lavrov: Yes.\n",
    )
    assert [s.text for s in opening.speeches] == [
        "Ladies and gentlemen, I am glad to see you here.\n\nWe have had talks on many matters."
    ]


def test_a_speaker_labelled_again_after_a_paragraph_that_asks_answers_it() -> None:
    page = parse_text(
        "Press conference with Foreign Minister Sergey Lavrov (Excerpts), Moscow, 9 March 2006\n\n"
        "Sergey Lavrov: Our talks were useful.\n\n"
        ". . .\n\n"
        "A question to both ministers. Is there a new proposal?\n\n"
        "Sergey Lavrov: There is no new proposal.\n"
    )
    assert [s.text for s in page.speeches] == ["Our talks were useful."]
    assert [q.text for q in page.questions] == [
        "A question to both ministers. Is there a new proposal?"
    ]
    assert [(a.speaker, a.text) for a in page.answers] == [
        ("Sergey Lavrov", "There is no new proposal.")
    ]
    # a speaker's own rhetorical question, with no elision before it, then the speaker
    # again: a statement, then another
    other = parse_text(
        "Press conference with Foreign Minister Sergey Lavrov, Moscow, 9 March 2006\n\n"
        "Sergey Lavrov: Our talks were useful.\n\n"
        "What else could we want?\n\n"
        "Sergey Lavrov: Now to your questions.\n"
    )
    assert other.questions == []
    assert [s.text for s in other.speeches] == [
        "Our talks were useful.\n\nWhat else could we want?",
        "Now to your questions.",
    ]
    # one not in the first person, on a page of questions, is the press's
    asked = parse_text(
        other.transcript.title + "\n\nSergey Lavrov: Our talks were useful.\n\n"
        "What will the presidents discuss?\n\nSergey Lavrov: Trade.\n"
    )
    assert [q.text for q in asked.questions] == ["What will the presidents discuss?"]


def test_a_broadcasts_anchor_handing_over_makes_a_statement_and_its_air_date_dates_it() -> None:
    page = parse_text(
        "Interview With Igor Ivanov\n\n"
        "Aired March 26, 2003 - 11:33   ET\n\n"
        "ANNA BELL, ANCHOR: Tonight we go to Moscow. Tom, good evening.\n\n"
        "TOM HART, CORRESPONDENT: Good morning, Anna. Minister, is this a break?\n\n"
        "IGOR IVANOV: No, it is not.\n"
    )
    assert page.transcript.event_date is not None
    assert page.transcript.event_date.isoformat() == "2003-03-26"
    assert [(s.label, s.text) for s in page.speeches] == [
        ("ANNA BELL, ANCHOR", "Tonight we go to Moscow. Tom, good evening.")
    ]
    assert [q.text for q in page.questions] == ["Good morning, Anna. Minister, is this a break?"]
    # an interviewer whose first turn asks stays an interviewer, and one whose next
    # turn is their own again (no one handed to) too
    asking = parse_text(
        "Interview With Igor Ivanov, March 26, 2003\n\n"
        "ANNA BELL: Minister, why now?\n\nTOM HART: And why here?\n\nIGOR IVANOV: Because.\n"
    )
    assert asking.speeches == [] and len(asking.questions) == 2
    # nor does 'Question:' then 'Q:' with no question mark: no one is named
    plain = parse_text(
        "Interview With Igor Ivanov, March 26, 2003\n\n"
        "Question: We cooperate.\n\nQ: We cooperate.\n\nIGOR IVANOV: Yes.\n"
    )
    assert plain.speeches == [] and len(plain.questions) == 2


@pytest.mark.parametrize(
    "line, found",
    [
        ("July 3, 2009 at 6:30 PM EDT", True),
        ("Aired on 3 May 2004", True),
        ("Aired March 26, 2003 - 11:33 ET", True),
        ("July 3, 2009 at the Kremlin", False),
        ("Aired March 26 on CNN", False),
    ],
)
def test_a_broadcasts_air_date_is_a_date_line(line: str, found: bool) -> None:
    from mfa_transcripts.builder.grammar.dates import date_line

    assert (date_line(line) is not None) is found


def test_the_editors_announcement_of_the_text_under_the_title_is_chrome() -> None:
    page = parse_text(
        "Ambassador Vladimir Chizhov's press conference, 17 June 2019\n\n"
        "Excerpts of Ambassador’s remarks:\n\n"
        "“The year 2019 is special in Russia-EU relations.”\n"
    )
    assert [s.text for s in page.speeches] == ["“The year 2019 is special in Russia-EU relations.”"]
    announcement = "Excerpts of Ambassador’s remarks:"
    assert page.accounting.chrome_chars.get("divider") == len(announcement.replace(" ", ""))


def test_an_explanation_of_vote_is_a_statement() -> None:
    info = parse_title(
        "Explanation of vote by Permanent Representative Vassily Nebenzia after the UNSC vote "
        "on a draft resolution on Afghanistan"
    )
    assert (info.genres, info.speaker) == (["statement"], "Vasily Nebenzia")


@pytest.mark.parametrize(
    "title, speaker",
    [
        (
            "Interview of the Ambassador to Turkey Vladimir IVANOVSKIY for Todays Zaman",
            "Vladimir Ivanovsky",
        ),
        (
            "Statement by the Permanent Representative to NATO Alexander GRUSHKO",
            "Alexander Grushko",
        ),
        ("Interview of the Ambassador to the USA", None),
        ("Interview of the Ambassador of Russia to Turkey", None),
    ],
)
def test_a_surname_in_capitals_after_the_given_name_names_the_speaker(
    title: str, speaker: str | None
) -> None:
    assert parse_title(title).speaker == speaker


def test_names_in_parentheses_opening_the_turns_are_labels() -> None:
    page = parse_text(
        "Interview with Russian FM Sergey Lavrov\n\n"
        "(Asharq Al-Awsat) What is the way out in Lebanon?\n\n"
        "(Lavrov) Joint efforts on all tracks.\n\n"
        "(Applause) was heard.\n"
    )
    assert [(q.label, q.text) for q in page.questions] == [
        ("Asharq Al-Awsat", "What is the way out in Lebanon?")
    ]
    assert [(a.speaker, a.text) for a in page.answers] == [
        ("Sergey Lavrov", "Joint efforts on all tracks.\n\n(Applause) was heard.")
    ]


def test_a_web_pages_title_loses_the_sites_name_after_its_bar() -> None:
    page = parse_text(
        "Interview with Russian FM Sergey Lavrov | ASHARQ AL-AWSAT English Archive 2005 -2017\n\n"
        "Question: What now?\n\nSergey Lavrov: We go on.\n"
    )
    assert page.transcript.title == "Interview with Russian FM Sergey Lavrov"
    # a bar between two parts of a title stays: the part after it names a genre
    both = parse_text(
        "Lavrov in Beijing | Sergey Lavrov’s remarks at a news conference, Beijing, 14 May 2017\n\n"
        "Ladies and gentlemen, thank you.\n"
    )
    assert both.transcript.title is not None and "|" in both.transcript.title


def test_a_lead_a_header_in_capitals_and_a_subtitle_together_are_all_head() -> None:
    page = parse_text(
        "Alexander Lukashevich on the address by the Secretary General of the Council of Europe, "
        "10 December 2020\n\n"
        "The speaker, who has held the post for years, spoke at length, the agency said.\n\n"
        "He also touched upon relations with neighbours and other issues.\n\n"
        "Below is the full transcript:\n\n"
        "STATEMENT BY MR. ALEXANDER LUKASHEVICH,\n\n"
        "PERMANENT REPRESENTATIVE OF THE RUSSIAN FEDERATION,\n\n"
        "AT THE 1295th MEETING OF THE OSCE PERMANENT COUNCIL\n\n"
        "VIA VIDEO TELECONFERENCE\n\n"
        "On the address by the Secretary General\n\n"
        "of the Council of Europe\n\n"
        "Madam Secretary General,\n\n"
        "We are pleased to welcome you once again.\n"
    )
    assert [s.text for s in page.speeches] == [
        "Madam Secretary General,\n\nWe are pleased to welcome you once again."
    ]


def test_a_republishers_link_word_after_the_title_is_no_part_of_it() -> None:
    page = parse_text(
        "Deputy Foreign Minister Igor Morgulov’s interview with Interfax News Agency, "
        "December 14, 2018 (source):\n\n"
        "Question: What now?\n\nIgor Morgulov: We go on.\n"
    )
    t = page.transcript
    assert t.title == (
        "Deputy Foreign Minister Igor Morgulov’s interview with Interfax News Agency, "
        "December 14, 2018"
    )
    assert t.event_date is not None and t.event_date.isoformat() == "2018-12-14"
    # a line presenting the text with its link, undated, stays no title
    lead = parse_text(
        "The Ministry has released a full transcript of Sergey Lavrov’s interview (source):\n\n"
        "Question: What now?\n\nSergey Lavrov: We go on.\n"
    )
    assert lead.transcript.title is None


@pytest.mark.parametrize(
    "written, published",
    [
        ("Alexander Vikentyevich MANTYTSKIY", "Alexander Mantytskiy"),
        ("Andrey M. Maslov", "Andrey Maslov"),
        ("His Excellency Mr. Alexey Yurievich Dedov", "Alexey Dedov"),
        ("Mr Nikolai Krasilnikov", "Nikolai Krasilnikov"),
        ("H E Alexander V Mantytskiy", "Alexander Mantytskiy"),  # 'H E' without stops
        ("Staffan de Mistura", "Staffan de Mistura"),  # particles stay
        ("Mohammad Javad Zarif", "Mohammad Javad Zarif"),  # a middle name, no patronymic
        ("JILL DOUGHERTY", "JILL DOUGHERTY"),  # a label all in capitals stays as written
        ("Mr Smith", "Mr Smith"),  # an honorific before a surname alone stays
    ],
)
def test_a_name_the_registry_does_not_know_is_published_as_the_registry_writes_names(
    written: str, published: str
) -> None:
    from mfa_transcripts.builder.speakers import written_name

    assert written_name(written) == published


def test_an_ambassador_the_registry_does_not_know_answers_under_the_office_or_initials() -> None:
    # untitled: the lead names the office's holder, who answers under 'The Ambassador:'
    lead = parse_text(
        "The Russian Ambassador Alexander Vikentyevich MANTYTSKIY spoke to our editor.\n\n"
        "Question: How do you feel here?\n\nThe Ambassador: I feel blessed.\n\n"
        "Q: And your task?\n\nThe Ambassador: Friendship.\n"
    )
    assert [a.speaker for a in lead.answers] == ["Alexander Mantytskiy"] * 2
    # titled: the title names him after his office and the country, with an initial;
    # the outlet and he are labelled by initials
    titled = parse_text(
        "Interview with H.E. the Ambassador of the Russian Federation to the Hellenic "
        "Republic, Andrey M. Maslov\n\n"
        "GDL: What mechanisms have you built?\n\nAMM: The common values.\n"
    )
    assert titled.transcript.speaker == "Andrey Maslov"
    assert titled.transcript.speaker_role == (
        "Ambassador of the Russian Federation to the Hellenic Republic"
    )
    assert [(q.label, q.text) for q in titled.questions] == [
        ("GDL", "What mechanisms have you built?")
    ]
    assert [(a.label, a.speaker) for a in titled.answers] == [("AMM", "Andrey Maslov")]
    # an honorific names him in a title opened by its genre and a dash
    dashed = parse_text(
        "Exclusive Interview – His Excellency Mr. Alexey Yurievich Dedov\n\n"
        "Russian Federation’s Ambassador to Pakistan\n\n"
        "Jahangir’s World Times (JWT): How do you see Syria?\n\n"
        "Alexey Yurievich Dedov (AYD): As a sovereign state.\n\n"
        "JWT: And Afghanistan?\n\nAYD: A burning issue.\n"
    )
    assert dashed.transcript.title is not None and dashed.transcript.speaker == "Alexey Dedov"
    assert [a.speaker for a in dashed.answers] == ["Alexey Dedov"] * 2
    assert len(dashed.questions) == 2


@pytest.mark.parametrize(
    "label, kind",
    [("The Ambassador", "answer"), ("Mr. Ambassador", "answer"), ("Minister", "answer")],
)
def test_the_interviewed_persons_office_alone_is_an_answer_label(label: str, kind: str) -> None:
    from mfa_transcripts.builder.grammar.labels import read_label

    found = read_label(f"{label}: We agree.", 0, "Ivan Petrov")
    assert found is not None and (found.kind, found.speaker) == (kind, "Ivan Petrov")
    # an office with modifiers opens a headline, not a turn
    headline = read_label("Russian Deputy Foreign Minister: Russia will respond", 0, None)
    assert headline is None or headline.kind != "answer"


@pytest.mark.parametrize(
    "text, holder",
    [
        ("Russian Ambassador Alexander A Karchava.", "Alexander Karchava"),
        ("‘We will win’ Ambassador Mr Nikolai Krasilnikov", "Nikolai Krasilnikov"),
        ("Ambassador of Russia to Zimbabwe Nikolai Krasilnikov said", "Nikolai Krasilnikov"),
        ("Russian Federation’s Ambassador to Pakistan", None),
        ("the Ambassador to the Islamic Republic", None),
        # honorifics and a patronymic are no name's opening
        (
            "The Ambassador to Nigeria, His Excellency, Mr Alexey Shebarshin, said",
            "Alexey Shebarshin",
        ),
        ("The Ambassador to Indonesia Lyudmila Georgievna Vorobieva aims", "Lyudmila Vorobieva"),
        ("stated by the Russian Ambassador in Ulaanbaatar Alexey Evsikov.", "Alexey Evsikov"),
        # the press writes the office in lower case, and a chargé d'affaires holds one
        ("Russian ambassador to Uganda Vladlen Semivolos presented", "Vladlen Semivolos"),
        ("the chargé d’affaires Vadim Bublikov said", "Vadim Bublikov"),
        ("the ambassador said", None),
        (  # two countries of one office
            "interviewed Ambassador of the Russian Federation to Zimbabwe and Malawi Ivan Petrov",
            "Ivan Petrov",
        ),
    ],
)
def test_an_office_names_its_holder(text: str, holder: str | None) -> None:
    from mfa_transcripts.builder.grammar.names import office_holder

    assert office_holder(text) == holder


def test_a_long_pull_quote_before_an_interviews_first_question_is_the_editors() -> None:
    quote = "“" + "We can say with certainty that the dialogue is intense. " * 6 + "”"
    page = parse_text(
        "Interview with Ambassador Ivan Petrov\n\n"
        f"{quote}\n\nQuestion: How are relations?\n\nIvan Petrov: Intense.\n"
    )
    assert page.speeches == [] and len(page.questions) == 1
    assert page.accounting.chrome_chars.get("lead") == len(quote.replace(" ", ""))


@pytest.mark.parametrize(
    "line, place",
    [
        ("Feb 6, 2024.", None),
        ("20 May 2010, Brussels.", "Brussels"),
        ("3 May 2010, Washington, D.C.", "Washington, D.C."),
    ],
)
def test_a_date_line_may_close_with_a_full_stop(line: str, place: str | None) -> None:
    from mfa_transcripts.builder.grammar.dates import date_line, line_place

    match = date_line(line)
    assert match is not None and line_place(match) == place


def test_an_untitled_pages_first_line_a_headline_shaped_like_a_label_is_chrome() -> None:
    page = parse_text(
        "Breaking! Lavrov: If Japan Wants Peace, Why Does it Join With West In Condemning "
        "Russia?\n\n"
        "Hirofumi Sugizaki, Kyodo News: Is this an ultimatum?\n\n"
        "Sergey Lavrov, Russian Minister for Foreign Affairs: No, it is not.\n"
    )
    assert page.speeches == []
    assert [a.text for a in page.answers] == ["No, it is not."]
    # a first turn that is a sentence stays a turn
    turn = parse_text("Sergey Lavrov: We have had useful talks today.\n\nQuestion: And now?\n")
    assert [s.text for s in turn.speeches] == ["We have had useful talks today."]


@pytest.mark.parametrize(
    "headline, answer",
    [
        # a phrase no stop closes, under the name that labels the answers
        ("Pavel Zorinsky: Arabian start", "Pavel Zorinsky: "),
        # under an answer's label, over bare answers
        ("Ambassador: Russia could tell EU ‘nobody is perfect’", ""),
    ],
)
def test_a_label_shaped_headline_without_a_sentence_over_an_interview_is_chrome(
    headline: str, answer: str
) -> None:
    page = parse_text(
        f"{headline}\n\n"
        "Russian Ambassador Pavel Zorinsky spoke to our editor about trade.\n\n"
        f"Mr. Ambassador, how is trade?\n\n{answer}It grows.\n\n"
        f"And tourism?\n\n{answer}It grows too.\n"
    )
    assert page.speeches == []
    assert [q.text for q in page.questions] == ["Mr. Ambassador, how is trade?", "And tourism?"]
    assert [a.speaker for a in page.answers] == ["Pavel Zorinsky", "Pavel Zorinsky"]
    # a label and a closed sentence is a turn, a question's label a question
    turn = parse_text("Pavel Zorinsky: Arabian start.\n\nQuestion: And now?\n")
    assert [s.text for s in turn.speeches] == ["Arabian start."]


def test_a_heading_above_an_editors_lead_is_chrome_with_it_not_lost() -> None:
    """The lead's turn had claimed the heading-shaped line above it; made chrome, the
    turn's paragraphs were, and the line was counted nowhere (the page refused as
    ``unaccounted-text``)."""
    page = parse_text(
        "Follow Christiane on social media:\n\n"
        "On Twitter + Facebook + Instagram Amanpour producers on Twitter\n\n"
        "What time is Amanpour on CNN?\n\n"
        "Check showtimes to see when Amanpour is on CNN where you are.\n\n"
        "FULL TRANSCRIPT: Ambassador Vitaly Churkin\n\n"
        "AMANPOUR: Is that a little alarming?\n\n"
        "CHURKIN: Well this is precisely the problem.\n"
    )
    assert page.accounting.unaccounted_chars == 0
    assert [a.text for a in page.answers] == ["Well this is precisely the problem."]


def test_a_breadcrumb_of_arrow_images_is_no_title_and_a_plural_possessive_owns_the_genre() -> None:
    title = (
        "Minister of Foreign Affairs Nikos Dendias’ statements following his meeting with "
        "Sergey Lavrov (Moscow, 6 November 2019)"
    )
    page = parse_text(
        f"Home arrow Current Affairs arrow Top Story arrow {title}\n\n{title}\n\n"
        f"{title}“I am pleased that I had the opportunity today.”\n"
    )
    t = page.transcript
    assert t.title is not None and t.title.startswith("Minister of Foreign Affairs Nikos")
    assert t.speaker == "Nikos Dendias"
    # the title again, glued to the first paragraph with no space, is chrome
    assert [s.text for s in page.speeches] == ["“I am pleased that I had the opportunity today.”"]


def test_a_title_run_into_a_teaser_with_a_space_is_no_glued_title() -> None:
    title = "Foreign Minister Sergey Lavrov’s interview with Newsweek, September 21, 2022"
    page = parse_text(f"{title}\n\n{title} Question: Has Russia made progress?\n")
    assert page.questions == []


def test_a_place_and_its_country_before_the_date_make_a_date_line() -> None:
    from mfa_transcripts.builder.grammar.dates import date_line, line_place

    match = date_line("Moscow, Russia, 18 March 2010")
    assert match is not None and line_place(match) == "Moscow, Russia"
    assert date_line("Dear colleagues, 18 March 2010") is None
    page = parse_text(
        "Secretary-General’s remarks at press conference with Russian Foreign Minister "
        "Sergey Lavrov\nMoscow, Russia, 18 March 2010\n\nThank you, Minister Lavrov.\n"
    )
    assert page.transcript.title == (
        "Secretary-General’s remarks at press conference with Russian Foreign Minister "
        "Sergey Lavrov"
    )
    assert page.transcript.event_date is not None
    assert page.transcript.event_date.isoformat() == "2010-03-18"


def test_an_askers_role_before_their_name_asks_and_an_office_before_a_name_speaks() -> None:
    page = parse_text(
        "Interview of Russian Ambassador to Qatar Dmitry Dogadkin to RIA Novosti\n\n"
        "RIA Novosti's Qatar Correspondent Yulia Troitskaya: How have relations developed?\n\n"
        "Russian Ambassador to Qatar Dmitry Dogadkin: They have grown.\n"
    )
    assert [q.label for q in page.questions] == [
        "RIA Novosti's Qatar Correspondent Yulia Troitskaya"
    ]
    assert [a.speaker for a in page.answers] == ["Dmitry Dogadkin"]
    # a lead sentence that names an office's holder is no label
    from mfa_transcripts.builder.grammar.names import office_holder

    lead = "Russia's Ambassador to the UN, Vitaly Churkin, told RT about the key issues"
    assert office_holder(lead) == "Vitaly Churkin" and office_holder(lead, whole=True) is None


def test_a_statements_subtitle_over_its_salutation_is_head_but_an_address_is_not() -> None:
    title = (
        "Statement by the Permanent Representative of the Russian Federation to the OSCE "
        "Alexander Lukashevich at the OSCE Permanent Council meeting, Vienna, May 11, 2017"
    )
    page = parse_text(
        f"{title}\n\nResponse to reports by Chief Monitor of the Mission Ertugrul Apakan\n"
        "and Special Representative in Ukraine Martin Sajdik\n\n"
        "Mr Chairperson,\n\nWe support the monitors.\n"
    )
    assert page.speeches[0].text == "Mr Chairperson,\n\nWe support the monitors."
    # a name addressed over the audience is the speech's own first line
    addressed = parse_text(f"{title}\n\nMr Shoigu,\n\nLadies and gentlemen,\n\nWelcome.\n")
    assert addressed.speeches[0].text.startswith("Mr Shoigu,")


def test_a_page_labelling_only_its_questions_answers_in_the_paragraphs_after_them() -> None:
    title = "Foreign Minister Sergey Lavrov’s interview with Kompas, Moscow, May 5, 2017"
    page = parse_text(
        f"{title}\n\n"
        "Question: What now?\n\nWe go on.\n\n"
        "Question: The talks stalled in May.\n\nWhat about Iran?\n\n"
        "It will join.\n\nIt said so.\n"
    )
    assert [q.text for q in page.questions] == [
        "What now?",
        "The talks stalled in May.\n\nWhat about Iran?",
    ]
    assert [(a.speaker, a.text) for a in page.answers] == [
        ("Sergey Lavrov", "We go on."),
        ("Sergey Lavrov", "It will join.\n\nIt said so."),
    ]
    # a turn where nothing asks goes on: a host's introduction, the page cut before
    # the guest answers
    host = parse_text(
        f"{title}\n\nQuestion: Today our guest is the minister.\n\nBut first, the news.\n"
    )
    assert page.questions and host.answers == []


def test_a_title_goes_on_over_a_blank_line_with_a_preposition_in_lower_case() -> None:
    page = parse_text(
        "Speech of the Ambassador of the Russian Federation at the reception\n\n"
        "on the occasion of the 70th Anniversary of the Victory Day\n\n"
        "(Dubai, 10 May 2015)\n\nDear friends,\n\nThere are historic dates.\n"
    )
    assert page.transcript.title == (
        "Speech of the Ambassador of the Russian Federation at the reception on the "
        "occasion of the 70th Anniversary of the Victory Day"
    )
    # a capitalised line over a blank line is no part of it
    other = parse_text(
        "Speech of the Ambassador of the Russian Federation at the reception\n\n"
        "On the occasion we met many friends.\n"
    )
    assert other.transcript.title == (
        "Speech of the Ambassador of the Russian Federation at the reception"
    )


def test_a_name_glued_to_its_text_labels_where_the_page_labels_it_by_initials() -> None:
    page = parse_text(
        "'US-Iran thaw would change whole Middle East' - Russian Envoy to UN\n\n"
        "Sophie Shavardnadze:Our guest today is Vitaly Churkin. Great to have you here.\n\n"
        "Vitaly Churkin: Thank you very much.\n\n"
        "SS:Is the resolution a victory?\n\nVC: I hope so.\n"
    )
    assert [q.text for q in page.questions] == [
        "Our guest today is Vitaly Churkin. Great to have you here.",
        "Is the resolution a victory?",
    ]
    assert [q.label for q in page.questions] == ["Sophie Shavardnadze", "SS"]
    # a place glued the same way, labelling no one, is the text's
    place = parse_text("New York:The talks began.\n\nSergey Lavrov: We met today.\n")
    assert [s.label for s in place.speeches] == ["Sergey Lavrov"]
