"""Which language a document is written in, so that text graphkit cannot read is reported and
skipped rather than built into a graph of nonsense ("L'Égypte" typed Person).

graphkit's English pipeline reads English. :func:`foreign_language` asks ``langdetect`` (a port
of Google's language-detection library, shipped with its own language profiles, so nothing is
fetched) and answers only when it is sure: a text of fewer than :data:`MIN_WORDS` words (a
headline, a one-line test) is taken as English, and so is any text where English is not
clearly outvoted. A sample where English's function words (cue role ``english_function`` of the
ontology: "the", "of", "and", ...) are at least :data:`ENGLISH_SHARE` of the words is English
without asking the detector: English news has 0.15 and more of them (0.19 and more in whole
articles), French, German or Spanish news 0.08 and less, and the detector costs a build of
short articles 2% of its time.

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
ENGLISH_SHARE = 0.15

_WORD = re.compile(r"[^\W\d_]+")

_lock = threading.Lock()


def foreign_language(text: str, common: frozenset[str] = frozenset()) -> str | None:
    """The language code of ``text`` when it is surely not English, else None. ``common``:
    English function words, whose share of the text's first words tells English at once."""
    if len(text.split()) < MIN_WORDS:
        return None
    if common and english_share(text[:SAMPLE_CHARS], common) >= ENGLISH_SHARE:
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


def english_share(text: str, common: frozenset[str]) -> float:
    """The share of ``text``'s words that are in ``common`` (0 for no word).

    >>> words = frozenset({"the", "it", "had"})
    >>> english_share("The army said it had left the city.", words)
    0.5
    >>> english_share("Le ministre a déclaré que le gouvernement appelait au calme.", words)
    0.0
    """
    words = _WORD.findall(text.lower())
    return sum(w in common for w in words) / len(words) if words else 0.0
