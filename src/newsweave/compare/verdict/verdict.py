"""Facts with verdicts: corroborated, single_source or conflicting, each with a one-line reason."""
from __future__ import annotations

import re
from typing import Collection, Mapping, Sequence

from ...normalize.words import STOPWORDS, tokens
from ...models import Article, Claim, Conflict, Fact, content_hash
from . import rules
from .entities import names_embedded_by

CORROBORATED, SINGLE, CONFLICTING = "corroborated", "single_source", "conflicting"


def source_of(article_id: str, articles: Mapping[str, Article]) -> str:
    """Independent source of an article: wire copies collapse onto their original's outlet."""
    article = articles.get(article_id)
    if article is None:
        return article_id
    seen = set()
    while article.copy_of and article.copy_of in articles and article.id not in seen:
        seen.add(article.id)
        article = articles[article.copy_of]
    return (article.outlet or article.id).strip()


COPY_MIN_WORDS = 15  # a sentence this long, printed word for word by two outlets, came from one text


def independent_sources(claims: Sequence[Claim], articles: Mapping[str, Article]) -> list[str]:
    """The independent sources behind a fact's claims, sorted: wire copies collapse onto their original's outlet,
    and outlets printing the same long sentence word for word (a shared wire or press-release text, not two
    reports) count once, under the first of their names."""
    name = {c.id: source_of(c.article, articles) for c in claims}
    merged = {n: n for n in name.values()}

    def root(n: str) -> str:
        while merged[n] != n:
            n = merged[n]
        return n

    for i, a in enumerate(claims):
        for b in claims[i + 1:]:
            if copied_sentence(a, b):
                x, y = sorted((root(name[a.id]), root(name[b.id])))
                merged[y] = x
    return sorted({root(n) for n in merged})


def copied_sentence(a: Claim, b: Claim) -> bool:
    """Two outlets' claims stand in the same long sentence, word for word, outside quotation marks (a quote
    printed alike by two outlets may well have been heard twice)."""
    if a.quote or b.quote:
        return False
    words = tokens(a.text)
    return len(words) >= COPY_MIN_WORDS and words == tokens(b.text)


def make_fact(claims: Sequence[Claim], articles: Mapping[str, Article],
              adds: Mapping[str, str] | None = None, linked: Collection[frozenset[str]] | None = None) -> Fact:
    """A fact with its verdict. ``adds`` (claim id -> what the claim says beyond the other outlets, from
    ``align.partial.what_each_adds``) marks partial facts; without it a word-overlap check decides. ``linked``
    (pairs of claim ids the aligner matched directly) limits the conflict check to those pairs: a fact grown by
    chaining (A matches B, B matches C) holds claims that were never compared, and A against C is no conflict."""
    claims = sorted(claims, key=lambda c: (c.outlet, c.article, c.clause_start, c.id))
    sources = independent_sources(claims, articles)
    outlets = tuple(sorted({c.outlet for c in claims}))
    found = _conflicts(claims, articles, linked)
    added = tuple((c.id, adds[c.id]) for c in claims if adds and adds.get(c.id))
    if adds is None:
        partial, partial_note = _partial(claims)
        says_more: tuple[str, ...] = ()
    else:
        says_more = tuple(sorted({c.outlet for c in claims if adds.get(c.id)}))
        partial, partial_note = bool(added), _says_more_line(claims, adds)
    if found:
        status, explanation = CONFLICTING, "; ".join(c.explanation for c in found[:3])
    elif len(sources) >= 2:
        status, explanation = CORROBORATED, _corroborated_line(claims, sources, outlets, articles)
    else:
        status, explanation = SINGLE, _single_line(claims, sources, outlets, articles)
    if partial_note:
        explanation = f"{explanation}; {partial_note}"
    fact_id = content_hash(*sorted(c.id for c in claims), length=12)
    return Fact(id=fact_id, status=status, explanation=explanation, claims=tuple(claims), conflicts=tuple(found),
                partial=partial, outlets=outlets, says_more=says_more, adds=added)


def _says_more_line(claims: Sequence[Claim], adds: Mapping[str, str]) -> str:
    """'Ukrainska Pravda says more: are talking to investigators' for each outlet whose claims add something."""
    by_outlet: dict[str, list[str]] = {}
    for c in claims:
        if adds.get(c.id):
            by_outlet.setdefault(c.outlet, []).append(adds[c.id])
    return "; ".join(f"{o} says more: {_clip('; '.join(v))}" for o, v in sorted(by_outlet.items()))


def _clip(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _conflicts(claims: Sequence[Claim], articles: Mapping[str, Article],
               linked: Collection[frozenset[str]] | None = None) -> list[Conflict]:
    found: list[Conflict] = []
    seen: set[tuple] = set()
    for i, a in enumerate(claims):
        for b in claims[i + 1:]:
            if source_of(a.article, articles) == source_of(b.article, articles) or _same_words(a, b):
                continue
            if linked is not None and frozenset((a.id, b.id)) not in linked:
                continue
            for conflict in rules.conflicts(a, b):
                if _both_reported(conflict, articles) or _loose_names(conflict, a, b):
                    continue
                key = (conflict.kind, conflict.a["value"], conflict.b["value"])
                if key not in seen:
                    seen.add(key)
                    found.append(conflict)
    return found


def _both_reported(conflict: Conflict, articles: Mapping[str, Article]) -> bool:
    """Each outlet's value also appears in the other outlet's article: neither disputes the other's value (the
    slots were paired wrongly: "the 36-year-old champion ... the 40-year-old American" in both reports), or one
    of them does, and an outlet that itself reports a value does not contradict it ("says Monday" / "says
    Saturday" where both reports name both days)."""
    text_a, text_b = (articles.get(side["article"]) for side in (conflict.a, conflict.b))
    if text_a is None or text_b is None:
        return False
    return any(_mentions(text_b.text, form) for form in _value_forms(conflict.a["value"])) \
        or any(_mentions(text_a.text, form) for form in _value_forms(conflict.b["value"]))


def _value_forms(value: str) -> list[str]:
    """A value as given, without the lower-case words a tagger left at its end ("Banstead in"), and a place by its
    first part ("Banstead, Surrey": "Banstead", which the other report gives as "High Street, Banstead")."""
    forms = [value]
    trimmed = re.sub(r"(?:\s+[a-z][\w'’-]*)+\s*$", "", value)
    if trimmed and trimmed != value and trimmed[:1].isupper():
        forms.append(trimmed)
    first = value.split(",")[0].strip()
    if first and first != value and first[:1].isupper() and len(first.split()) <= 3:
        forms.append(first)
    return forms


_FRAME = re.compile(r"\b(?:told|tells|telling|confirm(?:s|ed)? to|according to|reported by|quoted by|interview with|"
                    r"report(?:s|ed)? (?:in|by)|(?:said|says|wrote|writes) (?:in|on|to))\s+(?:the\s+)?$", re.I)


def _loose_names(conflict: Conflict, a: Claim, b: Claim) -> bool:
    """An entity conflict on a name no role binds: the outlet a statement was given to ("her rep told People" /
    "told UsMagazine.com": two interviews, not two facts), a speaker of either claim, or a Title Case headline, where the tagger cannot tell
    names from capitalised words ("Prison Inmate" / "Texas")."""
    if conflict.kind != "entity":
        return False
    if any(c.is_headline and _title_case(c.text) for c in (a, b)):
        return True
    speakers = {_last_word(c.attributed_to) for c in (a, b)} - {""}
    if any(_last_word(side["value"]) in speakers for side in (conflict.a, conflict.b)):
        return True  # the name is who speaks ("Dan Patrick reported ..."), not a role of the statement
    return any(_in_frame(c, side["value"]) for c in (a, b) for side in (conflict.a, conflict.b))


def _last_word(text: str) -> str:
    words = _words(text or "")
    return words[-1] if words else ""


def _in_frame(claim: Claim, value: str) -> bool:
    text = claim.clause or claim.text
    at = text.find(value)
    return at >= 0 and bool(_FRAME.search(text[max(0, at - 40):at]))


def _title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _mentions(text: str, value: str) -> bool:
    """``value`` occurs in ``text`` as whole words (case, hyphens and spacing ignored)."""
    want = _words(value)
    if not want:
        return False
    have = _words(text)
    n = len(want)
    return any(have[i:i + n] == want for i in range(len(have) - n + 1) if have[i] == want[0])


def _words(text: str) -> list[str]:
    return tokens(text.replace("-", " ").replace("–", " "))


def _same_words(a: Claim, b: Claim) -> bool:
    """Two claims in the same words (a shared wire sentence) cannot disagree, whatever their slots pair up to."""
    return tokens(a.clause or a.text) == tokens(b.clause or b.text)


def _speakers(claims: Sequence[Claim]) -> str:
    """", attributed to X" for one outlet's claims; with several outlets each speaker names the outlets that cite it
    (", attributed to his family (B)"), so a reader sees who attributes and who states it in its own voice."""
    cited: dict[str, set[str]] = {}
    for c in claims:
        if c.attributed_to and c.attributed_to != c.outlet:
            cited.setdefault(c.attributed_to, set()).add(c.outlet)
    if not cited:
        return ""
    if len({c.outlet for c in claims}) == 1:
        return f", attributed to {' / '.join(sorted(cited))}"
    return ", attributed to " + " / ".join(f"{who} ({', '.join(sorted(by))})" for who, by in sorted(cited.items()))


def _corroborated_line(claims: Sequence[Claim], sources: list[str], outlets: tuple[str, ...],
                       articles: Mapping[str, Article]) -> str:
    copies = len(outlets) > len(sources)
    line = f"Reported by {len(sources)} independent outlets ({', '.join(sources)}){_speakers(claims)}"
    if copies:
        line += f"; copies counted once ({_copy_note(claims, sources, articles)})"
    if any(c.quote for c in claims) and len({c.outlet for c in claims if c.quote}) >= 2:
        line += "; the same quote in different wording"
    return line


def _single_line(claims: Sequence[Claim], sources: list[str], outlets: tuple[str, ...],
                 articles: Mapping[str, Article]) -> str:
    line = f"Only {sources[0]} reports this{_speakers(claims)}"
    if len(outlets) > 1:
        line += f" (also carried as a copy: {_copy_note(claims, sources, articles)})"
    return line


def _copy_note(claims: Sequence[Claim], sources: Sequence[str], articles: Mapping[str, Article]) -> str:
    """Which outlets carry a copy: of a whole article (wire copies), or of the claim's sentence word for word."""
    copies = sorted({c.outlet for c in claims} - set(sources))
    wire = {c.outlet for c in claims if _is_copy(articles.get(c.article), articles)}
    notes = [o for o in copies if o in wire]
    by_sentence = [o for o in copies if o not in wire]
    if by_sentence:
        verb = "prints" if len(by_sentence) == 1 else "print"
        notes.append(f"{', '.join(by_sentence)} {verb} the same sentence word for word")
    return "; ".join(notes)


def _is_copy(article: Article | None, articles: Mapping[str, Article]) -> bool:
    return article is not None and bool(article.copy_of) and article.copy_of in articles


def _partial(claims: Sequence[Claim]) -> tuple[bool, str]:
    """One outlet says more: content words or numbers that the other outlets' claims lack."""
    by_outlet: dict[str, set[str]] = {}
    for c in claims:
        by_outlet.setdefault(c.outlet, set()).update(
            t for t in tokens(c.clause or c.text) if t not in STOPWORDS and len(t) > 2)
    if len(by_outlet) < 2:
        return False, ""
    extras = {}
    for outlet, words in sorted(by_outlet.items()):
        others = set().union(*(w for o, w in by_outlet.items() if o != outlet))
        extras[outlet] = sorted(w for w in words - others if not any(w[:5] == x[:5] for x in others))
    notes = []
    for outlet, extra in extras.items():
        rest = [len(e) for o, e in extras.items() if o != outlet]
        if len(extra) >= max(3, len(by_outlet[outlet]) // 3) and min(rest) <= 1:
            notes.append(f"{outlet} says more ({', '.join(extra[:6])})")
    return bool(notes), "partial: " + "; ".join(notes) if notes else ""


def verdicts(groups: Sequence[Sequence[Claim]], articles: Sequence[Article],
             adds: Mapping[str, str] | None = None, linked: Collection[frozenset[str]] | None = None,
             embedder=None) -> list[Fact]:
    """One fact per group of aligned claims; names are compared with ``embedder`` (the comparison's)."""
    by_id = {a.id: a for a in articles}
    with names_embedded_by(embedder):
        return [make_fact(g, by_id, adds, linked) for g in groups if g]


def outlet_summary(facts: Sequence[Fact], articles: Sequence[Article]) -> list[dict]:
    """Per outlet: adds (its single-source facts) and omits (facts others corroborate that it lacks)."""
    outlets = sorted({a.outlet for a in articles})
    out = []
    for outlet in outlets:
        adds = [f.id for f in facts if f.status == SINGLE and outlet in f.outlets and len(f.outlets) == 1]
        omits = [f.id for f in facts if f.status in (CORROBORATED, CONFLICTING) and outlet not in f.outlets]
        out.append({"outlet": outlet, "adds": adds, "omits": omits})
    return out
