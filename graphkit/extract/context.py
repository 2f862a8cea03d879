"""One parsed document as the extraction rules see it.

A :class:`DocContext` is built once per document. It puts together the parts that answer the
rules' questions, each in its own module and each returning what it found:

* :mod:`.mentions` -- the named mentions (NER plus the gazetteer ruler, acronyms in
  parentheses, surnames folded into the full name);
* :mod:`.generic` -- the generic actors ("U.S. forces", "Iran-backed militias", "militants");
* :mod:`.coref` -- what a pronoun or a definite description ("the group") refers back to;
* :mod:`.phrases` -- which actors the noun phrase headed by a token stands for;
* :mod:`.quotes` -- the direct quotes and who speaks them.

It also keeps the document's actor mentions: the named ones, found first, and those a noun
phrase adds when a rule resolves it (:meth:`DocContext.np_actors` is the one place that
records them). A mention's key is its span and actor, so the order in which rules resolve
phrases changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from ..names import hidden_end
from ..ontology import LexEntry, Ontology
from ..records import ActorRef, Document, Evidence, Mention
from .coref import Candidate, Coreference
from .dates import published_date
from .generic import GenericActors
from .names import Names, find_names, team_ref
from .phrases import Phrases
from .quotes import find_quotes


class DocContext:
    """The parts of extraction for one parsed document, and its actor mentions."""

    def __init__(self, document: Document, doc: Doc, onto: Ontology) -> None:
        self.document = document
        self.doc = doc
        self.onto = onto
        self.sents: list[Span] = list(doc.sents)
        self.sent_of: dict[int, int] = {t.i: si for si, s in enumerate(self.sents) for t in s}
        self.names: Names = find_names(doc, onto)
        self.generic = GenericActors(
            doc, self.names, onto, document.id, published=published_date(document)
        )
        self.coref = Coreference(doc, _reading_order(self.sents), self.names, self.generic, onto)
        self.phrases = Phrases(doc, self.names, self.generic, self.coref, onto)
        self.quotes = find_quotes(doc, self.sents, onto, document.clean)
        self.coref.quoted_by((q.start, q.end, q.speaker) for q in self.quotes)
        self.mentions: dict[tuple[int, int, str], Mention] = {}
        #: token index -> its lexicon entry (None: no predicate), filled by events.lookup
        self.lexicon_cache: dict[int, LexEntry | None] = {}
        for span, ref in self.names.actors():
            self.record(ref, span[0], span[-1])
        self._record_demonym_heads()
        self._record_appositions()
        self._record_generics()

    def _record_demonym_heads(self) -> None:
        """A state's plural demonym heading its own noun phrase ("the Palestinians", "Afghans")
        is a mention of the state, as its name is, whether or not it acts; in a story about
        sport, of its team ("the Belgians won")."""
        demonym = self.names.demonym
        for i, state in demonym.items():
            tok = self.doc[i]
            if tok.pos_ not in {"NOUN", "PROPN"} or tok.tag_ not in {"NNS", "NNPS"}:
                continue
            if tok.dep_ in {"compound", "amod", "nmod"}:
                continue  # "Afghan women": a modifier, the women are the actor
            ref = self.onto.state_ref(state)
            self.record(team_ref(ref.label) if self.names.sport else ref, tok, tok)

    def _record_appositions(self) -> None:
        """A description in apposition to a person's name is a mention of that person, though
        no name of theirs: "Walt Whitman, the first great American poet, ...", "Atwood, a
        Booker Prize-winner, ..."."""
        named = self.names.named
        for span, ref in self.names.actors():
            if ref.type != "Person":
                continue
            for c in span.root.children:
                if c.dep_ != "appos" or c.i in named:
                    continue
                if c.pos_ != "NOUN" and not (c.pos_ == "PROPN" and c.lower_ in self.onto.titles):
                    continue  # "Paris, France"; "the Secretary of State" is a title
                # the description without the names in it, which are mentions of their own:
                # after a name before the noun ("an Ottawa New Democrat MP": "MP"), up to the
                # noun when a name follows it ("a 14-year-old boy | from Irving, Texas")
                first, last = c.left_edge.i, c.right_edge.i
                for i in range(first, c.i):
                    if i in named:
                        first = i + 1
                while first < c.i and (self.doc[first].tag_ == "POS" or self.doc[first].is_punct):
                    first += 1  # "Canada's | Minister of Industry"
                if any(i in named for i in range(c.i + 1, last + 1)):
                    last = c.i
                self.record(ref, self.doc[first], self.doc[last], alias=False)

    def _record_generics(self) -> None:
        """Every mention of a generic actor with a state or patron ("the Indian government",
        "U.S. officials") is a mention of its node, whether or not it takes part in an edge,
        as a name's mentions are (such a unit is a node only when it acts, see
        :func:`graphkit.extract.extract_document`); so is a group of people that a plural
        generic noun names with no state ("Voters see the two parties as ...", "refugees"), a
        node local to its document, acting or not; one person named by a singular noun ("a
        spokesman") only where the noun phrase takes part in an edge."""
        for c in self.coref.candidates:
            if c.scoped_from is None and c.ref.scope.local and not c.person:
                self._record_group(c)
                continue
            if c.scoped_from is None or c.ref.scope.local or c.person:
                continue
            if any(t.dep_ == "cc" for t in self.doc[c.scoped_from : c.token]):
                continue  # "Canadian or US governments": two actors, each its own mention
            # "the government of Canada": the mention runs to the end of the state's phrase
            tok = self.doc[c.token]
            end = self.doc[self.phrases.scope_end(tok, c.ref)]
            self.record(c.ref, self.doc[c.scoped_from], end)

    def _record_group(self, c: Candidate) -> None:
        """The mention of an unscoped plural generic actor (see :meth:`_record_generics`)."""
        tok = self.doc[c.token]
        if tok.tag_ not in {"NNS", "NNPS"}:
            return
        g = self.generic.bare_generic(tok)
        if g is not None and g[0].key == c.ref.key:
            self.record(g[0], g[1], tok, alias=False)

    # ------------------------------------------------------------------ text and evidence
    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for a character span: the text comes from the original document (past
        any invisible character ingest moved out of its words)."""
        end = hidden_end(self.document.text, start, end)
        return Evidence(self.document.id, start, end, self.document.text[start:end])

    def sent(self, tok: Token) -> Span:
        """The sentence of ``tok``, from the list made once per document (``Token.sent`` scans
        the whole document on each call, which made extraction quadratic in its length)."""
        return self.sents[self.sent_of[tok.i]]

    def sentence_evidence(self, tok: Token) -> Evidence:
        s = self.sent(tok)
        text = s.text  # Doc.text joins the whole document on every call
        end = s.start_char + len(text.rstrip())
        return self.evidence(s.start_char, end)

    # ------------------------------------------------------------------ mentions
    def record(
        self,
        ref: ActorRef,
        first: Token,
        last: Token,
        *,
        alias: bool = True,
        name: str | None = None,
    ) -> None:
        """Remember that tokens first..last mention ``ref`` (an alias unless a pronoun;
        ``name`` when the alias is not the span's text)."""
        start, end = first.idx, last.idx + len(last.text)
        ev = self.evidence(start, end)
        key = (start, end, ref.key)
        if key not in self.mentions or (alias and not self.mentions[key].alias):
            self.mentions[key] = Mention(ref, ev, (name or ev.text) if alias else "")

    def np_actors(self, tok: Token, exclude: Iterable[str] = ()) -> list[ActorRef]:
        """The actors the noun phrase headed by ``tok`` stands for (conjuncts included), with
        the mentions it adds recorded.

        ``exclude``: actors a pronoun or description in it cannot refer back to.
        """
        found = self.phrases.resolve(tok, frozenset(exclude))
        for m in found.mentions:
            self.record(m.ref, self.doc[m.first], self.doc[m.last], alias=m.alias, name=m.name)
        return list(found.actors)

    def speaker_actors(self, tok: Token) -> list[ActorRef]:
        """Who speaks through the phrase headed by ``tok`` (a claim's speaker), with the
        mentions it adds recorded (see :meth:`.phrases.Phrases.speaker`)."""
        found = self.phrases.speaker(tok)
        for m in found.mentions:
            self.record(m.ref, self.doc[m.first], self.doc[m.last], alias=m.alias, name=m.name)
        return list(found.actors)


def _reading_order(sents: list[Span]) -> dict[int, int]:
    """Each token's sentence as a reader counts them: a "sentence" of punctuation alone (the
    closing quote mark the parser cut off a quote's last sentence) is part of the one before,
    so that it does not push an antecedent out of reach."""
    out: dict[int, int] = {}
    n = -1
    for s in sents:
        if n < 0 or not all(t.is_punct or t.is_space for t in s):
            n += 1
        for t in s:
            out[t.i] = n
    return out
