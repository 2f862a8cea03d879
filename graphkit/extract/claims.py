"""Who says so, and how sure: attribution and modality of a predicate.

Attribution follows the dependency path from a predicate up to a reporting verb ("said",
"claimed", "accused") or an "according to" phrase; the subject of the innermost one is the
speaker. Modality looks for negation, conditions, denials, plans and purpose clauses.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..vocabulary import MODALITY_PRECEDENCE
from .context import DocContext

#: clause links that carry content up to a reporting verb
CONTENT_DEPS = {
    "ccomp",
    "xcomp",
    "parataxis",
    "advcl",
    "conj",
    "relcl",
    "acl",
    "pcomp",
    "prep",
    "dobj",
}


@dataclass(frozen=True)
class Attribution:
    speaker: Token  # head of the speaker's noun phrase
    clause: Token  # head of the reported clause
    #: the claim's characters when they are a direct quote rather than the clause's subtree
    span: tuple[int, int] | None = None


def subject_token(verb: Token) -> Token | None:
    """Who a (reporting) verb's subject is; for "X was quoted as saying", X; for "X quoted Y
    as saying", Y."""
    for c in verb.children:
        if c.dep_ in {"nsubj", "nsubjpass"}:
            return c
    if verb.dep_ in {"advcl", "xcomp", "conj"} and verb.head.i != verb.i:
        return subject_token(verb.head)
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.i != verb.head.i:
        outer = verb.head.head
        quoted = next((c for c in outer.children if c.dep_ == "dobj"), None)
        return quoted if quoted is not None else subject_token(outer)
    return None


def _quoted_as_saying(ctx: DocContext, verb: Token, report: frozenset[str]) -> bool:
    """ "..., a senior commander was quoted as saying": a citing verb (cue role ``cite``) with
    "as" and a reporting verb reports what its clause says, as the reporting verb would."""
    return verb.lemma_.lower() in ctx.onto.cue("cite") and any(
        p.dep_ == "pcomp" and p.lemma_.lower() in report
        for c in verb.children if c.dep_ == "prep"
        for p in c.children
    )  # fmt: skip


def attribution(ctx: DocContext, pred: Token) -> Attribution | None:
    """The innermost reporting verb or "according to" phrase governing ``pred``."""
    report = ctx.onto.cue("report") | ctx.onto.cue("deny")
    according = [t for t in ctx.sent(pred) if t.lower_ in ctx.onto.cue("according")]
    cur = pred
    path = {pred.i}  # the predicate and the clauses above it, below the reporting verb
    for _ in range(12):
        head = cur.head
        if head.i == cur.i:
            break
        lemma = head.lemma_.lower()
        if cur.dep_ == "relcl" and lemma in ctx.onto.cue("charge"):
            break  # "X said Y armed Z, a claim Y denies": the denial is no part of X's claim
        if (
            head.pos_ in {"VERB", "AUX"}
            and (lemma in report or _quoted_as_saying(ctx, head, report))
            and cur.dep_ in CONTENT_DEPS
            # "X accused Y of attacking Z": the content hangs off a preposition
            and (cur.dep_ != "prep" or lemma in ctx.onto.cue("content_prep"))
            # "warned Russia not to attack", "told Hamas to stop": an order, not a claim
            and not (cur.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in head.children))
        ):
            inner = _according(ctx, according, path, pred)
            if inner is not None:
                return inner  # "Egypt said that, according to Qatar, ...": Qatar speaks
            subj = _cited(ctx, head) or subject_token(head)
            if subj is not None:
                quote = next(
                    (q for q in ctx.quotes if q.start <= pred.idx < q.end and q.speaker == subj),
                    None,
                )  # the claim is the speaker's whole quote
                return Attribution(subj, cur, (quote.start, quote.end) if quote else None)
        if _charge_content(ctx, cur) and charge_author(ctx, head):
            # "claims by Israel that Iran armed Hezbollah", "Israel's allegation that ...": the
            # charge's author says it
            return Attribution(head, cur)
        cur = head
        path.add(cur.i)
    # "Hamas attacked Israel, Al Jazeera reported": a reporting verb the parser hung on the
    # claim's own clause
    verb = clause_verb(pred)
    for c in verb.children:
        if (
            c.dep_ == "parataxis"
            and c.lemma_.lower() in report
            and c.i > verb.i
            and (subj := _cited(ctx, c) or subject_token(c)) is not None
        ):
            return Attribution(subj, verb)
    # "according to X" attached to the predicate or any clause above it; "according to X,
    # quoting Y": Y speaks, X reports
    found = _according(ctx, according, {pred.i, *(a.i for a in pred.ancestors)}, pred)
    if found is not None:
        return found
    # a sentence of a direct quote whose speaker stands outside it ("...," Egypt said.)
    for q in ctx.quotes:
        if q.start <= pred.idx < q.end and not (q.start <= q.speaker.idx < q.end):
            return Attribution(q.speaker, pred, (q.start, q.end))
    # "Hamas reportedly attacked Israel": a hedge on the clause is an unnamed speaker's claim
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in ctx.onto.cue("hedge"):
            return Attribution(c, verb)
    return None


def _charge_content(ctx: DocContext, clause: Token) -> bool:
    """Whether ``clause`` is what a charge says: "the allegation *that X attacked Y*"."""
    head = clause.head
    return (
        clause.dep_ == "acl"
        and head.pos_ == "NOUN"
        and head.lemma_.lower() in ctx.onto.cue("charge")
        and any(c.dep_ == "mark" for c in clause.children)
    )


def unattributed_charge(ctx: DocContext, verb: Token) -> bool:
    """Whether ``verb``'s clause is what a charge that names no author says ("amid allegations
    that Rwanda armed the rebels"): no one is said to say it, and it is no act that happened."""
    return _charge_content(ctx, verb) and not charge_author(ctx, verb.head)


def charge_author(ctx: DocContext, charge: Token) -> bool:
    """Whether a charge names who makes it: "Israel's claim", "claims by Israel"."""
    author = ctx.onto.cue("author")
    return any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in author) for c in charge.children
    )


def _according(
    ctx: DocContext, according: list[Token], heads: set[int], pred: Token
) -> Attribution | None:
    """The speaker of an "according to X" phrase hung on one of ``heads``; "according to X,
    quoting Y": Y."""
    for tok in according:
        if tok.head.i in heads:
            for to in tok.children:
                for pobj in to.children:
                    if pobj.dep_ == "pobj":
                        return Attribution(_cited(ctx, tok.head) or pobj, pred)
    return None


def _cited(ctx: DocContext, verb: Token) -> Token | None:
    """Whom a report cites: "Al Jazeera reported, citing Egyptian officials", "according to
    Yonhap, quoting KCNA": the cited voice is the claim's speaker (cue role ``cite``)."""
    for c in verb.children:
        if c.dep_ in {"advcl", "xcomp", "conj"} and c.lemma_.lower() in ctx.onto.cue("cite"):
            for d in c.children:
                if d.dep_ == "dobj":
                    return d
    return None


def clause_verb(tok: Token) -> Token:
    """The verb whose clause a predicate stands in: itself for a verb, the verb an event noun
    hangs on ("began a *hunger strike*", "will give Tanzania a *grant*"), else the noun."""
    cur = tok
    while cur.pos_ in {"NOUN", "PROPN"} and cur.dep_ in {"dobj", "pobj", "prep", "compound"}:
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return cur if cur.pos_ in {"VERB", "AUX"} else tok


def declared_intent(ctx: DocContext, pred: Token) -> bool:
    """Whether a predicate is an intention its actor declares, not a purpose: "will support",
    "agreed to allow", "offered to hand over", "is ready to host" (not "staged rallies to
    demand")."""
    cur = clause_verb(pred)
    future = ctx.onto.cue("future") | ctx.onto.cue("conditional")
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ in future for c in cur.children):
            return True
        head = cur.head
        if head.i == cur.i or cur.dep_ != "xcomp":
            return False
        if head.lemma_.lower() in ctx.onto.cue("plan") or head.pos_ == "ADJ":
            return True  # "agreed to", "pledged to"; "ready to", "prepared to", "willing to"
        cur = head
    return False


def modality(ctx: DocContext, pred: Token) -> str:
    """One of asserted, negated, denied, hypothetical, threatened, planned: the marks of the
    predicate's own clause, then those of the verbs that govern it."""
    found: set[str] = set()
    would = _clause_marks(ctx, pred, found)
    reported = _governing_marks(ctx, pred, found)
    if would:
        # reported "would" is a future ("said it would strike"); otherwise a condition
        found.add("planned" if reported else "hypothetical")
    for m in MODALITY_PRECEDENCE:
        if m in found:
            return m
    return "asserted"


def _clause(pred: Token) -> list[Token]:
    """The predicate and the verbs whose auxiliaries it takes: an event noun's verb ("will
    host talks", "did not carry out strikes", "the strikes were not carried out"), and up its
    xcomp chain ("would keep fighting": the auxiliaries sit on "keep") and shared conjuncts."""
    clause = [pred]
    if pred.pos_ in {"NOUN", "PROPN"}:
        verb = pred
        while verb.dep_ in {"pobj", "prep", "conj"} and verb.head.i != verb.i:
            verb = verb.head
        if verb.dep_ in {"dobj", "nsubjpass", "nsubj", "attr"} and verb.head.pos_ in {
            "VERB",
            "AUX",
        }:
            clause.append(verb.head)
    top = clause[-1]
    while top.head.i != top.i and (
        top.dep_ == "xcomp"
        # "should chase foreigners and block the roads", "will meet and sign": coordinated verbs
        # share the auxiliaries of the first, unless the conjunct has its own ("did not start
        # the fight but was defending itself")
        or (
            top.dep_ == "conj"
            and top.head.pos_ in {"VERB", "AUX"}
            and not any(c.dep_ in {"aux", "auxpass", "neg"} for c in top.children)
        )
    ):
        top = top.head
        clause.append(top)
    return clause


def _clause_marks(ctx: DocContext, pred: Token, found: set[str]) -> bool:
    """Add the negation, future and modal marks of the predicate's clause to ``found``; say
    whether it has a conditional auxiliary ("would")."""
    cues = ctx.onto
    negation = cues.cue("negation")
    future, conditional, modal = cues.cue("future"), cues.cue("conditional"), cues.cue("modal")
    would = False
    negated_adverb = cues.cue("negated_adverb")
    for c in (c for t in _clause(pred) for c in t.children):
        if c.dep_ == "neg" or (c.dep_ in {"advmod", "det"} and c.lower_ in negation):
            found.add("negated")
        elif (
            c.dep_ == "advmod"
            and c.lower_ in negated_adverb
            and any(g.dep_ == "neg" or g.lower_ in negation for g in c.children)
        ):
            found.add("negated")  # "will no longer allow"
        if c.dep_ == "aux" and c.lower_ in future:
            found.add("planned")
        if c.dep_ == "aux" and c.lower_ in conditional:
            would = True
        elif c.dep_ == "aux" and c.lower_ in modal:
            found.add("hypothetical")
    if pred.pos_ == "NOUN":
        det = [c for c in pred.children if c.dep_ == "det" and c.lower_ in negation]
        if det:
            found.add("negated")
    return would


def _governing_marks(ctx: DocContext, pred: Token, found: set[str]) -> bool:
    """Add the marks of the verbs above the predicate (a condition, a denial, a refusal, a
    threat, a plan, a purpose) to ``found``; say whether it is the content of a report."""
    cues = ctx.onto
    cur = pred
    for _ in range(10):
        if any(c.dep_ == "mark" and c.lower_ in cues.cue("condition") for c in cur.children):
            found.add("hypothetical")
        head = cur.head
        if head.i == cur.i:
            break
        lemma = head.lemma_.lower()
        if cur.dep_ in {"xcomp", "ccomp", "pcomp", "advcl"} and lemma in cues.cue("deny"):
            if not _denies_a_charge(ctx, head):
                found.add("denied")
            break  # "..., a charge Kigali denied": the charge is denied, not the act of making it
        if cur.dep_ == "xcomp" and lemma in cues.cue("refusal"):
            found.add("negated")  # "declined to resign", "refused to withdraw"
        elif cur.dep_ == "xcomp" and lemma in cues.cue("threat"):
            found.add("threatened")
        elif cur.dep_ == "xcomp" and lemma in cues.cue("plan"):
            found.add("planned")
            if any(c.dep_ == "neg" for c in head.children):
                found.add("negated")
        elif cur.dep_ in {"advcl", "acl"} and any(
            c.dep_ == "aux" and c.tag_ == "TO" for c in cur.children
        ):
            found.add("planned")  # purpose clause: "formed to fight"
        if lemma in cues.cue("report") and cur.dep_ in {"ccomp", "parataxis"}:
            if any(c.dep_ == "neg" for c in head.children):
                found.add("hypothetical")  # "did not confirm that ...": unconfirmed
            return True  # the content of a report keeps its own modality
        cur = head
    return False


def _denies_a_charge(ctx: DocContext, deny: Token) -> bool:
    """A denial whose subject is the charge itself, as the parser reads "X accused Y of Z, a
    charge Y has denied" (cue role ``charge``)."""
    return any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in ctx.onto.cue("charge")
        for c in deny.children
    )


def charge_denier(ctx: DocContext, att: Attribution) -> Token | None:
    """Who denies the accusation whose content ``att`` attributes: "X accused Y of backing Z,
    a charge (that) Y denies" -> Y. The accusation stays X's act, its content X's claim; the
    denier's denial of that content is a stance of its own."""
    accusing = att.clause.head
    charges, deny = ctx.onto.cue("charge"), ctx.onto.cue("deny")
    for c in accusing.children:
        if c.dep_ in {"npadvmod", "appos", "dobj", "attr"} and c.lemma_.lower() in charges:
            for r in c.children:
                if r.dep_ in {"relcl", "acl"} and r.lemma_.lower() in deny:
                    subj = next((d for d in r.children if d.dep_ == "nsubj"), None)
                    if subj is not None:
                        return subj
    outer = accusing.head
    if accusing.dep_ == "ccomp" and outer.lemma_.lower() in deny and _denies_a_charge(ctx, outer):
        for subj in outer.children:
            if subj.dep_ == "nsubj":
                return next((d for d in subj.children if d.dep_ in {"appos", "compound"}), None)
    return None
