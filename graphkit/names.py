"""Names that cannot spoof or split an actor: Unicode NFKC, no invisible characters, and
look-alike letters of another script inside a Latin word read as the Latin letters.

"Ηamas" written with a Greek capital Eta, "United States" followed by a bidi override, or
"Joe Bi\u200dden" with a zero-width joiner are the actors they imitate. Only the name is
folded: the evidence keeps the text as the article wrote it. The look-alike table is
Unicode's own (confusables.txt, through the confusable-homoglyphs package), used only for a
word that mixes Latin letters with letters of another script, so a name written wholly in
Greek or Cyrillic stays as it is.

>>> plain_name("\u0397amas") == "Hamas"
True
>>> plain_name("United States\u202d")
'United States'
>>> plain_name("Joe Bi\u200dden")
'Joe Biden'
>>> plain_name("\u041c\u043e\u0441\u043a\u0432\u0430") == "\u041c\u043e\u0441\u043a\u0432\u0430"
True
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"\w+")


def plain_name(text: str) -> str:
    """``text`` in NFKC without format characters (zero-width, bidi controls), and with
    look-alike letters in mixed-script words replaced by their Latin letters."""
    if text.isascii():
        return text
    s = unicodedata.normalize("NFKC", text)
    s = "".join(c for c in s if unicodedata.category(c) != "Cf")
    return _WORD.sub(_latin_word, s)


def fold_lookalikes(text: str) -> str:
    """Look-alike letters in mixed-script words as their Latin letters, one for one (the
    length never changes), for the text the parser reads: "Наmas" is parsed as "Hamas".

    >>> fold_lookalikes("Наmas attacked") == "Hamas attacked"
    True
    """
    if text.isascii():
        return text
    out = _WORD.sub(_latin_word, text)
    return out if len(out) == len(text) else text


def _latin_word(match: re.Match[str]) -> str:
    word = match.group()
    if word.isascii():
        return word
    scripts = {_script(c) for c in word if c.isalpha()}
    if "LATIN" not in scripts or len(scripts) < 2:
        return word
    return "".join(_latin(c) if c.isalpha() and _script(c) != "LATIN" else c for c in word)


@lru_cache(maxsize=4096)
def _script(char: str) -> str:
    from confusable_homoglyphs import categories

    return str(categories.alias(char))


@lru_cache(maxsize=4096)
def _latin(char: str) -> str:
    """The Latin letter ``char`` looks like, or ``char`` when there is none."""
    from confusable_homoglyphs import confusables

    for found in confusables.is_confusable(char, preferred_aliases=["latin"], greedy=True) or []:
        for glyph in found["homoglyphs"]:
            if glyph["n"].startswith("LATIN") and len(glyph["c"]) == 1:
                return str(glyph["c"])
    return char
