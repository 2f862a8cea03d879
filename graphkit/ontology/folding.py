"""How names are folded for lookup (``normalize_name``) and made into identifiers (``slugify``)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from ..names import plain_name

_POSSESSIVE = re.compile(r"'s$|'$")


_SPACES = re.compile(r"[\s\u2010-\u2015-]+")


_ARTICLE = re.compile(r"^(the|a|an) ")


_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


@lru_cache(maxsize=1 << 16)  # a pure function of a string, asked many times for each name
def normalize_name(name: str) -> str:
    """Fold a surface form for name lookup: case, quotes, periods, a leading "the", "'s".

    >>> normalize_name("the U.S.")
    'us'
    >>> normalize_name("Iraq\u2019s")
    'iraq'
    """
    s = unicodedata.normalize("NFKC", plain_name(name)).translate(_QUOTES).casefold().strip()
    s = _POSSESSIVE.sub("", s).replace(".", "")
    s = _SPACES.sub(" ", s).strip()
    return _ARTICLE.sub("", s)


@lru_cache(maxsize=1 << 16)
def slugify(text: str) -> str:
    """A lower-case ASCII identifier for a name; falls back to a hash for non-Latin names.

    >>> slugify("Mohammed Shia Al-Sudani")
    'mohammed_shia_al_sudani'
    >>> slugify("\u0627\u0644\u0633\u0648\u062f\u0627\u0646\u064a").startswith("x")
    True
    """
    ascii_ = unicodedata.normalize("NFKD", plain_name(text)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "_", ascii_.lower().replace("'", "")).strip("_")
    if not slug:
        slug = "x" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    return slug[:80]
