"""Standing relations: alignment, leadership and membership, and "part of".

- ``aligned_with`` from "Iran-aligned X", "U.S.-backed X", "pro-Iranian X", "loyal to X";
- ``leader_of`` / ``member_of`` from titles before a name ("Iraqi Prime Minister X",
  "Hamas leader Y"), read from ``titles.tsv``;
- ``part_of`` / ``member_of`` from "X is part of Y", "X, a member of Y", "X belongs to Y";
- ``part_of`` from a name in apposition to a part or parent noun ("its division, Opel",
  "Airbus's parent company, EADS");
- ``leader_of`` / ``member_of`` of the holder a title alone resolved to by date (offices.tsv);
- ``part_of`` from a state's possessive before an organisation ("Iraq's Popular Mobilisation
  Forces");
- ``member_of`` from a person's name with the organisation they belong to ("Ahmed Rashid of
  Human Rights Watch").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.tokens import Token

from ..ontology import Title
from ..records import ActorRef, Assertion, Mention
from .claims import attribution
from .context import DocContext
from .names import NOT_ACTOR_TYPES

#: organisations a state's possessive makes part of that state ("Iraq's Popular Mobilisation
#: Forces"); a company or a university in "France's Thales" is not
STATE_PARTS = {"ArmedGroup", "MilitaryForce", "SecurityForce", "Government", "PoliticalGroup"}


def _make(
    ctx: DocContext, s: ActorRef, relation: str, o: ActorRef, tok: Token, rule: str
) -> Assertion | None:
    if s.key == o.key or "Place" in (s.type, o.type):
        return None
    rel = ctx.onto.relation(relation)
    # a rule that reads what an actor *is* from how it is named is never a speaker's claim
    att = attribution(ctx, tok) if rule not in ctx.onto.definitional else None
    speaker = None
    if att is not None:
        found = ctx.speaker_actors(att.speaker)
        speaker = found[0] if found else None
    return Assertion(
        subject=s,
        relation=rel.term,
        category=rel.category,
        object=o,
        evidence=ctx.sentence_evidence(tok),
        trigger=ctx.evidence(tok.idx, tok.idx + len(tok.text)),
        rule=rule,
        confidence=ctx.onto.rule_confidence[rule],
        cameo=rel.cameo,
        attributed_to=speaker,
    )


def aligned(ctx: DocContext) -> Iterator[Assertion | None]:
    pro_prefix, cue_aligned = ctx.onto.cue("pro_prefix"), ctx.onto.cue("aligned")
    link_noun = ctx.onto.cue("link_noun")
    for tok in ctx.doc:
        dep, lemma = tok.dep_, tok.lemma_.lower()
        patron = ctx.generic.patron_of(tok) if dep in {"amod", "compound", "nmod"} else None
        if (
            patron is None
            and dep == "amod"
            and tok.i >= 2
            and ctx.doc[tok.i - 2].lower_ in pro_prefix
        ):
            patron = ctx.generic.actor_at(tok)
        leader = ctx.phrases.followed(tok) if tok.pos_ == "NOUN" else None  # (only a noun's)
        if leader is not None:
            for group in ctx.np_actors(tok):  # "Gbagbo supporters" back Gbagbo
                if group.key != leader.key:
                    yield _make(ctx, group, "aligned_with", leader, tok, "followers")
        if patron is not None:
            for group in ctx.np_actors(tok.head):
                yield _make(ctx, group, "aligned_with", patron, tok, "aligned_modifier")
        elif dep in {"relcl", "acl"} and lemma in cue_aligned:
            yield from _aligned_clause(ctx, tok)
        elif tok.lower_ in cue_aligned and tok.pos_ == "ADJ":
            yield from _aligned_adjective(ctx, tok)
        elif lemma in link_noun and dep == "dobj":
            yield from _links(ctx, tok)


def _links(ctx: DocContext, noun: Token) -> Iterator[Assertion | None]:
    """ "The militia has close links with Iran", "a group that has links to al-Qaeda": the
    one that has the links (a light verb's subject, cue role ``light``: have, maintain) is
    aligned with whom they lead to. Links denied or negated ("has no links", "denied having
    links", "does not have links") are none."""
    verb = noun.head
    onto = ctx.onto
    if verb.lemma_.lower() not in onto.cue("light"):
        return
    negation, deny = onto.cue("negation"), onto.cue("deny")
    if any(c.lower_ in negation for c in (*verb.children, *noun.children)):
        return
    if any(a.lemma_.lower() in deny for a in verb.ancestors):
        return
    if verb.dep_ == "relcl":
        groups = ctx.np_actors(ctx.phrases.relative_antecedent(verb))
    else:
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        groups = ctx.np_actors(subj[0]) if subj else []
    patrons = [
        r for c in noun.children if c.dep_ == "prep" and c.lower_ in onto.cue("patron")
        for p in c.children if p.dep_ == "pobj" for r in ctx.np_actors(p)
    ]  # fmt: skip
    for g in groups:
        for p in patrons:
            yield _make(ctx, g, "aligned_with", p, noun, "links")


def _aligned_clause(ctx: DocContext, tok: Token) -> Iterator[Assertion | None]:
    """ "Boko Haram, which is linked to Islamic State", "a militia allied with X"; a
    participle's by-agent acts: "rebels supported by X", "militias backed by Iran" are X's
    support of them (the VOA convention: the patron supports the client)."""
    patrons = [
        (r, c.dep_ == "agent")
        for c in tok.children
        if c.dep_ in {"prep", "agent"} and c.lower_ in ctx.onto.cue("patron")
        for p in c.children
        if p.dep_ == "pobj"
        for r in ctx.np_actors(p)
    ]
    for group in ctx.np_actors(ctx.phrases.modified(tok)):
        for p, acts in patrons:
            if acts:
                yield _make(ctx, p, "support", group, tok, "patron_agent")
            else:
                yield _make(ctx, group, "aligned_with", p, tok, "aligned_phrase")


def _aligned_adjective(ctx: DocContext, tok: Token) -> Iterator[Assertion | None]:
    """ "militias loyal to Iran", "the party is close to the army": the adjective's subject
    or head is aligned with its prepositional object."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ctx.onto.cue("patron"):
            patrons = [r for p in prep.children if p.dep_ == "pobj" for r in ctx.np_actors(p)]
            head = tok.head if tok.dep_ in {"amod", "acomp"} else None
            if head is not None and tok.dep_ == "acomp":
                subj = [c for c in head.children if c.dep_ == "nsubj"]
                groups = ctx.np_actors(subj[0]) if subj else []
            else:
                groups = ctx.np_actors(ctx.phrases.modified(tok)) if head is not None else []
            for g in groups:
                for p in patrons:
                    yield _make(ctx, g, "aligned_with", p, tok, "aligned_phrase")


def _title_target(ctx: DocContext, target: str, modifier: ActorRef | None) -> ActorRef | None:
    """What a title with ``target`` makes its holder leader or member of, given the actor
    named with it: a state's own unit for a state ("Iraqi Prime Minister": its government),
    else that organisation ("the Airbus chief executive", "the president of Chrysler")."""
    if modifier is None or modifier.type in {"Person", "Place"}:
        return None
    if modifier.type != "State" or target == "org_after":
        return modifier
    if target == "state":
        return modifier
    return ctx.generic.state_unit(modifier.key, "forces" if target == "forces" else "government")


def _title_group(ctx: DocContext, words: list[Token]) -> ActorRef | None:
    """The group a generic noun right before a title names ("opposition" in "Venezuelan
    opposition leader X", "police" in "Kenyan police spokesman Y"): the unit of the state the
    title's words name before it, else the group local to the document, as the noun alone
    would be read."""
    word = words[-1]
    g = ctx.generic.head_row(word)
    if word.pos_ not in {"NOUN", "PROPN"} or g is None or word.i in ctx.names.named:
        return None  # "United States President X": "States" is part of a name, no group
    state = next((s for w in reversed(words[:-1]) if (s := ctx.generic.state_at(w))), None)
    if state is not None:
        return ctx.generic.state_unit(state, g.kind, " ".join(w.text for w in words))
    found = ctx.generic.unscoped_ref(word)
    return found[0] if found is not None else None


def _title_of(
    ctx: DocContext, noun: Token, holder: str = ""
) -> tuple[Title, ActorRef | None] | None:
    """The title a noun phrase names and the actor it is a title of, for appositions:
    "the Airbus chief executive", "GM's chief executive", "the president of Chrysler",
    "a spokesman for Force Ouvriere", "Prime Minister of Canada"."""
    words = [c for c in noun.lefts if c.dep_ in {"compound", "amod", "nmod"}] + [noun]
    lowered = [w.lower_ for w in words]
    for k in range(len(words)):
        title = ctx.onto.titles.get(" ".join(lowered[k:]))
        if title is None:
            continue
        owners: list[ActorRef] = []
        preps = ctx.onto.cue("title_prep")
        after = title.target == "org_after"  # named by a preposition after it only
        if title.target == "org" or after:
            # "a researcher at X"; "the ambassador at the UN" is a state's
            preps = preps | ctx.onto.cue("workplace_prep")
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                owners += [r for p in c.children if p.dep_ == "pobj" for r in ctx.np_actors(p)]
            elif c.dep_ == "poss" and c.i < noun.i:
                owners += ctx.np_actors(c)
        if not after:
            # else a name among the title's own modifiers, nearest first ("the Airbus chief
            # executive")
            owners += [a for w in reversed(words[:k]) if (a := ctx.generic.actor_at(w)) is not None]
            if k and (not owners or owners[0].type == "State"):
                # "X, a Kenyan police spokesman": the group the title is built on
                group = _title_group(ctx, words[:k])
                owners = [group] if group is not None else owners
        # never the holder ("the secretary of the union Unite, Tony Woodley" hangs the name
        # on the union)
        owners = [a for a in owners if a.key != holder]
        return title, owners[0] if owners else None
    return None


def appositive_titles(ctx: DocContext) -> Iterator[Assertion | None]:
    """A title in apposition to a name, after it ("Rick Wagoner, GM's chief executive") or
    before it ("the president of Chrysler, Tom LaSorda")."""
    for span, ref in ctx.names.spans():
        if ref.type != "Person":
            continue
        root = span.root
        nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ in {"NOUN", "PROPN"}]
        if root.dep_ == "appos" and root.head.pos_ in {"NOUN", "PROPN"}:
            nouns.append(root.head)
        if root.dep_ == "nsubj" and root.head.lemma_.lower() in ctx.onto.cue("copula"):
            # "X is a PPP spokesman", "X is the group's leader"
            nouns += [c for c in root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
        if root.dep_ == "appos" and root.head.dep_ == "pobj":
            # the parser hangs "…secretary of the union Unite, Tony Woodley" on the union
            prep = root.head.head
            if prep.dep_ == "prep" and prep.head.pos_ == "NOUN":
                nouns.append(prep.head)
        for noun in nouns:
            if any(c.lower_ in ctx.onto.cue("former") for c in noun.lefts):
                continue  # "X, a former member of the team": no longer held
            found = _title_of(ctx, noun, ref.key)
            if found is None:
                continue
            title, owner = found
            target = _title_target(ctx, title.target, owner)
            if target is not None and target.key != ref.key:
                yield _make(ctx, ref, title.relation, target, root, "title")


def titles(ctx: DocContext) -> Iterator[Assertion | None]:
    for span, ref in ctx.names.spans():
        if ref.type != "Person":
            continue
        # the noun phrase's words before the name, e.g. "Iraqi Prime Minister"
        words: list[Token] = []
        i = span.start - 1
        while i >= ctx.sent(span[0]).start:
            t = ctx.doc[i]
            if t.dep_ not in {"compound", "amod", "nmod", "poss", "case", "punct"} or t.is_space:
                break
            if t.dep_ == "punct" and t.text != "-":
                break
            words.insert(0, t)
            i -= 1
        if not words:
            continue
        lowered = [w.lower_ for w in words]
        title = None
        cut = len(words)
        for k in range(len(words)):
            cand = " ".join(lowered[k:])
            if cand in ctx.onto.titles:
                title, cut = ctx.onto.titles[cand], k
                break
        if title is None or title.target == "org_after":
            continue  # "Emeritus Professor X": an honorific, no post in an organisation
        modifier = None
        for w in reversed(words[:cut]):
            modifier = ctx.generic.actor_at(w)
            if modifier is None and w.dep_ == "poss":  # "the company's vice president X"
                modifier = next(iter(ctx.np_actors(w)), None)
            if modifier is not None:
                break
        if any(w.lower_ in ctx.onto.cue("former") for w in words):
            continue  # "the former DNC chairman X": a post no longer held is no standing relation
        if cut and (modifier is None or modifier.type == "State"):
            # a title built on a group: "opposition leader X", "provincial police chief Y"
            modifier = _title_group(ctx, words[:cut]) or modifier
        target = _title_target(ctx, title.target, modifier)
        if target is not None and modifier is not None and modifier.type == "State":
            outside = ctx.onto.cue("outside")
            if any(w.lower_ in outside for w in words):
                continue  # "Venezuelan opposition leader X" leads no Venezuelan government
        if target is not None:
            if target.key not in {c.ref.key for c in ctx.coref.candidates}:
                ctx.record(target, words[0], words[cut - 1], alias=False)
            yield _make(ctx, ref, title.relation, target, span.root, "title")


def copula(ctx: DocContext) -> Iterator[Assertion | None]:
    part, member = ctx.onto.cue("part"), ctx.onto.cue("membership")
    either = part | member
    for tok in ctx.doc:
        lemma = tok.lemma_.lower()
        if lemma not in either:
            continue
        relation = "part_of" if lemma in part else "member_of"
        of = ctx.onto.cue("genitive")
        whole = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in of
                 for p in c.children if p.dep_ == "pobj"]  # fmt: skip
        if not whole or any(c.lower_ in ctx.onto.cue("former") for c in tok.lefts):
            continue  # "a former member of X": no longer
        if tok.dep_ == "attr" and tok.head.lemma_.lower() in ctx.onto.cue("copula"):
            subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
            parts = ctx.np_actors(subj[0]) if subj else []
        elif tok.dep_ == "appos":
            parts = ctx.np_actors(tok.head)
        else:
            continue
        for w in whole:
            for o in ctx.np_actors(w):
                for s in parts:
                    yield _make(ctx, s, relation, o, tok, "copula")
    belong = ctx.onto.cue("belong")
    for tok in ctx.doc:
        if tok.lemma_.lower() in belong:
            subj = [c for c in tok.children if c.dep_ == "nsubj"]
            into = ctx.onto.cue("belong_prep")
            to = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in into
                  for p in c.children if p.dep_ == "pobj"]  # fmt: skip
            for s in ctx.np_actors(subj[0]) if subj else []:
                for w in to:
                    for o in ctx.np_actors(w):
                        yield _make(ctx, s, "member_of", o, tok, "copula")


def appositive_parts(ctx: DocContext) -> Iterator[Assertion | None]:
    """A name in apposition to a part noun is part of the noun's owner ("GM said its European
    division, Opel, ..."); to a parent noun, the owner is part of the name ("Airbus's parent
    company, EADS", "Airbus parent company EADS"). Cue roles ``part`` and ``parent``."""
    part, parent = ctx.onto.cue("part"), ctx.onto.cue("parent")
    for tok in ctx.doc:
        if tok.pos_ != "NOUN":
            continue
        mods = [c for c in tok.children if c.i < tok.i]
        lemmas = {tok.lemma_.lower()} | {c.lemma_.lower() for c in mods if c.dep_ == "compound"}
        is_parent = bool(lemmas & parent)
        if not is_parent and tok.lemma_.lower() not in part:
            continue
        owners = [
            r for c in mods
            if c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN")
            for r in ctx.np_actors(c)
        ]  # fmt: skip
        names = [r for c in tok.children if c.dep_ == "appos" for r in ctx.np_actors(c)]
        after = tok.i + 2
        if not names and owners and after < len(ctx.doc) and ctx.doc[tok.i + 1].text == ",":
            # "its parent company, EADS starts ...": with no second comma the parser makes the
            # name a subject; the name right after the comma is still the apposition
            span, ref = ctx.names.named.get(after, (None, None))
            if span is not None and span.start == after and ref.type not in NOT_ACTOR_TYPES:
                names = [ref]
        for owner in owners:
            for name in names:
                if is_parent and name.type == "Person":
                    continue  # "Pacific Standard owner, Jonathan Stan": a bar is no part of him
                if is_parent:
                    yield _make(ctx, owner, "part_of", name, tok, "appositive_part")
                else:
                    yield _make(ctx, name, "part_of", owner, tok, "appositive_part")


def office_holders(ctx: DocContext) -> Iterator[Assertion | None]:
    """The office a title alone resolved to its holder by the publication date ("the
    Israeli prime minister", offices.tsv): the holder leads or is a member of what the title
    says (titles.tsv), and the edge's date and date_text are the term that decided it."""
    for head_i, (ref, term) in sorted(ctx.generic.office_terms.items()):
        title = ctx.onto.titles[term.title]
        target = _title_target(ctx, title.target, ctx.onto.state_ref(term.state))
        if target is None:
            continue
        made = _make(ctx, ref, title.relation, target, ctx.doc[head_i], "office_holder")
        if made is not None:
            until = f" to {term.end.isoformat()}" if term.end else ""
            text = f"{term.title} of {ctx.onto.states[term.state].name} from {term.start}{until}"
            yield replace(made, date=term.start.isoformat(), date_text=f"{text} (offices.tsv)")


def possessive(ctx: DocContext) -> Iterator[Assertion | None]:
    for span, ref in ctx.names.spans():
        if ref.type not in STATE_PARTS:
            continue
        for c in span.root.children:
            if c.dep_ == "poss" and c.i < span.start:
                owner = ctx.generic.actor_at(c)
                outside = ctx.onto.cue("outside")
                if any(t.lower_ in outside for t in span.root.doc[c.i + 1 : span.start]):
                    continue  # "Zimbabwe's opposition MDC" is no part of Zimbabwe
                if owner is not None and owner.type == "State":
                    yield _make(ctx, ref, "part_of", owner, span.root, "possessive")


def person_of(ctx: DocContext) -> Iterator[Assertion | None]:
    """A person named with the organisation they belong to: "Ahmed Rashid of Human Rights
    Watch", "Frederick Fung of ADPL" (cue role ``genitive``); not a state ("John Kerry of the
    United States") nor a place."""
    of = ctx.onto.cue("genitive")
    for span, ref in ctx.names.spans():
        if ref.type != "Person":
            continue
        for prep in span.root.children:
            if prep.dep_ != "prep" or prep.lower_ not in of or prep.i != span.end:
                continue
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                org = ctx.generic.actor_at(pobj)
                if org is not None and org.type not in {"State", "Person", "Official", "Place"}:
                    yield _make(ctx, ref, "member_of", org, span.root, "person_of")


def builtin_hierarchy(
    ctx: DocContext, mentions: Iterable[Mention], assertions: Iterable[Assertion]
) -> Iterator[Assertion]:
    """Built-in ``part_of`` as edges: "U.S. forces" is part of the United States, and a
    gazetteer actor of its parent. Evidenced by the actor's first mention in the document,
    once per actor, unless the text already states the relation."""
    stated = {
        (a.subject.key, a.object.key) for a in assertions if a.category == "part_of" and a.object
    }
    done: set[str] = set()
    for m in mentions:
        ref = m.actor
        if not ref.part_of or ref.key in done:
            continue
        done.add(ref.key)
        if (ref.key, ref.part_of) in stated:
            continue
        parent = ctx.onto.ref(ref.part_of)
        span = ctx.doc.char_span(m.evidence.start, m.evidence.end, alignment_mode="expand")
        if parent is None or span is None:
            continue
        rel = ctx.onto.relation("part_of")
        yield Assertion(
            subject=ref,
            relation=rel.term,
            category=rel.category,
            object=parent,
            evidence=ctx.sentence_evidence(span.root),
            trigger=m.evidence,
            rule="builtin_hierarchy",
            confidence=ctx.onto.rule_confidence["builtin_hierarchy"],
            cameo=rel.cameo,
        )


def led_bodies(ctx: DocContext) -> Iterator[Assertion | None]:
    """ "the Maduro government", "the party of Nawaz Sharif": the person leads the body the
    phrase names (cue role ``led``; the body is read by ``Phrases.led``)."""
    for tok in ctx.doc:
        leader = ctx.phrases.led(tok)
        if leader is not None and ctx.phrases.leads(tok):
            for body in ctx.np_actors(tok):
                if body.key.startswith(f"{leader.key}/"):  # not a conjunct's actor
                    yield _make(ctx, leader, "leader_of", body, tok, "led_body")


def standing_relations(ctx: DocContext) -> list[Assertion]:
    out: list[Assertion] = []
    for rule in (
        aligned,
        led_bodies,
        titles,
        appositive_titles,
        copula,
        appositive_parts,
        office_holders,
        possessive,
        person_of,
    ):
        out.extend(a for a in rule(ctx) if a is not None)
    return out
