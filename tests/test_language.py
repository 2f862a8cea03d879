"""Which documents are read as English: the detector is asked only when English's function
words (cue role english_function) are rare, and other languages are still found."""

from __future__ import annotations

import langdetect
import pytest

from graphkit.ingest.language import ENGLISH_SHARE, english_share, foreign_language
from graphkit.ontology import load_ontology

COMMON = load_ontology(()).cue("english_function")

ENGLISH = (
    "The army said on Monday that it had pushed the rebels out of the northern town after two "
    "days of fighting, and that its soldiers were clearing the roads around it of mines. The "
    "rebels denied that they had left and said they would fight on."
)
FOREIGN = {
    "de": "Die Regierung in Berlin hat am Montag die Angriffe auf die Stadt verurteilt. Der "
    "Außenminister sagte, man werde mit den Partnern in der Europäischen Union über weitere "
    "Sanktionen sprechen, die noch in dieser Woche beschlossen werden könnten.",
    "es": "El gobierno de México condenó el ataque contra la embajada y pidió a las autoridades "
    "que investiguen los hechos. El ministro dijo que no se tolerará ninguna agresión contra su "
    "personal diplomático en el extranjero.",
    "nl": "De regering in Den Haag heeft de aanval op de ambassade veroordeeld. De minister zei "
    "dat Nederland samen met de andere landen van de Europese Unie nieuwe sancties zal voorstellen "
    "tegen het regime en de banden met het land wil herzien.",
}


def test_english_is_read_without_asking_the_detector(monkeypatch):
    def refuse(*_a, **_k):
        raise AssertionError("the detector was asked about an English text")

    monkeypatch.setattr(langdetect, "detect_langs", refuse)
    assert english_share(ENGLISH, COMMON) >= ENGLISH_SHARE
    assert foreign_language(ENGLISH, COMMON) is None


@pytest.mark.parametrize("lang", sorted(FOREIGN))
def test_other_languages_are_still_found(lang):
    assert english_share(FOREIGN[lang], COMMON) < ENGLISH_SHARE
    assert foreign_language(FOREIGN[lang], COMMON) == lang
