"""Direct quotes and who speaks them.

A quote is the text between a pair of double quotes (ingest has mapped typographic quotes to
``"``). News style lets one quote run over several paragraphs: each paragraph of it opens
with a quote mark and only the last one closes, so a paragraph that leaves a quote open and a
next paragraph that opens one continue the same quote.

A quote's speaker is the subject of a reporting verb (cue role ``report``) that stands outside
every quote, either after the quote in the sentence that closes it (``"...," Egypt said.``,
``"...," said Egypt.``) or before it in the sentence that opens it (``Egypt said: "..."``).
A quote that follows an attributed one with no other sentence between them goes on in the same
voice, and a quote that ends its sentence unattributed is spoken by the subject of a next
sentence that only reports ("The minister said this at a news conference."). Every sentence
of the quote is then that speaker's claim, and the claim's text is the quote.

>>> find_quote_spans('He said: "One. Two."\\n\\n"Three.\\n\\n"Four," she added.')
[(10, 19), (23, 37)]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..ontology import Ontology

#: a paragraph: lines up to a blank line
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")


@dataclass(frozen=True)
class Quote:
    """A direct quote: its characters (inside the quote marks) and its speaker's token."""

    start: int
    end: int
    speaker: Token


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """The character spans inside double quotes, a quote continued over paragraphs being one."""
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for k, (p0, p1) in enumerate(paragraphs):
        first = p0 + len(text[p0:p1]) - len(text[p0:p1].lstrip())
        for i in range(p0, p1):
            if text[i] != '"':
                continue
            if open_at is None:
                open_at = i + 1
            elif i == first:
                continue  # the opening mark of the quote's next paragraph
            else:
                spans.append((open_at, i))
                open_at = None
        if open_at is not None:
            nxt = paragraphs[k + 1] if k + 1 < len(paragraphs) else None
            if nxt is None or not text[nxt[0] : nxt[1]].lstrip().startswith('"'):
                open_at = None  # an unclosed quote stops at its paragraph
    return spans


def find_quotes(doc: Doc, sents: list[Span], onto: Ontology, text: str) -> list[Quote]:
    """The document's quotes with a speaker (see the module's docstring). ``text`` is the
    document's normalised text, offset for offset the parsed one (``Doc.text`` would join
    every token again)."""
    spans = find_quote_spans(text)
    if not spans:
        return []
    starts = [s.start_char for s in sents]
    report = onto.cue("report")

    def inside(tok: Token) -> bool:
        return any(a <= tok.idx < b for a, b in spans)

    def speaker_in(tokens: list[Token]) -> Token | None:
        for t in tokens:
            if t.lemma_.lower() in report and t.pos_ == "VERB" and not inside(t):
                subj = next((c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
                if subj is not None and not inside(subj):
                    return subj
        return None

    out: list[Quote] = []
    for a, b in spans:
        k = max(0, bisect_right(starts, b) - 1)
        closing = sents[k]
        opening = sents[max(0, bisect_right(starts, a - 1) - 1)]
        after = [t for t in closing if t.idx > b]
        before = [t for t in opening if t.idx < a]
        speaker = speaker_in(after) or speaker_in(list(reversed(before)))
        if speaker is None and out:
            # '"...," Egypt said. "More."': a quote right after an attributed one goes on
            # in the same voice (no sentence of other text between them)
            prev = out[-1]
            between = [st for st in starts if prev.end < st < a - 1]
            if len(between) <= 1 and prev.end < a:
                speaker = prev.speaker
        if speaker is None and not any(t.is_alpha for t in after):
            # '"..."\n\nThe minister said this at a news conference.': a next sentence that
            # only reports, with no content of its own, names the quote's speaker
            nxt = sents[k + 1] if k + 1 < len(sents) else None
            if nxt is not None and not any(
                t.dep_ in {"ccomp", "parataxis"} or inside(t) for t in nxt
            ):
                speaker = speaker_in([nxt.root])
        if speaker is not None:
            out.append(Quote(a, b, speaker))
    return out
