"""Who says each sentence: speaker, cue, direct or indirect, and the quoted span.

Cues: reporting verbs found with spaCy's dependency parse (their subject is the speaker), "according to X",
and Ukrainska Pravda's labelled lines ("Source: X" then "Quote: ..."). Quotes spanning sentences or paragraphs
belong to the speaker who introduced them. Pronouns ("he") resolve to the most recent person speaker, definite
descriptions ("the service") to the most recent organisation whose name has that head noun. A sentence with no
source is attributed to the outlet (``explicit=False``).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from ..models import Attribution, Entity, Sentence
from .aliases import clean_name, expand

CUE_WORDS = frozenset("""
said says say wrote writes write stated states state told tells tell claimed claims claim explained explains
added adds announced announces confirmed confirms warned warns noted notes reported reports insisted insists
denied denies suggest suggests suggested acknowledged acknowledges admitted admits argued argues asserted
asserts declared declares alleged alleges testified posted tweeted recalled recalls estimated estimates
believes believed
saying telling claiming confirming announcing warning insisting denying arguing suggesting alleging
acknowledging admitting testifying explaining reporting stating noting adding
""".split())
PRONOUNS = {"he": "person", "she": "person", "they": "any", "it": "org", "we": "any", "i": "any"}
PERSON_NOUNS = frozenset("""
soldier prisoner doctor official spokesman spokeswoman spokesperson man woman officer commander minister
president witness resident source analyst expert journalist mayor governor general colonel captain sergeant
lieutenant leader chief adviser advisor aide he she fighter sniper pilot victim survivor mother father son
daughter wife husband brother sister boy girl child student teacher lawyer judge prosecutor
""".split())
_LABEL_LINE = re.compile(r"^(Source|Quote|Details|Background|Reminder|Context|Update)\s*:\s*")
_SOURCE_NOUN = re.compile(r"(?:\s+[a-z][\w-]*){0,2}?\s+(?:authorities|officials|police|sources|prosecutors|"
                          r"investigators|media|reports|officers|spokesm[ae]n|spokeswoman|spokesperson)\b")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+(?:the\s+)?")
_OPENERS = {"“": "”", "«": "»", '"': '"', "„": "“"}
_MAX_QUOTE = 4000


# --------------------------------------------------------------------------- quotes

def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of quoted content (marks excluded); a quote may run on across paragraphs."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        if text.startswith("``", i):  # tokenised corpora write quotes as `` ... ''
            end = text.find("''", i + 2, min(n, i + 2 + _MAX_QUOTE))
            end = end if end >= 0 else (text.find("\n", i) if text.find("\n", i) >= 0 else n)
            spans.append((i + 2, end))
            i = end + 2
            continue
        close = _OPENERS.get(text[i])
        if close is None or _dangling(text, i):
            i += 1
            continue
        end = _find_close(text, i + 1, close)
        if end is None:
            para_end = text.find("\n", i)
            end = n if para_end < 0 else para_end
            spans.append((i + 1, end))
            i = end + 1
            continue
        spans.append((i + 1, end))
        i = end + 1
    return [(s, e) for s, e in spans if e > s]


def _dangling(text: str, i: int) -> bool:
    """A quote mark with nothing after it in its paragraph closes something; it opens no quote."""
    rest = text[i + 1:i + 80]
    line = rest.split("\n", 1)[0]
    return not line.strip() and ("\n" in rest or i + 1 + len(rest) >= len(text))


def _find_close(text: str, start: int, close: str) -> int | None:
    limit = min(len(text), start + _MAX_QUOTE)
    j = start
    while j < limit:
        ch = text[j]
        if ch == close:
            return j
        if ch in "“«" and close != '"':
            return None  # a new quote opens before this one closes
        j += 1
    return None


# --------------------------------------------------------------------------- speakers

@dataclass
class _State:
    outlet: str
    mapping: Mapping[str, str]
    entities: Sequence[Entity]
    source: tuple[str, str] | None = None  # UP "Source:" speaker (surface, canonical)
    person: tuple[str, str] | None = None  # most recent person speaker
    last: Attribution | None = None
    speakers: list = field(default_factory=list)  # canonical names of explicit speakers, oldest first
    quotes: list = field(default_factory=list)
    current: int = 0  # index of the sentence being attributed


def _canonical(state: _State, surface: str) -> str:
    return state.mapping.get(clean_name(surface).casefold(), clean_name(surface))


def _entity_at(entities: Sequence[Entity], start: int, end: int) -> Entity | None:
    hits = [e for e in entities if e.start < end and start < e.end]
    preferred = [e for e in hits if e.label in ("PERSON", "ORG")] or hits
    return preferred[-1] if preferred else None


def _recent_org(state: _State, head: str, before: int) -> Entity | None:
    for ent in sorted((e for e in state.entities if e.end <= before), key=lambda e: -e.start):
        if ent.label != "ORG":
            continue
        names = {ent.text, ent.canonical, (expand(clean_name(ent.text)) or ("",))[0]}
        if any(re.search(rf"\b{re.escape(head)}\b", n, re.I) for n in names if n):
            return ent
    return None


def _resolve(state: _State, surface: str, head: str, start: int, end: int, head_at: int = -1) -> tuple[str, str]:
    """(surface, canonical) of a speaker phrase."""
    low = head.casefold()
    if low in PRONOUNS:
        if PRONOUNS[low] == "person" and state.person:
            return surface, state.person[1]
        people = [e for e in state.entities if e.label == "PERSON" and e.end <= start]
        if PRONOUNS[low] == "person" and people:
            return surface, people[-1].canonical or _canonical(state, people[-1].text)
        if state.last is not None and state.last.explicit and PRONOUNS[low] == "any":
            return surface, state.last.canonical
        last = state.last
        if PRONOUNS[low] == "org" and last is not None and last.explicit and state.current - last.sentence <= 2 \
                and any(e.label == "ORG" and (e.canonical or e.text) == last.canonical for e in state.entities):
            return surface, last.canonical  # "The department said ... , it said." (a recent organisation speaker)
        return surface, surface
    ent = _entity_at(state.entities, head_at, head_at + len(head)) if head_at >= 0 else None
    if ent is None:
        ent = _entity_at(state.entities, start, end)
        near = ent is not None and (ent.end >= end - 1 or ent.label in ("PERSON", "ORG"))
        ent = ent if near and len(surface) - len(ent.text) < 25 else None
    if ent is not None:
        return surface, ent.canonical or _canonical(state, ent.text)
    if surface.casefold().startswith(("the ", "this ", "that ")):
        for name in reversed(state.speakers):
            if re.search(rf"\b{re.escape(low)}\b", name, re.I) or re.search(
                    rf"\b{re.escape(low)}\b", (expand(name) or ("",))[0], re.I):
                return surface, name
        org = _recent_org(state, low, start)
        if org is not None:
            return surface, org.canonical or _canonical(state, org.text)
    return surface, clean_name(surface)


def _is_person(state: _State, canonical: str, head: str) -> bool:
    if head.casefold() in PERSON_NOUNS:
        return True
    return any(e.label == "PERSON" and (e.canonical or e.text) == canonical for e in state.entities)


# --------------------------------------------------------------------------- cues from the parse

def _tokens(doc, start: int, end: int) -> list:
    starts = _starts(doc)
    lo = bisect.bisect_left(starts, start)
    hi = bisect.bisect_left(starts, end)
    return [doc[k] for k in range(lo, hi)]


_STARTS: dict = {}


def _starts(doc) -> list[int]:
    """Token start offsets of ``doc`` (cached for the doc being attributed)."""
    key = id(doc)
    if _STARTS.get("key") != key or _STARTS.get("doc") is not doc:
        _STARTS.update(key=key, doc=doc, starts=[t.idx for t in doc])
    return _STARTS["starts"]


def _inside(spans: Sequence[tuple[int, int]], offset: int) -> bool:
    return any(s <= offset < e for s, e in spans)


def _depth(token) -> int:
    depth = 0
    while token.head is not token and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def _subject_span(subj, sent_start: int, sent_end: int) -> tuple[int, int]:
    start = max(subj.left_edge.idx, sent_start)
    right = subj.right_edge
    end = min(right.idx + len(right.text), sent_end)
    for tok in subj.subtree:  # cut appositions and relative clauses at the first comma after the head
        if tok.i > subj.i and tok.text == ",":
            end = min(end, tok.idx)
            break
    for child in subj.children:  # "a woman who says ...": the speaker is "a woman"
        if child.dep_ == "relcl" and child.i > subj.i and child.left_edge.i > subj.left_edge.i:
            before = subj.doc[child.left_edge.i - 1]
            end = max(start, min(end, before.idx + len(before.text)))
    return start, end


def _parse_cues(text: str, doc, sentence: Sentence, quotes) -> list[tuple]:
    """(parenthetical?, depth, position, cue token, subject token) for reporting verbs outside quotes."""
    found = []
    if doc is None:
        return found
    for tok in _tokens(doc, sentence.start, sentence.end):
        if tok.lower_ not in CUE_WORDS or _inside(quotes, tok.idx):
            continue
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
            continue  # "the deadlock was reported", "he was told": the subject is not a speaker
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        if not subjects or tok.lower_ in NEEDS_CLAUSE and not _speech_use(text, tok, sentence, quotes):
            continue
        subj = subjects[0]
        if subj.lower_ in RELATIVE:
            subj = _antecedent(tok, subj)
            if subj is None:
                continue
        if subj.lower_ == "there":
            continue
        before = text[max(sentence.start, subj.left_edge.idx - 3):subj.left_edge.idx]
        parenthetical = "," in before and subj.i < tok.i
        found.append((not parenthetical, _depth(tok), tok.i, tok, subj))
    return sorted(found, key=lambda f: f[:3])


RELATIVE = frozenset({"who", "that", "which"})
# cue words that are speech only with a clause or a quote: "he added that ...", not "added to the list"
NEEDS_CLAUSE = frozenset({"add", "adds", "added", "adding", "posted", "recalled", "recalls", "state", "states",
                          "stating", "noted", "notes", "noting", "reported", "reports", "reporting"})


def _antecedent(tok, subj):
    """"Nichols, who argued ...": the person a relative "who" stands for (a name or a person noun), else None."""
    head = tok.head
    if subj.lower_ != "who" or tok.dep_ != "relcl" or head.i == tok.i:
        return None
    if head.ent_type_ in ("PERSON", "ORG") or head.lower_ in PERSON_NOUNS:
        return head
    return None


def _speech_use(text: str, tok, sentence: Sentence, quotes) -> bool:
    within = lambda t: sentence.start <= t.idx < sentence.end  # noqa: E731 - the parse may cross a headline
    if any(c.dep_ in ("ccomp", "parataxis") and within(c) for c in tok.children):
        return True
    if tok.dep_ in ("parataxis", "ccomp") and within(tok.head):
        return True
    if text[tok.idx + len(tok.text):tok.idx + len(tok.text) + 2].strip().startswith(":"):
        return True
    return any(s < sentence.end and sentence.start < e for s, e in quotes)


def _according_to(text: str, sentence: Sentence, state: _State) -> tuple[str, str, int, int] | None:
    m = _ACCORDING.search(text, sentence.start, sentence.end)
    if not m or _inside(state.quotes, m.start()):
        return None
    ents = [e for e in state.entities if m.end() <= e.start <= m.end() + 3 and e.end <= sentence.end]
    if ents:
        ent = ents[0]
        tail = _SOURCE_NOUN.match(text, ent.end, sentence.end)
        if tail and ent.label in ("GPE", "NORP", "LOC", "ORG"):  # "according to Texas authorities"
            surface = text[ent.start:tail.end()]
            return surface, clean_name(surface), ent.start, tail.end()
        return ent.text, ent.canonical or _canonical(state, ent.text), ent.start, ent.end
    words = re.match(r"[^,.;:\n]{1,60}", text[m.end():sentence.end])
    if not words:
        return None
    surface = words.group(0).strip()
    return surface, clean_name(surface), m.end(), m.end() + len(surface)


# --------------------------------------------------------------------------- per sentence

def _quote_in(quotes, sentence: Sentence) -> tuple[int, int, int]:
    """(first quote start, last quote end, quoted chars) clipped to the sentence."""
    parts = [(max(s, sentence.start), min(e, sentence.end)) for s, e in quotes
             if s < sentence.end and sentence.start < e]
    parts = [(s, e) for s, e in parts if e > s]
    if not parts:
        return -1, -1, 0
    return parts[0][0], parts[-1][1], sum(e - s for s, e in parts)


def _outlet(state: _State, sentence: Sentence) -> Attribution:
    return Attribution(sentence=sentence.index, speaker=state.outlet, canonical=state.outlet, explicit=False)


def _attribute(text: str, doc, sentence: Sentence, quotes, state: _State) -> Attribution:
    qs, qe, quoted = _quote_in(quotes, sentence)
    direct = quoted > 0 and (len(text[qs:qe].split()) >= 3 or quoted * 2 >= len(sentence.text))
    label = _LABEL_LINE.match(sentence.text)
    if label and label.group(1) == "Source":
        surface = sentence.text[label.end():].strip()
        ent = _entity_at(state.entities, sentence.start + label.end(), sentence.end)
        canonical = ent.canonical if ent is not None and ent.canonical else clean_name(surface)
        state.source = (surface, canonical)
        state.person = (surface, canonical) if ent is None or ent.label == "PERSON" else state.person
        return Attribution(sentence.index, surface, canonical, cue="Source:")
    if label and label.group(1) == "Quote" and state.source:
        return Attribution(sentence.index, state.source[0], state.source[1], cue="Quote:", direct=direct,
                           quote_start=qs, quote_end=qe)
    colon = _speaker_colon(sentence, state)
    if colon is not None:
        return colon
    cues = _parse_cues(text, doc, sentence, quotes)
    if cues:
        _, _, _, tok, subj = cues[0]
        start, end = _subject_span(subj, sentence.start, sentence.end)
        surface, canonical = _resolve(state, text[start:end], subj.text, start, end, subj.idx)
        appos = any(c.dep_ == "appos" and c.lower_ in PERSON_NOUNS for c in subj.children)
        if appos or _is_person(state, canonical, subj.text) or subj.lower_ in ("he", "she"):
            state.person = (surface, canonical)
        return Attribution(sentence.index, surface, canonical, cue=tok.text, direct=direct,
                           quote_start=qs, quote_end=qe)
    according = _according_to(text, sentence, state)
    if according:
        surface, canonical, _, _ = according
        return Attribution(sentence.index, surface, canonical, cue="according to", direct=direct,
                           quote_start=qs, quote_end=qe)
    return _inherit(sentence, quotes, state, qs, qe, quoted)


def _speaker_colon(sentence: Sentence, state: _State) -> Attribution | None:
    """Headline convention "Zelenskyy: Ukrainians take ..." (a person's name, a colon, their words)."""
    m = re.match(r"([^:\n]{2,40}):\s+\S", sentence.text)
    if not m:
        return None
    ent = _entity_at(state.entities, sentence.start, sentence.start + m.end(1))
    if ent is None or ent.label != "PERSON" or ent.start != sentence.start or ent.end != sentence.start + m.end(1):
        return None
    canonical = ent.canonical or _canonical(state, ent.text)
    return Attribution(sentence.index, ent.text, canonical, cue=":", direct=False)


def _inherit(sentence: Sentence, quotes, state: _State, qs: int, qe: int, quoted: int) -> Attribution:
    """A quote without its own cue continues the speaker of the quote before it."""
    body = len(sentence.text.strip())
    last = state.last
    follows = last is not None and (last.direct or last.sentence == sentence.index - 1)
    if quoted and quoted * 2 >= body and last is not None and last.explicit and follows:
        return Attribution(sentence.index, last.speaker, last.canonical, cue=last.cue, direct=True,
                           quote_start=qs, quote_end=qe)
    return _outlet(state, sentence)


def _track_person(text: str, doc, sentence: Sentence, state: _State) -> None:
    """Remember the last singular person who is the subject of a verb ("The other soldier ... answered")."""
    if doc is None:
        return
    for tok in _tokens(doc, sentence.start, sentence.end):
        if tok.dep_ != "nsubj" or _inside(state.quotes, tok.idx) or tok.lower_ in PRONOUNS:
            continue
        start, end = _subject_span(tok, sentence.start, sentence.end)
        ent = _entity_at(state.entities, tok.idx, tok.idx + len(tok.text))
        if ent is not None and ent.label == "PERSON":
            state.person = (ent.text, ent.canonical or _canonical(state, ent.text))
        elif ent is None and tok.lower_ in PERSON_NOUNS:
            state.person = (text[start:end], clean_name(text[start:end]))


def attribute(text: str, sentences: Sequence[Sentence], entities: Sequence[Entity], outlet: str,
              doc=None, mapping: Mapping[str, str] | None = None) -> tuple[Attribution, ...]:
    """One attribution per sentence (headlines included), in sentence order."""
    if mapping is None:
        mapping = {clean_name(e.text).casefold(): e.canonical for e in entities if e.canonical}
    quotes = quote_spans(text)
    state = _State(outlet=outlet or "", mapping=mapping, entities=tuple(sorted(entities, key=lambda e: e.start)),
                   quotes=quotes)
    out = []
    for sentence in sentences:
        state.current = sentence.index
        attribution = _attribute(text, doc, sentence, quotes, state)
        if attribution.explicit:
            state.last = attribution
            state.speakers.append(attribution.canonical)
        _track_person(text, doc, sentence, state)
        out.append(attribution)
    return tuple(out)
