"""Convert the field's open event-coding dictionaries into graphkit's own ontology files.

    python tools/convert_eventdata.py [--eventdata ../shared/eventdata] [--out ontology]
    python tools/convert_eventdata.py --check   # exit 1 when the committed files differ

Inputs (not needed at run time; see ``ontology/NOTICE``):

- ``CAMEO.2.0.txt``, PETRARCH2's CAMEO verb dictionary (MIT licence): synonym sets, verb
  blocks with their default codes, and phrase patterns with CAMEO event codes;
- ``CAMEO2PLOVER-2021.txt``, the CAMEO -> PLOVER table (CC BY-SA 4.0);
- ``CAMEO.goldstein.tsv``, the Goldstein (1992) conflict-cooperation weight of every CAMEO code
  (from andybega/icews, MIT licence);
- ``Phoenix.agents.txt``, ``Phoenix.discards.txt``, ``Phoenix.International.actors.txt`` and
  ``Phoenix.MilNonState.actors.txt``: Phoenix's generic agents, discard phrases and named
  actors (MIT licence);
- graphkit's own ``ontology/plover_overrides.tsv`` (hand-written: where graphkit's evaluation
  vocabulary departs from the table) and ``ontology/graphkit.ttl`` (the relations).

Outputs, in ``ontology/``:

- ``cameo_codes.tsv``: every CAMEO code -> PLOVER category, mode, context, graphkit relation and
  Goldstein weight (a code the weights table lacks takes its nearest ancestor's);
- ``cameo_verbs.tsv``: every verb lemma with its irregular forms and default code (if any);
- ``cameo_patterns.tsv``: every phrase pattern of a verb block: the words right after the verb
  (a multi-word verb's particle), words before and after it, prepositional phrases, where the
  target stands, and its code;
- ``cameo_sets.tsv``: the dictionary's synonym sets (``&WEAPON`` ...) the patterns refer to;
- ``phoenix_actors.tsv``: international organisations, NGOs, companies and armed non-state
  groups with their aliases and CAMEO actor code (office-holders are left out);
- ``discards.tsv``: Phoenix's discard phrases (sports, entertainment): no event in a sentence
  that holds one, and (scope ``story``, Phoenix's ``+``) none in a story whose headline does;
- ``agents.tsv``: Phoenix's generic agents ("police", "rebels", "landowner") with their sector
  code (``COP``, ``REB``, ``CVL`` ...), which ``sectors.tsv`` maps to graphkit's classes.

The output is a pure function of the inputs: running the script twice gives the same bytes.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = "PETRARCH2 CAMEO.2.0.txt"

_CODE = re.compile(r"\[([0-9]*):?([0-9]*)\]|\[---\]")


# ---------------------------------------------------------------------- PLOVER table
def read_plover(path: Path) -> dict[str, tuple[str, str, str, str]]:
    """CAMEO code -> (category, mode, context, description), from the CAMEO2PLOVER table."""
    out: dict[str, tuple[str, str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?(?:#\s*(.*))?$", line)
        if not m:
            continue
        code, cat, mode, context, desc = m.groups()
        if len(code) == 2:
            continue  # a heading ("03: AGREE"); its codes follow
        cat = cat.lower()
        cat = {"request": "demand", "accuse": "disapprove"}.get(cat, cat)
        if cat == "disapprove" and (mode or "").strip() == "investigate":
            cat = "investigate"  # PLOVER 2021 files investigation under ACCUSE as a mode
        ctx = re.sub(r"\s*;\s*", ";", (context or "").strip())
        out.setdefault(code, (cat, (mode or "").strip(), ctx, (desc or "").strip()))
    return out


def read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [
        ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")
    ]
    header = lines[0].split("\t")
    return [dict(zip(header, ln.split("\t"), strict=True)) for ln in lines[1:]]


def read_relations(ttl: Path) -> dict[str, tuple[str, str]]:
    """graphkit relation term -> (category, cameo code)."""
    text = ttl.read_text(encoding="utf-8")
    out = {}
    for m in re.finditer(
        r'gk:term "([a-z_]+)" ; gk:category "([a-z_]+)"(?: ; gk:cameo "([0-9]+)")?', text
    ):
        out[m.group(1)] = (m.group(2), m.group(3) or "")
    return out


# ---------------------------------------------------------------------- verb dictionary
@dataclass
class Verb:
    lemma: str
    forms: list[str]
    code: str
    block: str


@dataclass
class Pattern:
    verb: str
    before: str
    after: str
    preps: str
    target: str
    code: str
    block: str
    particle: str = ""


def _word(w: str) -> str:
    """A dictionary word as graphkit writes it: lower case, multi-word with spaces."""
    return w.strip("_").replace("_", " ").lower()


def _tokens(text: str) -> list[str]:
    return re.findall(r"\([^)]*\)|\{[^}]*\}|[^\s(){}]+", text)


def _item(tok: str) -> str | None:
    """One pattern element: a word, a phrase (words joined by "_"), a set (&NAME), or None."""
    if tok in {"$", "+", "^", "%"}:
        return None
    if tok.startswith("{"):
        words = [_word(w).replace(" ", "_") for w in tok.strip("{}").split()]
        return "_".join(w for w in words if w) or None
    if tok.startswith("&"):
        return tok.upper()
    return _word(tok).replace(" ", "_") or None


def parse_pattern(line: str, verb: str, block: str) -> Pattern | None:
    body = line[1:].split("#", 1)[0]
    m = _CODE.search(body)
    if m is None or m.group(0) == "[---]":
        return None
    code = m.group(1)
    if not code:
        return None  # "[:173]": only the target's event, nothing the source does
    body = body[: m.start()]
    if "*" not in body:
        return None
    pre, post = body.split("*", 1)
    before = [i for t in _tokens(pre) if (i := _item(t))]
    after: list[str] = []
    preps: list[str] = []
    target = "object" if "+" in _tokens(post) else ""
    if "+" in _tokens(pre):
        target = "subject"
    for tok in _tokens(post):
        if tok.startswith("("):
            inner = tok.strip("()").split()
            if not inner:
                continue
            prep = _word(inner[0])
            rest = [i for t in _tokens(" ".join(inner[1:])) if (i := _item(t))]
            if "+" in inner[1:]:
                target = prep
            preps.append(prep + (":" + " ".join(rest) if rest else ""))
        elif (i := _item(tok)) is not None:
            after.append(i)
    return Pattern(verb, " ".join(before), " ".join(after), ";".join(preps), target, code, block)


def read_dictionary(path: Path) -> tuple[dict[str, list[str]], list[Verb], list[Pattern]]:
    sets: dict[str, list[str]] = {}
    verbs: list[Verb] = []
    patterns: list[Pattern] = []
    section = ""
    current_set: str | None = None
    block, block_code, block_verb = "", "", ""
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.rstrip()
        if line.startswith("#######"):
            section = "sets" if "SYNONYM" in line else "verbs" if "VERB" in line else section
            continue
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if section == "sets":
            text = line.split("#", 1)[0].strip()
            if text.startswith("&"):
                current_set = text.split()[0].upper()
                sets.setdefault(current_set, [])
            elif text.startswith("+") and current_set:
                w = _word(text[1:].split()[0])
                if w and w not in sets[current_set]:
                    sets[current_set].append(w)
            continue
        if section != "verbs":
            continue
        if line.startswith("---"):
            m = re.match(r"---\s+(\S+)\s+\[([^\]]*)\]", line)
            block = m.group(1) if m else ""
            block_code = m.group(2) if m and m.group(2).isdigit() else ""
            block_verb = ""
            continue
        if line.startswith("-"):
            if block_verb:
                p = parse_pattern(line, block_verb, block)
                if p is not None:
                    patterns.append(p)
            continue
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        multi = text.startswith("+")
        m = re.match(r"\+?(\S+)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?", text)
        if m is None:
            continue
        words = _word(m.group(1)).split()
        forms = [_word(f).split()[0] for f in (m.group(2) or "").strip("{}").split() if f.strip()]
        code_m = re.match(r"\[(\d+)\]", m.group(3) or "")
        code = code_m.group(1) if code_m else block_code
        if multi and len(words) > 1:
            # "+ASK_FOR [020]", "+SET_UP": the verb with the words right after it
            head = words[0]
            if code:
                particle = " ".join(words[1:])
                patterns.append(Pattern(head, "", "", "", "", code, block, particle))
            if not block_verb:
                block_verb = head
            if head not in {v.lemma for v in verbs if v.block == block}:
                verbs.append(Verb(head, [], "", block))
            continue
        lemma = words[0] if words else ""
        if not lemma:
            continue
        if not block_verb:
            block_verb = lemma
        verbs.append(Verb(lemma, forms, code, block))
        # every verb of a block shares the block's patterns (PETRARCH's synonym blocks)
    return sets, verbs, patterns


# ---------------------------------------------------------------------- generic agents
def read_agents(path: Path) -> list[tuple[str, str, list[str]]]:
    """Phoenix generic agents as (head word, sector code, plural forms). Multi-word agents give
    their last word when every two-word agent ending in it has the same sector ("police
    officer"); longer ones ("minister of agriculture") are left out."""
    macros: dict[str, list[str]] = {}
    single: dict[str, tuple[str, list[str]]] = {}
    multi: dict[str, set[str]] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = re.match(r"^([^\[{]+?)\s*(\{[^}]*\})?\s*\[~([A-Z]+)\]", line)
        if not m:
            continue
        names = [m.group(1).strip()]
        for macro, words in macros.items():
            if macro in names[0]:
                names = [n.replace(macro, w) for n in names for w in words]
        forms = [_word(f) for f in (m.group(2) or "").strip("{}").split() if f.strip()]
        sector = m.group(3)
        for name in names:
            words = _word(name).split()
            if not words or not all(re.fullmatch(r"[a-z][a-z'-]*", w) for w in words):
                continue
            if len(words) == 1:
                single.setdefault(words[0], (sector, forms))
            elif len(words) == 2:  # "police officer": the head is the last word
                multi.setdefault(words[-1], set()).add(sector)
    out = [(w, sec, forms) for w, (sec, forms) in single.items()]
    out += [(w, secs.pop(), []) for w, secs in multi.items() if len(secs) == 1 and w not in single]
    return sorted(out)


# ---------------------------------------------------------------------- named actors
@dataclass
class NamedActor:
    name: str
    aliases: list[str]
    codes: list[str]
    dated: bool


def read_actors(path: Path) -> list[NamedActor]:
    """Phoenix actor entries: a name, its "+" aliases and its CAMEO codes ("[NGOHRI]", dated
    ones like "[IGOUNO 970101-061231]" belong to office-holders)."""
    out: list[NamedActor] = []
    current: NamedActor | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        codes = re.findall(r"\[([A-Z~]{3,})(\s+[<>]?\d[\d-]*)?\]", line)
        text = re.sub(r"\[[^\]]*\]", "", line).strip()
        if line.startswith("+"):
            if current is not None and text[1:].strip():
                current.aliases.append(text[1:].strip())
        elif text and not line[0].isspace():
            current = NamedActor(text, [], [], False)
            out.append(current)
        if current is not None:
            for code, date in codes:
                current.codes.append(code)
                current.dated |= bool(date.strip())
    return out


def _org_alias(alias: str, label: str, org_words: set[str]) -> bool:
    """Whether an alias names the organisation itself: an acronym or one word, a name sharing
    a word with the label, or one with an organisation word ("Islamic Resistance Movement").
    Phoenix also lists leaders under their group ("Khaled Meshaal" under Hamas): those go."""
    words = _word(alias).split()
    if not words:
        return False
    if len(words) == 1:
        return True
    own = set(_word(label).split())
    return bool(set(words) & own) or bool(set(words) & org_words)


def _label(name: str) -> str:
    words = _word(name).split()
    small = {"of", "the", "for", "and", "in", "on", "de", "al", "el"}
    out = [w if (w in small and i) else w.capitalize() for i, w in enumerate(words)]
    return " ".join(out)


# ---------------------------------------------------------------------- states' cities
def read_state_cities(path: Path, states: list[dict[str, str]]) -> list[tuple[str, str, str]]:
    """(place name, graphkit state id, CAMEO code) for the names Phoenix lists under a state
    that are not the state's own names in states.tsv: mostly its capital and cities, which
    PETRARCH codes as the state ("Baghdad said" -> IRQ)."""
    own: dict[str, str] = {}
    for st in states:
        for n in (st["name"], *st["aliases"].split("|"), *st["demonyms"].split("|")):
            if n.strip():
                own[_word(n).replace(".", "")] = st["id"]
    out: list[tuple[str, str, str]] = []
    for a in read_actors(path):
        code = next((c for c in a.codes if re.fullmatch(r"[A-Z]{3}", c)), "")
        names = [_word(n).replace(".", "") for n in (a.name, *a.aliases)]
        state = next((own[n] for n in names if n in own), None)
        if not code or state is None:
            continue
        for n, raw in zip(names, (a.name, *a.aliases), strict=True):
            if n and n not in own:
                out.append((_label(raw), state, code))
    seen: set[str] = set()
    unique = []
    for name, state, code in sorted(out):
        if name.lower() not in seen:
            seen.add(name.lower())
            unique.append((name, state, code))
    return unique


# ---------------------------------------------------------------------- discards
def read_discards(path: Path) -> list[tuple[str, str]]:
    """Phoenix discard phrases (sports, entertainment, history) with their scope: ``story``
    for the phrases Phoenix marks with ``+`` (a story about the World Cup codes no event),
    ``sentence`` for the others (a sentence holding one codes none). Years and relative dates
    ("1988", "years ago") are left out: graphkit keeps history as events with their dates."""
    scope: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body = raw.split("#", 1)[0].strip()
        story = body.startswith("+")
        line = body.lstrip("+").strip()
        if not line or re.search(r"\d", line) or re.search(r"\b(AGO|LATER)$", line):
            continue
        phrase = _word(line)
        if phrase and (story or phrase not in scope):
            scope[phrase] = "story" if story else "sentence"
    return sorted(scope.items())


def read_goldstein(path: Path) -> dict[str, str]:
    """CAMEO code -> its Goldstein weight as written (-10 .. +10), from the weights table."""
    return {r["code"]: r["goldstein"] for r in read_tsv(path) if r.get("goldstein", "") != ""}


def goldstein_of(code: str, weights: dict[str, str]) -> str:
    """The weight of a code: its own, else its nearest ancestor's (1823 -> 182 -> 180 -> 18);
    "" when none has one."""
    for anc in [*ancestors(code), code[:2]]:
        if anc in weights:
            return weights[anc]
    return ""


# ---------------------------------------------------------------------- mapping
def category_of(
    code: str, table: dict[str, tuple[str, str, str, str]], overrides: list[dict[str, str]]
) -> tuple[str, str, str, str]:
    """The PLOVER category of a CAMEO code: graphkit's overrides (longest prefix) win, then
    the table's own row, then its nearest ancestor code."""
    row = next((table[code[:n]] for n in range(len(code), 1, -1) if code[:n] in table), None)
    best = max(
        (o for o in overrides if code.startswith(o["prefix"])),
        key=lambda o: len(o["prefix"]),
        default=None,
    )
    if best is not None:
        return best["category"], row[1] if row else "", row[2] if row else "", best["note"]
    return row if row is not None else ("", "", "", "")


def ancestors(code: str) -> list[str]:
    """A code and its parents, most specific first: 1823 -> 1823, 182, 180."""
    out = [code[:n] for n in range(len(code), 2, -1)]
    root = code[:2] + "0"
    return [*out, root] if root not in out else out


def relation_of(code: str, category: str, relations: dict[str, tuple[str, str]]) -> str:
    """The graphkit relation for a code: the relation of the same category whose code is the
    code or its nearest parent, else the category's generic relation (its own name)."""
    for anc in ancestors(code):
        for term, (cat, rcode) in sorted(relations.items()):
            if cat == category and rcode == anc:
                return term
    return category if relations.get(category, ("",))[0] == category else ""


# ---------------------------------------------------------------------- output
def render(eventdata: Path, ontology: Path) -> dict[str, str]:
    table = read_plover(eventdata / "CAMEO2PLOVER-2021.txt")
    overrides = read_tsv(ontology / "plover_overrides.tsv")
    relations = read_relations(ontology / "graphkit.ttl")
    sets, verbs, patterns = read_dictionary(eventdata / "CAMEO.2.0.txt")
    weights = read_goldstein(eventdata / "CAMEO.goldstein.tsv")

    codes = sorted({v.code for v in verbs if v.code} | {p.code for p in patterns} | set(table))
    head = "# Generated by tools/convert_eventdata.py from {src}; do not edit (see NOTICE).\n"
    src = "CAMEO2PLOVER-2021.txt, plover_overrides.tsv and CAMEO.goldstein.tsv"
    rows = [head.format(src=src)]
    rows.append("code\tcategory\tmode\tcontext\trelation\tgoldstein\tdescription\n")
    for code in codes:
        cat, mode, ctx, desc = category_of(code, table, overrides)
        rel = relation_of(code, cat, relations) if cat and cat != "none" else ""
        weight = goldstein_of(code, weights)
        rows.append(f"{code}\t{cat}\t{mode}\t{ctx}\t{rel}\t{weight}\t{desc}\n")
    out = {"cameo_codes.tsv": "".join(rows)}

    rows = [head.format(src=SOURCE), "lemma\tforms\tcode\tblock\n"]
    seen: set[tuple[str, str]] = set()
    for v in verbs:
        if (v.lemma, v.block) in seen:
            continue
        seen.add((v.lemma, v.block))
        rows.append(f"{v.lemma}\t{'|'.join(v.forms)}\t{v.code}\t{v.block.lower()}\n")
    out["cameo_verbs.tsv"] = "".join(rows)

    rows = [head.format(src=SOURCE), "block\tparticle\tbefore\tafter\tpreps\ttarget\tcode\n"]
    seen_p: set[tuple[str, ...]] = set()
    for p in patterns:
        key = (p.block.lower(), p.particle, p.before, p.after, p.preps, p.target, p.code)
        if key in seen_p:
            continue
        seen_p.add(key)
        rows.append("\t".join(key) + "\n")
    out["cameo_patterns.tsv"] = "".join(rows)

    rows = [head.format(src="Phoenix.agents.txt"), "head\tsector\tforms\n"]
    agent_words: set[str] = set()
    for word, sector, forms in read_agents(eventdata / "Phoenix.agents.txt"):
        rows.append(f"{word}\t{sector}\t{'|'.join(forms)}\n")
        agent_words.update([word, *forms])
    out["agents.tsv"] = "".join(rows)

    rows = [
        head.format(src="Phoenix.International.actors.txt and Phoenix.MilNonState.actors.txt"),
        "id\tlabel\tcode\taliases\n",
    ]
    seen_ids: set[str] = set()
    org_words = {r["word"].lower() for r in read_tsv(ontology / "org_types.tsv")}
    # one word for a kind of organisation or a generic agent names no one actor ("News" from
    # News Corp, "Citizens" from Citizens Inc)
    common = org_words | agent_words
    for source in ("Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        for a in read_actors(eventdata / source):
            code = next((c for c in a.codes if not c.startswith("~")), "")
            if a.dated or not code or code.startswith("ELI") or code == "---":
                continue  # office-holders and codeless rows are left out
            label = _label(a.name)
            key = re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")
            if not key or key in seen_ids:
                continue
            seen_ids.add(key)
            aliases = sorted({_label(x) for x in a.aliases if _org_alias(x, label, org_words)})
            if code.startswith("MNC"):
                # "Apple Inc" is "Apple" in the news: the name without its legal suffix
                short = re.sub(r"\s+(Inc|Corp|Corporation|Co|Ltd|Plc|Ag|Sa|Llc|Group)$", "", label)
                if short != label and short:
                    aliases = sorted({*aliases, short})
            aliases = [x for x in aliases if x != label and x.lower() not in common]
            rows.append(f"{key}\t{label}\t{code}\t{'|'.join(aliases)}\n")
    out["phoenix_actors.tsv"] = "".join(rows)

    rows = [head.format(src="Phoenix.Countries.actors.txt"), "place\tstate\tcode\n"]
    states = read_tsv(ontology / "states.tsv")
    cities = read_state_cities(eventdata / "Phoenix.Countries.actors.txt", states)
    for name, state, code in cities:
        rows.append(f"{name}\t{state}\t{code}\n")
    out["state_places.tsv"] = "".join(rows)

    # every state's CAMEO country code; Phoenix's country codes are ISO 3166-1 alpha-3
    codes = {state: code for _, state, code in cities}
    rows = [head.format(src="Phoenix.Countries.actors.txt"), "state\tcameo\tiso3\n"]
    rows.extend(f"{state}\t{code}\t{code}\n" for state, code in sorted(codes.items()))
    out["state_codes.tsv"] = "".join(rows)

    rows = [head.format(src="Phoenix.discards.txt"), "phrase\tscope\n"]
    rows.extend(f"{p}\t{scope}\n" for p, scope in read_discards(eventdata / "Phoenix.discards.txt"))
    out["discards.tsv"] = "".join(rows)

    rows = [head.format(src=SOURCE), "set\tword\n"]
    for name in sorted(sets):
        rows.extend(f"{name}\t{w}\n" for w in sets[name])
    out["cameo_sets.tsv"] = "".join(rows)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eventdata", type=Path, default=ROOT.parent / "shared" / "eventdata")
    ap.add_argument("--out", type=Path, default=ROOT / "ontology")
    ap.add_argument("--check", action="store_true", help="compare with the files in --out")
    args = ap.parse_args(argv)
    for need in ("CAMEO.2.0.txt", "CAMEO.goldstein.tsv"):
        if not (args.eventdata / need).is_file():
            print(f"convert_eventdata: {args.eventdata} has no {need}", file=sys.stderr)
            return 2
    files = render(args.eventdata, args.out)
    stale = []
    for name, text in files.items():
        path = args.out / name
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
            continue
        tmp = path.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    if stale:
        print(f"convert_eventdata: out of date: {', '.join(stale)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
