"""The grammatical role a name plays in its statement: whose subject, whose owner, the object of which preposition.

Two wordings of one statement often move a name around ("Shares of Microsoft rose" / "Microsoft's stock was up")
and change the words next to it ("Smith found ..." / "Robert Liscouski ruled ..."), so the neighbouring words are a
weak guide to whether two different names fill the same slot. The dependency parse is a better one: the name that
is the subject of the main clause on one side and the name that is the subject of the main clause on the other play
the same part, whatever label the named-entity tagger gave each of them. The parse also finds proper nouns the
tagger did not mark, such as a surname opening the sentence ("Mosel was unable to ...").

spaCy's small English model with its part-of-speech tagger and parser (the pipeline the clause splitter loads);
each text is parsed once per process. Without spaCy every role is unknown and no proper noun is added.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...models import Claim

SUBJECT = {"nsubj", "nsubjpass", "csubj"}
OWNER = {"poss"}
OBJECT = {"dobj", "dative", "attr", "oprd"}


@lru_cache(maxsize=1)
def _nlp():
    """The pipeline the clause splitter loads (tagger and parser, no NER), shared with it."""
    from ...errors import MissingExtra

    try:
        from .clauses import pipeline

        return pipeline()
    except (MissingExtra, ImportError, OSError):
        return None


def parse(text: str):
    """The parse of a text (None without spaCy), shared with the clause splitter's (``clauses.parsed``)."""
    from .clauses import parsed

    return parsed(text) if text and _nlp() is not None else None


def _text(claim: Claim) -> tuple[str, int]:
    text = claim.clause or claim.text
    base = claim.clause_start if claim.clause_start >= 0 and claim.clause else claim.start
    return text, base


def _entity_token(claim: Claim, entity):
    """The syntactic head token of a name in its claim's parse (None without the parse)."""
    text, base = _text(claim)
    doc = parse(text)
    if doc is None:
        return None
    index = _head_index(text, entity.start - base, entity.end - base)
    return doc[index] if index is not None else None


@lru_cache(maxsize=65536)
def _head_index(text: str, start: int, end: int) -> int | None:
    """``_head`` in the parse of ``text``, by token index (a parse depends on its text only: asked once)."""
    token = _head(parse(text), start, end)
    return token.i if token is not None else None


def _head(doc, start: int, end: int):
    """The token of [start, end) whose head lies outside the span (the span's syntactic head)."""
    inside = [t for t in doc if t.idx < end and start < t.idx + len(t.text)]
    if not inside:
        return None
    ids = {t.i for t in inside}
    for t in inside:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return inside[-1]


def _stem(word: str) -> str:
    word = word.casefold()
    return word[:5] if len(word) > 5 else word


def role(claim: Claim, entity) -> tuple[str, str] | None:
    """(kind, anchor) of a name in its claim: ("subject", "main") for the subject of the main clause (or the agent
    of a passive one), ("subject", verb) for the subject of another verb, ("patient", ...) for the subject of a
    passive, ("owner", noun) for a possessor or the complement of "of" after a noun
    ("Microsoft's stock", "the stock of Microsoft"), ("prep", preposition) for another prepositional object,
    ("object", verb); a name that qualifies a noun owns it too ("the Delta carrier"); None when the parse says
    nothing useful."""
    tok = _entity_token(claim, entity)
    while tok is not None and _name_goes_on(tok):
        tok = tok.head
    return None if tok is None else token_role(tok)


def _name_goes_on(tok) -> bool:
    """The tagged name stops short of the number that ends it and heads it ("CAPPS" in "CAPPS II will not use ...",
    "Henry" in "Henry VIII"): the name's role is that of the whole name. A post after a name ("IAB President") is no
    part of it."""
    head = tok.head
    return tok.dep_ == "compound" and head.i == tok.i + 1 and head.tag_ in ("NNP", "NNPS") \
        and bool(re.fullmatch(r"[IVX]{2,5}", head.text))


def token_role(tok) -> tuple[str, str] | None:
    """The role of the phrase a token heads (see role)."""
    while tok.dep_ in ("appos", "conj") and tok.head.i != tok.i:  # "Hill , 50 ," / "X and Y": the part of the first
        tok = tok.head
    dep, head = tok.dep_, tok.head
    if dep in SUBJECT:  # the subject of a passive is who it happened to ("Thomas was joined by Rehnquist"),
        main = head.dep_ == "ROOT" or head.dep_ in ("ccomp", "conj") and head.head.dep_ == "ROOT"
        raised = any(c.dep_ == "xcomp" for c in head.children)  # unless it goes on: "X is expected to become"
        return "patient" if dep == "nsubjpass" and not raised else "subject", "main" if main else _stem(head.text)
    if dep == "pobj" and head.text.casefold() == "by" and head.head.tag_ == "VBN":  # a passive's agent
        verb = head.head  # "users would be required by Amazon to register"
        return "subject", "main" if verb.dep_ == "ROOT" else _stem(verb.text)
    if dep in OWNER:
        return "owner", _owned_key(head)
    if dep == "pobj":
        prep = head.text.casefold()
        if prep == "of" and head.head.tag_.startswith("NN"):
            return "owner", _owned_key(head.head)
        if prep == "for" and head.head.text.casefold() in _SPEAKS_FOR:
            return "owner", _owned_key(head.head)  # "a spokeswoman for Global Crossing"
        return "prep", _SAME_PREPOSITION.get(prep, prep)
    if dep in OBJECT:
        return "object", _stem(head.text)
    if dep in ("compound", "nmod", "amod"):
        return "owner", _owned_key(head)  # "Microsoft shares" as "Microsoft's shares"
    return None


# People who speak for an organisation: "a Pinal representative" and "a spokeswoman for Global Crossing", "White
# House officials" and "a J.D. Edwards spokesman" name whom they speak for in one role.
_SPEAKS_FOR = {"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "representative",
               "representatives", "official", "officials"}


def _owned_key(noun) -> str:
    """The stem of an owned noun; the words for who speaks for an organisation fold into one."""
    return "spoke" if noun.text.casefold() in _SPEAKS_FOR else _stem(noun.text)


# Prepositions that say the same of a name ("a plane into the White House" / "in the White House").
_SAME_PREPOSITION = {"into": "in", "inside": "in", "within": "in", "onto": "on", "upon": "on", "toward": "to",
                     "towards": "to"}


def governing_token(claim: Claim, entity):
    """The name's head token, climbed past appositions and list conjuncts to the one that holds the role ("Smith ,
    the mayor , said": Smith; "Smith and Jones said": Smith), or None."""
    tok = _entity_token(claim, entity)
    while tok is not None and tok.dep_ in ("appos", "conj") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def owned(claim: Claim, entity) -> str | None:
    """The noun a name owns ("Microsoft 's shares", "the shares of Microsoft", "the Microsoft shares": "shares"),
    folded; None when the name owns nothing."""
    tok = governing_token(claim, entity)
    if tok is None:
        return None
    if tok.dep_ in OWNER or tok.dep_ in ("compound", "nmod", "amod"):
        return tok.head.text.casefold()
    if tok.dep_ == "pobj" and tok.head.text.casefold() == "of" and tok.head.head.tag_.startswith("NN"):
        return tok.head.head.text.casefold()
    return None


_PLACED = {"based", "headquartered", "located", "grown", "made", "born", "built", "raised"}


def possessed(claim: Claim, entity) -> str | None:
    """The noun a name owns with "'s" ("Mr. Black 's identity": the stem of "identity"), or None."""
    tok = governing_token(claim, entity)
    return _owned_key(tok.head) if tok is not None and tok.dep_ in OWNER else None


def place_of_noun(claim: Claim, entity) -> str | None:
    """The noun whose place a name gives, whichever way: "Romanian port authorities" / "port authorities in
    Guandong province", "the Mount Vernon-grown fish" / "the fish from Florida", "the South San Francisco-based
    company" / "the company , based in Connecticut" (the stem of "authorities", "fish", "company"); None for a name
    that gives no noun's place, or that follows another in a list or apposition ("Connecticut , Calif .")."""
    tok = _entity_token(claim, entity)
    if tok is None or tok.dep_ in ("appos", "conj"):
        return None
    head = tok.head
    noun = None
    if tok.dep_ in ("compound", "nmod", "amod", "poss"):
        noun = head
    elif tok.dep_ == "npadvmod" and head.text.casefold() in _PLACED and head.dep_ in ("amod", "acl"):
        noun = head.head
    elif tok.dep_ == "pobj" and head.text.casefold() in ("in", "from", "at", "of", "on"):
        noun = head.head
        if noun.tag_ == "VBN" and noun.text.casefold() in _PLACED and noun.dep_ in ("acl", "amod"):
            noun = noun.head
    if noun is None or noun.i == tok.i or not noun.tag_.startswith("NN") or noun.tag_.startswith("NNP"):
        return None
    return _stem(noun.text)


def apposed(claim: Claim, entity) -> str | None:
    """The common noun a name stands in apposition with, either way ("a Spanish tanker , the Sandra Tapias",
    "Jordan Green , the prelate 's private lawyer": the stem of "tanker", "lawyer"), or None."""
    tok = _entity_token(claim, entity)
    if tok is None:
        return None
    nouns = [tok.head] if tok.dep_ == "appos" else []
    nouns += [c for c in tok.children if c.dep_ == "appos"]
    if not nouns and tok.dep_ in SUBJECT and tok.i >= 2:  # "A Spanish tanker , Tunick , was": parsed as two subjects
        first = _first(tok).i
        comma, noun = (tok.doc[first - 1], tok.doc[first - 2]) if first >= 2 else (None, None)
        if comma is not None and comma.text == "," and noun.dep_ == tok.dep_ and noun.head.i == tok.head.i:
            nouns = [noun]
    nouns = [n for n in nouns if n.tag_ in ("NN", "NNS")]
    return _stem(nouns[0].text) if len(nouns) == 1 else None


def _first(tok):
    """The first token of the phrase a token heads."""
    return tok.doc[tok.left_edge.i]


def subject_verb(claim: Claim, entity) -> str | None:
    """The lemma of the verb the name is the subject of ("Microsoft had warned" -> "warn"), or None."""
    tok = governing_token(claim, entity)
    return _verb_key(tok.head) if tok is not None and tok.dep_ in SUBJECT else None


_AUXILIARY = {"be", "is", "are", "was", "were", "been", "being", "am", "has", "have", "had", "having", "do", "does",
              "did", "get", "gets", "got"}


_IRREGULAR = {"said": "say", "says": "say", "told": "tell", "tells": "tell", "wrote": "write", "writes": "write",
              "made": "make", "makes": "make", "took": "take", "takes": "take", "gave": "give", "gives": "give",
              "found": "find", "finds": "find", "went": "go", "goes": "go", "came": "come", "comes": "come",
              "began": "begin", "begun": "begin", "left": "leave", "leaves": "leave", "held": "hold", "holds": "hold",
              "led": "lead", "leads": "lead", "won": "win", "wins": "win", "lost": "lose", "loses": "lose",
              "sold": "sell", "sells": "sell", "bought": "buy", "buys": "buy", "paid": "pay", "pays": "pay",
              "brought": "bring", "brings": "bring", "thought": "think", "thinks": "think", "knew": "know",
              "known": "know", "saw": "see", "seen": "see", "kept": "keep", "keeps": "keep", "met": "meet",
              "meets": "meet", "sent": "send", "sends": "send", "spent": "spend", "built": "build", "fell": "fall",
              "rose": "rise", "risen": "rise", "rises": "rise", "hit": "hit", "hits": "hit", "ran": "run", "runs": "run"}


def _verb_key(tok) -> str | None:
    """A verb folded to its stem ("cleared", "clears" -> "clear"; "face", "faces", "faced", "facing" -> "fac": the
    pipeline has no lemmatizer, so the silent "e" of the base form goes too); None for an auxiliary, which says
    nothing of the slot. A stem shorter than three letters keeps the word whole ("bring", not "br")."""
    word = tok.text.casefold()
    if word in _AUXILIARY:
        return None
    word = _IRREGULAR.get(word, word)
    stem = re.sub(r"(?:ing|ed|es|e|s)$", "", word)
    return _stem(stem if len(stem) >= 3 else word)


def verb_role(claim: Claim, entity) -> tuple[str, str] | None:
    """("doer" or "undergoer", verb lemma) for a name that does or undergoes a verb, in either voice: the subject
    of an active verb or the agent of a passive one does it ("the jury cleared", "cleared by the jury"); the object
    of an active verb or the subject of a passive one undergoes it ("cleared Scruggs", "Scruggs was cleared");
    None for any other name."""
    tok = governing_token(claim, entity)
    if tok is None or tok.head.pos_ not in ("VERB", "AUX"):
        if tok is not None and tok.dep_ == "pobj" and tok.head.text.casefold() == "by" and tok.head.head.tag_ == "VBN":
            verb = _verb_key(tok.head.head)
            return ("doer", verb) if verb else None
        return None
    reported = _reported_subject(tok)
    if reported is not None:
        verb = _verb_key(reported)
        return (("undergoer" if any(c.dep_ == "auxpass" for c in reported.children) else "doer"), verb) if verb else None
    verb = _verb_key(tok.head)
    if verb is None:
        return None
    if tok.dep_ == "nsubj":
        return "doer", verb
    if tok.dep_ in ("nsubjpass", "dobj"):
        return "undergoer", verb
    return None


def _reported_subject(tok):
    """The verb whose subject the parser took for the object of the verb before it: "Prosecutors said Paracha , if
    convicted , could face ..." reads "Paracha" as what was said, while the clause after it ("could face") has no
    subject of its own. The verb of that clause, or None."""
    if tok.dep_ != "dobj":
        return None
    clauses = [c for c in tok.head.children if c.dep_ == "ccomp" and c.i > tok.i]
    if len(clauses) != 1 or any(c.dep_ in SUBJECT or c.dep_ == "expl" for c in clauses[0].children):
        return None
    return clauses[0]


def describes(claim: Claim, entity) -> bool:
    """The name describes rather than names: it qualifies a noun ("the Connecticut Democrat", "Iraqi forces") or
    heads a noun phrase with an article ("the Democrat", "a Republican"); a bare plural ("Democrats can block",
    "including 24 Republicans") or a possessor names its group as a name does. Unknown without the parse."""
    tok = _entity_token(claim, entity)
    if tok is None:
        return True
    if tok.dep_ in ("compound", "nmod", "amod") or tok.tag_ == "JJ":
        return True
    return any(c.dep_ == "det" and c.text.casefold() in ("a", "an", "the") for c in tok.children) \
        or tok.dep_ not in ("poss",) and not tok.tag_.endswith("S")


# Pronouns and common nouns that stand in for a name: "He has credited Dr. Evans" / "Mr. Bush has credited the pastor".
_STAND_IN = {"PRP", "NN", "NNS"}


def stand_in(claim: Claim, role_: tuple[str, str]) -> bool:
    """A pronoun or a common noun (no proper noun) plays the given role in the claim: the slot a name of the other
    wording fills is filled here without a name ("He has credited Dr. Evans" / "Mr. Bush has credited the Dallas
    pastor": "He" is the subject, "pastor" the object)."""
    text, _ = _text(claim)
    doc = parse(text)
    if doc is None:
        return False
    found = [t for t in doc if t.dep_ not in ("appos", "conj", "compound") and token_role(t) == role_]
    return len(found) == 1 and found[0].tag_ in _STAND_IN


def qualifier(claim: Claim, entity) -> bool:
    """The name qualifies a noun as a modifier ("the US chip market", "the Delta carrier"), not as its possessor."""
    tok = _entity_token(claim, entity)
    return tok is not None and tok.dep_ in ("compound", "nmod", "amod")


def proper_nouns(claim: Claim) -> list[tuple[int, int, str]]:
    """Runs of proper nouns (tagged NNP / NNPS) that open a sentence of the claim, the place a capitalised-word
    heuristic cannot see ("Mosel was unable ...", "Michel , who remains ..."): (start, end, text) in claim offsets."""
    text, base = _text(claim)
    doc = parse(text)
    if doc is None:
        return []
    out = []
    for sent in doc.sents:
        run = []
        for tok in sent:
            if tok.tag_ in ("NNP", "NNPS") and tok.text[:1].isupper() and tok.text.isalpha():
                run.append(tok)
                continue
            break
        if not run and _name_inside(sent):
            run = [sent[0]]
        if run and run[-1].i + 1 < len(doc) and doc[run[-1].i + 1].tag_ not in ("NNP", "NNPS"):
            start, end = run[0].idx, run[-1].idx + len(run[-1].text)
            out.append((start + base, end + base, text[start:end]))
    return out


_GROUP = re.compile(r"(?:ers|ors|ists|ians|ants|ents|ees|als|ics|ies)$")


# Capitalised words that open a sentence before its subject and are no names: "Federal officials said".
_COMMON_OWNERS = {"federal", "state", "local", "police", "government", "city", "county", "company", "union", "army",
                  "military", "senate", "house", "court", "school", "health", "airline", "bank", "market", "stock",
                  "world", "national", "international", "foreign", "european", "american", "western", "eastern",
                  "northern", "southern", "regional", "private", "public", "senior", "former", "chief", "security",
                  "defense", "defence", "justice", "treasury", "congress", "parliament", "party", "opposition",
                  "rebel", "tech", "technology", "software", "internet", "computer", "online", "wall", "street",
                  "analysts", "investors", "shares", "officials", "industry", "energy", "oil", "sales", "profit",
                  "first", "second", "third", "last", "next", "both", "many", "most", "some", "such", "other"}


def _name_inside(sent) -> bool:
    """The capitalised word opening the sentence, which the tagger took for a plural noun ("Moffitt said",
    "Hines died"), is a proper noun once a word stands before it: every sentence opens with a capital, so the
    tagger reads that capital as no sign of a name."""
    first = sent[0]
    owner = first.dep_ in ("compound", "amod", "nmod") and first.head.dep_ in ("nsubj", "nsubjpass") \
        and first.head.i == first.i + 1  # "Chapleau shares were up", "Lakeside futures pointed"
    if not (first.tag_ in ("NNS", "NN", "JJ") and first.text[:1].isupper() and first.text[1:].islower()
            and first.text.isalpha() and len(first.text) >= 4 and (first.dep_ in ("nsubj", "nsubjpass") or owner)):
        return False
    if _GROUP.search(first.text) or first.text.casefold() in ("people", "police", "children", "women", "men") \
            or owner and first.text.casefold() in _COMMON_OWNERS:
        return False  # "Smugglers in a van", "Residents said", "People ...": a group, not a name
    if _singular_verb(first):
        return True  # "Parsons claims that ...": a plural noun would take "claim"
    again = parse("Then " + sent.text)
    return again is not None and len(again) > 1 and again[1].text == first.text and again[1].tag_ == "NNP"



# Nouns that end in "s" and take a singular verb, so agreement says nothing of them: "News is", "Congress has".
_SINGULAR_S = re.compile(r"(?:ss|us|is|news|ics|ies|ous)$")


def _singular_verb(first) -> bool:
    """The word the tagger took for a plural noun (NNS) is the subject of a verb in the singular ("Parsons claims",
    "Parsons has said", "Parsons was"): the plural it is not, so it is a name ending in "s"."""
    if first.tag_ != "NNS" or first.dep_ not in ("nsubj", "nsubjpass") or _SINGULAR_S.search(first.text.casefold()):
        return False
    verb = first.head
    singular = lambda t: t.tag_ == "VBZ" or t.text.casefold() == "was"
    return singular(verb) or any(c.dep_ in ("aux", "auxpass") and singular(c) for c in verb.children if c.i < verb.i)


def says_of_self(claim: Claim, entity) -> bool:
    """The name says something of itself: the subject of what it reports is "he", "she" or "I" ("Stewart said she
    intends to declare her innocence")."""
    tok = _entity_token(claim, entity)
    if tok is None or tok.dep_ != "nsubj":
        return False
    return any(c.dep_ == "ccomp" and any(s.dep_ in ("nsubj", "nsubjpass") and s.text.casefold() in ("he", "she", "i")
                                         for s in c.children) for c in tok.head.children)


def reports(claim: Claim, entity) -> bool:
    """The name is the subject of a verb that reports a clause ("the agency estimated that GDP grew"): it says the
    statement, as a speaker does."""
    tok = _entity_token(claim, entity)
    return tok is not None and tok.dep_ == "nsubj" and any(c.dep_ == "ccomp" for c in tok.head.children)
