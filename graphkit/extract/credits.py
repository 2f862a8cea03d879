"""Photo credits: the person or agency an inline credit names is mentioned by the article.

Ingest blanks a credit ("... at the booth. Image: Nick Moreau.") out of the text extraction
reads, so that it never runs into the caption's sentence, and keeps where its name stands
(:attr:`~graphkit.records.Document.credit_spans`). Each name is parsed on its own and its
actors are mentions of their nodes, as any name is: a photographer, NASA, "Twitter / Barack
Obama". A name the NER gives no class ("Image: ShakataGaNai", "Audio: Jkthom") is still a
credit's name, so an actor of unknown kind (``Actor``) when its words are capitalised (a
function word aside: "Sarvis for Governor") and the ontology does not list it among the
names that are no actors (not_actors.tsv: "Public Domain"). A credit takes part in no edge.

Headings and captions that ingest blanks out of the text ("Michael Tien of NPP", a photo's
caption with no credit) are read the same way (:attr:`~graphkit.records.Document.heading_spans`):
the names the NER and the gazetteer find in them are mentions, in no edge; their other words
are no names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Doc

from ..ontology import Ontology, normalize_name, slugify
from ..records import ActorRef, Document, Evidence, Mention
from .names import find_names


def credit_mentions(
    document: Document,
    parse: Callable[[Iterable[str]], Iterable[Doc]],
    onto: Ontology,
    *,
    sport: bool = False,
) -> list[Mention]:
    """The actor mentions of ``document``'s photo credits and headings; ``parse`` runs the
    pipeline up to extraction over their texts (in one batch); ``sport``: the document is a
    story about sport (a state's name in a heading is its team)."""
    asides = _asides(document)
    if not asides:
        return []
    out: list[Mention] = []
    texts = [document.text[a:b] for (a, b), _ in asides]
    for ((start, _), credit), doc in zip(asides, parse(texts), strict=True):
        found = list(find_names(doc, onto, sport=sport).actors())
        if not found and credit and _name_like(doc, onto):
            found = [(doc[:], ActorRef(slugify(doc.text), doc.text, "Actor"))]
        for span, ref in found:
            a, b = start + span.start_char, start + span.end_char
            text = document.text[a:b]
            out.append(Mention(ref, Evidence(document.id, a, b, text), text))
    return out


def _asides(document: Document) -> list[tuple[tuple[int, int], bool]]:
    """The spans of ``document``'s photo credits (True) and headings (False)."""
    return [(span, True) for span in document.credit_spans] + [
        (span, False) for span in document.heading_spans
    ]


def aside_texts(document: Document) -> list[str]:
    """The texts :func:`credit_mentions` parses for ``document``, in its order: a batch of
    documents has them parsed at once and hands each its own."""
    return [document.text[a:b] for (a, b), _ in _asides(document)]


def _name_like(doc: Doc, onto: Ontology) -> bool:
    """Whether a credit's text reads as a name: at most five words, each word with a letter
    capitalised except function words, one of them with a small letter too (not a licence's
    "CC BY-SA"), and no name the ontology says is no actor."""
    words = [t for t in doc if t.is_alpha]
    if not words or len(doc) > 5 or normalize_name(doc.text) in onto.not_actors:
        return False
    if not all(t.text[0].isupper() or t.is_stop for t in words):
        return False
    return any(t.text[0].isupper() and not t.is_upper for t in words)
