"""Pages that label one side of the dialogue only (the press's copies lose the other
side's bold names with the markup): what the labels that are there imply about the
paragraphs that are not labelled. Each on a small page written in memory."""

from __future__ import annotations

from .conftest import parse_text

TITLE = "Foreign Minister Sergey Lavrov’s interview with Izvestia, Moscow, May 14, 2017"


def test_the_subject_labelled_again_after_their_own_turn_was_asked_between() -> None:
    page = parse_text(
        f"{TITLE}\n\n"
        "How do you see the talks?\n\n"
        "Sergey Lavrov: They were useful.\n\n"
        "Your assessment of the sanctions.\n\n"  # asks with a full stop
        "Sergey Lavrov: They do not work.\n\n"
        "We see that clearly.\n"
    )
    assert [q.text for q in page.questions] == [
        "How do you see the talks?",
        "Your assessment of the sanctions.",
    ]
    assert [a.text for a in page.answers] == [
        "They were useful.",
        "They do not work.\n\nWe see that clearly.",
    ]


def test_a_subheading_or_words_about_the_subject_between_their_turns_ask_nothing() -> None:
    heading = parse_text(
        f"{TITLE}\n\nHow do you see the talks?\n\nSergey Lavrov: They were useful.\n\n"
        "We agreed on much.\n\nThe sanctions\n\nSergey Lavrov: They do not work.\n"
    )
    assert len(heading.questions) == 1  # no sentence: a subheading, not a question
    # a commentary quoting the subject, its remarks about him between the quotes
    commentary = parse_text(
        "Lavrov explains himself\n\nA blog post on the interview.\n\n"
        "Lavrov:\n\nWe see international treaties collapse.\n\n"
        "Perhaps Lavrov is referring to the 2003 agreement on the Sea of Azov.\n\n"
        "Lavrov:\n\nWe do not want a war.\n"
    )
    assert not commentary.questions


def test_an_answer_label_answers_the_paragraph_right_before_it() -> None:
    page = parse_text(
        "Interview of the Ambassador of Russia, May 14, 2017\n\n"
        "Tell us about the talks.\n\n"
        "Answer: They were useful.\n\n"
        "And the sanctions?\n\n"
        "Answer: They do not work.\n"
    )
    assert [q.text for q in page.questions] == ["Tell us about the talks.", "And the sanctions?"]
    assert [a.text for a in page.answers] == ["They were useful.", "They do not work."]


def test_a_paragraph_asking_before_the_one_person_labelled_is_their_question() -> None:
    page = parse_text(
        "The Singaporeans consider the Russians to be Asian\n\n"
        "What was discussed at the ASEAN Regional Forum today?\n\n"
        "Sergey Lavrov: Security in the region.\n\nWe agreed on much.\n"
    )
    assert [q.text for q in page.questions] == [
        "What was discussed at the ASEAN Regional Forum today?"
    ]
    # a lead in the first person asks the reader, not the minister
    blog = parse_text(
        "Kerry and Lavrov in Paris\n\n"
        "These are the remarks after their meeting.\n\n"
        "Aren’t we lucky we’re not in this one?\n\n"
        "Sergey Lavrov: We discussed Syria.\n"
    )
    assert not blog.questions


def test_answers_to_questions_set_without_any_label_open_with_a_bare_question() -> None:
    page = parse_text(
        "Foreign Minister Sergey Lavrov’s answers to media questions, Sochi, May 14, 2019\n\n"
        "Does Russia expect the Committee of Ministers to decide?\n\n"
        "We do. The decision is due in May.\n"
    )
    assert [q.text for q in page.questions] == [
        "Does Russia expect the Committee of Ministers to decide?"
    ]
    assert [a.speaker for a in page.answers] == ["Sergey Lavrov"]
    # a live blog under a 'Q&A' headline asks once, after lines of its own: no dialogue
    blog = parse_text(
        "Lavrov reviews the year in annual press Q&A\n\n"
        "The minister is meeting the press in Moscow.\n\n"
        "A question from Japan on a visit. What is Russia's view?\n\n"
        "Lavrov says the two sides are cooperating.\n"
    )
    assert not blog.questions


def test_a_first_question_that_lost_its_label_on_a_page_of_answers_is_a_question() -> None:
    title = "Transcript of Replies to Media Questions by Sergey Lavrov, Tel Aviv, October 27, 2005"
    rest = (
        "Foreign Minister Lavrov: What I saw is unacceptable.\n\n"
        "Question: Can this influence Moscow's position?\n\n"
        "Foreign Minister Lavrov: We shall be guided by the facts.\n"
    )
    page = parse_text(f"{title}\n\nPlease comment on the statement of the President.\n\n{rest}")
    assert [q.text for q in page.questions] == [
        "Please comment on the statement of the President.",
        "Can this influence Moscow's position?",
    ]
    assert page.answers[0].text == "What I saw is unacceptable."
    # an editor's lead there reports on the minister: no question
    lead = parse_text(f"{title}\n\nThe minister answered questions after the talks.\n\n{rest}")
    assert len(lead.questions) == 1
