"""From an event to its edges: how the act is coded, who says so, and each edge's confidence."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from ...ontology import Category, LexEntry, RelationType, normalize_name
from ...records import ActorRef, Assertion, Content
from ..claims import (
    attribution,
    charge_denier,
    clause_verb,
    declared_intent,
    modality,
    unattributed_charge,
)
from .base import Extractor
from .common import (
    _purpose,
    _wished,
    lookup,
)


class Assertions(Extractor):
    """From an event to its edges: a part of the event extractor."""

    def _category(self, entry: LexEntry) -> Category | None:
        """The category row (categories.tsv) of the relation an entry codes."""
        return self.onto.categories.get(self.onto.relation(entry.relation).category)

    def _placed(self, entry: LexEntry) -> bool:
        cat = self._category(entry)
        return cat is not None and cat.place

    def _through_agent(self, entry: LexEntry) -> bool:
        cat = self._category(entry)
        return cat is not None and cat.agent

    def _unary(self, entry: LexEntry) -> bool:
        cat = self._category(entry)
        return cat is not None and cat.unary

    def _matrix_act(self, tok: Token, cat: Category | None, mod: str, rule: str) -> str | None:
        """The category of the act that happened when ``tok``'s act did not (categories.tsv
        ``intent``, ``unreal`` and ``refused``): None when the act happened as stated, ""
        when nothing did ("did not attack X", "formed to fight")."""
        if cat is None or rule in {"noun_received", "noun_mutual"}:
            # "will receive loans from X", "talks between X and Y": none of the parties
            # declares the act; it stays as stated, with its modality
            return None
        verb = clause_verb(tok)
        if any(
            c.dep_ == "mark" and c.lower_ in self.onto.cue("open_condition") for c in verb.children
        ):
            # "Iran will attack unless Baghdad accepts its terms", "asked whether GM would
            # import cars": an act left open is no act (the threat names it as its condition:
            # verb_threat_condition); "if the U.S. holds drills next month" often tells a plan
            return ""
        if self._generic_relative(verb):
            return ""  # "amnesty to all rebels who surrender": a condition, no surrender
        if unattributed_charge(self.ctx, verb):
            return ""  # "amid allegations that Rwanda armed the rebels": alleged by no one
        # "pledged aid to Sudan": the pledge is the event
        pledged = verb.i != tok.i and verb.lemma_.lower() in self.onto.cue("plan")
        if (
            mod in {"planned", "hypothetical"}
            and cat.intent
            and cat.unreal == cat.intent
            and (self._only_possible(verb) or _wished(self.ctx, verb))
        ):
            # "it could affect X", "Iraq must cooperate with X", "hopes that Iran will
            # support X": a possibility, an obligation or another's hope is no one's declared
            # intention to cooperate, and no act
            return ""
        if cat.intent and (pledged or (mod == "planned" and declared_intent(self.ctx, tok))):
            return cat.intent
        if mod in {"planned", "hypothetical"}:
            if _purpose(verb):
                return None  # "fired tear gas to break up the rally": done in the doing
            return cat.unreal
        if mod == "negated":
            # "can't share the information", "could not attend": an inability is no refusal
            if self._only_possible(verb):
                return ""
            if cat.refused and self._warned(verb):
                return self.onto.relation("threaten").category
            return cat.refused
        return None

    def _warned(self, verb: Token) -> bool:
        """A negated future of a verb of permission is a warning (cue role
        ``warning_refusal``): "will not tolerate threats from X", "will no longer allow rallies
        by X", "said it would not tolerate attacks by X"."""
        future = self.onto.cue("future") | self.onto.cue("conditional")
        return verb.lemma_.lower() in self.onto.cue("warning_refusal") and any(
            c.dep_ == "aux" and c.lower_ in future for c in verb.children
        )

    def _generic_relative(self, verb: Token) -> bool:
        """A relative clause in the present or with a future or modal auxiliary on a noun it
        picks out every member of (cue role ``universal``: "amnesty to all rebels who
        surrender", "anyone who attacks the police will be punished"): it tells a condition,
        and no act happened. In the past ("freed all rebels who surrendered") it tells one."""
        if verb.dep_ != "relcl":
            return False
        onto = self.onto
        aux = onto.cue("future") | onto.cue("conditional") | onto.cue("modal")
        if verb.tag_ not in {"VBP", "VBZ"} and not any(
            c.dep_ == "aux" and c.lower_ in aux for c in verb.children
        ):
            return False
        universal, head = onto.cue("universal"), verb.head
        return head.lower_ in universal or any(
            c.dep_ in {"det", "predet"} and c.lower_ in universal for c in head.children
        )

    def _only_possible(self, verb: Token) -> bool:
        """Whether a clause is a possibility or an obligation (cue roles ``modal`` and
        ``obligation``: "could", "may", "must") and not a declared intention ("will",
        "would", "vowed to")."""
        words = self.onto.cue("modal") | self.onto.cue("obligation")
        cur = verb
        while (
            cur.dep_ == "conj"
            and cur.head.i != cur.i
            and not any(c.dep_ == "aux" for c in cur.children)
        ):
            cur = cur.head  # "must free the prisoners and let citizens speak"
        return any(c.dep_ == "aux" and c.lower_ in words for c in cur.children) and (
            not declared_intent(self.ctx, verb)
        )

    def _asked_for(self, tok: Token) -> bool:
        """The act is the content of a demand, an appeal or a call ("demanded that the militia
        release the hostages", "urged Iran to free them"): asked for, not done."""
        cur = clause_verb(tok)
        for _ in range(3):
            # "appealed to X to allow them ...": the parser often hangs the content as an adverbial
            # "pushing hard for the US (to) support its plan": a "for" clause is what is asked
            marked = any(
                c.dep_ == "mark" and c.lower_ in self.onto.cue("content_mark") for c in cur.children
            )
            to = cur.dep_ == "advcl" and (_purpose(cur) or marked)
            if (cur.dep_ not in {"ccomp", "xcomp"} and not to) or cur.head.i == cur.i:
                return False
            head = cur.head
            entry = lookup(self.ctx, head) if head.pos_ == "VERB" else None
            if entry is not None:
                outer = self._category(entry)
                return outer is not None and outer.governs
            cur = head
        return False

    def _act_text(self, tok: Token) -> str:
        """The words of an act from its trigger to the end of its phrase ("strike the bases")."""
        words = [t for t in tok.subtree if t.i >= tok.i] or [tok]
        end = min(words[-1].idx + len(words[-1].text), tok.idx + 200)
        return self.ctx.document.text[tok.idx : end]

    def _by_victim(self, cat: Category | None, by: str, cls: str) -> RelationType | None:
        """The category of ``cat``'s family that an act by an actor of class ``by`` on one of
        class ``cls`` is (categories.tsv ``victims`` and ``regular``: militants attacking
        civilians is assault, police firing on them fight)."""
        if cat is None or not cat.family or cls in cat.victims or by in cat.regular:
            return None
        for other in self.onto.categories.values():
            if other.family == cat.family and cls in other.victims:
                return self.onto.relation(other.name)
        return None

    def _assert_unary(
        self, tok: Token, entry: LexEntry, subjects: list[ActorRef], rule: str
    ) -> Iterator[Assertion]:
        """An event with no recipient: the recipient of its purpose ("staged a strike *to
        demand the resignation of X*"), else, for a category whose row has ``place``, an edge
        to the place it happened, else an event with no recipient."""
        exclude = frozenset(r.key for r in subjects)
        clause = clause_verb(tok)
        found = self._adjunct_targets(clause, exclude)
        if found:
            yield from self._assert(tok, entry, subjects, found, rule)
            return
        for c in clause.children:
            if c.dep_ in {"advcl", "xcomp", "acl"} and c.pos_ == "VERB" and c.i > tok.i:
                inner = lookup(self.ctx, c)
                found = self.objects(c, inner, exclude, nested=True) if inner else []
                if found:
                    yield from self._assert(tok, entry, subjects, found, rule)
                    return
        # where it happened is its target only for the categories whose row says so
        # ("protested in Kirkuk"); "proposed a plan in Europe" and "began research at X"
        # name no one demanded of or investigated
        places = (
            (
                self.place_of(tok, entry)
                or (self.place_of(clause, entry) if clause.i != tok.i else [])
            )
            if self._placed(entry)
            else []
        )
        if places:
            yield from self._assert(tok, entry, subjects, places, rule, role="place")
            return
        yield from self._assert(tok, entry, subjects, [None], rule, role="none")

    def _coded_act(
        self,
        tok: Token,
        entry: LexEntry,
        cat: Category | None,
        mod: str,
        rule: str,
        unary: bool,
    ) -> tuple[RelationType, str | None, str, Content | None] | None:
        """The act an event is coded as: its own relation, or the act of the clause it hangs
        on (the matrix act decides, as CAMEO and PLOVER code it: a declared intention to
        cooperate is agree, "will support Turkey's bid"; a vowed attack threaten, "would strike
        X"; a refused meeting reject), with the act it is about kept as its content. Returns
        (relation, CAMEO code, modality, content); None when nothing happened to code."""
        rel = self.onto.relation(entry.relation)
        cameo = entry.cameo or rel.cameo
        matrix = self._matrix_act(tok, cat, mod, rule)
        if matrix == "":
            return None
        if matrix and cat is not None and matrix == cat.intent and unary:
            # "the prime minister ... will resign": an intention with no one to agree with
            # is the act itself, announced (planned), as PLOVER codes it
            matrix = None
        content: Content | None = None
        if matrix is not None:
            if matrix != rel.category:
                content = Content(rel.term, rel.category, mod, self._act_text(tok))
                rel = self.onto.relation(matrix)
                cameo = rel.cameo
            mod = "asserted"
        return rel, cameo, mod, content

    def _claimed(self, tok: Token) -> tuple[ActorRef | None, str | None, list[ActorRef]]:
        """Who says an event happened, the words of the claim, and who denies it."""
        ctx = self.ctx
        att = attribution(ctx, tok)
        if att is None:
            return None, None, []
        speakers = ctx.speaker_actors(att.speaker)
        speaker = speakers[0] if speakers else None
        if speaker is None:
            return None, None, []
        if att.span is not None:
            claim = ctx.document.text[att.span[0] : att.span[1]].strip(' ,.\n"')
        else:
            sub = list(att.clause.subtree)
            claim = ctx.document.text[sub[0].idx : sub[-1].idx + len(sub[-1].text)]
        denier = charge_denier(ctx, att)
        return speaker, claim, ctx.speaker_actors(denier) if denier is not None else []

    def _located(
        self, o: ActorRef | None, role: str, placed: bool, symmetric: bool
    ) -> tuple[ActorRef | None, str] | None:
        """An event's target and its role when the target is a place: a capital spoken to is
        its government ("agreed with Baghdad"; a mutual act's party always is), else where it
        happened ("imposed a curfew on Hebron") for a category that has a place, else no edge
        (None)."""
        if o is None or o.type != "Place" or role != "recipient":
            return o, role
        state = self.onto.state_places.get(normalize_name(o.label))
        if state is not None and (not placed or symmetric):
            return self.ctx.generic.state_unit(state, "government", o.label), role
        if not placed:
            return None
        return o, "place"

    def _assert(
        self,
        tok: Token,
        entry: LexEntry,
        subjects: list[ActorRef],
        objects: list[ActorRef | None],
        rule: str,
        role: str = "recipient",
    ) -> Iterator[Assertion]:
        """The edges of one event. A declared intention of the clause's subject to cooperate or
        to meet is an agreement (CAMEO 03), unless the subject is its recipient ("will receive
        loans from X") or hosts others' talks ("will host talks between X and Y")."""
        if not subjects or not objects or not rule:
            return
        ctx = self.ctx
        mod = modality(ctx, tok)
        if mod == "threatened":
            return  # "threatened to attack": the threat is the event, not the attack
        cat = self._category(entry)
        if cat is not None and self._asked_for(tok):
            return  # "demanded that the militia release the hostages": only the demand
        coded = self._coded_act(tok, entry, cat, mod, rule, objects == [None])
        if coded is None:
            return  # an act that did not happen, and no act that did to code in its place
        rel, cameo, mod, content = coded
        speaker, claim, deniers = self._claimed(tok)
        evidence = ctx.sentence_evidence(tok)
        trigger = ctx.evidence(tok.idx, tok.idx + len(tok.text))
        not_by = cat.not_by if cat is not None else ()
        final = self.onto.categories.get(rel.category)  # after an intention became agree
        placed = final is not None and final.place
        # "the magazine attacked the defectors": an attack by one who does not fight is words
        verbal = tok.lemma_.lower() in self.onto.cue("verbal_attack")
        for s in subjects:
            s_rel, s_cameo = rel, cameo
            if s.type in not_by and verbal:
                s_rel = self.onto.relation("disapprove")
                s_cameo = s_rel.cameo
            elif s.type in not_by or s.type == "Place":
                continue  # "Airbus defeats Boeing for the contract" is no fight
            for target in objects:
                located = self._located(target, role, placed, rel.symmetric)
                if located is None:
                    continue
                o, o_role = located
                if o is None:
                    if o_role != "none":
                        continue
                elif s.key == o.key or (entry.objects and o.type not in entry.objects):
                    continue  # no actor acts on itself here; the verb's row names its objects
                o_rel, o_cameo = s_rel, s_cameo
                victim = (
                    self._by_victim(final, s.type, o.type)
                    if s_rel is rel and o is not None
                    else None
                )
                if victim is not None:  # "militants attacked a refugee camp": assault
                    o_rel, o_cameo = victim, victim.cameo
                asserted = Assertion(
                    subject=s,
                    relation=o_rel.term,
                    category=o_rel.category,
                    object=o,
                    evidence=evidence,
                    trigger=trigger,
                    rule=rule,
                    confidence=_confidence(
                        self.onto.rule_confidence.get(rule, 0.5), o_role != "recipient", mod
                    ),
                    cameo=o_cameo,
                    modality=mod,
                    attributed_to=speaker,
                    claim=claim,
                    target_role=o_role,
                    content=content,
                )
                for d in deniers:
                    # "..., a charge Kigali denied": Kigali's denial of the claimed content
                    yield replace(asserted, modality="denied", attributed_to=d)
                yield asserted


#: what an edge's confidence loses from its rule's measured precision when its target is a place
#: or none, and when the act is not asserted (planned, hypothetical, threatened, negated, denied)
PLACE_PENALTY = 0.1


MODALITY_PENALTY = 0.1


def _confidence(measured: float, off_target: bool, modality: str) -> float:
    """An edge's confidence: its rule's measured precision (``make rules``), less the penalties.

    >>> _confidence(0.71, False, "asserted"), _confidence(0.71, True, "planned")
    (0.71, 0.51)
    """
    loss = (PLACE_PENALTY if off_target else 0.0) + (
        MODALITY_PENALTY if modality != "asserted" else 0.0
    )
    return round(max(measured - loss, 0.0), 2)
