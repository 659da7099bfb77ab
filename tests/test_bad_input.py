"""Bad input: every case is either read to the exact records or refused in one line.

Text fixtures are under ``tests/data/bad/`` (one case per file); binary, re-encoded and
huge variants are made from them here, in ``tmp_path``, never committed.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import subprocess
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from mfa_transcripts.builder.build import BuildError, build
from mfa_transcripts.builder.parse import parse_file, parse_source
from mfa_transcripts.builder.read import MAX_BYTES, SourceText, decode, read_source
from mfa_transcripts.builder.records import ParsedPage
from mfa_transcripts.cli import main
from mfa_transcripts.errors import ERROR_TYPES, TranscriptError
from mfa_transcripts.schema import normalise_text
from mfa_transcripts.validate import validate_package

from .conftest import DATA, FIXTURES, PYTHON

BAD = DATA / "bad"
PUBLISHED = ("dist", "schema", "datapackage.json", "README.md")


def fixture_text(name: str) -> str:
    """A fixture's text exactly as stored (line ends untouched)."""
    return (BAD / name).read_bytes().decode("utf-8")


def turns(parsed: ParsedPage) -> list[tuple[Any, ...]]:
    """The page's records in page order, as what a reader sees: who says what."""
    rows: list[tuple[Any, ...]] = []
    for s in parsed.speeches:
        rows.append((s.char_start, "speech", s.label, s.qualifier, s.speaker, s.text))
    for q in parsed.questions:
        rows.append((q.char_start, "question", q.label, q.qualifier, None, q.text))
    for a in parsed.answers:
        rows.append((a.char_start, "answer", a.label, a.qualifier, a.speaker, a.text))
    return [row[1:] for row in sorted(rows)]


def records(parsed: ParsedPage, *, offsets: bool = True) -> dict[str, Any]:
    """Every published field but the file's name and hash (and offsets, if asked)."""
    page = parsed.as_json()
    for key in ("source_file", "source_sha256"):
        page["transcript"].pop(key)  # type: ignore[attr-defined]
    if not offsets:
        for table in ("speeches", "questions", "answers"):
            for row in page[table]:  # type: ignore[attr-defined]
                del row["char_start"], row["char_end"]
    return page


def assert_offsets_true(path: Path, parsed: ParsedPage) -> None:
    decoded = read_source(path).text
    for record in [*parsed.speeches, *parsed.questions, *parsed.answers]:
        assert normalise_text(decoded[record.char_start : record.char_end]) == record.text


# --- pages read correctly ------------------------------------------------------------


@dataclass(frozen=True)
class Variant:
    """Bytes made from a UTF-8 fixture, read as the fixture's own records."""

    id: str
    fixture: str
    make: Callable[[str], bytes]
    encoding: str
    same_offsets: bool = True


READ = [
    Variant("utf-8-bom", "good.txt", lambda t: codecs.BOM_UTF8 + t.encode(), "utf-8"),
    Variant(
        "utf-16-le-bom",
        "good.txt",
        lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
        "utf-16-le",
    ),
    Variant(
        "utf-16-be-bom",
        "good.txt",
        lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
        "utf-16-be",
    ),
    Variant(
        "utf-16-be-bom-cyrillic",
        "cyrillic.txt",
        lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
        "utf-16-be",
    ),
    Variant("windows-1251", "cyrillic.txt", lambda t: t.encode("cp1251"), "cp1251"),
    Variant("windows-1252", "latin.txt", lambda t: t.encode("cp1252"), "cp1252"),
    Variant("latin-1", "latin.txt", lambda t: t.encode("latin-1"), "cp1252"),
    # ’ is 0x92 in both code pages: one reading, whichever page the file was saved in
    Variant("windows-1252-curly-quotes", "good.txt", lambda t: t.encode("cp1252"), "cp1252"),
    Variant("crlf", "good.txt", lambda t: t.replace("\n", "\r\n").encode(), "utf-8", False),
    Variant("lone-cr", "good.txt", lambda t: t.replace("\n", "\r").encode(), "utf-8", False),
    Variant(
        "crlf-utf-16-bom",
        "cyrillic.txt",
        lambda t: codecs.BOM_UTF16_LE + t.replace("\n", "\r\n").encode("utf-16-le"),
        "utf-16-le",
        False,
    ),
]


@pytest.mark.parametrize("variant", READ, ids=lambda v: v.id)
def test_encodings_and_line_ends_give_the_fixtures_records(
    variant: Variant, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reference = parse_file(BAD / variant.fixture)
    path = tmp_path / variant.fixture
    path.write_bytes(variant.make(fixture_text(variant.fixture)))
    assert read_source(path).encoding == variant.encoding
    parsed = parse_file(path)
    assert records(parsed, offsets=variant.same_offsets) == records(
        reference, offsets=variant.same_offsets
    )
    assert parsed.warnings == reference.warnings == []
    assert_offsets_true(path, parsed)

    assert main(["parse", str(path)]) == 0
    out = capsys.readouterr()
    assert out.err == ""
    assert json.loads(out.out) == parsed.as_json()


def test_no_mojibake_in_code_page_records() -> None:
    cyrillic = parse_file(BAD / "cyrillic.txt")
    assert "«Один пояс, один путь»" in cyrillic.speeches[0].text
    assert "as we say, «очень хорошие»." in cyrillic.answers[-1].text
    latin = parse_file(BAD / "latin.txt")
    assert "José Manuel García-Margallo, who came from Besançon via Zürich" in (
        latin.speeches[0].text
    )


GOOD_TURNS = [
    (
        "speech",
        None,
        None,
        "Sergey Lavrov",
        "Good afternoon, ladies and gentlemen.\n\nWe have held useful talks with our Chinese "
        "colleagues. We discussed the forum’s results and the next steps in our cooperation.",
    ),
    (
        "question",
        "Question",
        None,
        None,
        "What did you discuss with the Chinese Foreign Minister?",
    ),
    (
        "answer",
        "Sergey Lavrov",
        None,
        "Sergey Lavrov",
        "We discussed bilateral relations and the situation on the Korean Peninsula.\n\n"
        "We agreed to continue our consultations.",
    ),
    (
        "question",
        "Question",
        "retranslated from Chinese",
        None,
        "How do you assess the results of the forum?",
    ),
    (
        "answer",
        "Sergey Lavrov",
        "speaking in English",
        "Sergey Lavrov",
        "They are very good. The forum was well organised.",
    ),
]


def test_reference_page() -> None:
    parsed = parse_file(BAD / "good.txt")
    assert turns(parsed) == GOOD_TURNS
    t = parsed.transcript
    assert (t.speaker, t.speaker_role, t.complete) == ("Sergey Lavrov", "Foreign Minister", True)
    assert t.published_at is not None and t.published_at.isoformat() == "2017-05-14T13:21:00+03:00"
    assert (t.languages, t.tags) == (["en", "ru"], ["Shanghai Cooperation Organisation (SCO)"])


def _no_speaker(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    first = rows[0]
    return [(*first[:3], None, first[4]), *rows[1:]]


@pytest.mark.parametrize(
    "name, expected_turns, complete, warning",
    [
        # the title names nobody: the unlabelled opening has no speaker; labelled turns do
        ("title-no-speaker.txt", _no_speaker(GOOD_TURNS), True, None),
        # a question with no answer at the end of a page: read, with a warning
        ("unanswered.txt", GOOD_TURNS[:-1], True, ("unanswered-question", 18)),
        # a page cut in the middle of a word: read what is there, marked incomplete
        (
            "cut-mid-word.txt",
            [
                *GOOD_TURNS[:-1],
                (*GOOD_TURNS[-1][:4], "They are very good. The forum was well orga"),
            ],
            False,
            ("incomplete-page", 20),
        ),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_pages_read_with_what_they_lack(
    name: str,
    expected_turns: list[tuple[Any, ...]],
    complete: bool,
    warning: tuple[str, int] | None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    parsed = parse_file(BAD / name)
    assert turns(parsed) == expected_turns
    assert parsed.transcript.complete is complete
    assert parsed.transcript.event_date.isoformat() == "2017-05-14"
    if name == "title-no-speaker.txt":
        assert (parsed.transcript.speaker, parsed.transcript.speaker_role) == (None, None)
    found = [(w.type, w.line) for w in parsed.warnings]
    assert found == ([warning] if warning else [])
    assert all(w.severity == "warning" and w.file == name for w in parsed.warnings)
    assert_offsets_true(BAD / name, parsed)

    assert main(["parse", str(BAD / name)]) == 0  # warnings do not refuse a page
    out = capsys.readouterr()
    assert json.loads(out.out) == parsed.as_json()
    assert out.err.splitlines() == [str(w) for w in parsed.warnings]


# --- pages refused -------------------------------------------------------------------


def _png(_: Path) -> bytes:
    return (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
        b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x01\x01\x01"
        b"\x00\x18\xdd\x8d\xb0\x00\x00\x00\x00IEND\xaeB`\x82"
    )


def _zip(_: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("good.txt", fixture_text("good.txt"))
    return buffer.getvalue()


def _huge(path: Path) -> None:
    """100 MB, created sparse: no 100 MB is ever written or read."""
    with path.open("wb") as handle:
        handle.write(fixture_text("good.txt").encode())
        handle.truncate(100 * 1024 * 1024)


# Non-ASCII only in the Cyrillic words, so that the mojibake found is theirs.
_CYRILLIC_LETTERS_ONLY = (
    fixture_text("cyrillic.txt").replace("’", "'").replace("  • en-GB1 ru-RU1\n", "")
)


@dataclass(frozen=True)
class Refusal:
    """A file that must be refused: how to make it, and the one problem it gives."""

    name: str
    type: str
    line: int | None
    make: Callable[[Path], bytes | None] | None = None  # None: a committed fixture


REFUSED = [
    Refusal("empty.txt", "empty-file", None),
    Refusal("whitespace.txt", "empty-file", None),
    Refusal("image.png", "binary-file", 1, _png),
    Refusal("archive.zip", "binary-file", 1, _zip),
    Refusal("huge.txt", "file-too-large", None, lambda p: _huge(p)),
    Refusal(
        "utf-16-no-bom.txt",
        "binary-file",
        1,
        lambda _: fixture_text("good.txt").encode("utf-16-le"),
    ),
    Refusal(
        "utf-16-bom-cut.txt",
        "encoding-error",
        29,  # the last line's line feed lost its second byte
        lambda _: codecs.BOM_UTF16_LE + fixture_text("good.txt").encode("utf-16-le")[:-1],
    ),
    Refusal(
        "ambiguous-8-bit.txt",
        "encoding-error",
        16,
        lambda _: (
            fixture_text("good.txt")
            .replace("consultations.", "consultations. Да.")
            .encode("cp1251")
        ),
    ),
    Refusal(
        "unreadable-8-bit.txt",
        "encoding-error",
        3,
        lambda _: fixture_text("good.txt").replace("Lavrov’s", "LavrovÀÁÂ’s").encode("cp1252"),
    ),
    Refusal("mojibake.txt", "encoding-error", 3),
    Refusal(
        "mojibake-cyrillic.txt",
        "encoding-error",
        _CYRILLIC_LETTERS_ONLY[: _CYRILLIC_LETTERS_ONLY.index("«Один")].count("\n") + 1,
        lambda _: _CYRILLIC_LETTERS_ONLY.encode().decode("cp1251", "replace").encode(),
    ),
    Refusal(
        "c1-controls.txt",
        "encoding-error",
        3,
        lambda _: fixture_text("good.txt").replace("’", "\x92").encode(),
    ),
    Refusal("not-a-transcript.csv", "not-a-transcript", 1),
    Refusal("not-a-transcript.html", "not-a-transcript", 1),
    Refusal("README.md", "not-a-transcript", 1),
    Refusal("markup.txt", "markup-in-text", 16),
    Refusal("empty-label.txt", "empty-turn", 18),
]


@dataclass(frozen=True)
class Published:
    """A transcript with a missing or odd fact: published, the fact null, a typed warning."""

    name: str
    warnings: list[tuple[str, int]]  # (type, line), in the order raised
    event_date: str | None
    counts: tuple[int, int, int]  # speeches, questions, answers


PUBLISHED_WITH_WARNINGS = [
    Published("no-date.txt", [("no-date", 1)], None, (1, 2, 2)),
    Published("impossible-date.txt", [("invalid-date", 1), ("no-date", 1)], None, (1, 2, 2)),
    Published("date-far.txt", [("date-mismatch", 1)], "2017-05-14", (1, 2, 2)),
    Published("label-typo.txt", [("label-typo", 18)], "2017-05-14", (1, 2, 2)),
    # the answer's question was cut off: the turn is a labelled statement
    Published("answer-first.txt", [("answer-before-question", 12)], "2017-05-14", (2, 1, 1)),
]


def _params(cases: list[Refusal]) -> list[Any]:
    return [pytest.param(case, id=case.name) for case in cases]


def materialise(case: Refusal, folder: Path) -> Path:
    """The case's file inside ``folder``."""
    path = folder / case.name
    if case.make is None:
        path.write_bytes((BAD / case.name).read_bytes())
    else:
        data = case.make(path)
        if data is not None:
            path.write_bytes(data)
    return path


def test_every_committed_fixture_is_a_case() -> None:
    used = {c.name for c in REFUSED if c.make is None}
    used |= {c.name for c in PUBLISHED_WITH_WARNINGS}
    used |= {v.fixture for v in READ} | {
        "title-no-speaker.txt",
        "unanswered.txt",
        "cut-mid-word.txt",
        "collision.txt",
    }
    assert {p.name for p in BAD.iterdir()} == used


@pytest.mark.parametrize("case", _params(REFUSED))
def test_refused_with_one_typed_problem(case: Refusal, tmp_path: Path) -> None:
    path = materialise(case, tmp_path)
    with pytest.raises(TranscriptError) as caught:
        parse_file(path)
    problem = caught.value.problem
    assert (problem.type, problem.file, problem.line) == (case.type, case.name, case.line)
    assert problem.type in ERROR_TYPES and problem.severity == "error"
    assert re.search(r"\bexpected\b.+\bfound\b", problem.message), problem.message
    assert "\n" not in str(problem)


@pytest.mark.parametrize("case", _params(REFUSED))
def test_cli_refuses_in_one_line(
    case: Refusal, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = materialise(case, tmp_path)
    assert main(["parse", str(path)]) == 1
    out = capsys.readouterr()
    assert out.out == ""
    (line,) = out.err.splitlines()
    where = case.name if case.line is None else f"{case.name}:{case.line}"
    assert line.startswith(f"{where}: error [{case.type}] expected ")


@pytest.mark.parametrize("case", PUBLISHED_WITH_WARNINGS, ids=lambda c: c.name)
def test_a_missing_or_odd_fact_is_a_warning_not_a_refusal(
    case: Published, capsys: pytest.CaptureFixture[str]
) -> None:
    parsed = parse_file(BAD / case.name)
    transcript = parsed.transcript
    assert [(w.type, w.line) for w in parsed.warnings] == case.warnings
    assert all(w.severity == "warning" for w in parsed.warnings)
    assert transcript.warnings == [t for t, _ in case.warnings]
    found_date = transcript.event_date.isoformat() if transcript.event_date else None
    assert found_date == case.event_date
    assert transcript.transcript_id.startswith(f"{case.event_date or 'undated'}-")
    counts = (len(parsed.speeches), len(parsed.questions), len(parsed.answers))
    assert counts == case.counts
    assert_offsets_true(BAD / case.name, parsed)
    assert main(["parse", str(BAD / case.name)]) == 0
    assert len(capsys.readouterr().err.splitlines()) == len(case.warnings)


def test_undated_ids_are_stable_and_tell_pages_apart(tmp_path: Path) -> None:
    """Two saves of an undated page share an ID; two undated pages with other titles do not."""
    text = (BAD / "no-date.txt").read_text("utf-8")
    first = parse_source(SourceText("a.txt", text, "utf-8", "0" * 64))
    again = parse_source(SourceText("b.txt", text.replace("\n\n", "\n\n\n"), "utf-8", "1" * 64))
    other = parse_source(
        SourceText("c.txt", text.replace("Lavrov’s", "Lavrov’s brief"), "utf-8", "2" * 64)
    )
    assert first.transcript.transcript_id == again.transcript.transcript_id
    assert first.transcript.transcript_id != other.transcript.transcript_id


def test_the_real_command_prints_no_traceback(tmp_path: Path) -> None:
    """Through ``python -m mfa_transcripts``: exit 1, one line on stderr, nothing on stdout."""
    for case in (REFUSED[2], REFUSED[4], REFUSED[9]):  # image, 100 MB, mojibake
        path = materialise(case, tmp_path)
        out = subprocess.run(
            [PYTHON, "-m", "mfa_transcripts", "parse", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert out.returncode == 1, out.stderr
        assert out.stdout == ""
        assert len(out.stderr.splitlines()) == 1, out.stderr
        assert f"[{case.type}]" in out.stderr and "Traceback" not in out.stderr


def test_a_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = materialise(REFUSED[4], tmp_path)
    assert path.stat().st_size == 100 * 1024 * 1024 > MAX_BYTES
    with pytest.raises(TranscriptError) as caught:
        read_source(path)
    assert "104,857,600 bytes" in caught.value.problem.message


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TranscriptError) as caught:
        read_source(tmp_path)
    assert caught.value.problem.type == "unreadable-file"


# --- the build -----------------------------------------------------------------------


def _seeds(tmp_path: Path, *cases: Refusal) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_bytes((BAD / "good.txt").read_bytes())
    for case in cases:
        materialise(case, seeds)
    return seeds


def test_build_skips_every_refused_page_and_says_why(tmp_path: Path) -> None:
    seeds = _seeds(tmp_path, *REFUSED)
    root = tmp_path / "out"
    report = build(seeds, root, on_error="skip")
    expected = {case.name for case in REFUSED}
    assert report.figures["skipped"] == sorted(expected)
    by_file = {p.file: p for p in report.errors}
    assert set(by_file) == expected
    for case in REFUSED:
        assert (by_file[case.name].type, by_file[case.name].line) == (case.type, case.line)
    assert report.figures["pages_published"] == 1
    rows = (root / "dist" / "transcripts.csv").read_text("utf-8").splitlines()
    assert len(rows) == 2 and ",good.txt," in rows[1]


def test_build_with_raise_publishes_nothing(tmp_path: Path) -> None:
    seeds = _seeds(tmp_path, REFUSED[-1])
    root = tmp_path / "out"
    with pytest.raises(BuildError) as caught:
        build(seeds, root)
    assert [(p.type, p.file) for p in caught.value.report.errors] == [
        ("empty-turn", "empty-label.txt")
    ]
    assert not any((root / name).exists() for name in PUBLISHED)
    assert list(root.iterdir()) == []


def test_build_publishes_pages_with_warnings_and_counts_them(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("no-date.txt", "impossible-date.txt", "label-typo.txt"):
        (seeds / name).write_bytes((BAD / name).read_bytes())
    root = tmp_path / "out"
    report = build(seeds, root)
    assert report.figures["pages_published"] == 3 and not report.errors
    assert report.figures["warnings"] == {"invalid-date": 1, "label-typo": 1, "no-date": 2}
    with (root / "dist" / "transcripts.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["source_file"]: row for row in csv.DictReader(handle)}
    assert rows["no-date.txt"]["event_date"] == ""
    assert json.loads(rows["impossible-date.txt"]["warnings"]) == ["invalid-date", "no-date"]
    assert json.loads(rows["label-typo.txt"]["warnings"]) == ["label-typo"]
    assert validate_package(root / "datapackage.json", frictionless=True).ok


def test_the_same_page_twice_is_published_once(tmp_path: Path) -> None:
    seeds = _seeds(tmp_path)
    good = (BAD / "good.txt").read_bytes()
    (seeds / "good-copy.txt").write_bytes(good)  # the same bytes
    (seeds / "good-windows.txt").write_bytes(  # the same page, saved on Windows in UTF-16
        codecs.BOM_UTF16_LE + good.decode().replace("\n", "\r\n").encode("utf-16-le")
    )
    root = tmp_path / "out"
    report = build(seeds, root)
    assert report.errors == []
    assert [(w.type, w.file, w.severity) for w in report.warnings] == [
        ("duplicate-page", "good-windows.txt", "warning"),
        ("duplicate-page", "good.txt", "warning"),
    ]
    assert all("good-copy.txt" in w.message for w in report.warnings)
    assert report.figures["pages_published"] == 1
    assert len((root / "dist" / "transcripts.csv").read_text("utf-8").splitlines()) == 2


def test_a_repost_with_other_chrome_is_the_same_page(tmp_path: Path) -> None:
    """An embassy's repost (its own header, no language line or footer, single newlines)."""
    seeds = _seeds(tmp_path)
    lines = [ln for ln in (BAD / "good.txt").read_text("utf-8").splitlines() if ln.strip()]
    body = lines[
        lines.index("Good afternoon, ladies and gentlemen.") : lines.index("Additional materials")
    ]
    repost = "\n".join(["14 may / 2017", "", lines[1], "", *body]) + "\n"
    (seeds / "z-embassy-repost.txt").write_text(repost, "utf-8")
    original = parse_file(seeds / "good.txt").transcript
    copy = parse_file(seeds / "z-embassy-repost.txt").transcript
    assert copy.transcript_id == original.transcript_id
    assert (copy.languages, copy.tags) == ([], []) != (original.languages, original.tags)
    report = build(seeds, tmp_path / "out")
    assert [(w.type, w.file) for w in report.warnings] == [
        ("duplicate-page", "z-embassy-repost.txt")
    ]
    assert report.figures["pages_published"] == 1


@pytest.mark.parametrize("cut_name", ["a-cut.txt", "z-cut.txt"])  # before and after good.txt
def test_a_cut_short_copy_is_a_duplicate_and_the_whole_page_is_kept(
    tmp_path: Path, cut_name: str
) -> None:
    seeds = _seeds(tmp_path)
    good = fixture_text("good.txt")
    cut = good[: good.index("well organised") + len("well orga")]  # mid-word, last answer
    (seeds / cut_name).write_bytes(cut.encode("utf-8"))
    short, whole = parse_file(seeds / cut_name), parse_file(seeds / "good.txt")
    assert short.transcript.transcript_id == whole.transcript.transcript_id
    assert (short.transcript.complete, whole.transcript.complete) == (False, True)
    report = build(seeds, tmp_path / "out")
    assert report.errors == []
    (warning,) = report.warnings  # the cut page's incomplete-page warning is not kept
    assert (warning.type, warning.file, warning.severity) == (
        "duplicate-page",
        cut_name,
        "warning",
    )
    assert "good.txt" in warning.message and warning.message.endswith("from good.txt")
    assert report.figures["pages_published"] == 1
    rows = (tmp_path / "out" / "dist" / "transcripts.csv").read_text("utf-8").splitlines()
    assert len(rows) == 2 and ",good.txt," in rows[1]
    answers = (tmp_path / "out" / "dist" / "answers.csv").read_text("utf-8")
    assert "The forum was well organised." in answers


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("They are very good.", "They are very bad."),  # an earlier text differs
        ("Question (retranslated", "Reporter (retranslated"),  # a label differs
        ("(speaking in English)", "(speaking in French)"),  # the last turn's qualifier
        ("well orga", "badly orga"),  # the cut text is no prefix
    ],
)
def test_a_cut_copy_that_differs_otherwise_is_still_a_collision(
    tmp_path: Path, old: str, new: str
) -> None:
    seeds = _seeds(tmp_path)
    good = fixture_text("good.txt")
    cut = good[: good.index("organised") + len("orga")].replace(old, new)
    (seeds / "z-cut.txt").write_bytes(cut.encode("utf-8"))
    assert not parse_file(seeds / "z-cut.txt").transcript.complete
    with pytest.raises(BuildError) as caught:
        build(seeds, tmp_path / "out")
    assert [(p.type, p.file) for p in caught.value.report.errors] == [("id-collision", "z-cut.txt")]


def test_two_pages_with_one_id_are_an_error_naming_both(tmp_path: Path) -> None:
    seeds = _seeds(tmp_path)
    (seeds / "collision.txt").write_bytes((BAD / "collision.txt").read_bytes())
    assert (
        parse_file(seeds / "collision.txt").transcript.transcript_id
        == parse_file(seeds / "good.txt").transcript.transcript_id
    )
    root = tmp_path / "out"
    with pytest.raises(BuildError) as caught:
        build(seeds, root)
    (problem,) = caught.value.report.errors
    assert problem.type == "id-collision"
    assert problem.file == "good.txt" and "collision.txt" in problem.message
    assert not (root / "dist").exists()

    report = build(seeds, root, on_error="skip")  # skip: the first of the two is kept
    assert [p.type for p in report.errors] == ["id-collision"]
    assert report.figures["skipped"] == ["good.txt"]
    assert ",collision.txt," in (root / "dist" / "transcripts.csv").read_text("utf-8")


@pytest.mark.parametrize(
    "text",
    [
        "Её книга. Рёбра. В\u00a0Москве. ВІДДІЛ. Всё, ещё.",  # Russian and Ukrainian
        "café «Über» Fuß“ Zürich — naïve. Ещё «ЁЖ».",  # accents, quotes, dashes
    ],
)
def test_real_text_is_not_taken_for_mojibake(text: str) -> None:
    assert decode(text.encode(), "page.txt").text == text


@pytest.mark.parametrize(
    "text, shown",
    [
        ("Территория смыслов".encode().decode("cp1251"), "Терр"),
        ("cafÃ© au lait", "é"),
        ("Lavrovâ€™s remarks", "’"),
        ("Sergey\u00c2\u00a0Lavrov", "\u00a0"),
    ],
)
def test_mojibake_is_refused(text: str, shown: str) -> None:
    with pytest.raises(TranscriptError) as caught:
        decode(f"Title\n\n{text}\n".encode(), "page.txt")
    problem = caught.value.problem
    assert (problem.type, problem.line) == ("encoding-error", 3)
    assert f"the UTF-8 bytes of {shown!r}" in problem.message


def test_a_cyrillic_look_alike_in_an_8bit_page_is_refused_not_misread() -> None:
    """'Jоhn' (Cyrillic о) saved as Windows-1251 would read 'Jîhn' as Windows-1252."""
    page = next(FIXTURES.glob("013_*.txt")).read_text("utf-8")
    assert "Jоhn" in page
    with pytest.raises(TranscriptError) as caught:
        decode(page.encode("cp1251"), "013.txt")
    problem = caught.value.problem
    assert (problem.type, problem.line) == ("encoding-error", 1)
    assert "'Jоhn' in Windows-1251" in problem.message and "'Jîhn'" in problem.message
