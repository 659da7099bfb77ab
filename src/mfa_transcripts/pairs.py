"""Question/answer pairs: the join most analyses start with, in one call.

One row per answer, with its question and its transcript's date, title and speakers::

    >>> import mfa_transcripts
    >>> pairs = mfa_transcripts.load_pairs()
    >>> first = pairs[0]
    >>> (first.event_date.isoformat(), first.question_text, first.answer_speaker)
    ('2016-11-17', 'How did it go?', 'Sergey Lavrov')
    >>> len(pairs) == len(mfa_transcripts.load("answers"))
    True

Filter by the answering speaker and by event date (both ends included), and choose the
form: ``"models"`` (default, :class:`Pair`), ``"arrow"``, ``"pandas"`` or ``"hf"``::

    >>> import datetime
    >>> lavrov = mfa_transcripts.load_pairs(
    ...     speaker="Sergey Lavrov", start=datetime.date(2017, 1, 1), form="arrow"
    ... )
    >>> sorted(set(lavrov.column("answer_speaker").to_pylist()))
    ['Sergey Lavrov']
    >>> min(lavrov.column("event_date").to_pylist()) >= datetime.date(2017, 1, 1)
    True
    >>> mfa_transcripts.load_pairs(end=datetime.date(2000, 1, 1))
    []
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from .load import _package, _read, _require, data_path

if TYPE_CHECKING:
    from pathlib import Path

    import pyarrow as pa

__all__ = ["FORMS", "Pair", "load_pairs"]

FORMS = ("models", "arrow", "pandas", "hf")


class Pair(BaseModel):
    """An answer with its question and its transcript's date, title and speakers."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    transcript_id: str = Field(description="The transcript the pair belongs to.")
    event_date: dt.date | None = Field(description="The transcript's event date.")
    title: str | None = Field(description="The transcript's title.")
    speakers: list[str] = Field(
        description="Everyone who speaks in the transcript (speeches and answers), in order "
        "of first appearance."
    )
    question_id: str = Field(description="The question answered.")
    question_position: int = Field(description="Order of the question in its transcript.")
    question_label: str = Field(description="The question label as written.")
    question_text: str = Field(description="The question's text.")
    answer_id: str = Field(description="The answer.")
    answer_position: int = Field(description="Order of the answer within its question.")
    answer_speaker: str = Field(description="Canonical name of the answering speaker.")
    answer_ministry: bool | None = Field(
        description="Whether the answering speaker speaks for the Foreign Ministry."
    )
    answer_text: str = Field(description="The answer's text.")


def load_pairs(
    *,
    speaker: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    form: str = "models",
    package: Path | str | None = None,
    source: str = "shipped",
) -> Any:
    """Question/answer pairs in the published order (transcript, question, answer).

    ``speaker`` keeps the answers of one canonical speaker name; ``start`` and ``end``
    keep the transcripts whose event date lies between them (both included; a
    transcript without a date is dropped by either). ``form`` is ``"models"`` (a list of
    :class:`Pair`), ``"arrow"`` (a :class:`pyarrow.Table`), ``"pandas"`` (needs the
    ``pandas`` extra) or ``"hf"`` (a ``datasets.Dataset``, needs the ``hf`` extra).
    ``package`` and ``source`` choose the package read, as for :func:`load`.
    """
    if form not in FORMS:
        raise ValueError(f"unknown form {form!r}; expected one of {', '.join(FORMS)}")
    table = _pairs(speaker, start, end, package, source)
    if form == "arrow":
        return table
    if form == "pandas":
        _require("pandas", "pandas", "load_pairs(form='pandas')")
        return table.to_pandas()
    if form == "hf":
        datasets = _require("datasets", "hf", "load_pairs(form='hf')")
        from datasets.table import InMemoryTable

        features = datasets.Features.from_arrow_schema(table.schema)
        return datasets.Dataset(InMemoryTable(table), info=datasets.DatasetInfo(features=features))
    return [Pair.model_validate(row) for row in table.to_pylist()]


_TRIES = 5


def _read_together(
    tables: tuple[str, ...], package: Path | str | None, source: str
) -> list[pa.Table]:
    """Several tables of one publish: a build swaps the whole dist/ folder in, so when the
    folder read from is the same before and after, the tables come from one publish."""
    import os
    import time

    def folder() -> tuple[int, int] | None:
        try:
            info = os.stat(data_path(tables[0], _package(package, source)).parent)
        except OSError:
            return None
        return info.st_ino, info.st_mtime_ns

    for attempt in range(_TRIES):
        before = folder()
        read = [_read(t, package, source=source) for t in tables]
        if folder() == before:
            break
        time.sleep(0.1 * (attempt + 1))  # a publish landed meanwhile: read again
    return read


def _pairs(
    speaker: str | None,
    start: dt.date | None,
    end: dt.date | None,
    package: Path | str | None,
    source: str,
) -> pa.Table:
    import pyarrow as pa
    import pyarrow.compute as pc

    transcripts, questions, answers, speeches = _read_together(
        ("transcripts", "questions", "answers", "speeches"), package, source
    )

    order: dict[str, list[tuple[int, str]]] = {}
    for table in (speeches, answers):  # speakers in order of first appearance
        seen_rows = zip(
            table.column("transcript_id").to_pylist(),
            table.column("char_start").to_pylist(),
            table.column("speaker").to_pylist(),
            strict=True,
        )
        for tid, at, name in seen_rows:
            if name is not None:
                order.setdefault(tid, []).append((at, name))
    speakers = {
        tid: list(dict.fromkeys(name for _, name in sorted(seen))) for tid, seen in order.items()
    }
    about = {
        tid: (date, title)
        for tid, date, title in zip(
            transcripts.column("transcript_id").to_pylist(),
            transcripts.column("event_date").to_pylist(),
            transcripts.column("title").to_pylist(),
            strict=True,
        )
    }
    asked = {
        qid: (position, label, text)
        for qid, position, label, text in zip(
            questions.column("question_id").to_pylist(),
            questions.column("position").to_pylist(),
            questions.column("label").to_pylist(),
            questions.column("text").to_pylist(),
            strict=True,
        )
    }
    if speaker is not None:
        answers = answers.filter(pc.equal(answers.column("speaker"), speaker))
    rows = []
    for answer in answers.to_pylist():  # answers are published in pair order already
        date, title = about[answer["transcript_id"]]
        if (start is not None or end is not None) and date is None:
            continue
        if (start is not None and date < start) or (end is not None and date > end):
            continue
        position, label, text = asked[answer["question_id"]]
        rows.append(
            {
                "transcript_id": answer["transcript_id"],
                "event_date": date,
                "title": title,
                "speakers": speakers.get(answer["transcript_id"], []),
                "question_id": answer["question_id"],
                "question_position": position,
                "question_label": label,
                "question_text": text,
                "answer_id": answer["answer_id"],
                "answer_position": answer["position"],
                "answer_speaker": answer["speaker"],
                "answer_ministry": answer["ministry"],
                "answer_text": answer["text"],
            }
        )
    return pa.Table.from_pylist(rows, schema=_schema())


_NULLABLE = {"event_date", "title", "answer_ministry"}


def _schema() -> pa.Schema:
    """The pairs' Arrow schema, with the :class:`Pair` field descriptions."""
    import pyarrow as pa

    types: dict[str, pa.DataType] = {
        "event_date": pa.date32(),
        "speakers": pa.list_(pa.string()),
        "question_position": pa.int64(),
        "answer_position": pa.int64(),
        "answer_ministry": pa.bool_(),
    }
    return pa.schema(
        [
            pa.field(
                name,
                types.get(name, pa.string()),
                nullable=name in _NULLABLE,
                metadata={"description": info.description or ""},
            )
            for name, info in Pair.model_fields.items()
        ]
    )
