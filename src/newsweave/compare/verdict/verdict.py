"""Facts with verdicts: conflicting, updated, corroborated or single_source, each with a one-line reason.

A fact with a slot compares its values within that slot only; a keyed slot (a toll, a magnitude) compares every
value its claims give, and time decides whether a difference is a conflict or an update (``timeline``). Other
facts compare the claims the aligner matched directly, with the rules of ``rules``; time can still explain a
number that changed (a source revising itself, a report saying the figure rose).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Collection, Mapping, Sequence

from ...normalize.words import STOPWORDS, tokens
from ...models import Article, Claim, Conflict, Fact, Reading, Slot, content_hash
from ..claims.attributes import KEYED, Value
from . import rules
from .entities import names_embedded_by
from .timeline import Judgement, age_report, explained_by_time, instant, judge, make_report

CORROBORATED, SINGLE, CONFLICTING, UPDATED = "corroborated", "single_source", "conflicting", "updated"
PRECEDENCE = (CONFLICTING, UPDATED, CORROBORATED, SINGLE)


@dataclass(frozen=True)
class SlotView:
    """What a fact is about: its slot (None for a statement), the event it is anchored to, and the values its
    claims give for that slot (claim id -> values)."""

    slot: Slot | None = None
    anchor_key: str = "current"
    anchor_text: str = ""
    values: Mapping[str, tuple[Value, ...]] = field(default_factory=dict)
    ages: Mapping[str, tuple] = field(default_factory=dict)  # claim id -> the ages (AgeFact) of an age slot

    @property
    def background(self) -> bool:
        return self.anchor_key != "current"

    @property
    def named(self) -> bool:
        """A named person's age: every pair of its ages is compared, not only the pairs matched by their words."""
        return self.kind == "age" and self.slot.key.count("/") >= 2

    @property
    def kind(self) -> str:
        """statement, keyed (a toll, a magnitude), age, when, or number (any other figure)."""
        if self.slot is None:
            return "statement"
        if self.slot.attribute in KEYED:
            return "keyed"
        return self.slot.attribute if self.slot.attribute in ("age", "when") else "number"

    def slot_values(self, claim: Claim) -> list[Value]:
        return list(self.values.get(claim.id, ()))

    def restrict(self, claim: Claim) -> Claim:
        """The claim with only what this fact's slot compares: its slot's figures, its ages, or its times."""
        kind = self.kind
        if kind == "number":
            return replace(claim, quantities=tuple(v.quantity for v in self.slot_values(claim)), ages=())
        if kind == "age":
            return replace(claim, quantities=(), times=(), ages=tuple(self.ages.get(claim.id, ())))
        if kind == "when":
            return replace(claim, quantities=())
        return claim

    @property
    def rules(self) -> tuple[str, ...] | None:
        """The conflict rules run on the fact's matched claim pairs (None: all)."""
        return {"statement": None, "keyed": ("entity", "polarity"), "age": ("age", "entity", "polarity"),
                "when": ("date", "entity", "polarity"), "number": ("number", "entity", "polarity")}[self.kind]


_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "its"}


def primary_source(claim: Claim, articles: Mapping[str, Article]) -> str:
    """Whom a claim rests on: the speaker the outlet relays, else the outlet (wire copies: their original's)."""
    speaker = (claim.attributed_to or "").strip()
    if speaker and speaker != claim.outlet and speaker.casefold() not in _PRONOUNS:
        return speaker
    return source_of(claim.article, articles)


def primary_sources(claims: Sequence[Claim], articles: Mapping[str, Article]) -> list[str]:
    """The distinct primary sources behind the claims (one name per source, case aside), sorted."""
    names: dict[str, str] = {}
    for c in claims:
        name = primary_source(c, articles)
        names.setdefault(name.casefold(), name)
    return sorted(names.values(), key=str.casefold)


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
              adds: Mapping[str, str] | None = None, linked: Collection[frozenset[str]] | None = None,
              view: SlotView | None = None, reported: set | None = None) -> Fact:
    """A fact with its verdict. ``adds`` (claim id -> what the claim says beyond the other outlets, from
    ``align.partial.what_each_adds``) marks partial facts; without it a word-overlap check decides. ``linked``
    (pairs of claim ids the aligner matched directly) limits the rule-based conflict check to those pairs.
    ``view`` gives the fact's slot, its event and its claims' values for that slot: values are compared within the
    slot only, a keyed slot (a toll, a magnitude) compares every value it holds, and time tells updates from
    conflicts. ``reported`` (shared by the story's facts) keeps a name or polarity conflict of one claim pair from
    being told in every fact the pair shares."""
    view = view or SlotView()
    claims = sorted(claims, key=lambda c: (c.outlet, c.article, c.clause_start, c.id))
    sources = independent_sources(claims, articles)
    outlets = tuple(sorted({c.outlet for c in claims}))
    primary = primary_sources(claims, articles)
    judgement = judge(_reports(claims, view, articles), view.slot.attribute) if view.slot else Judgement()
    found, updates = _timed_conflicts(claims, articles, linked, view, reported)
    if view.kind == "keyed":
        found, updates = list(judgement.conflicts) + found, len(judgement.updates)
    added = tuple((c.id, adds[c.id]) for c in claims if adds and adds.get(c.id))
    if adds is None:
        partial, partial_note = _partial(claims)
        says_more: tuple[str, ...] = ()
    else:
        says_more = tuple(sorted({c.outlet for c in claims if adds.get(c.id)}))
        partial, partial_note = bool(added), _says_more_line(claims, adds)
    statuses = _statuses(found, updates, sources)
    explanation = _explanation(statuses, found, judgement, view, claims, sources, outlets, primary, articles)
    if partial_note:
        explanation = f"{explanation}; {partial_note}"
    fact_id = content_hash(*sorted(c.id for c in claims), *([view.slot.key] if view.slot else []), length=12)
    latest = judgement.latest.reading if judgement.latest is not None else None
    return Fact(id=fact_id, status=statuses[0], explanation=explanation, claims=tuple(claims),
                conflicts=tuple(found), partial=partial, outlets=outlets, says_more=says_more, adds=added,
                statuses=statuses, slot=view.slot, background=view.background, anchor=view.anchor_text,
                latest=latest, history=judgement.history, primary_sources=tuple(primary))


def _reports(claims: Sequence[Claim], view: SlotView, articles: Mapping[str, Article]) -> list:
    """The slot's values as reports; an age slot's ages as figures of years."""
    if view.kind == "age":
        return [age_report(c, a, articles.get(c.article), primary_source(c, articles)) for c in claims
                for a in view.ages.get(c.id, ()) if a.kind == "age"]
    return [make_report(c, v, articles.get(c.article), primary_source(c, articles))
            for c in claims for v in view.slot_values(c)]


def _statuses(found: Sequence[Conflict], updates: int, sources: Sequence[str]) -> tuple[str, ...]:
    """Every status that applies, in precedence order: conflicting, updated, then corroborated or single."""
    out = [CONFLICTING] if found else []
    out += [UPDATED] if updates else []
    out.append(CORROBORATED if len(sources) >= 2 else SINGLE)
    return tuple(out)


def _timed_conflicts(claims: Sequence[Claim], articles: Mapping[str, Article],
                     linked: Collection[frozenset[str]] | None, view: SlotView,
                     reported: set | None) -> tuple[list[Conflict], int]:
    """The rule-based conflicts of the fact (within its slot), less the number disagreements time explains
    (returned as a count of updates)."""
    times = {c.id: instant(articles[c.article].published) if c.article in articles else None for c in claims}
    sources = {c.id: primary_source(c, articles) for c in claims}
    kept, updates = [], 0
    found = _conflicts(claims, articles, linked, view)
    if view.named:  # every pair's ages; names and polarity still on the matched pairs
        found = _conflicts(claims, articles, None, view, ("age",)) + \
            _conflicts(claims, articles, linked, view, ("entity", "polarity"))
    for conflict, a, b in found:
        shared = (conflict.kind, frozenset((a.id, b.id)))
        if conflict.kind in ("entity", "polarity") and reported is not None:
            if shared in reported:
                continue
            reported.add(shared)
        if conflict.kind == "number" and explained_by_time(a, b, times, sources):
            updates += 1
        else:
            kept.append(conflict)
    return kept, updates


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
               linked: Collection[frozenset[str]] | None = None,
               view: SlotView | None = None, kinds=None) -> list[tuple[Conflict, Claim, Claim]]:
    view = view or SlotView()
    kinds = kinds or view.rules
    found: list[tuple[Conflict, Claim, Claim]] = []
    seen: set[tuple] = set()
    for i, a in enumerate(claims):
        for b in claims[i + 1:]:
            if source_of(a.article, articles) == source_of(b.article, articles) or _same_words(a, b):
                continue
            if linked is not None and frozenset((a.id, b.id)) not in linked:
                continue
            for conflict in rules.conflicts(view.restrict(a), view.restrict(b), kinds):
                if _both_reported(conflict, articles) or _loose_names(conflict, a, b):
                    continue
                key = (conflict.kind, conflict.a["value"], conflict.b["value"])
                if key not in seen:
                    seen.add(key)
                    found.append((conflict, a, b))
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
    if any(c.is_headline and _title_case(c.text) or _shouted(c.clause or c.text) for c in (a, b)):
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


def _shouted(text: str) -> bool:
    """Capitals for emphasis ("THREE PEOPLE HAVE DIED IN A BLAZE"): the tagger takes such words for names."""
    words = re.findall(r"[^\W\d_]{3,}", text)
    return len(words) >= 3 and sum(w.isupper() for w in words) >= 3


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
             embedder=None, views: Sequence[SlotView] | None = None) -> list[Fact]:
    """One fact per group of aligned claims (``views``: each group's slot and event, in the same order); names are
    compared with ``embedder`` (the comparison's)."""
    by_id = {a.id: a for a in articles}
    views = list(views) if views is not None else [None] * len(groups)
    reported: set = set()
    with names_embedded_by(embedder):
        return [make_fact(g, by_id, adds, linked, v, reported) for g, v in zip(groups, views) if g]


# --------------------------------------------------------------------------- explanations

NAMES = {"deaths": "Death toll", "injured": "Injured", "casualties": "Killed or wounded", "missing": "Missing", "displaced": "Displaced",
         "arrested": "Arrested", "shot": "People shot", "magnitude": "Magnitude", "seized": "Seized",
         "amount": "Amount", "price": "Price", "score": "Score", "percent": "Percentage", "population": "Population",
         "distance": "Distance", "duration": "Duration", "measure": "Measure", "count": "Number", "age": "Age"}


def slot_name(slot: Slot) -> str:
    """ "Death toll", "Death toll (woman)", "Number (tents)"."""
    name = NAMES.get(slot.attribute, slot.attribute.capitalize())
    return f"{name} ({slot.counted})" if slot.counted else name


def _explanation(statuses: Sequence[str], found: Sequence[Conflict], judgement: Judgement, view: SlotView,
                 claims: Sequence[Claim], sources: list[str], outlets: tuple[str, ...], primary: list[str],
                 articles: Mapping[str, Article]) -> str:
    parts = []
    if UPDATED in statuses and view.slot is not None and judgement.latest is not None:
        parts.append(_update_line(view.slot, judgement))
    if found:
        conflicts = "; ".join(c.explanation for c in found[:3])
        parts.append(f"also in conflict: {conflicts}" if parts else conflicts)
    if not parts:
        line = _corroborated_line(claims, sources, outlets, articles) if CORROBORATED in statuses else \
            _single_line(claims, sources, outlets, articles)
        parts.append(line)
    if len(outlets) >= 2 and len(primary) < len(outlets):
        noun = "primary source" if len(primary) == 1 else "primary sources"
        parts.append(f"{len(outlets)} outlets, {len(primary)} {noun} ({', '.join(primary)})")
    line = "; ".join(parts)
    if view.background:
        line = f"Background ({view.anchor_text or view.anchor_key}): {line}"
    return line


def _update_line(slot: Slot, judgement: Judgement) -> str:
    """ "Death toll rose from at least 3 (A, 27 Nov 09:00) to 10 (B, 28 Nov 08:00); latest: 10, officials (B)"."""
    latest = judgement.latest.reading
    first = next((r for r in judgement.history if r.claim != latest.claim or r.value != latest.value), latest)
    verb = _direction(first, latest)
    return (f"{slot_name(slot)} {verb} from {first.value} ({_when(first)}) to {latest.value} ({_when(latest)}); "
            f"latest: {latest.value}, {latest.source}" + (f" ({latest.outlet})" if latest.source != latest.outlet
                                                          else ""))


def _direction(first: Reading, latest: Reading) -> str:
    a = first.high if first.high is not None else first.low
    b = latest.low if latest.low is not None else latest.high
    if a is None or b is None:
        return "changed"
    return "rose" if b > a else "fell" if b < a else "changed"


def _when(reading: Reading) -> str:
    if reading.time is None:
        return f"{reading.outlet}, earlier"
    moment = datetime.fromisoformat(reading.time)
    shown = moment.strftime("%d %b %H:%M") if (moment.hour, moment.minute) != (0, 0) else moment.strftime("%d %b")
    return f"{reading.outlet}, {shown.lstrip('0')}"


def outlet_summary(facts: Sequence[Fact], articles: Sequence[Article]) -> list[dict]:
    """Per outlet: adds (its single-source facts) and omits (facts others report that it lacks)."""
    outlets = sorted({a.outlet for a in articles})
    out = []
    for outlet in outlets:
        adds = [f.id for f in facts if f.status == SINGLE and outlet in f.outlets and len(f.outlets) == 1]
        omits = [f.id for f in facts if f.status in (CORROBORATED, CONFLICTING, UPDATED) and len(f.outlets) >= 2
                 and outlet not in f.outlets]
        out.append({"outlet": outlet, "adds": adds, "omits": omits})
    return out
