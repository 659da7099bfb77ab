"""Finding a registry speaker named in running text, fast: the registry's pattern as a trie.

:func:`find_in_text` gives what :func:`mfa_transcripts.builder.speakers.find_in_text`
gives (the first registry person named, and the span of the name), from the same
pattern with its two alternations of aliases (some 600, longest first) written as a
trie. The regex engine tries an alternation's branches one by one at every word start
of the text; a trie tries one character class a step. Both find the same match: at a
given place, the aliases that match lie on one path of the trie (two aliases that part
ways differ in the next character, so at most one goes on matching), and the trie tries
the longer before the shorter along it, as the list does. A test holds the two equal
on every fixture and on generated text; the title search asks about the same few lines
again and again, so the answers are cached.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from .. import speakers

__all__ = ["find_in_text", "ministry", "trie_pattern"]

_Trie = dict[str, "_Trie"]


def trie_pattern(words: list[str]) -> str:
    """A regex matching what ``"|".join(map(re.escape, words))`` matches, preferring the
    longest word where several match at one place (as a longest-first list does)."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def emit(node: _Trie) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # a word ending here is the last resort: the longer words through here first
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


@cache
def _pattern() -> re.Pattern[str]:
    """:func:`speakers.alias_pattern`, its alternations as tries."""
    return speakers.alias_pattern(trie_pattern)


@lru_cache(maxsize=1024)  # some pages of lines (a line may be a long paragraph)
def find_in_text(text: str) -> tuple[speakers.Speaker, int, int] | None:
    """The first registry speaker named in ``text``, with the span of the name."""
    return speakers.found_in(_pattern(), speakers.fold(text))


def ministry(speaker: str | None) -> bool | None:
    """Whether the registry person named ``speaker`` speaks for the Ministry; None for a
    name the registry does not hold."""
    person = speakers.by_name(speaker)
    return None if person is None else person.ministry
