"""Names the NER cut in the wrong place, mended before they are read: a person's name cut at a
hyphenated particle ("Suleiman al" + "-Amr") or in a hyphened given name ("Wong Yeung" +
"-tat"), a government body cut from the state whose possessive names it ("Armenia's" +
"Defense Ministry"), and a state's own society cut from the international organisation whose
name it takes ("British" + "Red Cross")."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ...ontology import Ontology
from ..morph import is_article


def touching_persons(doc: Doc, ents: list[Span]) -> list[Span]:
    """Two person entities with only a space between them, each begun with a capital, are one
    name the NER cut in two: "President Abdu Rabu Mansour Hadi" read as "Abdu Rabu" and
    "Mansour Hadi". English writes a comma or "and" between two people's names.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> doc = nlp("Abdu Rabu Mansour Hadi met Smith, Jones.")
    >>> ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 2, 4, "PERSON"),
    ...         Span(doc, 5, 6, "PERSON"), Span(doc, 7, 8, "PERSON")]
    >>> [e.text for e in touching_persons(doc, ents)]
    ['Abdu Rabu Mansour Hadi', 'Smith', 'Jones']
    """
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label_ == ent.label_ == "PERSON"
            and prev.end == ent.start
            and doc[prev.end - 1].whitespace_ == " "
            and doc[prev.end - 1].is_title
            and ent[0].is_title
        ):
            out[-1] = Span(doc, prev.start, ent.end, label="PERSON")
        else:
            out.append(ent)
    return out


def name_particles(doc: Doc, ents: list[Span], onto: Ontology) -> list[Span]:
    """A person's entity that NER cut at a hyphenated name particle (cue role
    ``name_particle``) or inside a hyphened given name, with the rest of the name: "Suleiman
    al-Amr" read as "Suleiman al" and the name of a company, "Amr"; "Wong Yeung-tat" read as
    "Wong Yeung". Entities the longer name covers are dropped."""
    particles = onto.cue("name_particle")
    out: list[Span] = []
    for ent in ents:
        if out and ent.start < out[-1].end:
            continue  # covered by the name before it
        end = ent.end
        if ent.label_ == "PERSON":
            while True:
                if doc[end - 1].lower_ in particles and _hyphen_name(doc, end):
                    end += 2  # "Suleiman al" + "-Amr"
                elif (
                    end - ent.start > 2
                    and doc[end - 2].lower_ in particles
                    and _hyphen_name(doc, end - 1)
                ):
                    end += 1  # "Suleiman al-" + "Amr"
                elif end < len(doc) and doc[end].lower_ in particles and _hyphen_name(doc, end + 1):
                    end += 3  # "Suleiman" + "al-Amr"
                elif _hyphen_syllable(doc, end):
                    end += 2  # "Wong Yeung" + "-tat": a given name of two hyphened syllables
                else:
                    break
        out.append(ent if end == ent.end else Span(doc, ent.start, end, label="PERSON"))
    return out


def national_bodies(doc: Doc, ents: list[Span], onto: Ontology) -> list[Span]:
    """An international organisation's name (a gazetteer entity) written right after a state's
    name or demonym, and ending the noun phrase, is a state's own body that takes the
    international one's name ("the British Red Cross", "the Kenya Red Cross"): one
    organisation's name of its own, not the international body. A name going on with a noun
    is the state's post at the international body ("the Iraqi UN ambassador") and is left as
    it is."""
    out: list[Span] = []
    for ent in ents:
        state = ent.start - 1
        if (
            ent.ent_id_
            and state >= 0
            and (actor := onto.actors.get(ent.ent_id_)) is not None
            and actor.cls == "InternationalOrganization"
            and doc[state].is_title
            and onto.state_of_word(doc[state].text) is not None
            and not (ent.end < len(doc) and doc[ent.end].pos_ in {"NOUN", "PROPN"})
        ):
            while out and out[-1].end > state:
                out.pop()  # the demonym, or an entity the NER made of it ("The British")
            out.append(Span(doc, state, ent.end, label="ORG"))
            continue
        out.append(ent)
    return out


def _hyphen_syllable(doc: Doc, i: int) -> bool:
    """A hyphen at ``i`` written close between a name and a lower-case word ("Yeung-tat",
    "Chun-ying"): the second syllable of a romanised given name."""
    return (
        i + 1 < len(doc)
        and doc[i].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and doc[i + 1].is_alpha
        and doc[i + 1].is_lower
    )


def _hyphen_name(doc: Doc, i: int) -> bool:
    """A hyphen at ``i`` and a capitalised word after it ("-Amr")."""
    return i + 1 < len(doc) and doc[i].text == "-" and doc[i + 1].is_title


def owner_state(span: Span, onto: Ontology) -> tuple[str, set[int]] | None:
    """The state a government body's name begins or ends with, and the words naming it: a
    state or its demonym first ("Armenia's", "Armenian", "United States"), or an "of" phrase
    last ("of Armenia")."""
    words = [t for t in span if not is_article(t)]
    for n in range(min(3, len(words) - 1), 0, -1):
        state = onto.state_of_word(" ".join(t.text for t in words[:n]))
        if state is not None:
            drop = {t.i for t in words[:n]}
            if words[n].dep_ == "case":  # "Armenia's"
                drop.add(words[n].i)
            return state, drop
    if (
        len(words) >= 3
        and words[-2].lower_ in onto.cue("genitive")
        and (state := onto.state_of_word(words[-1].text)) is not None
    ):
        return state, {words[-2].i, words[-1].i}
    return None


def with_owner(span: Span, onto: Ontology) -> Span:
    """A government body's name with the state a possessive before it names: "Armenia's
    Defense Ministry" is one name (two states' "Defense Ministry" are two bodies). For a
    span already known to name a government body."""
    for c in span.root.children:
        if c.dep_ == "poss" and c.i < span.start and c.right_edge.i + 1 >= span.start - 1:
            owner = [t for t in span.doc[c.left_edge.i : span.start] if not is_article(t)]
            if owner and onto.state_of_word(" ".join(t.text for t in owner if t.dep_ != "case")):
                return span.doc[owner[0].i : span.end]
    return span
