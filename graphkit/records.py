"""Frozen records that flow through the pipeline.

Every assertion carries its provenance: the document, the character span of the sentence it
was read from, and the name of the rule that produced it.

>>> ev = Evidence(doc="d1", start=0, end=5, text="Hello")
>>> ev.as_dict()
{'doc': 'd1', 'start': 0, 'end': 5, 'text': 'Hello'}
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .vocabulary import MODALITIES, TARGET_ROLES


@dataclass(frozen=True)
class Key:
    """The parts of an actor's key, which graph.json keeps as one string.

    A key is a gazetteer actor or a state (``iran``), a unit of an owner (``iran/government``,
    ``gbagbo/followers``: ``owner`` and ``kind``), or a group local to one document
    (``voters@DOC``, ``unidentified/rockets@DOC``: ``doc``). A document id may hold any
    character, ``/`` and ``@`` included: only the first ``@`` starts it, and only a ``/``
    before it makes an owner. Code asks a Key, never the string.

    >>> Key.parse("iran/government")
    Key(owner='iran', kind='government', doc=None)
    >>> k = Key.parse("civilians@news/2024/a@b.txt")
    >>> (k.owner, k.kind, k.doc, k.local, k.unit)
    (None, 'civilians', 'news/2024/a@b.txt', True, False)
    >>> str(k)
    'civilians@news/2024/a@b.txt'
    """

    owner: str | None
    kind: str
    doc: str | None = None

    @classmethod
    def parse(cls, key: str) -> Key:
        base, at, doc = key.partition("@")
        owner, slash, kind = base.partition("/")
        return cls(owner if slash else None, kind if slash else base, doc if at else None)

    @property
    def local(self) -> bool:
        """A group of one document (``voters@DOC``): never merged with another."""
        return self.doc is not None

    @property
    def unit(self) -> bool:
        """A unit of an owner (``egypt/police``, ``unidentified/rockets@DOC``)."""
        return self.owner is not None

    @property
    def scoped(self) -> bool:
        """A unit or a local group: a key that is not a name of its own."""
        return self.unit or self.local

    def __str__(self) -> str:
        base = self.kind if self.owner is None else f"{self.owner}/{self.kind}"
        return base if self.doc is None else f"{base}@{self.doc}"


@dataclass(frozen=True)
class Evidence:
    """A span of a document's original text (code-point offsets)."""

    doc: str
    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, object]:
        return {"doc": self.doc, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Document:
    """One article: its original text plus metadata split off during ingest.

    ``text`` is the original text; ``clean`` has the same length, with typographic characters
    normalised and non-article regions (bylines, captions, related-article headings) blanked,
    so offsets into ``clean`` are offsets into ``text``.
    """

    id: str
    text: str
    clean: str
    source: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    published: str | None = None
    photo_credits: tuple[str, ...] = ()
    boilerplate: tuple[str, ...] = ()
    #: where the names of photo credits inside the article stand ("Image: Nick Moreau"): blanked
    #: in ``clean``, they are mentions of their person or agency, never part of an edge
    credit_spans: tuple[tuple[int, int], ...] = ()
    #: where the headings and captions blanked out of ``clean`` stand ("Michael Tien of NPP"):
    #: the names in them are mentions, never part of an edge
    heading_spans: tuple[tuple[int, int], ...] = ()
    #: page furniture left out of ``clean`` ("Read more: ...", "Tags: ...", a related-articles
    #: list to the end): (start, end, what it was), so no text goes without a word
    cuts: tuple[tuple[int, int, str], ...] = ()

    def metadata(self) -> dict[str, object]:
        """The document record written into graph.json's ``graph.documents``."""
        return {
            "id": self.id,
            "title": self.title,
            "authors": list(self.authors),
            "publisher": self.publisher,
            "published": self.published,
            "source": self.source,
            "photo_credits": list(self.photo_credits),
            "boilerplate": list(self.boilerplate),
            "cuts": [{"start": a, "end": b, "what": what} for a, b, what in self.cuts],
        }


@dataclass(frozen=True)
class ActorRef:
    """What an actor mention resolves to: a stable key plus what is known of the actor."""

    key: str
    label: str
    type: str
    part_of: str | None = None
    gazetteer: bool = False

    @property
    def scope(self) -> Key:
        """The key's parts: owner, kind and document (:class:`Key`)."""
        return Key.parse(self.key)


@dataclass(frozen=True)
class Mention:
    """A stretch of text that refers to an actor."""

    actor: ActorRef
    evidence: Evidence
    alias: str


@dataclass(frozen=True)
class Content:
    """The act a reported, planned, threatened, refused or denied act is about: "vowed to *strike
    the bases*" is a ``threaten`` edge whose content is the strike (relation ``attack``, category
    ``fight``, modality ``planned``). It is never an edge of its own."""

    relation: str
    category: str
    modality: str
    text: str

    def as_dict(self) -> dict[str, object]:
        return {
            "relation": self.relation,
            "category": self.category,
            "modality": self.modality,
            "text": self.text,
        }


@dataclass(frozen=True)
class Assertion:
    """A typed edge between two actors, with its provenance; with no ``object`` (target role
    ``none``), an event with no recipient ("the rebels withdrew"), which is no edge."""

    subject: ActorRef
    relation: str
    category: str
    object: ActorRef | None
    evidence: Evidence
    rule: str
    confidence: float
    cameo: str | None = None
    modality: str = "asserted"
    attributed_to: ActorRef | None = None
    claim: str | None = None
    trigger: Evidence | None = None
    target_role: str = "recipient"
    #: when the event happened, where its sentence says so (ISO: YYYY-MM-DD, YYYY-MM or YYYY),
    #: and the words that say it ("on Tuesday")
    date: str | None = None
    date_text: str | None = None
    #: the act this one is about ("threatened to *attack*"), kept for the reader
    content: Content | None = None

    def __post_init__(self) -> None:
        if self.modality not in MODALITIES:
            raise ValueError(f"unknown modality {self.modality!r}")
        if self.target_role not in TARGET_ROLES:
            raise ValueError(f"unknown target role {self.target_role!r}")
        if (self.target_role == "none") != (self.object is None):
            raise ValueError("an event has no object exactly when its target role is 'none'")
        if not self.rule:
            raise ValueError("an assertion needs the name of the rule that produced it")


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document."""

    document: Document
    mentions: tuple[Mention, ...] = field(default_factory=tuple)
    assertions: tuple[Assertion, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Failed:
    """A document whose extraction did not finish (over its time limit, or its worker process
    died): it is reported and skipped, and never cached."""

    document: Document
    reason: str
