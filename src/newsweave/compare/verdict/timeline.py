"""A slot's values over time: when each was reported, which stand now, and which differences time explains.

Every value carries when it was reported: its article's publication time, refined by the text ("by Tuesday
evening": that evening; "initially", "originally", "from 3 to 5": a figure older than the report, time unknown).
Two values that disagree are

- a **revision** when the same primary source gives both at different times ("first rated 4.4, then 4.2"; the
  governor's 12 injured in the morning, 18 in the evening): the later stands;
- an **update** when the later report shows a sign of one: its text says the figure changed ("rose to 24",
  "revised", "new toll"), the earlier figure is one the text itself dates back ("initially 30"), or the slot is a
  running toll (deaths, injured, missing, displaced, arrested, shot) and the later figure is higher (tolls rise as
  reports come in);
- a **conflict** otherwise: reports that disagree at the same time, or a later figure from another source that
  contradicts the earlier one without any sign of an update.

The value that stands now (``latest``) is the one reported last (the one most reports give when several disagree
at that time); the history lists every value in time order.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Mapping, Sequence

from ...models import AgeFact, Article, Claim, Conflict, Quantity, Reading
from ..claims.attributes import TOLLS, Value
from .common import make_conflict
from .numbers import quantities_compatible

EARLIER, NEW = "earlier", "new"
_BY = ("by", "as of", "as at")


@dataclass(frozen=True)
class Report:
    """One value of a slot as reported: the reading, and what decides its order and its comparisons."""

    reading: Reading
    claim: Claim
    quantity: Quantity
    phase: str = ""  # EARLIER (the text dates it back), NEW (the text says it changed), "" otherwise

    @property
    def order(self) -> tuple:
        return (0 if self.phase == EARLIER else 1, self.reading.time or "", self.claim.article,
                self.quantity.start)


@dataclass(frozen=True)
class Judgement:
    """What time makes of a slot's values."""

    conflicts: tuple[Conflict, ...] = ()
    updates: tuple[tuple[Report, Report], ...] = ()  # (earlier, later) explained by time
    latest: Report | None = None
    history: tuple[Reading, ...] = ()


def instant(iso: str | None) -> str | None:
    """An ISO time as a comparable UTC string (seconds), None when absent or unreadable."""
    if not iso:
        return None
    try:
        moment = datetime.fromisoformat(iso.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment.isoformat(timespec="seconds")


def report_time(claim: Claim, article: Article | None, phase: str) -> str | None:
    """When the claim's value was reported: unknown for a figure the text dates back; "by Tuesday evening" for a
    figure so dated (not after publication); else the article's publication time."""
    published = instant(article.published) if article is not None else None
    if phase == EARLIER:
        return None
    stated = _stated_time(claim)
    if stated and (published is None or stated < published):
        return stated
    return published


def _stated_time(claim: Claim) -> str | None:
    text = claim.clause or claim.text
    base = claim.clause_start if claim.clause and claim.clause_start >= 0 else claim.start
    for t in claim.times:
        before = text[max(0, t.start - base - 7):max(0, t.start - base)].casefold().strip()
        if t.resolved and t.until and before.endswith(_BY):
            return instant(t.until)
    return None


def make_report(claim: Claim, value: Value, article: Article | None, source: str) -> Report:
    q = value.quantity
    reading = Reading(value=q.text, low=q.low, high=q.high, unit=q.unit or "", outlet=claim.outlet, source=source,
                      time=report_time(claim, article, value.phase), claim=claim.id)
    return Report(reading, claim, q, value.phase)


def age_report(claim: Claim, age: AgeFact, article: Article | None, source: str) -> Report:
    """An age as a figure of years (a birth year is no report of an age)."""
    q = Quantity(age.start, age.end, age.text, float(age.value), float(age.value), "exact", "years")
    reading = Reading(value=age.text, low=q.low, high=q.high, unit="years", outlet=claim.outlet, source=source,
                      time=report_time(claim, article, ""), claim=claim.id)
    return Report(reading, claim, q)


def judge(reports: Sequence[Report], attribute: str) -> Judgement:
    """Conflicts, updates, the value that stands now and the history of a slot's reports."""
    ordered = sorted(reports, key=lambda r: r.order)
    conflicts: list[Conflict] = []
    updates: list[tuple[Report, Report]] = []
    seen: set[tuple] = set()
    for n, a in enumerate(ordered):
        for b in ordered[n + 1:]:
            if a.claim.id == b.claim.id or agree(a.quantity, b.quantity):
                continue
            verdict = explain(a, b, attribute)
            if verdict == "conflict":
                key = (a.reading.value, a.reading.source, b.reading.value, b.reading.source)
                if key not in seen and not _same_source_same_article(a, b):
                    seen.add(key)
                    conflicts.append(_conflict(a, b, attribute))
            elif verdict == "update":
                updates.append((a, b))
    revised = {b.reading.claim for a, b in updates if a.reading.source == b.reading.source}
    history = tuple(replace(r.reading, kind="revision" if r.reading.claim in revised else "report")
                    for r in ordered)
    return Judgement(tuple(conflicts), tuple(updates), latest_report(ordered), history)


def agree(x: Quantity, y: Quantity) -> bool:
    return quantities_compatible(x, y)[0]


def explain(a: Report, b: Report, attribute: str) -> str:
    """ "update" when time explains why ``b`` (reported no earlier than ``a``) differs from ``a``, else
    "conflict"; "" when they cannot be set against each other (one source's own figures in one report)."""
    if EARLIER in (a.phase, b.phase):
        return "update"  # the text itself says one figure is older
    same_time = a.reading.time is None or b.reading.time is None or a.reading.time == b.reading.time
    if same_time:
        return "conflict"
    if a.reading.source == b.reading.source or b.phase == NEW:
        return "update"
    if attribute in TOLLS and _higher(b.quantity, a.quantity):
        return "update"
    return "conflict"


def _higher(later: Quantity, earlier: Quantity) -> bool:
    low = later.low if later.low is not None else later.high
    high = earlier.high if earlier.high is not None else earlier.low
    return low is not None and high is not None and low > high


def _same_source_same_article(a: Report, b: Report) -> bool:
    return a.claim.article == b.claim.article and a.reading.source == b.reading.source


def _conflict(a: Report, b: Report, attribute: str) -> Conflict:
    what = attribute.replace("_", " ") if attribute not in ("count", "measure") else ""
    return make_conflict("number", a.claim, a.reading.value, b.claim, b.reading.value, what)


def latest_report(ordered: Sequence[Report]) -> Report | None:
    """The value reported last; among several reported at that time, the one most of them give."""
    current = [r for r in ordered if r.phase != EARLIER]
    if not current:
        return ordered[-1] if ordered else None
    last = current[-1].reading.time
    at_last = [r for r in current if r.reading.time == last]

    def support(r: Report) -> int:
        return sum(agree(r.quantity, o.quantity) for o in at_last)

    best = max(map(support, at_last))
    return next(r for r in reversed(at_last) if support(r) == best)


def explained_by_time(a: Claim, b: Claim, times: Mapping[str, str | None], sources: Mapping[str, str]) -> bool:
    """Two claims of a fact whose figures disagree: does time explain it (a revision by one source, or a later
    report that says the figure changed)? For facts without a keyed slot, where the number rule found the
    disagreement."""
    from ..claims.attributes import read_values

    ta, tb = times.get(a.id), times.get(b.id)
    if ta is None or tb is None or ta == tb:
        return False
    first, second = (a, b) if ta < tb else (b, a)
    if sources.get(a.id) == sources.get(b.id):
        return True
    return any(v.phase == NEW for v in read_values(second)) or any(v.phase == EARLIER for v in read_values(first))


__all__ = ["EARLIER", "NEW", "Judgement", "Report", "age_report", "agree", "explain", "explained_by_time", "instant",
           "judge",
           "latest_report", "make_report", "report_time"]
