"""Every ontology term graphkit's code names is defined by the ontology: a class, relation,
category or modality typed in Python and missing from ``graphkit.ttl`` or ``categories.tsv``
fails here (it would be a rule that can never fire, or a colour for nothing)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Namespace

import graphkit
from graphkit.ontology import builtin_dir, load_ontology

PACKAGE = Path(graphkit.__file__).resolve().parent
GK = Namespace("https://w3id.org/graphkit/ontology/0.1/")
#: attribute, key or keyword name -> the kind of term it holds
KIND = {"type": "class", "cls": "class", "category": "category", "relation": "relation",
        "modality": "modality", "rule": "rule"}  # fmt: skip
#: the names of the event rules, wherever the code writes them ("verb_passive", "noun_event")
EVENT_RULE = re.compile(r"^(verb|noun)_[a-z_]+$")


def _strings(node: ast.AST, names: dict[str, ast.AST]) -> list[ast.Constant]:
    """The string constants a value stands for: a literal, a set/tuple/list of them, or a
    module-level name bound to one of those."""
    if isinstance(node, ast.Name) and node.id in names:
        node = names[node.id]
    if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "frozenset" and node.args:
        node = node.args[0]
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node]
    if isinstance(node, (ast.Set, ast.Tuple, ast.List)):
        return [e for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    return []


def _kind_of(node: ast.AST) -> str | None:
    """The kind of term an expression holds: ``x.type``, ``d["category"]``, ``d.get("type")``."""
    if isinstance(node, ast.Attribute):
        return KIND.get(node.attr)
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
        return KIND.get(str(node.slice.value))
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "get"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    ):
        return KIND.get(str(node.args[0].value))
    return None


def named_terms() -> list[tuple[str, str, str]]:
    """(kind, term, where) for every term the code compares with, passes or keys by kind."""
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {
            t.id: n.value
            for n in tree.body
            if isinstance(n, (ast.Assign, ast.AnnAssign)) and n.value is not None
            for t in (n.targets if isinstance(n, ast.Assign) else [n.target])
            if isinstance(t, ast.Name)
        }
        where = path.relative_to(PACKAGE.parent)
        # tables of column types (events.EVENT_DTYPES: "modality" -> "string") name no terms
        column_types = {id(v) for k, v in names.items() if k.endswith("DTYPES")}
        for node in ast.walk(tree):
            pairs: list[tuple[str | None, ast.AST]] = []
            if isinstance(node, ast.Compare):
                sides = [node.left, *node.comparators]
                for a in sides:
                    for b in sides:
                        if a is not b:
                            pairs.append((_kind_of(a), b))
            elif isinstance(node, ast.keyword) and node.arg in KIND:
                pairs.append((KIND[node.arg], node.value))
            elif isinstance(node, ast.Dict) and id(node) not in column_types:
                for k, v in zip(node.keys, node.values, strict=True):
                    if isinstance(k, ast.Constant) and k.value in KIND:
                        pairs.append((KIND[str(k.value)], v))
            for kind, value in pairs:
                if kind is not None:
                    out += [
                        (kind, c.value, f"{where}:{c.lineno}")
                        for c in _strings(value, names)
                        # a class is CamelCase: "SELECT" (a query's type) and vis.js's
                        # option {"type": "dynamic"} are no classes
                        if kind != "class" or (c.value[:1].isupper() and not c.value.isupper())
                    ]
        if where.parts[:2] == ("graphkit", "extract"):
            out += [
                ("rule", n.value, f"{where}:{n.lineno}")
                for n in ast.walk(tree)
                if isinstance(n, ast.Constant) and isinstance(n.value, str)
                and EVENT_RULE.match(n.value)
            ]  # fmt: skip
        for name, value in names.items():  # tables keyed by class or by category
            if (
                isinstance(value, ast.Dict)
                and ("TYPE" in name or "CATEGORY" in name)
                and id(value) not in column_types
            ):
                kind = "class" if "TYPE" in name else "category"
                # a table of synonyms maps other vocabularies' words onto categories
                cells = value.values if "ALIASES" in name else value.keys
                for k in cells:
                    if isinstance(k, ast.Constant) and isinstance(k.value, str):
                        out.append((kind, k.value, f"{where}:{k.lineno}"))
    return out


@pytest.fixture(scope="module")
def defined() -> dict[str, set[str]]:
    onto = load_ontology()
    ttl = Graph().parse(builtin_dir() / "graphkit.ttl")
    modalities = {str(s)[len(str(GK)) :] for s in ttl.subjects(RDF.type, GK.Modality)}
    return {
        "class": set(onto.classes) | {"Actor"},
        "relation": set(onto.relations) | {"-"},  # "-": a lexicon row that names none
        "category": set(onto.categories) | {r.category for r in onto.relations.values()},
        "modality": modalities,
        "rule": set(onto.rule_confidence),
    }


def test_the_code_names_terms_of_every_kind():
    kinds = {k for k, _, _ in named_terms()}
    assert {"class", "category", "relation", "modality", "rule"} <= kinds


def test_every_term_the_code_names_is_in_the_ontology(defined):
    missing = [(k, t, w) for k, t, w in named_terms() if t and t not in defined[k]]
    assert not missing


def test_a_misspelt_term_would_be_found(defined, tmp_path):
    # the check itself: a comparison with a class the ontology does not define is caught
    tree = ast.parse('if ref.type == "ArmedGruop":\n    pass\n')
    compare = tree.body[0].test  # type: ignore[attr-defined]
    assert _kind_of(compare.left) == "class"
    assert "ArmedGruop" not in defined["class"]


def test_the_explorer_styles_every_class_and_category_and_nothing_else(defined):
    from graphkit.export.html import CATEGORY_COLORS, TYPE_COLORS

    onto = load_ontology()
    # every class but the abstract ones (Actor, and the RDF model's own Assertion, Claim …)
    abstract = {"Actor", "Assertion", "Claim", "Document", "Modality", "RelationType", "QuadClass"}
    actor_classes = set(onto.classes) - abstract
    assert set(TYPE_COLORS) == actor_classes
    assert set(CATEGORY_COLORS) <= defined["category"]
    assert set(onto.categories) <= set(CATEGORY_COLORS)
    # and every quad class, for the sparkline and the plots
    assert set(onto.styles["quad"]) == {q.name for q in onto.quads.values()}


# ---------------------------------------------------------------- one source of words
#: token attributes whose value is a word of the text
_TOKEN_WORDS = {"lower_", "lemma_", "text", "norm_", "orth_"}


def _is_token_word(node: ast.AST) -> bool:
    """``tok.lower_``, ``tok.lemma_.lower()``, ``doc[i].text``, ``word.lower()``."""
    func = node.func if isinstance(node, ast.Call) else None
    if isinstance(func, ast.Attribute) and func.attr in {"lower", "casefold", "strip"}:
        return isinstance(func.value, ast.Name) or _is_token_word(func.value)
    return isinstance(node, ast.Attribute) and node.attr in _TOKEN_WORDS


def english_compared_to_tokens(source: str, where: str) -> list[tuple[str, str]]:
    """The words a module compares a token's text with: ``tok.lower_ == "of"``,
    ``tok.lemma_ in {"say", "tell"}`` or ``w.lower() not in SMALL`` with ``SMALL`` a
    module-level set of words. Punctuation ("(", "-") is no word and is allowed."""
    tree = ast.parse(source)
    names = {
        t.id: n.value
        for n in tree.body
        if isinstance(n, ast.Assign)
        for t in n.targets
        if isinstance(t, ast.Name)
    }
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Compare):
            continue
        sides = [node.left, *node.comparators]
        if not any(_is_token_word(s) for s in sides):
            continue
        for side in sides:
            for c in _strings(side, names):
                if any(ch.isalpha() for ch in c.value):
                    found.append((f"{where}:{c.lineno}", c.value))
    return found


def test_no_english_word_is_typed_in_the_code_outside_the_vocabulary_module():
    """Words of the text come from ontology files or spaCy's morphology; graphkit's fixed
    vocabulary (schema terms and page furniture) is graphkit/vocabulary.py alone."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "vocabulary.py":
            continue
        where = str(path.relative_to(PACKAGE.parent))
        found += english_compared_to_tokens(path.read_text(encoding="utf-8"), where)
    assert not found


def test_a_word_typed_in_the_code_would_be_found():
    source = (
        'SMALL = {"of", "the"}\n'
        'if (tok.lower_ == "by" or tok.lemma_.lower() in {"say"} or w.lower() in SMALL\n'
        '        or doc[i].text == "("):\n'
        "    pass\n"
    )
    words = {w for _, w in english_compared_to_tokens(source, "x.py")}
    assert words == {"by", "say", "of", "the"}


def test_the_fixed_vocabulary_agrees_with_the_ontology(defined):
    from graphkit import vocabulary as v

    assert set(v.MODALITIES) == defined["modality"]
    assert set(v.MODALITY_PRECEDENCE) == set(v.MODALITIES) - {"asserted"}
    onto = load_ontology()
    assert set(onto.categories) == v.EVENT_CATEGORIES | v.STANDING_CATEGORIES
    assert set(v.CATEGORY_ALIASES.values()) <= v.EVENT_CATEGORIES
    assert v.SYMMETRIC_CATEGORIES <= v.EVENT_CATEGORIES
