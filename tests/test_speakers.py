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
    ],
)
def test_spellings_resolve_to_the_canonical_name(label: str, name: str) -> None:
    person = speakers.resolve(label)
    assert person is not None and person.name == name


def test_ministry_flag() -> None:
    ministry = {p.name for p in speakers.registry().speakers if p.ministry}
    assert {"Sergey Lavrov", "Maria Zakharova"} <= ministry
    assert not ministry & {"John Kerry", "Wang Yi", "Vladimir Putin"}


@pytest.mark.parametrize("label", ["Ahmed Aboul Gheit", "Question", "Moscow"])
def test_people_not_in_the_table_do_not_resolve(label: str) -> None:
    assert speakers.resolve(label) is None
