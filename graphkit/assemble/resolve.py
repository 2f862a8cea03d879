"""Cross-document resolution: one node per actor across a corpus.

Within a document, :mod:`graphkit.extract.context` already folds acronyms ("Federal Aviation
Administration (FAA)"), surnames and pronouns into one actor. Across documents, gazetteer
actors and states share their ids, and generic actors share ``state/kind`` keys. What is left
are names seen in one document only in a short form: "FAA" alone, or "Obama" where another
document wrote "Barack Obama". A short-form key is merged into a fuller one when every name it
was written with is a known alias of exactly one other actor of a compatible type, and a
company written with its legal form or kind words in one document and without them in another
is one company: "General Motors Corporation" and "General Motors", "Ford" and "Ford Motor
Company" (:func:`company_keys`), while "Apple" and "Apple Computer" stay two.

>>> from graphkit.records import ActorRef
>>> full = ActorRef("federal_aviation_administration", "Federal Aviation Administration",
...                 "Organization")
>>> canonical_keys({"faa": ({"FAA"}, {"Organization"}),
...                 full.key: ({"Federal Aviation Administration", "FAA"}, {"Organization"})})
{'faa': 'federal_aviation_administration'}
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace

from ..names import is_proper_name
from ..ontology import Ontology, normalize_name
from ..records import ActorRef, Extraction, Key, Mention

#: types that can be told apart: a person is never merged with an organisation
_PERSONAL = {"Person", "Official"}


def _local(key: str) -> bool:
    """Generic (``state/kind``) and document-local (``kind@doc``) keys are never merged."""
    return Key.parse(key).scoped


def _compatible(a: set[str], b: set[str]) -> bool:
    return bool(a & _PERSONAL) == bool(b & _PERSONAL)


def canonical_keys(actors: Mapping[str, tuple[set[str], set[str]]]) -> dict[str, str]:
    """Map short-form keys to the key they stand for.

    ``actors`` maps each key to (the names it was written with, its types).
    """
    owners: dict[str, set[str]] = defaultdict(set)
    for key, (names, _) in actors.items():
        for n in names:
            owners[normalize_name(n)].add(key)
    out: dict[str, str] = {}
    for key, (names, types) in sorted(actors.items()):
        if _local(key) or not names:
            continue
        targets: set[str] | None = None
        for n in filter(is_proper_name, names):
            others = {k for k in owners[normalize_name(n)] if k != key and not _local(k)}
            targets = others if targets is None else targets & others
        if not targets or len(targets) != 1:
            continue
        (target,) = targets
        t_names, t_types = actors[target]
        # the target must be the fuller actor: more names, and not itself a short form of `key`
        if len(t_names) > len(names) and _compatible(types, t_types):
            out[key] = target
    return _follow(out)


def _follow(out: dict[str, str]) -> dict[str, str]:
    """``out`` with chains (a -> b -> c) followed to their end."""
    for k in list(out):
        seen = {k}
        while out[k] in out and out[out[k]] not in seen:
            seen.add(out[k])
            out[k] = out[out[k]]
    return out


#: types a company is never merged with, nor a name of one into a company
_NOT_COMPANIES = _PERSONAL | {"Place", "State"}


def company_keys(
    actors: Mapping[str, tuple[set[str], set[str]]], onto: Ontology, fixed: frozenset[str]
) -> dict[str, str]:
    """Map the keys of companies named with their legal form ("General Motors Corporation",
    "EADS N.V.") to the key of the same name without it, and a one-word name ("Ford") to the
    one organisation of the corpus named by that word and words for its kind or legal form
    alone ("Ford Motor Company"), when exactly one actor is so named. ``fixed`` (gazetteer
    actors and states) are never moved.

    >>> from graphkit import load_ontology
    >>> company_keys({"gm_corp": ({"General Motors Corporation"}, {"Company"}),
    ...               "gm": ({"General Motors"}, {"Company"}),
    ...               "ford": ({"Ford"}, {"Organization"}),
    ...               "ford_co": ({"Ford Motor Company"}, {"Company"})},
    ...              load_ontology(), frozenset())
    {'ford': 'ford_co', 'gm_corp': 'gm'}
    """
    orgs = {
        k: names for k, (names, types) in actors.items()
        if names and not _local(k) and not types & _NOT_COMPANIES
    }  # fmt: skip
    owners: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, set[str]] = defaultdict(set)
    stems: dict[str, set[str]] = defaultdict(set)  # keys by their names without legal forms
    for key, names in orgs.items():
        for n in names:
            owners[normalize_name(n)].add(key)
            if (stem := onto.kind_stem(n)) is not None:
                kinds[stem].add(key)
            stems[onto.company_stem(n) or normalize_name(n)].add(key)
    out: dict[str, str] = {}
    for key, names in sorted(orgs.items()):
        if key in fixed:
            continue
        targets: set[str] | None = None
        for n in filter(is_proper_name, names):
            stem = onto.company_stem(n)
            found = owners.get(stem or normalize_name(n), set()) - {key}
            targets = found if targets is None else targets & found
        if targets and len(targets) == 1 and any(onto.company_stem(n) for n in names):
            out[key] = next(iter(targets))
            continue
        # "Ford Motors Co." is Ford Motor Company: a plural kind word is its singular
        forms = [onto.company_stem(n) or normalize_name(n) for n in names if is_proper_name(n)]
        if forms and any(onto.singular_kinds(f) != f for f in forms):
            found = set.intersection(*(stems.get(onto.singular_kinds(f), set()) for f in forms))
            if len(found - {key}) == 1:
                out[key] = next(iter(found - {key}))
    for key, names in sorted(orgs.items()):
        words = {normalize_name(n) for n in names}
        if key in fixed or key in out or len(words) != 1 or " " in (word := next(iter(words))):
            continue
        # the companies the word could name, once their spellings are one company
        one = {out.get(k, k) for k in kinds.get(word, set())}
        if key not in one and len(one) == 1:  # "Chrysler LLC" makes "Chrysler" its own
            out[key] = next(iter(one))
    return dict(sorted(_follow(out).items()))


def _owned_keys(mapping: dict[str, str], refs: dict[str, ActorRef]) -> None:
    """Add to ``mapping`` the units of the actors it merges: when "Bush" is George Bush,
    "bush/government" (the Bush administration) is "george_bush/government"."""
    for key, ref in list(refs.items()):
        k = Key.parse(key)
        if k.owner is None or k.owner not in mapping or key in mapping:
            continue
        target = str(Key(mapping[k.owner], k.kind, k.doc))
        refs.setdefault(target, replace(ref, key=target))
        mapping[key] = target


def resolve(extractions: Iterable[Extraction], onto: Ontology | None = None) -> list[Extraction]:
    """Rewrite actor keys across documents so that one actor is one key (with ``onto``, a
    company's legal form and kind words are known too)."""
    extractions = list(extractions)
    names: dict[str, set[str]] = defaultdict(set)
    types: dict[str, set[str]] = defaultdict(set)
    refs: dict[str, ActorRef] = {}
    for ex in extractions:
        for m in ex.mentions:
            if m.alias:
                names[m.actor.key].add(m.alias)
            types[m.actor.key].add(m.actor.type)
            refs.setdefault(m.actor.key, m.actor)
    actors = {k: (names[k], types[k]) for k in types}
    mapping = canonical_keys(actors)
    if onto is not None:
        fixed = frozenset(k for k, r in refs.items() if r.gazetteer)
        rest = {k: v for k, v in actors.items() if k not in mapping}
        for k, target in company_keys(rest, onto, fixed).items():
            mapping[k] = mapping.get(target, target)
        mapping = _follow(mapping)
    _owned_keys(mapping, refs)
    if not mapping:
        return extractions

    def fix(ref: ActorRef | None) -> ActorRef | None:
        if ref is None or ref.key not in mapping:
            return ref
        target = refs[mapping[ref.key]]
        return replace(ref, key=target.key, label=target.label, type=target.type)

    out = []
    for ex in extractions:
        mentions = tuple(
            Mention(fix(m.actor), m.evidence, m.alias)  # type: ignore[arg-type]
            for m in ex.mentions
        )
        assertions = tuple(
            replace(
                a,
                subject=fix(a.subject),
                object=fix(a.object),
                attributed_to=fix(a.attributed_to),
            )
            for a in ex.assertions
            # a merge that makes an edge's ends one actor drops it; an event with no recipient
            # (no object) stays
            if a.object is None
            or mapping.get(a.subject.key, a.subject.key) != mapping.get(a.object.key, a.object.key)
        )
        out.append(replace(ex, mentions=mentions, assertions=assertions))
    return out
