"""The curated speaker table: one canonical name per person, whatever the spelling."""

from __future__ import annotations

import pytest

from mfa_transcripts.builder import speakers


def test_every_alias_names_one_person() -> None:
    owners: dict[str, str] = {}
    for person in speakers.registry().speakers:
        assert person.name and person.role
        for alias in person.aliases:
            folded = " ".join(speakers.fold(alias).split())
            assert owners.setdefault(folded, person.name) == person.name, alias


def test_every_alias_resolves_to_its_person() -> None:
    """No alias is taken by a longer one of someone else, nor by the initials rule."""
    for person in speakers.registry().speakers:
        for alias in person.aliases:
            assert speakers.resolve(alias) == person, alias


def test_a_surname_two_people_share_is_a_bare_alias_of_neither() -> None:
    """Igor, Sergey and Yevgeny Ivanov: 'Ivanov' alone names none of them."""
    people: dict[str, set[str]] = {}
    for person in speakers.registry().speakers:
        people.setdefault(speakers.fold(person.name.split()[-1]), set()).add(person.name)
    shared = {surname for surname, names in people.items() if len(names) > 1}
    assert "ivanov" in shared
    for surname in shared:
        assert speakers.resolve(surname) is None, surname


def test_the_table_lists_no_derived_spelling_and_keeps_its_order() -> None:
    """Initials before a one-word alias are matched, not listed ('V.Churkin'); ministry
    people come first, then the others, each group by name (as its 'about' says)."""
    import json
    import re
    import unicodedata
    from importlib import resources

    for person in speakers.registry().speakers:
        words = {speakers.fold(a) for a in person.aliases if " " not in a and "." not in a}
        for alias in person.aliases:
            initialled = re.fullmatch(rf"{speakers.INITIALS}(\S+)", speakers.fold(alias))
            assert initialled is None or initialled[1] not in words, alias
    text = resources.files("mfa_transcripts").joinpath("data/speakers.json").read_text("utf-8")
    rows = json.loads(text)["speakers"]

    def key(row: dict[str, object]) -> tuple[bool, str]:
        name = unicodedata.normalize("NFKD", str(row["name"])).encode("ascii", "ignore")
        return (not row["ministry"], name.decode().lower())

    assert rows == sorted(rows, key=key)


def test_every_person_resolves_by_name_and_with_a_role_before_it() -> None:
    for person in speakers.registry().speakers:
        assert speakers.resolve(person.name) == person
        assert speakers.resolve(f"{person.role} {person.name}") == person
        assert speakers.resolve(person.name.upper()) == person


@pytest.mark.parametrize(
    "label, name",
    [
        ("Sergei Lavrov", "Sergey Lavrov"),
        ("FOREIGN MINISTER LAVROV", "Sergey Lavrov"),
        ("Foreign Minister of Belarus Vladimir Makei", "Vladimir Makei"),
        ("President of France Emmanuel Macron", "Emmanuel Macron"),
        ("SECRETARY KERRY", "John Kerry"),
        ("Jоhn Kerry", "John Kerry"),  # Cyrillic 'о'
        ("Mevlüt Çavuşoğlu", "Mevlut Cavusoglu"),
        ("S.A.Ryabkov", "Sergey Ryabkov"),  # initials before a surname
        ("A. K. Lukashevich", "Alexander Lukashevich"),
        ("Foreign Ministry Spokeswoman M.V.Zakharova", "Maria Zakharova"),
        ("U.S. Secretary Kerry", "John Kerry"),
        ("V.Churkin", "Vitaly Churkin"),  # initials before a one-word alias
        ("Ambassador Chizhov", "Vladimir Chizhov"),  # a role before a one-word alias
        ("Kamynin", "Mikhail Kamynin"),
        ("I.Ivanov", "Igor Ivanov"),  # a shared surname: only its listed forms
        ("Foreign Minister Ivanov", "Igor Ivanov"),
        ("S. Ivanov", "Sergey Ivanov"),
    ],
)
def test_spellings_resolve_to_the_canonical_name(label: str, name: str) -> None:
    person = speakers.resolve(label)
    assert person is not None and person.name == name


@pytest.mark.parametrize("label", ["Sergey Lavrov.", "Lavrov,", " Sergei Lavrov; "])
def test_punctuation_around_a_label_does_not_matter(label: str) -> None:
    """As speakers.json's 'about' says."""
    person = speakers.resolve(label)
    assert person is not None and person.name == "Sergey Lavrov"


def test_initials_before_a_surname_are_part_of_the_name_found_in_text() -> None:
    text = "Briefing of the Spokesman of MFA of Russia A.K.Lukashevich, 4 October 2012"
    found = speakers.find_in_text(text)
    assert found is not None and found[0].name == "Alexander Lukashevich"
    assert text[found[1] : found[2]] == "A.K.Lukashevich"
    found = speakers.find_in_text("Remarks by U.S. Secretary Kerry")
    assert found is not None and found[0].name == "John Kerry"
    assert found[1] > len("Remarks by U.S.")


def test_ministry_flag() -> None:
    ministry = {p.name for p in speakers.registry().speakers if p.ministry}
    assert {"Sergey Lavrov", "Maria Zakharova"} <= ministry
    assert not ministry & {"John Kerry", "Wang Yi", "Vladimir Putin"}


@pytest.mark.parametrize(
    "label", ["Ahmed Aboul Gheit", "Question", "Moscow", "A.B.Ivanov", "Ivanov", "Mr Logvinov"]
)
def test_people_not_in_the_table_do_not_resolve(label: str) -> None:
    assert speakers.resolve(label) is None


def test_records_carry_the_ministry_flag_of_their_speaker() -> None:
    """Registry people get their flag; a speaker the registry does not know gets null."""
    from mfa_transcripts.builder.parse import parse_file

    from .conftest import FIXTURES, SYNTHETIC

    kerry = parse_file(next(FIXTURES.glob("023_*.txt")))
    assert {(s.speaker, s.ministry) for s in kerry.speeches} == {
        ("Sergey Lavrov", True),
        ("John Kerry", False),
    }
    unknown = parse_file(SYNTHETIC / "s22_unknown-speaker.txt")
    flags = {r.speaker: r.ministry for r in (*unknown.speeches, *unknown.answers)}
    assert None in flags.values()
    assert all((flag is None) == (speakers.by_name(name) is None) for name, flag in flags.items())


def test_a_page_of_more_than_999_questions_keeps_growing_ids() -> None:
    from mfa_transcripts.builder.parse import parse_source
    from mfa_transcripts.builder.read import decode

    turns = "".join(f"Question: Number {n}?\n\nSergey Lavrov: Answer {n}.\n\n" for n in range(1001))
    title = "Foreign Minister Sergey Lavrov’s answers to media questions, Moscow, May 5, 2020"
    page = f"{title}\n\n{turns}"
    parsed = parse_source(decode(page.encode(), "long.txt"))
    assert len(parsed.questions) == 1001
    assert parsed.questions[-1].question_id.endswith("-q1001")
    assert parsed.answers[-1].answer_id.endswith("-q1001-a01")


@pytest.mark.parametrize(
    "name, person",
    [
        ("Vladimir Orlov", None),  # Vladimir is other registry people's given name
        ("Dr. Vladimir Orlov", None),
        ("Igor Lavrov", None),
        ("V. Orlov", None),  # an initial none of Alexander Orlov's names starts with
        ("A. Orlov", "Alexander Orlov"),
        ("Serguei Lavrov", "Sergey Lavrov"),  # another spelling of his own given name
        ("Sergei V. Lavrov", "Sergey Lavrov"),  # a middle initial is the given name's
        ("Y. Primakov", "Yevgeny Primakov"),
        ("Evgeny Primakov", "Yevgeny Primakov"),
        ("Minister Lavrov", "Sergey Lavrov"),  # a role is no given name
    ],
)
def test_a_surname_after_another_persons_given_name_names_someone_else(
    name: str, person: str | None
) -> None:
    found = speakers.resolve(name)
    assert (found and found.name) == person
    in_text = speakers.find_in_text(f"Their guest, {name}, spoke.")
    assert (in_text and in_text[0].name) == person


def test_text_naming_a_namesake_first_finds_the_registry_person_after_it() -> None:
    text = "Dr. Vladimir Orlov asked Sergey Ryabkov and Alexander Orlov"
    found = speakers.find_in_text(text)
    assert found is not None and text[found[1] : found[2]] == "Sergey Ryabkov"
    # a word that only begins like a given name is none ('Aleppo', 'Serbia')
    for text in (
        "After the talks in Aleppo Lavrov said",
        "the Ambassador to Serbia Botsan-Kharchenko",
    ):
        found = speakers.find_in_text(text)
        assert found is not None and text[found[1] : found[2]] in ("Lavrov", "Botsan-Kharchenko")
