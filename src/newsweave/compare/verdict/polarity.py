"""Polarity conflicts: one claim negates what the other asserts, in the same clause and about the same content;
denials, doubt, litotes, conditionals and attempts vs failures are told apart from contradiction.
"""
from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from ...models import Claim, Conflict
from ...normalize.words import STOPWORDS, tokens
from ...normalize.words import WORD as _WORD
from .common import content_words, overlap, side, source_name, stem


_NEG_CUE = re.compile(
    r"(?<![\w-])(?:not|never|no|nobody|nothing|none|neither|nor|without|cannot|(?:has|have|had) yet to|"
    r"unless|rarely|seldom|hardly|scarcely|un(?:harmed|hurt|injured|scathed)|"
    r"failure(?:\s*,[^,.;]{1,40},)? to|"
    r"den(?:y|ies|ied|ying|ial)|refus(?:e|es|ed|ing|al)|reject(?:s|ed|ing)?|"
    r"declin(?:e|es|ed|ing)(?:\s*,[^,.;]{1,40},)? to(?!\s*[$€£\d])|"  # "declined , through a spokesman , to"
    r"fail(?:s|ed|ing)?(?:\s*,[^,.;]{1,40},)? to|declin(?:e|es|ed|ing)(?= comment)|"
    r"\w+n\s?(?:[’']\s?|â[\x80-\x9f]*\s?)t|"  # "didn't", "hadn ’ t", and "didn â\x80\x99 t" (a lost encoding)
    r"(?:do|does|did|is|was|are|were|has|have|had|ca|wo|could|would|should|must)nt)"
    r"(?![\w-])", re.I)  # "dont", "isnt": apostrophes dropped
_NOT_NEGATION = re.compile(r"\b(?:not (?:only|just|least|far|long|until|surprisingly)|"
                           # "why Catching Fire might not make its release date": a doubt, not a denial
                           r"\b(?:might|may)\s+not\b|"
                           # "the Colts didn 't take their first lead until Ratliff intercepted": when, not whether
                           # (a verb with "do", "did not take ... until"; "was not chief until" keeps its negation)
                           r"(?:\b(?:do|does|did)\s+(?:not|never)|\b(?:do|does|did)n\s?[’']\s?t|\bnever)\s+"
                           r"(?:(?!from\b|since\b)[\w'’-]+\s+){1,4}?until\b|"
                           r"no (?:doubt|matter|less|more|longer than)|"
                           r"nothing but|\w+n\s?(?:[’']\s?)?t until)\b|\bno\.?\s*\d"  # "No. 84" is a number
                           # "has not seen such a protest since 1989": the first such thing since, not a denial
                           r"|(?:\b(?:not|never)|\w+n\s?(?:[’']\s?)?t)\s+(?:been\s+|yet\s+)?(?:seen|witnessed|experienced|"
                           r"recorded|had)\b(?=[^.;]{0,80}\bsince\b)"
                           # "he wouldn 't say who it was": a detail withheld, nothing denied
                           r"|(?:\b(?:not|never)|\w+n\s?(?:[’']\s?)?t)\s+(?:\w+\s+)?(?:say|said|disclose|reveal|"
                           r"specify|elaborate\s+on|comment\s+on|identify)\s+(?:who|what|whether|why|how|when|where|which)\b"
                           # "never better", "couldn 't be happier": praise, not a denial
                           r"|\bnever\s+(?:(?:have\s+)?been\s+|looked\s+|felt\s+|played\s+|sounded\s+)?"
                           r"(?:better|happier|prouder)\b"
                           r"|\b(?:could|can)(?:n\s?[’']\s?t|\s?not)\s+(?:have\s+been|be)\s+(?:better|happier|prouder)\b"
                           # "asked the media not to identify them": the content of a request, not a denial
                           r"|\b(?:ask|urg|told|tell|warn|order|advis|beg|instruct|caution|remind|encourag)\w*\b"
                           r"[^.;:,]{0,40}?\b(?:not|never) to\b"
                           # "the Do Not Call list", "the No Child Left Behind act": a name, not a negation (the
                           # capitals are matched case-sensitively: "No gun has been recovered" is a negation)
                           r"|(?-i:(?<=[A-Z]\w )Not(?= [A-Z]))|(?-i:(?<=\w )(?:No|Not|Never|Nothing)(?= [A-Z][a-z]))"
                           r"|(?-i:^(?:No|Not|Never)(?= [A-Z][a-z]+ [A-Z][a-z]))", re.I)
_NEG_SKIP = {"be", "been", "being", "to", "have", "has", "had", "also", "yet", "ever", "even", "so", "too", "as", "a",
             "an", "the", "is", "was", "are", "were", "do", "does", "did", "it", "he", "she", "they", "we", "i",
             "you", "any", "all", "really", "always", "immediately", "formally", "just", "longer", "more", "of", "in"}
# Verbs whose meanings exclude each other: one side confirming what the other denies.
_DENY = "deny denies denied denying denial"
_REJECT = "reject rejects rejected rejecting rejection"
_ALLOW = "allow allows allowed allowing"
ANTONYMS = (("confirm confirms confirmed confirming confirmation", _DENY), ("admit admits admitted admitting", _DENY),
            ("accept accepts accepted accepting", _REJECT), ("approve approves approved approving approval", _REJECT),
            ("won", "lost"), ("win wins winning", "lose loses losing"), ("acquit acquits acquitted acquittal",
                                                                "convict convicts convicted conviction"),
            (_ALLOW, "forbid forbids forbade forbidden forbidding"), (_ALLOW, "ban bans banned banning"))
NEG_SCOPE = 4  # words after a cue where its head is looked for
NEG_REACH = 8  # words after a cue that it governs (up to the next punctuation)
FLIP_OVERLAP = 0.35  # content shared for a word negated on one side only to contradict the other
POLARITY_OVERLAP = 0.4  # content shared for a negation only one side has to contradict the other


_RELATIVE = re.compile(r"\b(?:who|whom|whose|which)\b", re.I)


def _cue_words(claim: Claim) -> list[str]:
    """The negation cues of the claim's clause, folded, in order ("not", "none", "didn't" -> "n't")."""
    return list(_cues_in(claim.clause or claim.text))


@lru_cache(maxsize=65536)
def _cues_in(text: str) -> tuple[str, ...]:
    skip = [m.span() for m in _NOT_NEGATION.finditer(text)]
    cues = [m.group(0).casefold() for m in _NEG_CUE.finditer(text) if not any(a <= m.start() < b for a, b in skip)]
    return tuple("n't" if re.search(r"n\s?(?:[’']\s?|â[\x80-\x9f]*\s?)?t$", c) and c not in ("not",) else c
                 for c in cues)


def _negation_spans(claim: Claim, other: Claim | None = None) -> list[tuple[int, str, int, bool]]:
    """(word index, head stem, number of words governed, inside a relative clause) per negation cue of the claim's
    clause; the head is the first content word after the cue, before any punctuation. With ``other``, a negation
    whose predicate stands in a relative clause or a condition and shares no word with ``other`` counts as
    relative too (``_subordinate``)."""
    text = claim.clause or claim.text
    spans = [m.span() for m in _NOT_NEGATION.finditer(text)]
    words = [(m.start(), m.group(0)) for m in _WORD.finditer(text)]
    out = []
    for m in _NEG_CUE.finditer(text):
        if any(a <= m.start() < b for a, b in spans):
            continue
        index = sum(1 for start, _ in words if start < m.end())
        stop = re.search(r"[,;:.!?()\"]", text[m.end():])
        limit = m.end() + stop.start() if stop else len(text)
        scope = [w for start, w in words[index:index + NEG_REACH] if start < limit]
        head = next((w.casefold() for w in scope[:NEG_SCOPE]
                     if w.casefold() not in _NEG_SKIP and not any(c.isdigit() for c in w)), "")
        opening = max(text.rfind(p, 0, m.start()) for p in ",;:(\"")
        relative = bool(_RELATIVE.search(text[opening + 1:m.start()])) \
            or other is not None and _subordinate(text, m.start(), m.end(), other)
        out.append((index, stem(head) if head else "", len(scope), relative))
    return out


_CONDITIONS = {"if", "unless", "whether"}


def _subordinate(text: str, start: int, end: int, other: Claim) -> bool:
    """The negation at [start, end) stands in a relative clause opened by a pronoun ("a turnaround shot that never
    looks pretty") or in a condition ("bypass the scientists if the agencies determined that the species would not be harmed"), by the
    dependency parse, and neither the thing described (or the act conditioned) nor what the negation negates (its
    verb with all but the subject) shares a word with ``other``: it describes a thing or sets a condition the other
    claim does not speak of ("an airline that has not posted losses and cut jobs" / "an airline that is cutting
    jobs" still speak of one thing). False without a parse."""
    from ..claims.roles import parse

    doc = parse(text)
    if doc is None:
        return False
    cue = next((t for t in doc if t.idx < end and start < t.idx + len(t.text)), None)
    tok = cue
    for _ in range(12):
        if tok is None or tok.head.i == tok.i:
            return False
        if tok.dep_ == "relcl" and any(c.tag_ in ("WDT", "WP") for c in tok.children) or tok.dep_ == "advcl" \
                and any(c.dep_ == "mark" and c.text.casefold() in _CONDITIONS for c in tok.children):
            break  # a relative clause opened by a pronoun ("that", "which"), a condition opened by "if"
        tok = tok.head
    else:
        return False
    theirs = {stem(w) for w in _polarity_words(other.clause or other.text)}
    if tok.head.is_alpha and stem(tok.head.text.casefold()) in theirs:
        return False  # the thing described or the act conditioned is the other's too ("forces that have not ...")
    verb = cue
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and verb.i != tok.i:
        verb = verb.head  # the verb the negation belongs to ("had not swimming advisories": "had")
    subject = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl") for t in c.subtree}
    said = {stem(t.text.casefold()) for t in verb.subtree if t.i not in subject and t.i != cue.i
            and t.is_alpha and t.text.casefold() not in STOPWORDS}
    return not said & theirs


def _free_stems(claim: Claim, spans: list[tuple[int, str, int, bool]]) -> set[str]:
    """Stems of the words of the clause that no negation cue governs (hyphenated words also by their parts);
    ``spans`` are the claim's ``_negation_spans``."""
    words = tokens(claim.clause or claim.text)
    governed = {i for index, _, reach, _ in spans for i in range(index, index + reach)}
    free = [w for i, w in enumerate(words) if i not in governed and w not in STOPWORDS]
    return {stem(w) for w in free} | {stem(p) for w in free if "-" in w for p in w.split("-") if p}


_UNSURE = {"know", "sure"}


def _unsure(spans: list, other: Claim) -> bool:
    """The side's only negations say the speaker does not know or is not sure ("I don 't know", "not sure whether")
    and the other side does not say he knows or is sure: an admission of doubt denies nothing the other states."""
    words = {w.casefold() for w in re.findall(r"[A-Za-z]+", other.text)}
    return bool(spans) and all(h.casefold() in _UNSURE for _, h, _, _ in spans) \
        and not any(h.casefold() in words or h.casefold() + "s" in words for _, h, _, _ in spans)


def polarity_conflicts(a: Claim, b: Claim) -> list[Conflict]:
    """Negation added or removed: a negated word of one side stated plainly by the other, or a negation only one
    side has, in claims that share most of their content; or antonym verbs (confirmed / denied). Modality ("may",
    "could") is not polarity. What is said is compared, not the wire dateline ("WASHINGTON (Reuters) -") nor the
    description of who said it ("Bill Frist , a Tennessee Republican , said")."""
    if _question(a) != _question(b):
        return []  # "Hugh Jackman: an Oscar hit or miss?" asks, it states nothing the other could deny
    ca, cb = _polarity_content(a), _polarity_content(b)
    if not ca or not cb or overlap(ca, cb) < FLIP_OVERLAP:
        return []
    if _cue_words(a) == _cue_words(b) and _cue_words(a):
        return []  # the same negations on both sides ("none of them opposed" / "none of the ministers opposed")
    if _denial_matches_negation(a, b):
        return []  # "Smith denied the charges" / "Smith said the charges were not true": both deny it
    if _conditional_negation(a, b) or _litotes(a, b) or _litotes(b, a):
        return []  # "if the subsidies are not repealed" / "unless the subsidies are repealed"; "not difficult" / "easy"
    if _negative_wording(a, b) or _negative_wording(b, a):
        return []  # "get the provision removed from the bill" / "see that the provision was not in the bill"
    if _unharmed_only(a, b) or _unharmed_only(b, a):
        return []  # "Another bank employee was uninjured" / "the bomb exploded": no one said he was hurt
    if _not_the_only(a, b) or _not_the_only(b, a):
        return []  # "the telecast isn't the only one trying something new" / "the telecast tries something new"
    if _delay(a, b) or _delay(b, a):
        return []  # "the results won't be known for a few weeks" / "it will take a few weeks for the results"
    if _attempt_and_failure(a, b) or _attempt_and_failure(b, a):
        return []  # "it tries to stay above 75 cents" / "it failed to stay above 75 cents": no outcome vs an outcome
    if _denied_accusation(a, b) or _denied_accusation(b, a):
        return []  # "a man has denied arson" / "a man has been charged with arson": both stand
    if _negated_elsewhere(a, b) or _negated_elsewhere(b, a):
        return []  # "gave a blood sample (clause), but the results were not yet known" / "results have not been released"
    spans_a, spans_b = _negation_spans(a, b), _negation_spans(b, a)
    if _unsure(spans_a, b) and not spans_b or _unsure(spans_b, a) and not spans_a:
        return []  # "I don 't know , but we will see" / "we 'll see": doubt, not a denial
    na, nb = [(i, h) for i, h, _, _ in spans_a], [(i, h) for i, h, _, _ in spans_b]
    fa, fb = _free_stems(a, spans_a), _free_stems(b, spans_b)
    va, vb = _verbal(a, na), _verbal(b, nb)
    flipped = _flipped(va, nb, fb) or _flipped(vb, na, fa) or _denial_negated(a, b) or _denial_negated(b, a)
    main_a = [n for n in spans_a if not n[3]]
    main_b = [n for n in spans_b if not n[3]]
    added = bool(main_a) != bool(main_b) and bool(na) != bool(nb) and overlap(ca, cb) >= POLARITY_OVERLAP \
        and not _nominal_only(a if na else b) \
        and (_scope_shared(a, main_a, b) if main_a else _scope_shared(b, main_b, a)) \
        and _common_words(a, b, ca & cb) and not (_said_of_event(a, b) if main_a else _said_of_event(b, a))
    if not flipped and not added and not _antonyms(fa, fb):
        return []
    what = f"'{flipped}' negated on one side only" if flipped else ""
    explanation = (f"{source_name(a)} {'denies' if na else 'states'} it, "
                   f"{source_name(b)} {'denies' if nb else 'states'} it" + (f" ({what})" if what else ""))
    return [Conflict("polarity", side(a, _polarity(a, na)), side(b, _polarity(b, nb)), explanation)]


_UNHARMED = re.compile(r"^un(?:harmed|hurt|injured|scathed)$", re.I)
_HARM = re.compile(r"\b(?:harm|hurt|injur|wound|scath|kill|dead|death|died|casualt)\w*", re.I)


def _unharmed_only(neg: Claim, pos: Claim) -> bool:
    """Every negation of ``neg`` is a word like "uninjured", and ``pos`` speaks of no harm, injury or death: it
    states nothing "uninjured" could deny."""
    cues = _cue_words(neg)
    return bool(cues) and all(_UNHARMED.match(c) for c in cues) and not _HARM.search(_clause(pos))


_NOT_ONLY = re.compile(r"(?:\bnot|\w+n\s?(?:[’']\s?)?t)\s+(?:the|its|his|her|their)\s+only\b", re.I)


def _not_the_only(neg: Claim, pos: Claim) -> bool:
    """Each negation of ``neg`` says "not the only" (others do it too: the subject does it), and ``pos`` says
    nothing of "only": no denial of what ``pos`` states. "the only witness" / "not the only witness" still differ."""
    cues = _cue_words(neg)
    return bool(cues) and len(_NOT_ONLY.findall(_clause(neg))) == len(cues) \
        and not re.search(r"\bonly\b", _clause(pos), re.I)


_DELAYED = re.compile(r"(?:\b(?:will|would)\s+not|\bwo\s?n\s?[’']\s?t)\s+(?:[\w'’-]+\s+){1,4}?"
                      r"for\s+(?:[\w-]+\s+){0,2}?(hours|days|weeks|months|years)\b", re.I)
_TAKES = re.compile(r"\b(?:take|takes|took|taking)\s+(?:[\w-]+\s+){0,3}?(hours|days|weeks|months|years)\b", re.I)


def _delay(neg: Claim, pos: Claim) -> bool:
    """``neg`` puts off what ``pos`` says takes that long: "the results won't be known for a few weeks" / "it will
    take a few weeks for the results to be completed" say when, not whether."""
    late, takes = _DELAYED.search(_clause(neg)), _TAKES.search(_clause(pos))
    return bool(late and takes) and late.group(1).casefold() == takes.group(1).casefold() and not _cue_words(pos)


def _question(claim: Claim) -> bool:
    """The claim asks ("an Oscar hit or miss?"): a question outside quotation marks asserts nothing."""
    return not claim.quote and (claim.clause or claim.text).rstrip(" \"'”’").endswith("?")


NAMES_ONLY = 3  # content words two statements sharing nothing but names need for a negation to contradict


def _common_words(a: Claim, b: Claim, shared: set[str]) -> bool:
    """The two statements share a word besides names, or several names (``shared``, NAMES_ONLY): "The Chargers will
    not discipline Jackson" / "Chargers WR Jackson will play vs. Steelers" share only whom they are about, and say
    two things of them."""
    if len(shared) >= NAMES_ONLY:
        return True
    lower = lambda c: {stem(w) for w in re.findall(r"(?<![\w'’-])[a-z][a-z'’-]*", _statement(c))
                       if w not in STOPWORDS and not _NEG_CUE.fullmatch(w)}
    return bool(lower(a) & lower(b))


def _said_of_event(neg: Claim, pos: Claim) -> bool:
    """The subject of the negated verb of ``neg`` is a noun naming the event ``pos`` states with its main verb, and
    the negated verb is not ``pos``'s: "An arrest for suspicion of DUI will not affect his playing status" / "Jackson
    was arrested on suspicion of drunk driving" says what the event does not bring about, it does not deny it. By
    the dependency parse; False without one."""
    from ..claims.roles import parse

    doc_n, doc_p = parse(_clause(neg)), parse(_clause(pos))
    if doc_n is None or doc_p is None:
        return False
    roots = [t for t in doc_p if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")]
    theirs = {stem(t.text.casefold()) for t in doc_p if t.is_alpha}
    for cue in doc_n:
        if cue.dep_ != "neg":
            continue
        verb = cue.head
        nouns = {stem(c.text.casefold()) for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                 and c.pos_ == "NOUN"}  # the head noun of the subject: "An arrest for ...", not its modifiers
        if stem(verb.text.casefold()) not in theirs and any(
                stem(r.text.casefold()) in nouns for r in roots):
            return True
    return False


_DATELINE = re.compile(r"^\s*(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*(?:\s*,\s*[A-Z][\w]*\s*\.?)*)\s*"
                       r"(?:\(\s*[\w .&-]{2,30}\)\s*)?(?:-+|—|â\S*)\s+")
# "Bill Frist , a Tennessee Republican , said": who said it, described
_SPEAKER_APPOSITION = re.compile(
    r",\s*(?:an?|the|who|its|his|her|their)\s[^,;\"]{1,80},\s*(?=(?:said|says|told|added|stated|wrote)\b)", re.I)


_FAILED_TO = re.compile(r"\bfail(?:s|ed|ing)?\s+to\s+(\w+)", re.I)
_ATTEMPT_TO = re.compile(r"\b(?:tr(?:y|ies|ied|ying)|attempt(?:s|ed|ing)?|seek(?:s|ing)?|sought|aim(?:s|ed|ing)?|"
                         r"struggl(?:e|es|ed|ing)|striv(?:e|es|ing)|strove)\s+to\s+(\w+)", re.I)


def _attempt_and_failure(neg: Claim, pos: Claim) -> bool:
    """One side says an attempt failed ("failed to stay"), the other only that it was attempted ("tries to stay"):
    an attempt states no outcome, so the failure does not contradict it."""
    failed = {stem(m.group(1)) for m in _FAILED_TO.finditer(_clause(neg))}
    tried = {stem(m.group(1)) for m in _ATTEMPT_TO.finditer(_clause(pos))}
    return bool(failed & tried) and not _FAILED_TO.search(_clause(pos))


_ACCUSATION = re.compile(r"\b(?:charg(?:e|es|ed|ing)|accus(?:e|es|ed|ing|ation|ations)|alleg(?:e|es|ed|edly|ing|ation|ations)|"
                         r"suspect(?:s|ed)?|suspicions?|rumou?r(?:s|ed)?|suggest(?:s|ed|ing|ions?)?|speculat\w*)\b", re.I)
_HEDGE = re.compile(r"\b(?:could|may|might)(?:\s+well)?\s+have\s+been\b", re.I)


def _denied_accusation(neg: Claim, pos: Claim) -> bool:
    """``pos`` only reports an accusation, a rumour or a suggestion ("a man has been charged with arson", "he was
    one of many figures rumored to be Deep Throat", "researchers suggested he could have been Deep Throat") and
    ``neg`` denies it with a denial verb ("a man has denied arson", "LaRue denied suggestions that he was"), or
    ``pos`` hedges it ("could have been"): an accusation and its denial are both true reports, not two versions of
    one fact. A plain negation ("he did not have a gun") against a statement of the fact still conflicts."""
    cues = _cue_words(neg)
    if not cues or _cue_words(pos) or not _ACCUSATION.search(_clause(pos)):
        return False
    return all(_DENIAL.match(c) for c in cues) or bool(_HEDGE.search(_clause(pos)))


def _negated_elsewhere(neg: Claim, pos: Claim) -> bool:
    """The claim of ``pos`` is one clause of its sentence, and another clause of that sentence negates what
    ``neg`` negates ("Williams gave a blood sample, but the results were not yet known" / "results have not been
    released"): the negation ``pos`` seems to lack is in its sentence."""
    if not _cue_words(neg) or _cue_words(pos) or not pos.clause or pos.clause.strip() == pos.text.strip():
        return False
    whole = dataclasses.replace(pos, clause=pos.text, clause_start=pos.start, clause_end=pos.end)
    spans = _negation_spans(whole)
    return bool(spans) and _scope_shared(whole, [n for n in spans if not n[3]], neg) \
        and _scope_shared(neg, _negation_spans(neg), whole)


def _statement(claim: Claim) -> str:
    """The clause without what is not said content: a wire dateline ("WASHINGTON (Reuters) -", "SAN JOSE ,
    Calif . -") and the apposition that describes the speaker ("Bill Frist , a Tennessee Republican , said")."""
    text = _DATELINE.sub("", claim.clause or claim.text, count=1)
    return _SPEAKER_APPOSITION.sub(" ", text)


def _polarity_content(claim: Claim) -> set[str]:
    """Content words of what is said, all-caps abbreviations kept and their dots dropped ("U.S." = "US", which the
    stop list would drop as the pronoun "us")."""
    text = re.sub(r"\b(?:[A-Z]\.){2,}", lambda m: m.group(0).replace(".", ""), _statement(claim))
    words = content_words(text) | {w.casefold() for w in re.findall(r"\b[A-Z]{2,}\b", text)}
    return {w for w in words if not _NEG_CUE.fullmatch(w)}  # the negation is compared apart, not as content


def _scope_shared(claim: Claim, spans: list[tuple[int, str, int, bool]], other: Claim) -> bool:
    """Some negation of the claim stands in a clause that shares a content word (or a figure) with the other
    claim: "..., but he didn 't show up" adds a statement about showing up the other never made, it does not deny
    the other's. The clause of a negation runs between punctuation marks (quotation marks and the points of
    figures and initials do not end it)."""
    text = claim.clause or claim.text
    theirs = {stem(w) for w in _polarity_words(other.clause or other.text)}
    skip = [m.span() for m in _NOT_NEGATION.finditer(text)]
    marks = [m.start() for m in _SCOPE_STOP.finditer(text)]
    for m in _NEG_CUE.finditer(text):
        if any(x <= m.start() < y for x, y in skip):
            continue
        begin = max((i + 1 for i in marks if i < m.start()), default=0)
        end = min((i for i in marks if i >= m.end()), default=len(text))
        if not [w for w in tokens(text[begin:m.start()]) if w not in _AUXILIARIES and w not in _ADVERBS
                and w not in ("and", "but", "or", "that")]:
            begin = 0  # "The Russell 2000 index , which tracks ... , was not up": the subject lies further back
        frame = list(re.finditer(r"\b(?:said|says|say|told|tells|added|stated|according to)\b",
                                 text[begin:m.start()], re.I))
        if frame:
            begin += frame[-1].end()  # "King said he didn 't want ...": who said it is not what is denied
        after = [w for w in tokens(text[m.end():end]) if w not in _NEG_SKIP]
        if after and stem(after[0]) in _REPORTING:
            begin, end = 0, len(text)  # "..., the former mayor has not said": what is said is the whole claim
        words = _polarity_words(text[begin:m.start()] + " " + text[m.end():end])
        if any(stem(w) in theirs for w in words if w not in _NEG_SKIP):
            return True
    return False


_REPORTING = {stem(w) for w in ("said", "say", "says", "told", "stated", "announced", "acknowledged", "confirmed",
                                  "disclosed", "reported", "admitted", "revealed", "claimed")}
_SCOPE_STOP = re.compile(r"[,;:!?()]|(?<!\b[A-Z])\.(?!\w)")


def _polarity_words(text: str) -> list[str]:
    """Content words and figures, hyphenated words also by their parts, dots of abbreviations dropped ("U.S." =
    "US", kept although the stop list drops the pronoun "us")."""
    text = re.sub(r"\b(?:[A-Z]\.){2,}", lambda m: m.group(0).replace(".", ""), text)
    out = []
    for w in tokens(text):
        if w in STOPWORDS and not re.search(rf"\b{re.escape(w.upper())}\b", text):
            continue
        out.append(w)
        out += [p for p in w.split("-") if p and "-" in w]
    return out


_DENIAL = re.compile(r"^(?:den(?:y|ies|ied|ying|ial)|refus(?:e|es|ed|ing|al)|reject(?:s|ed|ing)?)$", re.I)


def _denial_matches_negation(a: Claim, b: Claim) -> bool:
    """One side denies with a verb ("denied", "rejected", "refused"), the other negates once with "not" or an
    alike cue: "X denied Y" and "X said not Y" are one polarity. Each side has a single negation, so a denial
    negated again ("did not deny") still differs."""
    ca, cb = _cue_words(a), _cue_words(b)
    if len(ca) != 1 or len(cb) != 1:
        return False
    da, db = bool(_DENIAL.match(ca[0])), bool(_DENIAL.match(cb[0]))
    return da != db and (cb[0] if da else ca[0]) not in _NOMINAL_CUES


# Words that state an absence without a negation cue: "removed from" is "not in", "missing" is "not meeting".
_NEGATIVE_WORD = re.compile(
    r"^(?:remov(?:e|es|ed|ing|al)|miss(?:es|ed|ing)|ban(?:s|ned|ning)?|barr(?:ed|ing)|declin(?:e|es|ed|ing)|"
    r"lack(?:s|ed|ing)?|absen(?:t|ce)|exclud(?:e|es|ed|ing)|omit(?:s|ted|ting)?|unable|ineligible)$", re.I)
# A negated negative states the positive: "have not ruled out the possibility" is "hold out the possibility".
_DOUBLE_NEGATIVE = re.compile(r"^(?:rul(?:e|es|ed|ing)(?= out)|den(?:y|ies|ied)|reject(?:s|ed)?|"
                              r"exclud(?:e|es|ed)|dismiss(?:es|ed)?)\b", re.I)
NEGATIVE_WINDOW = 5  # words after a negative word that it bears on
_ADVERBS = {"also", "yet", "ever", "even", "so", "too", "really", "always", "immediately", "formally", "just",
            "longer", "only", "still", "then", "now", "be", "been", "being"}


def _negative_wording(neg: Claim, pos: Claim) -> bool:
    """The claim with no negation cue says the same negative in other words ("get the provision removed from the
    final bill" / "see that the provision was not in the final bill", "had declined requests for an interview" /
    "did not respond to requests for an interview", "missing the employment targets" / "failing to meet
    employment targets"): a negative word of ``pos`` that ``neg`` does not use bears on a word the negation of
    ``neg`` governs, whose negated verb ``pos`` does not use either. Or each negation of ``neg`` negates a
    negative ("have not ruled out the possibility"), stating the positive ``pos`` states in its own words."""
    if _cue_words(pos) or not _cue_words(neg):
        return False
    text = neg.clause or neg.text
    skip = [m.span() for m in _NOT_NEGATION.finditer(text)]
    marks = [m.start() for m in _SCOPE_STOP.finditer(text)]
    words, mine = tokens(pos.clause or pos.text), {stem(w) for w in tokens(text)}
    theirs = {stem(w) for w in words}
    near, unable = set(), set()
    for i, w in enumerate(words):
        if _NEGATIVE_WORD.match(w) and stem(w) not in mine:
            near |= {stem(x) for x in words[i + 1:i + 1 + NEGATIVE_WINDOW] if x not in STOPWORDS}
            if words[i + 1:i + 2] == ["to"] and len(words) > i + 2:
                unable.add(stem(words[i + 2]))  # "was unable to reach a deal"
    double = []
    for m in _NEG_CUE.finditer(text):
        if any(x <= m.start() < y for x, y in skip):
            continue
        end = min((i for i in marks if i >= m.end()), default=len(text))
        rest = text[m.end():end]
        governed = [w for w in tokens(rest) if w not in _NEG_SKIP]
        head = next((w for w in tokens(rest) if w not in _AUXILIARIES and w not in _ADVERBS), "")
        if head and stem(head) in unable:
            return True  # "failed to reach a deal" / "was unable to reach a deal": one failure in two words
        double.append(bool(_DOUBLE_NEGATIVE.match(re.sub(r"^(?:\s*\b(?:%s)\b)*\s*" % "|".join(_NEG_SKIP), "", rest)))
                      and stem(head) not in theirs and not near)
        if head and (head in STOPWORDS or stem(head) not in theirs) and not _NEGATIVE_WORD.match(head) \
                and any(stem(w) in near for w in governed if w not in STOPWORDS and w != head):
            return True
    return bool(double) and all(double)


def _denial_negated(a: Claim, b: Claim) -> str:
    """ "did not deny the charges" / "denied the charges": the denial ``b`` states, ``a`` negates."""
    text = a.clause or a.text
    skip = [m.span() for m in _NOT_NEGATION.finditer(text)]
    for m in _NEG_CUE.finditer(text):
        if any(x <= m.start() < y for x, y in skip) or _DENIAL.match(m.group(0)):
            continue
        head = next((w for w in tokens(text[m.end():]) if w not in _AUXILIARIES and w not in _ADVERBS), "")
        if _DENIAL.match(head) and any(_DENIAL.match(c) for c in _cue_words(b)) \
                and not any(_DENIAL.match(c) for c in _cue_words(a) if c != head):
            return head
    return ""


def _conditional_negation(a: Claim, b: Claim) -> bool:
    """ "unless X" is "if not X": one side's only negation is "unless", the other's only one a "not" in an "if"
    clause."""
    ca, cb = _cue_words(a), _cue_words(b)
    if len(ca) != 1 or len(cb) != 1 or (ca[0] == "unless") == (cb[0] == "unless"):
        return False
    other = b if ca[0] == "unless" else a
    text = other.clause or other.text
    m = next(m for m in _NEG_CUE.finditer(text) if m.group(0).casefold() == (cb if other is b else ca)[0]
             or _cue_words(other) == ["n't"])
    opening = max([text.rfind(p, 0, m.start()) for p in ",;:("] + [-1])
    return bool(re.search(r"\bif\b", text[opening + 1:m.start()], re.I))


# Adjectives whose negation is the other ("not difficult" is "easy"): a litotes, not a contradiction.
_OPPOSITES = (("difficult", "easy"), ("hard", "easy"), ("easy", "difficult"), ("easy", "hard"),
              ("unusual", "common"), ("uncommon", "common"), ("common", "rare"), ("likely", "unlikely"),
              ("unlikely", "likely"), ("possible", "impossible"), ("enough", "insufficient"),
              ("clear", "unclear"), ("legal", "illegal"), ("new", "old"), ("good", "bad"), ("bad", "good"))


def _litotes(neg: Claim, pos: Claim) -> bool:
    """Every negation of ``neg`` negates an adjective whose opposite ``pos`` states, and ``pos`` has no negation."""
    text = neg.clause or neg.text
    if _cue_words(pos) or not _cue_words(neg):
        return False
    skip = [m.span() for m in _NOT_NEGATION.finditer(text)]
    theirs = set(tokens(pos.clause or pos.text))
    heads = [next((w for w in tokens(text[m.end():]) if w not in _AUXILIARIES and w not in _ADVERBS), "")
             for m in _NEG_CUE.finditer(text) if not any(x <= m.start() < y for x, y in skip)]
    return bool(heads) and all(any(h == x and y in theirs and x not in theirs for x, y in _OPPOSITES)
                               for h in heads)


_NOMINAL_CUES = {"no", "none", "nothing", "nobody", "without", "neither", "nor"}


def _verbal(claim: Claim, negs: list) -> list:
    """The negations (index, head) among ``negs`` (the claim's, in order) whose cue is not a nominal one: "no
    shares of PalmSource" denies a thing, "was not ejected" the statement."""
    text = claim.clause or claim.text
    skip = [m.span() for m in _NOT_NEGATION.finditer(text)]
    cues = [m.group(0).casefold() for m in _NEG_CUE.finditer(text) if not any(x <= m.start() < y for x, y in skip)]
    return [n for n, cue in zip(negs, cues) if cue not in _NOMINAL_CUES]


_AUXILIARIES = {"is", "was", "are", "were", "be", "been", "am", "do", "does", "did", "has", "have", "had", "will",
                "would", "can", "could", "shall", "should", "may", "might", "must", "to", "cannot", "'s", "’s"}


def _nominal_only(claim: Claim) -> bool:
    """Every negation of the clause denies a thing, not the statement ("no details", "without its plates",
    "none seriously", "a binder not related to the investigation", "though not required"): a detail one side
    adds, not the statement denied."""
    text = claim.clause or claim.text
    skip = [m.span() for m in _NOT_NEGATION.finditer(text)]
    cues = [m for m in _NEG_CUE.finditer(text) if not any(x <= m.start() < y for x, y in skip)]
    return bool(cues) and all(m.group(0).casefold() in _NOMINAL_CUES or _bare_not(text, m)
                              for m in cues)


def _bare_not(text: str, m) -> bool:
    """A "not" that follows no auxiliary or modal verb (nor starts the clause)."""
    if m.group(0).casefold() != "not":
        return False
    before = _WORD.findall(text[:m.start()])
    return bool(before) and before[-1].casefold() not in _AUXILIARIES


def _flipped(negs: list, other_negs: list, other_free: set[str]) -> str:
    """A word one side negates that the other states without negation."""
    negated_there = {h for _, h in other_negs}
    return next((h for _, h in negs if h and h in other_free and h not in negated_there), "")


def _antonyms(fa: set[str], fb: set[str]) -> bool:
    """Antonym verbs, one on each side ("confirmed" / "denied"), matched by the stems of their inflected forms
    ("banned", not "band"; "won", not "wonder")."""
    return any(fa & x and fb & y and not fb & x and not fa & y or fa & y and fb & x and not fb & y and not fa & x
               for x, y in _ANTONYM_STEMS)


_ANTONYM_STEMS = tuple((frozenset(map(stem, x.split())), frozenset(map(stem, y.split()))) for x, y in ANTONYMS)


def _polarity(claim: Claim, negs: list) -> str:
    return f"negative: {_clause(claim)}" if negs else f"positive: {_clause(claim)}"


def _clause(claim: Claim) -> str:
    return claim.clause or claim.text
