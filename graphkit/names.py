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


#: format characters that only hide text: soft hyphen, zero-width characters, bidi controls,
#: the word joiner and invisible operators, a byte-order mark inside the text
_INVISIBLE = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
_HIDDEN_RUN = re.compile(f"(?:\\w|[{_INVISIBLE}])*[{_INVISIBLE}](?:\\w|[{_INVISIBLE}])*")
_IS_INVISIBLE = re.compile(f"[{_INVISIBLE}]")
#: full-width ASCII ("Ｈａｍａｓ") as ASCII, one for one
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}


def is_proper_name(name: str) -> bool:
    """A name, not a description a pronoun or "the firm" gave the actor: a capital letter in
    its one word, or in a word after its first.

    >>> is_proper_name("Ford Motors"), is_proper_name("eBay"), is_proper_name("The firm")
    (True, True, False)
    """
    words = name.split()
    return any(c.isupper() for w in (words if len(words) == 1 else words[1:]) for c in w)


def fold_hidden(text: str) -> str:
    """Invisible characters out of words and full-width letters as ASCII, one for one (the
    length never changes), for the text the parser reads: "Ha\u200dmas" is read as "Hamas".
    An invisible character inside a word moves to the word's end as a space; one at a word's
    edge becomes a space where it stands.

    >>> fold_hidden("Ha\u200bmas and \u202eIran\u202c, \uff28\uff41\uff4d\uff41\uff53.")
    'Hamas  and  Iran , Hamas.'
    """
    if text.isascii():
        return text
    out = _HIDDEN_RUN.sub(_unhide, text.translate(_FULLWIDTH))
    return out if len(out) == len(text) else text


def _unhide(match: re.Match[str]) -> str:
    run = match.group()
    visible = _IS_INVISIBLE.sub("", run)
    lead = 0
    while lead < len(run) and _IS_INVISIBLE.match(run[lead]):
        lead += 1
    return " " * lead + visible + " " * (len(run) - lead - len(visible))


def hidden_end(text: str, start: int, end: int) -> int:
    """Where a span of the folded text ends in the original ``text``: past the invisible
    characters :func:`fold_hidden` moved out of its words, so the original span holds the
    same letters ("Joe Bi\u200dden", not "Joe Bi\u200dde").

    >>> hidden_end("Joe Bi\u200dden met", 0, 9)
    10
    """
    piece = text[start:end]
    if piece.isascii() or not _IS_INVISIBLE.search(piece):
        return end
    e = end
    while e < len(text) and len(_IS_INVISIBLE.sub("", text[start:e])) < end - start:
        e += 1
    return e


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
    if "LATIN" not in scripts:
        # a word wholly in another script is folded only when every letter of it is a
        # look-alike of a Latin letter of its case ("Ηαmas" in Greek capitals and small
        # letters that all pass for Latin), never a word of that language ("Москва")
        folded = "".join(_latin(c) if c.isalpha() else c for c in word)
        return folded if folded.isascii() and len(scripts) == 1 else word
    if len(scripts) < 2:
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

    candidates = [
        str(glyph["c"])
        for found in confusables.is_confusable(char, preferred_aliases=["latin"], greedy=True) or []
        for glyph in found["homoglyphs"]
        if glyph["n"].startswith("LATIN") and len(glyph["c"]) == 1
    ]
    # a capital stands for a capital: Cyrillic "І" is Latin "I" (its small letter's look-alike,
    # "і" -> "i", capitalised), not the "l" Unicode's table gives it
    same_case = [c for c in candidates if c.isupper() == char.isupper()]
    if same_case:
        return same_case[0]
    if char.isupper() and char.lower() != char:
        small = _latin(char.lower())
        if small.isascii() and small.upper() != small:
            return small.upper()
    return (candidates or [char])[0]
