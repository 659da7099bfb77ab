"""A deterministic synthetic archive: N pages across the family's layouts and label variants.

Every page is made from its own generated sentences (words drawn from a Zipf-weighted
vocabulary, so the text compresses like prose, about 3:1 under gzip, rather than like
repeated paragraphs), in one of the layouts the parser reads (see
``tests/data/synthetic``): the Ministry's new site with its stamp and language line, an
embassy repost (``10 november / 2017``), a page with its date on its own line and single
line breaks, and a State Department-style page with upper-case labels. Labels vary
(qualifiers, other ministers, retranslated, ``Answer:``), some pages carry ``* * *``
separators and stage directions. Sizes follow a log-normal law: median about 15 KB, a
tail to 300 KB.

    .venv/bin/python benchmarks/corpus.py OUT_FOLDER --pages 1000 [--seed 1]

Same ``--pages`` and ``--seed``, same bytes.
"""

from __future__ import annotations

import argparse
import calendar
import math
import random
from pathlib import Path

MONTHS = list(calendar.month_name)[1:]
PLACES = [
    "Moscow",
    "Beijing",
    "New York",
    "Geneva",
    "Vienna",
    "Minsk",
    "Sochi",
    "Antalya",
    "Astana",
    "New Delhi",
    "Jakarta",
    "Brasilia",
    "Pretoria",
    "Cairo",
    "Ankara",
    "Tehran",
    "Hanoi",
    "Yerevan",
    "Baku",
    "Tashkent",
]
OCCASIONS = [
    "answers to media questions",
    "remarks and answers to media questions at a joint news conference",
    "interview with a news agency",
    "answers to media questions on the sidelines of a ministerial meeting",
    "remarks at a plenary session",
]
COUNTERPARTS = [
    ("Mevlut Cavusoglu", "Foreign Minister of Turkey"),
    ("Wang Yi", "Foreign Minister of China"),
    ("Vladimir Makei", "Foreign Minister of Belarus"),
    ("Sameh Shoukry", "Foreign Minister of Egypt"),
]
QUALIFIERS = ["to both ministers", "speaking in English", "retranslated", "via interpreter"]
# A vocabulary of plausible diplomatic English, weighted by rank (Zipf).
_BASE = (  # noqa: SIM905 - a word list, easier to read as prose
    "the of and to in a is that we on for this with our it are as be by have not at "
    "which all will Russia has an our from they their there been would its were these "
    "also can more other about one what countries cooperation international country "
    "security situation issue partners question very important believe political "
    "president foreign minister talks agreement meeting process development relations "
    "support position economic peace region settlement dialogue efforts common interest "
    "United Nations Security Council sanctions trade energy investment agenda format "
    "negotiations proposal approach principle sovereignty crisis conflict resolution "
    "stability strategic bilateral multilateral regional global colleagues discussed "
    "continue work together ready share view assessment concern initiative framework "
    "must should could need think said say know see want make take give find tell "
    "today year years time week month day people government state parliament military "
    "humanitarian assistance law rights obligations treaty documents commitments level "
    "contacts visit delegation summit forum conference session statement document press "
    "media journalists colleagues friends partners Western European Asian African Arab "
    "Latin American Eurasian Economic Union BRICS SCO OSCE NATO ASEAN G20 APEC "
    "terrorism extremism drugs migration climate health pandemic vaccine cyberspace "
    "information technology science education culture sport tourism transport logistics "
    "oil gas grain food fertiliser markets currencies payments banks finance budget "
    "however therefore moreover indeed certainly clearly obviously unfortunately "
    "naturally of course in particular as well as in addition at the same time "
    "first second third next last new old good great major main key real direct "
    "honest open frank constructive practical concrete specific mutual equal fair "
    "legitimate unilateral illegal aggressive provocative dangerous serious difficult"
).split()


def _vocabulary(rng: random.Random) -> tuple[list[str], list[float]]:
    words = list(dict.fromkeys(_BASE))
    # Derived forms widen the vocabulary the way inflection does in real text.
    for word in list(words):
        if word.isalpha() and word.islower() and len(word) > 4:
            words += [word + "s", word + "ed", word + "ing"][: rng.randint(0, 3)]
    rng.shuffle(words)
    # A long tail of rarer words (names, terms) built from syllables, as real text has.
    syllables = "ka ro mi ste na vol ter dis an ple gor tion pre ex con sta vi li mo ber".split()  # noqa: SIM905
    while len(words) < 6000:
        word = "".join(rng.choices(syllables, k=rng.randint(2, 4)))
        words.append(word.capitalize() if rng.random() < 0.3 else word)
    weights = [1 / (rank + 2.7) for rank in range(len(words))]
    return words, weights


class _Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.words, self.weights = _vocabulary(rng)

    def sentence(self) -> str:
        rng = self.rng
        n = max(4, int(rng.gauss(18, 7)))
        words = rng.choices(self.words, self.weights, k=n)
        if rng.random() < 0.3:
            words.insert(rng.randint(1, n - 1), rng.choice(PLACES))
        if rng.random() < 0.15:
            words.insert(
                rng.randint(1, n - 1),
                str(rng.choice((rng.randint(2, 99), 1990 + rng.randint(0, 34)))),
            )
        parts = []
        for i, word in enumerate(words):
            parts.append(word)
            if 2 < i < n - 2 and rng.random() < 0.07:
                parts[-1] += ","
        text = " ".join(parts)
        end = "?" if rng.random() < 0.05 else "."
        return text[0].upper() + text[1:] + end

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(max(1, sentences)))

    def question(self) -> str:
        s = self.sentence()[:-1]
        return s + "?"


def _size(rng: random.Random) -> int:
    """Bytes of body: log-normal, median ~15 KB, clipped to [600 B, 300 KB]."""
    return int(min(300_000, max(600, rng.lognormvariate(math.log(14_000), 0.85))))


def _body(
    w: _Writer, rng: random.Random, target: int, *, upper: bool, interview: bool, sep: bool
) -> str:
    """Opening remarks, then question-and-answer turns until about ``target`` characters."""
    minister = "FOREIGN MINISTER LAVROV" if upper else "Sergey Lavrov"
    other_name, _role = rng.choice(COUNTERPARTS)
    other = f"FOREIGN MINISTER {other_name.split()[-1].upper()}" if upper else other_name
    question = "QUESTION" if upper else "Question"
    answer = minister if not interview else "Answer"
    paragraphs: list[str] = []
    size = 0

    def add(text: str) -> None:
        nonlocal size
        paragraphs.append(text)
        size += len(text) + 2

    if not interview:
        add(f"{minister}: " + w.paragraph(rng.randint(3, 7)))
        for _ in range(rng.randint(0, 3)):
            add(w.paragraph(rng.randint(3, 8)))
        if rng.random() < 0.4:
            suffix = "" if upper else " (retranslated)"
            add(f"{other}{suffix}: " + w.paragraph(rng.randint(2, 6)))
    turns = 0
    while size < target:
        qual = ""
        if not upper and rng.random() < 0.15:
            qual = f" ({rng.choice(QUALIFIERS[:2])})"
        add(f"{question}{qual}: " + w.paragraph(rng.randint(0, 2)) + " " + w.question())
        who = answer
        if not interview and rng.random() < 0.2:
            who = other + ("" if upper else " (retranslated)")
        add(f"{who}: " + w.paragraph(rng.randint(2, 6)))
        for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
            add(w.paragraph(rng.randint(2, 7)))
        turns += 1
        if sep and turns % 7 == 0 and not upper:
            add("* * *")
        if not upper and not interview and rng.random() < 0.03:
            add("(Applause)")
    return "\n\n".join(paragraphs)


def page(index: int, seed: int) -> tuple[str, str]:
    """The file name and text of page ``index``."""
    rng = random.Random(f"{seed}:{index}")
    w = _Writer(random.Random(f"{seed}:vocabulary"))
    w.rng = rng
    year = rng.randint(2004, 2024)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    place = rng.choice(PLACES)
    occasion = rng.choice(OCCASIONS)
    interview = "interview" in occasion
    layout = rng.choices(("newsite", "embassy", "dateline", "upper"), (6, 2, 1, 1))[0]
    # A number in the title keeps every page's ID its own (IDs come from date and title).
    subject = f"meeting no. {index + 1} of the {rng.choice(PLACES)} group"
    title = f"Foreign Minister Sergey Lavrov’s {occasion} on {subject}, {place}"
    date_words = f"{MONTHS[month - 1]} {day}, {year}"
    body_size = _size(rng)
    if layout == "upper":
        body = _body(w, rng, body_size, upper=True, interview=False, sep=False)
        text = (
            f"Remarks With Russian Foreign Minister Sergey Lavrov on {subject}\n\n"
            f"Rex Tillerson\nSecretary of State\n{place}\n{date_words}\n\n{body}\n"
        )
    elif layout == "embassy":
        body = _body(w, rng, body_size, upper=False, interview=interview, sep=False)
        text = f"{day} {MONTHS[month - 1].lower()} / {year}\n\n{title}\n\n{body}\n"
    elif layout == "dateline":
        body = _body(w, rng, body_size, upper=False, interview=interview, sep=False)
        text = f"{title}\n{date_words}\n{body.replace(chr(10) * 2, chr(10))}\n"
    else:
        body = _body(w, rng, body_size, upper=False, interview=interview, sep=rng.random() < 0.3)
        stamp = f"{day} {MONTHS[month - 1]} {year}{rng.randint(9, 21):02d}:{rng.randint(0, 59):02d}"
        langs = rng.choice(("en-GB1 ru-RU1", "de-DE1 en-GB1 es-ES1 ru-RU1 fr-FR1"))
        text = f"{stamp}\n\n{title}, {date_words}\n\n\n  • {langs}\n\n{body}\n\nAdvanced settings\n"
    return f"{index:05d}_{layout}-{year}-{month:02d}-{day:02d}.txt", text


def generate(out: Path, pages: int, seed: int = 1) -> int:
    """Write ``pages`` pages into ``out`` (created); returns the bytes written."""
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    for index in range(pages):
        name, text = page(index, seed)
        data = text.encode("utf-8")
        (out / name).write_bytes(data)
        total += len(data)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    total = generate(args.out, args.pages, args.seed)
    print(f"{args.pages} pages, {total / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
