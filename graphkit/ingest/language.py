"""Which language a document is written in, so that text graphkit cannot read is reported and
skipped rather than built into a graph of nonsense ("L'Égypte" typed Person).

graphkit's English pipeline reads English. :func:`foreign_language` asks ``langdetect`` (a port
of Google's language-detection library, shipped with its own language profiles, so nothing is
fetched) and answers only when it is sure: a text of fewer than :data:`MIN_WORDS` words (a
headline, a one-line test) is taken as English, and so is any text where English is not
clearly outvoted. A sample where English's function words (spaCy's English stop-word list) are
at least :data:`ENGLISH_SHARE` of the words is English without asking the detector: English news
has 0.26 and more of them, French, German or Spanish news 0.11 and less, and the detector costs a
build of short articles 2% of its time.

>>> foreign_language("Hamas attacked Israel.") is None
True
>>> foreign_language(
...     "L'Égypte a condamné l'attaque d'Israël contre Gaza. Le ministre des Affaires "
...     "étrangères a déclaré que le gouvernement égyptien appelait à un cessez-le-feu "
...     "immédiat et à la protection des civils dans la bande de Gaza."
... )
'fr'
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

#: languages graphkit builds (``build(language=...)``); "any" builds every document
SUPPORTED = ("en",)
ANY = "any"
#: shorter texts are not judged: too few words to tell a language from names
MIN_WORDS = 25
#: how sure the detector must be of another language before a document is skipped
MIN_PROBABILITY = 0.9
#: characters of a document the detector reads: enough to tell, and 3 ms a document
SAMPLE_CHARS = 1000
#: a sample with at least this share of English function words is English, unasked
ENGLISH_SHARE = 0.2

_WORD = re.compile(r"[^\W\d_]+")

_lock = threading.Lock()


def foreign_language(text: str) -> str | None:
    """The language code of ``text`` when it is surely not English, else None."""
    if len(text.split()) < MIN_WORDS or english_share(text[:SAMPLE_CHARS]) >= ENGLISH_SHARE:
        return None
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    with _lock:
        DetectorFactory.seed = 0  # the detector samples at random: a fixed seed, fixed answers
        try:
            found = detect_langs(text[:SAMPLE_CHARS])
        except LangDetectException:  # no letters to judge
            return None
    if not found or found[0].lang in SUPPORTED or found[0].prob < MIN_PROBABILITY:
        return None
    return str(found[0].lang)


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def english_share(text: str) -> float:
    """The share of ``text``'s words that are English function words (0 for no word).

    >>> english_share("The army said it had left the city.")
    0.5
    >>> english_share("Le ministre a déclaré que le gouvernement appelait au calme.")
    0.1
    """
    words = _WORD.findall(text.lower())
    common = _function_words()
    return sum(w in common for w in words) / len(words) if words else 0.0
