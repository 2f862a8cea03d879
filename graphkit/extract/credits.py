"""Photo credits: the person or agency an inline credit names is mentioned by the article.

Ingest blanks a credit ("... at the booth. Image: Nick Moreau.") out of the text extraction
reads, so that it never runs into the caption's sentence, and keeps where its name stands
(:attr:`~graphkit.records.Document.credit_spans`). Each name is parsed on its own and its
actors are mentions of their nodes, as any name is: a photographer, NASA, "Twitter / Barack
Obama". A credit takes part in no edge.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Doc

from ..ontology import Ontology
from ..records import Document, Evidence, Mention
from .mentions import find_names


def credit_mentions(
    document: Document, parse: Callable[[Iterable[str]], Iterable[Doc]], onto: Ontology
) -> list[Mention]:
    """The actor mentions of ``document``'s photo credits; ``parse`` runs the pipeline up to
    extraction over their texts."""
    spans = document.credit_spans
    if not spans:
        return []
    out: list[Mention] = []
    texts = [document.text[a:b] for a, b in spans]
    for (start, _), doc in zip(spans, parse(texts), strict=True):
        for span, ref in find_names(doc, onto).actors():
            a, b = start + span.start_char, start + span.end_char
            text = document.text[a:b]
            out.append(Mention(ref, Evidence(document.id, a, b, text), text))
    return out
