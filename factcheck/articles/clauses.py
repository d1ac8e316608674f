"""Cutting a sentence into clauses that each carry one checkable fact, with their spans.

In: a sentence and its language. Out: ``Unit``s in sentence order, never overlapping: each
with its span (the article's own words), its role, and what its claim text needs from the rest
of the sentence (the noun a relative clause describes, the subject a clause lost to a split).

Cuts: ";"; ", sementara/while/whereas/tetapi/but/padahal ..."; "Meskipun/Although/While X,
Y" and ", meskipun/although X"; ", dan/and" before a new clause, and "dan/and" before a second
predicate of the same form as the clause's one verb (``_coordinated``); relative clauses set
off by commas or dashes ("Pemerintahan Trump, yang ...", "..., which ...", "—yang ...—",
", di mana ...", ", where ...", ", when ..."); an apposition before the verb ("Lucia Moreno, a
former finance minister, won ...").
Never cut: inside quotes or brackets, inside a membership list ("UEA, Bahrain, Maroko, dan
Sudan"), at a restrictive relative ("negara pertama yang bergabung"), or where a piece would
be shorter than three words.

What it cannot do: it reads punctuation and a few words, not the grammar, so a relative clause
without commas stays in its sentence, a trailing relative about the whole clause ("..., which
surprised analysts") is cut off as its own claim, and a comma after an introductory phrase
that is not listed stays uncut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.articles.worthiness import anchors_of
from factcheck.language import markers as words
from factcheck.language.anchors import overlaps
from factcheck.language.syntax import (
    first_verb,
    is_boundary,
    is_verb,
    noun_phrase_before,
    word_spans,
)
from factcheck.language.vocabulary import alternation

MIN_CLAUSE_WORDS = 3
_TIME_KINDS = frozenset(("year", "date", "month"))
MAX_APPOSITION_WORDS = 8

_WORD = r"[A-Z](?:[\w'’-]|\.(?=\w))*"  # "U.S" keeps its inner dots, not a final one
_ITEM = rf"{_WORD}(?:\s+(?:{_WORD}|\([^()]*\)))*"
# Three or more capitalised items ending "..., dan X": a membership list, checked whole.
LIST_RE = re.compile(rf"{_ITEM}(?:,\s+{_ITEM})+,?\s+(?:dan|serta|and|or|atau)\s+{_ITEM}")
QUOTE_RE = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’")
_PROTECTED_RE = re.compile(rf"\([^()]*\)|{QUOTE_RE.pattern}")
# A comma, a semicolon, a dash, or the space before "but"/"tetapi" when no comma stands there
# ("said ... but still hoped"); and ", saying ...", which reports a view of the subject. The
# space before "dan"/"and" is a separator too ("&"), kept only where a second predicate
# follows (``_coordinated``).
_SEPARATOR = re.compile(
    r"[;,][\"”’]?\s+|\s*—\s*|\s+(?=(?:but|tetapi)\s)|\s+(?=(?:and|dan|serta)\s)"
    rf"|\s+(?=(?:{alternation(words.ADVERBIAL_SUBORDINATORS)})\s)"
)
_LEADING_RE = re.compile(rf"^(?:(?:{alternation(words.LEADING_CONNECTIVES)})\b[\s,]*)+", re.I)
_RELATIVE_RE = re.compile(rf"^(?:{alternation(words.RELATIVES)})\b", re.I)
_RELATIVE_WORD_RE = re.compile(rf"\b(?:{alternation(words.RELATIVES)})\b", re.I)
_SENTENCE_OPENERS = frozenset(words.CONCESSIVE_OPENERS) | {"while", "whereas"}


_ANDS = frozenset(words.AND_SPLITTERS)
# A subordinate clause with no comma before it ("X after Y") longer than this many words,
# the subordinator included, is a claim of its own (tuned on the dev sets: 6 keeps "after
# workers repaired its 40-year-old boiler" with its main clause).
MIN_SUBORDINATE_FACT_WORDS = 6
_SUBORDINATORS = frozenset(words.ADVERBIAL_SUBORDINATORS)
_RESULTS = frozenset(words.RESULT_CONNECTIVES)


@dataclass
class Unit:
    """A clause of a sentence: ``start:end`` is its span in the sentence.

    ``role`` is "main", "relative", "apposition" or "included" (a noun and its relative
    clause after "including"/"dengan": "..., dengan dapur umum yang menyiapkan ...").
    ``subject`` is the span (in the sentence) of the noun phrase the clause is about when it
    is not inside the span: the noun a relative clause describes, or the subject of a main
    clause cut off by a relative clause or an apposition. ``relation`` says how a relative
    clause's noun goes back in: as its subject ("yang", "which"), its place ("di mana",
    "where") or its time ("ketika", "when").
    ``opener`` is the span of a preposition before that subject ("Bagi" in "Bagi Kazakhstan,
    yang ..."), kept for the main clause's claim text.
    ``aside`` marks a noun phrase said in passing of the clause before it (``noun_aside``:
    "..., the village's last pub"), whose claim text is that clause with it.
    """

    start: int
    end: int
    role: str = "main"
    subject: tuple[int, int] | None = None
    relation: str = "subject"
    opener: tuple[int, int] | None = None
    aside: bool = False


def split_clauses(sentence: str, lang: str) -> list[Unit]:
    """The clauses of ``sentence``, in order, trimmed, each at least three words long."""
    pieces = _pieces(sentence)
    units: list[Unit] = [Unit(*pieces[0][:2])]
    open_relative = False
    for start, end, sep in pieces[1:]:
        current = units[-1]
        right = sentence[start:end]
        if sep == "&":  # "and"/"dan" with no comma before it: a second predicate, or not
            if (
                current.role == "main"
                and not open_relative
                and (coordinated := _coordinated(sentence, current, start, end, lang))
            ):
                content = coordinated if isinstance(coordinated, tuple) else None
                units.append(Unit(start, end, "main", content))
            elif (
                current.role == "main"
                and not open_relative
                and (gap := _gapped(sentence, current, start, end, lang))
            ):
                units.append(
                    Unit(start + len(right) - len(right.split(None, 1)[1]), end, "gapped", gap)
                )
            elif (
                current.role == "main"
                and not open_relative
                and (
                    _second_content(sentence, current, start, lang)
                    or _new_subject(sentence, current, start, end, lang)
                )
            ):
                units.append(Unit(start, end))
            else:
                current.end = end
            continue
        included = _included_clause(right, lang) if sep == "," and not open_relative else None
        if included is not None and current.role == "main":
            # ", dengan dapur umum yang menyiapkan 9.000 porsi", ", including a site that X is
            # building": the noun and what its relative clause says, a claim of its own
            units.append(Unit(start + included, end, "included"))
            continue
        if sep == "^" or (sep == "," and _first_word(right) in _SUBORDINATORS):
            # "X after Y", "X, setelah Y": a clause of its own when Y has its own subject and
            # a comma sets it off, when only one side is hedged or a view, or when Y is long
            # enough to carry a fact of its own ("... menutup lalu lintas ternak setelah uji
            # laboratorium memastikan bakteri antraks pada bangkai sapi"; a short one, "after
            # workers repaired its boiler", is the circumstance of the one claim), outside a
            # speaker's quoted words ('"Tidak boleh ada anak ... karena orang tuanya ..."')
            left = sentence[current.start : start]
            if (
                current.role == "main"
                and not open_relative
                and _subordinate(right, lang)
                and (
                    sep == ","
                    or _marked(left) != _marked(right)
                    or (
                        len(right.split()) > MIN_SUBORDINATE_FACT_WORDS
                        and not _inside_quote(sentence, start)
                    )
                )
            ):
                units.append(Unit(start + len(right) - len(right.split(None, 1)[1]), end))
            else:
                current.end = end
            continue
        if open_relative and not _has_verb(sentence, current, lang) and sep != "—":
            current.end = end  # "yang, menurut banyak pihak, sempat ...": not closed yet
            continue
        if open_relative and sep == "—" and sentence[current.start : start].count("—") == 1:
            current.end = end  # inside "—yang ...—"
            continue
        open_relative = False
        if _RELATIVE_RE.match(right) and sep in (",", "—"):
            units.append(_relative(sentence, current, start, end, sep, lang))
            open_relative = True
        elif why := _splits(sentence, sep, start, current, lang, first=len(units) == 1):
            units.append(Unit(start, end, aside=why == "aside"))
        elif current.role == "apposition" or (
            current.role == "relative" and current.subject and current.start == current.subject[0]
        ):
            units.append(_resumed(current, start, end))  # the main clause goes on
        elif _after_place_relative(sentence, units, right, lang):
            # "Rowbridge Primary School, where Mr Tulloch works, has 420 pupils": the noun
            # alone before the relative clause is the subject of the clause that goes on
            units[-2].end = units[-2].start
            units.append(Unit(start, end, "main", current.subject, "subject"))
        else:
            current.end = end
    units = _appositions(sentence, units, lang)
    units = [piece for unit in units for piece in _closed_relative(sentence, unit, lang)]
    units = [piece for unit in units for piece in _dated_relative(sentence, unit, lang)]
    return [u for u in (_trim(sentence, u) for u in units) if u is not None]


def _pieces(sentence: str) -> list[tuple[int, int, str]]:
    """The sentence cut at every separator outside quotes, brackets and lists:
    (start, end, separator before it: "", ",", ";" or "—")."""
    protected = [
        m.span() for m in _PROTECTED_RE.finditer(sentence) if not _reported_quote(sentence, m)
    ]
    protected += [m.span() for m in LIST_RE.finditer(sentence)]
    pieces, start, sep = [], 0, ""
    for m in _SEPARATOR.finditer(sentence):
        closes_quote = m.group()[:1] == "," and m.group()[1:2] in '"”’' and m.group()[1:2]
        if closes_quote:  # “minyak baru,” : the comma inside the closing quote separates
            if not any(e == m.start() + 2 for _, e in protected):
                continue
            cut = m.start() + 2
        elif overlaps(m.span(), protected):
            continue
        else:
            cut = m.start()
        pieces.append((start, cut, sep))
        following = sentence[m.end() :].split()[0].lower() if not m.group().strip() else ""
        sep = "&" if following in _ANDS else "^" if following in _SUBORDINATORS else ""
        sep, start = sep or m.group().strip()[:1] or ",", m.end()
    pieces.append((start, len(sentence), sep))
    return pieces


_SPEECH_TAG_RE = re.compile(rf"\s*,?\s*(?:{alternation(words.SPEECH_TAGS)})\b", re.I)


def _reported_quote(sentence: str, quote: re.Match) -> bool:
    """Whether ``quote`` is the whole statement of a sentence that only adds who said it
    ('"A, tetapi B," ujarnya'): its clauses are cut like any other sentence's."""
    return quote.start() == 0 and bool(_SPEECH_TAG_RE.match(sentence, quote.end()))


_PARTICIPLE_RE = re.compile(
    r"^(?:saying|adding|citing|sambil mengatakan|dengan mengatakan)\b", re.I
)


# ", ending the Liberal Union's hold ...", ", giving the party a majority", ", cutting
# electricity to about 82,000 homes", ", forcing police to close ...": an English present
# participle with its object (a determiner, a figure, or a bare noun then "to" or a
# determiner or figure) after a comma states what the clause brought about.
# Participles that work as prepositions ("including", "according to") are not clauses.
RESULT_PARTICIPLE_RE = re.compile(
    r"(?!(?:including|according|following|regarding|concerning|excluding|notwithstanding|"
    r"saying|adding|citing)\b)[a-z]{3,}ing\s+(?:(?:about|roughly|nearly|almost|around|some)\s+)?"
    r"(?:(?:the|a|an|its|their|his|her|they|it|[A-Z][\w'’-]*['’]s)\b|\d[\d.,]*\b"
    r"|(?!(?:and|or|of|in|on|at|to|for|with|by|from)\b)[a-z]+\s+"
    r"(?:to\s+[a-z]|(?:(?:to|about|roughly|nearly|almost|around|some)\s+){0,2}(?:the\b|a\b|\d)))"
)


# ", angka yang dibantah oleh PLN", ", a figure disputed by the utility": a noun standing
# for the figure just given, with what is said of it.
FIGURE_APPOSITION_RE = re.compile(
    rf"(?:a\s+|the\s+)?(?P<noun>{alternation(words.FIGURE_NOUNS)})\s+"
    r"(?:(?:yang|that|which)\s+)?(?P<rest>\w+\s+\w+)",
    re.I,
)


def _has_verb(sentence: str, unit: Unit, lang: str) -> bool:
    """Whether a relative clause has its verb yet (after "yang"/"which")."""
    opener = _RELATIVE_WORD_RE.search(sentence, unit.start, unit.end)
    start = opener.end() if opener else unit.start
    if opener and opener.group().lower() in ("who", "which"):
        following = word_spans(sentence, start, unit.end)[:1]
        if following and following[0].lower not in ("the", "a", "an", "its", "his", "her"):
            return True  # "who chairs ...": the word after "who" is its verb
    return first_verb(sentence, lang, start, unit.end) is not None


def _splits(
    sentence: str, sep: str, start: int, current: Unit, lang: str, first: bool
) -> bool | str:
    """Whether the piece at ``start`` (after ``sep``) opens a new clause with its own fact;
    "aside" when it is a noun phrase said in passing (``noun_aside``)."""
    right = sentence[start:]
    if len(right.split()) < MIN_CLAUSE_WORDS or len(sentence[current.start : start].split()) < 3:
        return False
    if sep == ";":
        return True
    if sep == "—":
        return False
    word = _first_word(right)
    if word in words.CONTRAST_SPLITTERS or word in words.CONCESSIVE_OPENERS:
        return True
    if word in _RESULTS and _subordinate(right, lang):
        return True  # ", sehingga petani di tiga desa belum bisa menanam": its result, apart
    if _PARTICIPLE_RE.match(right):
        return True  # ", saying it would ...": what the subject says, apart
    if FIGURE_APPOSITION_RE.match(right):
        return True  # ", angka yang dibantah oleh PLN": what is said of the figure, apart
    if lang == "en" and RESULT_PARTICIPLE_RE.match(right):
        return True  # ", ending the party's 28-year hold": a result, a fact of its own
    if sep == "," and figure_aside(right.split(",")[0], lang):
        left = sentence[current.start : start]
        # an Indonesian clause may have no verb ("anggaran program itu Rp 8,24 miliar,
        # seluruhnya dari APBD"): a share of the figure it gives is a fact of its own
        verbless = lang == "id" and partitive_aside(right.split(",")[0], lang)
        if _has_figure(left, lang) and (verbless or first_verb(left, lang) is not None):
            return True  # ", dua kali lipat dari periode yang sama": a figure of its own
    if sep == "," and (among := _counted_among(right, lang)):
        left = sentence[current.start : start]
        if _has_figure(left, lang) and first_verb(left, lang) is not None:
            return among  # ", tiga di antaranya dirujuk ke RSUD": a count of a part, its own
    if words.opinion_opening().match(right):  # an opinion marker opens it
        return True
    left = sentence[current.start : start]
    if first and left.count(",") <= 1 and _first_word(sentence) in _SENTENCE_OPENERS:
        return True
    if sep == "," and _breakdown(right, lang):
        left = sentence[current.start : start]
        if _has_figure(left, lang) and first_verb(left, lang) is not None:
            return "aside"  # ", terdiri atas Rp 17,5 juta ... dan Rp 2,5 juta ...": the parts
    if sep == "," and _final_noun_aside(sentence, start, lang):
        left = sentence[current.start : start]
        last = _BETWEEN_COMMAS_RE.findall(left.rstrip(", "))[-1:]
        if last and _speech_tag(last[0]):
            return False  # '"...," kata Karsih, petani di Desa X': who the speaker is
        times = anchors_of(left, lang, _TIME_KINDS)
        if lang == "id" and times and not left[times[-1].end :].strip(" ,)"):
            return False  # "mulai Juli 2027, awal semester ganjil": the same time again
        if first_verb(left, lang) is not None and len(left.split()) >= MIN_CLAUSE_WORDS:
            return "aside"  # "..., the village's last pub": what the noun before it is
    if word in words.AND_SPLITTERS and _second_content(sentence, current, start, lang):
        return True  # "said ..., and that 71% of the budget ...": a second thing said
    if word in words.AND_SPLITTERS and _second_predicate(sentence, current, start, lang):
        return True  # "runs six journeys a day, Monday to Saturday, and takes 55 minutes"
    if word in words.AND_SPLITTERS:
        # ", dan X" closes a list when the item before it is short.
        # A speech tag before it ("..., the report says, and the council paid ...") closes
        # no list; the new clause's verb may come after a subject of up to eight words
        # ("and the number of households using its service fell").
        last_item = re.split(r",\s", left.rstrip(", "))[-1]  # "9,400" is one figure
        following = " ".join(right.split()[1:10])
        long_item = len(last_item.split()) > 3 or _speech_tag(last_item)
        verb = first_verb(following, lang)
        if verb is None or _RELATIVE_WORD_RE.search(following, 0, verb.start):
            return False  # "and a heat pump, which the trust would prefer, ...": no clause
        return long_item
    return False


_AMONG_RE = re.compile(
    r"(\S+)(?:\s+(?:persen|percent))?\s+(?:di antaranya|of them|of whom|of which)\s+", re.I
)
# ", of which 71% opposed the charges": the count of the part after "of which/whom".
_OF_WHICH_RE = re.compile(r"(?:of which|of whom)\s+", re.I)


def _counted_among(piece: str, lang: str) -> bool | str:
    """Whether a piece after a comma opens with a count of a part of the group counted before
    it, "N di antaranya"/"N of them", and goes on with its own verb ("tiga di antaranya
    dirujuk ke RSUD Randu Alas", "36 of them classed as affordable", "21 of whom live with
    dementia"), or "of which/of whom" and a count with its verb (", of which 71% opposed the
    charges"); an Indonesian part may have a short predicate with no verb ("23 di antaranya
    honorer"): what is said of the part is a fact of its own, written with the group ("tiga
    dari 17 siswa", factcheck.articles.standalone), or, for the last two, with the clause
    before ("aside")."""
    m = _AMONG_RE.match(piece)
    if m is None:
        of_which = _OF_WHICH_RE.match(piece)
        if of_which is None or first_verb(piece, lang, of_which.end()) is None:
            return False
        figures = anchors_of(piece[of_which.end() :], lang, _FIGURES)
        # ", of which 71% opposed the charges": written with the clause before
        return "aside" if figures and figures[0].start == 0 else False
    rest = piece[m.end() :].split(",")[0]
    verbless = first_verb(piece, lang, m.end()) is None
    if verbless and (lang != "id" or len(rest.split()) > 3):
        return False
    figures = anchors_of(piece[: m.end()], lang, _FIGURES)
    if not figures or figures[0].start != 0:
        return False
    return "aside" if verbless else True  # "23 di antaranya honorer": with the clause before


def _coordinated(
    sentence: str, current: Unit, start: int, end: int, lang: str
) -> bool | tuple[int, int]:
    """Whether "dan/and ..." at ``start`` (no comma before it) opens a second predicate of
    the clause's subject, a fact of its own ("Banjir merendam 11 kelurahan dan memaksa 3.400
    warga mengungsi", "rated the cables as fair and recommended a new inspection"): a verb
    follows "dan", the clause before has exactly one verb that is no auxiliary, and both verbs
    have the same form (``_verb_form``), so a change of voice or tense ("mampu menampung ...
    dan dibangun", "will cost ... and is expected to") stays one claim, as does "dan" after
    a second verb ("kesempatan untuk memperkuat ... dan mendapatkan": it joins what that verb
    governs). Predicates of different forms are two claims too when each has a figure of its
    own after its verb ("holds 74 million pounds in reserves and spent 12 million pounds on
    ..."): a list of facts, where a list that is one fact ("menampung 5.000 warga dan 300
    ternak") has one verb. Two predicates that each name a time of their own ("opened in 1976
    and was last refurbished in 2009") are two dated events, whatever their forms. What it
    cannot do: two verbs of one event ("ditangkap dan
    ditahan") are split; coordinated predicates of different forms without a figure each
    ("were seized ... and sold") are not."""
    right = sentence[start:end]
    following = word_spans(right)[1:]
    if len(following) < MIN_CLAUSE_WORDS or not is_verb_start(right[following[0].start :], lang):
        return False
    left = sentence[current.start : start]
    auxiliaries = words.AUXILIARIES[lang]
    lexical = [
        w
        for w in word_spans(left)
        if is_verb(w.text, lang, initial=not w.start) and w.lower not in auxiliaries
    ]
    if not lexical and lang == "en":  # a present "-s" verb, read from what follows it
        lexical = [v for v in (first_verb(left, lang),) if v and v.lower not in auxiliaries]
    content = None
    if len(lexical) == 2 and lexical[0].lower in _SAYING:
        # "mengatakan polisi menyita ... dan menangkap ...": the content's two predicates,
        # the second with the content's subject ("polisi"), not the speaker
        content = _content_subject(left, lexical[0].end, lexical[1].start, lang)
        if content is None:
            return False
        content = (current.start + content[0], current.start + content[1])
        lexical = lexical[1:]
    if len(lexical) != 1 or len(word_spans(left, lexical[0].end)) < 2:
        return False
    if _own_time(left[lexical[0].end :], lang) and _own_time(right, lang):
        return content or True  # "opened in 1976 and was last refurbished in 2009"
    while following[0].lower in _ADVERBS_BEFORE_VERBS:  # "dan kini hanya ditutup terpal"
        following = following[1:]
    if following[0].lower in _SAYING and QUOTE_RE.search(left):
        return False  # 'called the decision "a false economy" and said ...': one view
    if following[0].lower in auxiliaries:
        # "dates from 1742 and is a Grade II listed building", "covers 260 hectares and has
        # three car parks": a copula or "have" as the verb of its own, a state said of the
        # subject next to what it does, a second fact; an auxiliary before a verb ("and is
        # expected to", "and was last refurbished") is left to the tests above
        return (content or True) if _stative(following, left, lexical[0], lang) else False
    first, second = _verb_form(lexical[0].text, lang), _verb_form(following[0].text, lang)
    if first == second or {first, second} == _ACTIVE_FORMS:
        return content or True  # Indonesian "ber-" and "meN-" verbs are both active
    if _PASSIVE_FORMS & {first, second}:
        return False  # a change of voice: "mampu menampung ... dan dibangun dengan biaya ..."
    own_figure = sentence[lexical[0].end : start]
    figures = anchors_of(own_figure, lang, _FIGURES) and anchors_of(right, lang, _FIGURES)
    return (content or True) if figures else False


_FIGURES = ("number", "money", "percent", "quantity")
_SAYING = frozenset(words.SAYING_VERBS)
# Copulas and "have" that can be a clause's only verb ("is a listed building", "has three
# car parks", "merupakan pasar terbesar").
_STATIVES = frozenset("is are was were has have had adalah merupakan ialah".split())
# What after a copula or "have" shows it is an auxiliary or a negated one, not the verb.
_AFTER_AUXILIARY = frozenset("to not no been being never also still already".split())
# Adverbs of frequency that may stand between an auxiliary and its verb.
_FREQUENCY = frozenset("often always sometimes usually rarely seldom mostly widely".split())


def _stative(following: list, left: str, verb, lang: str) -> bool:
    """Whether the words after "dan/and" (``following``, "and" left out) open with a copula
    or "have" that is the predicate's only verb ("is a Grade II listed building", "has
    three car parks with 540 spaces"), next to a first predicate whose verb is no copula
    (``verb`` in ``left``): two facts, what the subject does and what it is or has. What it
    cannot do: an adjective after the copula is taken for a state too, which it is,
    unless it has a participle's ending ("and is open five days a week" stays whole); an
    Indonesian participle it does not know as a verb reads as a state."""
    if following[0].lower not in _STATIVES or verb.lower in _STATIVES:
        return False
    rest = following[1:]
    while rest and (rest[0].lower in _FREQUENCY or rest[0].lower.endswith("ly")):
        rest = rest[1:]  # "and were often used as collateral": an adverb before the verb
    if not rest or rest[0].lower in _AFTER_AUXILIARY or is_verb(rest[0].text, lang):
        return False
    if lang == "en" and rest[0].lower.endswith(("ed", "en")):
        return False  # "were often used", "was given": a participle, a passive
    return len(following) >= MIN_CLAUSE_WORDS and len(word_spans(left, verb.end)) >= 2


_COMPLEMENTISERS = frozenset(("bahwa", "that"))
# Perfect auxiliaries: the second predicate reads as well without one ("had hired ... and
# bought" -> "the council bought"), where a passive's "were" it would need.
_PERFECT = frozenset(("has", "have", "had", "telah", "sudah"))
_IRREGULAR_PAST = frozenset(words.IRREGULAR_PAST)


def _content_subject(left: str, said: int, verb: int, lang: str) -> tuple[int, int] | None:
    """The subject of what a verb of saying reports, between its end ``said`` and the
    content's verb at ``verb`` ("mengatakan [polisi] menyita", "said [the council] hired"),
    after "bahwa"/"that"; None when it is longer than four words, holds a comma, or ends in
    an auxiliary the second predicate would need ("were detected ... and confirmed"); a
    perfect auxiliary is left out ("had hired ... and bought": the council bought)."""
    if "," in left[said:verb]:
        return None
    between = word_spans(left, said, verb)
    if between and between[0].lower in _COMPLEMENTISERS:
        between = between[1:]
    if between and between[-1].lower in _PERFECT:
        between = between[:-1]  # "said the council had hired ... and bought": "the council"
    if not 1 <= len(between) <= 4 or between[-1].lower in words.AUXILIARIES[lang]:
        return None
    return between[0].start, between[-1].end


def _own_time(text: str, lang: str) -> bool:
    """Whether ``text`` names a time (a year, a date, a month) outside quotes."""
    return bool(anchors_of(QUOTE_RE.sub(" ", text), lang, _TIME_KINDS))


def _gapped(
    sentence: str, current: Unit, start: int, end: int, lang: str
) -> tuple[int, int] | None:
    """The span of the verb a second conjunct leaves out ("Crumbworth must pay 14 million
    pounds and Daybreak 7.5 million pounds": "must pay"), when "dan/and" is followed by a
    name and a figure with no verb, and the clause before is a name, a verb group and a
    figure: gapping, two facts, the second to be written with the first's verb. Else None.
    What it cannot do: a subject that is no capitalised name ("the union 40")."""
    right = sentence[start:end].split(None, 1)
    if len(right) < 2 or not _NAME_THEN_REST.match(right[1]):
        return None
    name = _NAME_THEN_REST.match(right[1])
    rest = right[1][name.end() :]
    figures = anchors_of(rest, lang, _FIGURES)
    if not figures or figures[0].start != 0 or first_verb(rest, lang) is not None:
        return None
    left = sentence[current.start : start]
    subject = _NAME_THEN_REST.match(left)
    left_figures = anchors_of(left, lang, _FIGURES)
    if subject is None or not left_figures or left_figures[0].start <= subject.end():
        return None
    group = (current.start + subject.end(), current.start + left_figures[0].start)
    verb = sentence[group[0] : group[1]]
    if first_verb(verb, lang) is None or len(verb.split()) > 4:
        return None
    return group


# Words that join two nouns by "dan/and" ("antara A dan B", "between A and B").
_PAIRING = frozenset(("antara", "between", "both", "baik"))
_OPENING_CONNECTIVES = (
    frozenset(words.LEADING_CONNECTIVES) | frozenset(words.CONCESSIVE_OPENERS) | _SUBORDINATORS
)
_OPENING_DETERMINERS = frozenset("the a an its their his her this these those".split())
_RELATIVE_WORDS = frozenset("yang who which that whose where di mana".split())


def _second_predicate(sentence: str, current: Unit, start: int, lang: str) -> bool:
    """Whether ", dan/and" at ``start`` opens a second predicate of the clause's subject
    after a comma ("Route 47 runs six return journeys a day, Monday to Saturday, and takes
    55 minutes ..."): a verb right after "and" (perhaps after an adverb), at least two words
    after it, and a clause before with a verb that has at least two words after it. What
    it cannot do: a verb that governs the same object list ("bought, cleaned, and sold the
    cars") is split too."""
    right = sentence[start:].split(None, 1)
    if len(right) < 2 or not is_verb_start(right[1], lang):
        return False
    following = word_spans(right[1])
    while following and following[0].lower in _ADVERBS_BEFORE_VERBS:
        following = following[1:]
    if len(following) < 3 or following[0].lower in words.AUXILIARIES[lang]:
        return False  # "and is expected to": left to the rules for "and" without a comma
    verb = first_verb(sentence, lang, current.start, start)
    return verb is not None and len(word_spans(sentence, verb.end, start)) >= 2


def _second_content(sentence: str, current: Unit, start: int, lang: str) -> bool:
    """Whether "dan bahwa"/"and that" at ``start`` opens a second thing a speaker said after a
    verb of saying in the clause before ("The council says the service costs 1.9 million
    pounds a year and that it must close a budget gap ..."): a fact of its own, said by the
    same speaker. A clause before with no verb of saying ("so large and that ...") is left
    whole."""
    following = word_spans(sentence, start, start + 40)[:2]
    if len(following) < 2 or following[1].lower not in _COMPLEMENTISERS:
        return False
    left = word_spans(sentence, current.start, start)
    return any(w.lower in _SAYING for w in left[:-2])


def _new_subject(sentence: str, current: Unit, start: int, end: int, lang: str) -> bool:
    """Whether "dan/and" at ``start`` (no comma before it) opens a clause with a subject of
    its own ("The club went into administration in 2023 and the council has so far
    recovered 11 million pounds", "the harbour wall was breached and seawater flooded about
    60 properties"): a noun phrase of one to five words with no relative word in it, then a
    verb with at least two words after it, after a clause with a verb and two words after
    that verb. Two facts, each with its own subject. Not when the clause before ends in a
    verb of saying and its subject ("said the council and the police were ..."), nor in a
    verb and a short bare noun phrase ("hoped the pub and the hall would ..."): the two
    nouns may be one subject. English subjects must open with a determiner, a
    figure or a capital. What it cannot do: a noun it takes for a verb ("tepung terigu")
    ends the subject early; a subject without a verb ("dan kondisinya stabil") is not read."""
    following = word_spans(sentence, start, end)[1:]
    if len(following) < MIN_CLAUSE_WORDS or is_verb(following[0].text, lang):
        return False
    opening = following[0]
    if is_boundary(opening.text, lang) or opening.lower in _ADVERBS_BEFORE_VERBS:
        return False
    verb = first_verb(sentence, lang, following[0].end, end)
    if verb is None:
        return False
    if lang == "en" and not (
        opening.lower in _OPENING_DETERMINERS
        or opening.text[:1].isupper()
        or opening.text[0].isdigit()
        or _object_follows(sentence, verb, end)  # "and seawater flooded about 60 properties"
    ):
        return False
    subject = word_spans(sentence, following[0].start, verb.start)
    rest = word_spans(sentence, verb.end, end)
    if not 1 <= len(subject) <= 5 or len(rest) < 2 or "," in sentence[start : verb.start]:
        return False
    if any(
        w.lower in _RELATIVE_WORDS or is_boundary(w.text, lang) and w.lower not in ("of", "dari")
        for w in subject
    ):
        return False
    left_words = word_spans(sentence, current.start, start)
    if any(w.lower in _PAIRING for w in left_words[-4:]):
        return False  # "antara Astana dan Yerusalem": "dan" joins the pair
    if left_words and left_words[-1].text[:1].isupper() and opening.text[:1].isupper():
        return False  # "Pasar Hewan Ngemplak Kidul dan Pasar Hewan Kedung Sari": two names
    clause = sentence[current.start : start].rsplit(",", 1)[-1]
    if _RELATIVE_WORD_RE.search(clause):
        return False  # "warga yang hendak mengurus akta dan surat ...": inside its clause
    left_verbs = [
        w
        for w in left_words
        if is_verb(w.text, lang, initial=w.start == current.start)
        and w.lower not in _OPENING_CONNECTIVES
    ]
    if not left_verbs:
        return False
    figures = anchors_of(sentence[left_verbs[-1].end : start], lang, _FIGURES)
    if figures and opening.text[0].isdigit():
        return False  # "menampung 5.000 warga dan 300 ternak": a list of what it holds
    after = word_spans(sentence, left_verbs[-1].end, start)
    if len(after) < 2 or left_verbs[-1].lower in _SAYING:
        return False
    if len(after) <= 3 and not any(is_boundary(w.text, lang) for w in after):
        return False  # "hoped the pub and the hall would ...": the two may be one subject
    return not (
        lang == "en" and left_verbs[-1].lower in words.AUXILIARIES[lang] and len(left_verbs) == 1
    )


def _object_follows(sentence: str, verb, end: int) -> bool:
    """Whether an English verb is followed by a determiner or a figure (its object), so that
    a bare noun before it is its subject ("seawater flooded about 60 properties"), not a noun
    with a participle ("biscuits made by volunteers")."""
    after = word_spans(sentence, verb.end, end)[:1]
    return bool(after) and (
        after[0].lower in _OPENING_DETERMINERS
        or after[0].text[0].isdigit()
        or after[0].lower in ("about", "around", "nearly", "almost", "roughly", "some")
    )


# One to three capitalised words at the start, then a space.
_NAME_THEN_REST = re.compile(r"(?:[A-Z][\w&'’-]*\s+){1,3}")
_PASSIVE_FORMS = frozenset(("di", "ter"))
_ACTIVE_FORMS = frozenset(("me", "ber"))


_INCLUSIONS = frozenset(("including", "termasuk", "dengan", "with"))
_INCLUDED_RELATIVE_RE = re.compile(r"\b(?:yang|that|which|who)\b", re.I)


def _included_clause(piece: str, lang: str) -> int | None:
    """Where the noun starts when ``piece`` (after a comma) is "including/termasuk/dengan/
    with" + a noun phrase of at most six words + a relative clause with its verb ("dengan
    dapur umum yang menyiapkan 9.000 porsi makanan", "including a site that Cirrus Cloud is
    building"): the relative clause says a fact of the noun. None otherwise ("dengan
    anggaran Rp 5 miliar", "including Bahrain and Morocco")."""
    spans = word_spans(piece)
    if not spans or spans[0].lower not in _INCLUSIONS:
        return None
    relative = _INCLUDED_RELATIVE_RE.search(piece, spans[0].end)
    if relative is None:
        return None
    noun = word_spans(piece, spans[0].end, relative.start())
    if not 1 <= len(noun) <= 6 or first_verb(piece, lang, noun[0].start, relative.start()):
        return None
    if first_verb(piece, lang, relative.end()) is None:
        return None
    return noun[0].start


def _subordinate(piece: str, lang: str) -> bool:
    """Whether ``piece`` (a subordinator and what follows) is a clause with its own subject:
    the words after the subordinator do not open with a verb, and a verb follows within
    eight words ("after the regional grid operator warned ...", "karena peringatan dini
    sudah dikeluarkan ..."), not "setelah digigit" or "after two years of talks"."""
    rest = piece.split(None, 1)[1] if len(piece.split()) > 1 else ""
    spans = word_spans(rest)
    if len(spans) < MIN_CLAUSE_WORDS or is_verb_start(rest, lang):
        return False
    verb = first_verb(rest, lang, 0, spans[min(len(spans), 9) - 1].end)
    return verb is not None and verb.start > 0


def _inside_quote(sentence: str, at: int) -> bool:
    """Whether position ``at`` of ``sentence`` is inside quotation marks."""
    return any(m.start() < at < m.end() for m in QUOTE_RE.finditer(sentence))


def _marked(text: str) -> bool:
    """Whether ``text`` holds an opinion marker or a hedge outside quotes, a forecast of what
    may happen, or what someone suspects or disagrees with."""
    unquoted = QUOTE_RE.sub(lambda m: " " * len(m.group()), text)
    if words.marker_regex()[0].search(unquoted) or words.suspicion(text):
        return True
    return words.forecast_modal(unquoted) is not None


def _verb_form(word: str, lang: str) -> str:
    """The shape of a verb: an Indonesian verb's prefix ("me", "di", "ber", "ter"), an English
    verb's past, regular "-ed" or irregular ("bought": "ed" too), else "bare" (a listed
    verb)."""
    lower = word.lower()
    if lang == "id":
        prefix = re.match(r"(?:me|ber|di|ter)", lower)
        return prefix.group() if prefix else "bare"
    return "ed" if lower.endswith("ed") or lower in _IRREGULAR_PAST else "bare"


# Quantifier pronouns that open what is said of a share of a group just counted ("11
# penumpang, sebagian besar pelajar", "120 courses, most of them in languages").
_PARTITIVE_RE = re.compile(
    r"\s*(?:sebagian(?:\s+(?:besar|kecil))?|semuanya|seluruhnya|kebanyakan"
    r"|(?:most|all|some|none|the\s+last|the\s+first|the\s+rest)\s+of\s+(?:them|whom))\b",
    re.I,
)
_SOURCE_WORDS = frozenset(("according", "menurut", "kata", "ujar", "said", "says", "based"))
# A change from an earlier value of the same measure ("9,8 persen, turun dari 10,6 persen", "68.3
# percent, up from 59.1 percent"): one fact with the figure before it, unless the earlier
# value is dated and no share (``dated_change``).
_CHANGE_WORDS = frozenset(
    ("up", "down", "naik", "turun", "compared", "dibanding", "dibandingkan", "from")
)


def figure_aside(piece: str, lang: str) -> bool:
    """Whether a piece after a comma is a figure phrase said of the clause before it: no
    verb (a participle after a determiner, "an estimated cost", is an adjective), and a
    figure among its first three words, or among its first six after a preposition or an
    approximator that opens it ("dua kali lipat dari periode yang sama", "dengan tingkat
    kredit macet 3,1 persen", "at an estimated cost of 27 million pounds"). A date's digits
    ("pada Senin (9/2)") are no figure, and a piece that gives a date before its figure is a
    time phrase ("pada hari itu (21/1) pukul 13.21"). A fact of its own, whose claim text is
    the clause before with it (factcheck.articles.standalone). What it
    cannot do: a figure that only restates the one before ("about 410 megawatts, or 12
    percent of demand") is split too; a change from an earlier value ("turun dari 10,6
    persen", "up from 59.1 percent") stays with its figure, though some writers count it as
    a fact of its own, unless it names the earlier value's time (``dated_change``); a piece
    whose verb the verb test misses ("his budget assumes ...") may read as verbless, hence
    the figure's place; a fraction in words ("a third") is no
    figure to the recogniser; a superlative without a figure ("its highest level in three
    years") stays with its clause."""
    words_ = piece.split()
    if partitive_aside(piece, lang):
        return True  # ", sebagian besar pelajar dan pedagang sayur": a share of the counted
    if _first_word(piece) in _CHANGE_WORDS and len(words_) >= MIN_CLAUSE_WORDS:
        return dated_change(piece, lang)  # "naik dari 29 kejadian pada 2025"
    if len(words_) < MIN_CLAUSE_WORDS or _first_word(piece) in _SOURCE_WORDS | _CHANGE_WORDS:
        return False
    if not piece.lstrip()[:1].islower() or _predicate(piece, lang) is not None:
        return False
    kinds = ("number", "percent", "money", "quantity")
    times = [a.span for a in anchors_of(piece, lang, _TIME_KINDS)]
    figures = [  # "pada Senin (9/2)": a date's digits are no figure
        a.start
        for a in anchors_of(piece, lang, kinds)
        if a.kind != "year" and not overlaps(a.span, times)
    ]
    if not figures or any(start < min(figures) for start, _ in times):
        return False  # "pada hari itu (21/1) pukul 13.21 WIB": a time phrase
    first = _first_word(piece)
    lead = first in words.FIGURE_LEADS or is_boundary(first, lang)
    opening = len(piece[: min(figures)].split())
    return opening < 3 or (lead and opening < 6)


_EN_ASIDE_OPENERS = frozenset(("a", "an", "the", "its", "their", "his", "her"))
_ID_NOT_ASIDE = frozenset(
    (*words.AUXILIARIES["id"], *words.DEMONSTRATIVES_AFTER, *words.PRONOUNS["id"], "yang")
)


def noun_aside(piece: str, lang: str) -> bool:
    """Whether a piece after a comma (up to the next comma) is a noun phrase said of what
    the clause before it names, with no verb in its first three words: in English one that
    opens with an article or a possessive (", the village's last pub", ", a record for the
    artist", ", its highest figure since 2019", ", a measure that will cover ..."), in
    Indonesian a lower-case noun or an approximator ("kiriman pemerintah provinsi",
    "sentra telur yang memasok ...", "sekitar 2 kilometer dari permukiman terdekat"), with
    no verb before a relative word. What
    the writer adds about a noun or a figure in passing: a fact of its own, whose claim text
    is the clause before with it (factcheck.articles.standalone). What it cannot do: tell
    which noun before it the aside is about, or an aside from an adverbial noun phrase
    (", the same day"); an Indonesian noun it takes for a verb ("terpal") hides the aside,
    and an English description with a relative clause but no relative word ("the biggest
    penalty the regulator has imposed") reads as a clause; an Indonesian aside after a
    time ("mulai Juli 2027, awal semester ganjil") is taken for the time again."""
    first = _BETWEEN_COMMAS_RE.match(piece.lstrip())
    text = first.group() if first else ""
    spans = word_spans(text)
    if len(spans) < MIN_CLAUSE_WORDS or _speech_tag(text) or not text[:1].islower():
        return False
    opener = spans[0].lower
    if opener in _SOURCE_WORDS | _CHANGE_WORDS | _SUBORDINATORS | _INCLUSIONS:
        return False
    if lang == "en":
        if opener not in _EN_ASIDE_OPENERS or spans[1].lower in ("same", "next", "following"):
            return False
    elif (
        opener in _ID_NOT_ASIDE
        or (is_boundary(opener, lang) and opener not in words.FIGURE_LEADS)
        or opener in words.LEADING_CONNECTIVES
        or opener in _RESULTS
        or "-" in opener
    ):
        return False
    relative = _RELATIVE_WORD_RE.search(text)
    if first_verb(text, lang, 0, relative.start() if relative else len(text)) is not None:
        return False  # "his ministry's own budget assumes ...": a clause, not an aside
    if relative:
        # "air ... yang miskin oksigen naik ke permukaan": a verb that does not open the
        # relative clause is the main clause's, so the piece is a clause, not an aside
        inner = word_spans(text, relative.end())
        while inner and inner[0].lower in _ADVERBS_BEFORE_VERBS:
            inner = inner[1:]
        verb = first_verb(text, lang, relative.end())
        if verb is not None and (not inner or verb.start != inner[0].start):
            return False
    return not anchors_of(text, lang, _TIME_KINDS) or bool(
        anchors_of(text, lang, ("number", "percent", "money", "quantity")) or lang == "en"
    )


_BREAKDOWN_RE = re.compile(rf"(?:{alternation(words.BREAKDOWN_OPENERS)})\s", re.I)


def _breakdown(piece: str, lang: str) -> bool:
    """Whether a piece after a comma breaks the figure before it down into parts, with a
    figure of its own (", terdiri atas Rp 17,5 juta untuk bahan bangunan dan Rp 2,5 juta
    untuk upah tukang", ", made up of 30 million pounds in grants and ..."): the total and
    its breakdown are two claims, the breakdown written with the clause it breaks down.
    A list that is one fact stays in it whole."""
    m = _BREAKDOWN_RE.match(piece.lstrip())
    return m is not None and _has_figure(piece, lang)


def _final_noun_aside(sentence: str, start: int, lang: str) -> bool:
    """Whether a ``noun_aside`` opens at ``start`` and closes the sentence, or is followed
    only by who said it (", police said", ", according to the firm"), by a clause set
    against it (", while ...") or by a relative clause on it (", which closed in ...")."""
    if not noun_aside(sentence[start:], lang):
        return False
    rest = _BETWEEN_COMMAS_RE.match(sentence, start)
    after = sentence[rest.end() :].strip(" ,.;:") if rest else ""
    if not after or _first_word(after) in words.CONTRAST_SPLITTERS or _RELATIVE_RE.match(after):
        return True  # "..., its highest figure since 2019, while ...": a clause apart follows
    return "," not in after and (_speech_tag(after) or _first_word(after) in _SOURCE_WORDS)


_EARLIER_RE = re.compile(
    rf"\b(?:{alternation([*words.RELATIVE_YEARS['id'], *words.RELATIVE_YEARS['en']])}"
    r"|earlier|ago|sebelumnya|silam)\b",
    re.I,
)


def partitive_aside(piece: str, lang: str) -> bool:
    """Whether a piece after a comma says something of a share of the group just counted,
    opening with a quantifier pronoun (``_PARTITIVE_RE``) and, if it has a verb, with that
    verb right after it (", sebagian besar pelajar dan pedagang sayur", ", sebagian besar
    berisi ikan ...", ", the last of them in June 2025"); a share with a noun and a verb of
    its own (", sebagian besar alat itu sudah kedaluwarsa") is a clause, left to the other
    rules. Its time is its own, not the clause's before it."""
    m = _PARTITIVE_RE.match(piece)
    if m is None or len(piece.split()) < MIN_CLAUSE_WORDS:
        return False
    rest = piece[m.end() :]
    return _predicate(rest, lang) is None or is_verb_start(rest, lang)


def own_time_aside(piece: str, lang: str) -> bool:
    """Whether a piece after a comma, written with the clause before it, has a time that is
    its own and not that clause's (a dated change, a share of the counted)."""
    return dated_change(piece, lang) or partitive_aside(piece, lang)


def dated_change(piece: str, lang: str) -> bool:
    """Whether ``piece`` is a change from an earlier value that names that value's own time
    ("naik dari 29 kejadian pada 2025", "down from 22.9 million pounds two years earlier",
    "compared with 12% in 2020"): the earlier figure at the earlier time, a fact of its own
    (its claim text carries the clause it is said of). An undated change ("turun dari 10,6
    persen") is no fact apart from its figure."""
    if _first_word(piece) not in _CHANGE_WORDS or len(piece.split()) < MIN_CLAUSE_WORDS:
        return False
    times = anchors_of(piece, lang, _TIME_KINDS)
    if not times and not _EARLIER_RE.search(piece):
        return False
    if anchors_of(piece, lang, ("percent",)):
        return False  # a share against an earlier share ("71%, up from 64% in 2019"): one trend
    return _has_figure(piece, lang)


_DETERMINERS = frozenset(("a", "an", "the", "its", "their", "his", "her", "our"))


def _predicate(piece: str, lang: str):
    """The first verb of ``piece`` that is no participle used as an adjective after a
    determiner ("an estimated cost", "the reported figure"), or None."""
    spans = word_spans(piece)
    for i, word in enumerate(spans):
        if is_verb(word.text, lang, initial=not i):
            if i and spans[i - 1].lower in _DETERMINERS and word.lower.endswith("ed"):
                continue
            return word
    return None


def _has_figure(text: str, lang: str) -> bool:
    kinds = ("number", "percent", "money", "quantity")
    return any(a.kind != "year" for a in anchors_of(text, lang, kinds))


def _relative(sentence: str, current: Unit, start: int, end: int, sep: str, lang: str) -> Unit:
    """A relative clause opening at ``start``: its noun is the phrase before the separator.

    When nothing before that noun in the current clause is a verb ("Pemerintahan Trump, yang
    ... , telah ..."), the noun moves into the relative clause's span and the main clause
    resumes after it; otherwise ("... dengan Israel, yang ...") the noun stays where it is.
    """
    relative = _RELATIVE_RE.match(sentence[start:end]).group().lower()
    relation = words.RELATIVES.get(relative, "subject")
    before = sentence[current.start : start].rstrip(" ,—")
    np_start, np_end = noun_phrase_before(sentence, current.start + len(before), lang)
    np_start, np_end = _restrictive(sentence, current.start, np_start, np_end, lang)
    np_start = _coordinated_names(sentence, current.start, np_start, np_end)
    if np_start >= np_end:
        return Unit(start, end, "relative", None, relation)
    # "—yang ...—" is an aside inside its clause, whatever comes before the noun
    if relation == "subject":
        np_start = _before_time(sentence, current.start, np_start, np_end, lang)
        np_start = _before_place(sentence, current.start, np_start, np_end, lang)
    # an aside (", the village's last pub, which closed ...") keeps its noun
    embedded = sep == "—" or (
        not current.aside
        and (
            first_verb(sentence, lang, current.start, np_start) is None
            or _said_of(sentence, current.start, np_start, lang)
        )
    )
    if embedded and relation in ("subject", "possessive") and current.role == "main":
        opener = (current.start, np_start) if np_start > current.start else None
        current.end = current.start  # the noun (and an opener) now belong to the relative
        return Unit(np_start, end, "relative", (np_start, np_end), relation, opener)
    return Unit(start, end, "relative", (np_start, np_end), relation)


def _said_of(sentence: str, floor: int, np_start: int, lang: str) -> bool:
    """Whether the noun at ``np_start`` opens what a verb of saying before it reports, with
    nothing but "bahwa"/"that" (and a time after the verb) between ("said last week that
    the three chains, which ...", "mengatakan program Desa Ramah Anak, yang ..."): the noun
    is the reported clause's subject, and the relative clause is embedded in that clause,
    which goes on after it."""
    between = word_spans(sentence, floor, np_start)
    verbs = [i for i, w in enumerate(between) if is_verb(w.text, lang, initial=w.start == 0)]
    if not verbs or between[verbs[-1]].lower not in _SAYING:
        return False
    after = between[verbs[-1] + 1 :]
    if after and after[-1].lower in _COMPLEMENTISERS:
        after = after[:-1]
    return not after or bool(anchors_of(" ".join(w.text for w in after), lang, _TIME_KINDS))


_JOINED_NAMES_RE = re.compile(rf"(?:{_ITEM},\s+)*{_ITEM},?\s+(?:dan|serta|and)\s+$")


def _coordinated_names(sentence: str, floor: int, start: int, end: int) -> int:
    """Where the noun of a relative clause starts when it is the last of names joined by
    "dan"/"and" ("di Kelurahan Pasir Putih dan Kelurahan Bandar Lama, yang ..."): the first
    of them, so the clause is said of all. A lower-case noun is left as it is."""
    if not sentence[start:end][:1].isupper():
        return start
    joined = _JOINED_NAMES_RE.search(sentence, floor, start)
    return joined.start() if joined and joined.end() == start else start


def _before_time(sentence: str, floor: int, start: int, end: int, lang: str) -> int:
    """Where the noun of a relative clause starts when the phrase before it is only a time
    ("heavy rains in March, which left ..."): the noun before the preposition, with it."""
    times = anchors_of(sentence[start:end], lang, _TIME_KINDS)
    if not times or times[0].start > 0 or times[-1].end < end - start:
        return start
    preposition = word_spans(sentence, floor, start)[-1:]
    if not preposition or not is_boundary(preposition[0].text, lang):
        return start
    noun_start, _ = noun_phrase_before(sentence, preposition[0].start, lang)
    return noun_start if floor <= noun_start < preposition[0].start else start


_LOCATIVES = frozenset(("di", "in", "at"))


def _before_place(sentence: str, floor: int, start: int, end: int, lang: str) -> int:
    """Where the noun of a relative clause starts when the phrase before it is a place name
    after a locative and a common noun ("pelabuhan rakyat di Pulau Sebira, yang tidak
    memiliki ...", "its factory in Halvorsen, which produced ..."): the common noun, with the
    place (what the clause says is most often the thing's, not the place's; the claim text
    names both either way). What it cannot do: tell when the place is meant ("pusat kota di
    Jakarta, yang berpenduduk 10 juta" becomes the centre's population); a name before the
    locative ("Desa Sukamaju di Kabupaten X, yang ...") is left alone, as is "di mana"."""
    place = sentence[start:end]
    if not all(w[:1].isupper() for w in place.split()):
        return start
    preposition = word_spans(sentence, floor, start)[-1:]
    if not preposition or preposition[0].lower not in _LOCATIVES:
        return start
    noun_start, noun_end = noun_phrase_before(sentence, preposition[0].start, lang)
    if not floor <= noun_start < noun_end or sentence[noun_end - 1 : noun_end] == ",":
        return start
    head = word_spans(sentence, noun_start, noun_end)[-1]
    return noun_start if head.text.islower() else start


def _restrictive(sentence: str, floor: int, start: int, end: int, lang: str) -> tuple[int, int]:
    """Extend a noun that ends inside a restrictive relative ("kesepakatan yang diprakarsai
    pada tahun 2020-2021") back to its head noun."""
    window = sentence[floor:start]
    m = None
    for m in re.finditer(r"\b(?:yang|that|which|who)\b", window):  # noqa: B007 (the last)
        continue
    if m is None or re.search(r"[,;—]", window[m.end() :]):
        return start, end
    head_start, head_end = noun_phrase_before(sentence, floor + m.start(), lang, max_words=4)
    return (head_start, end) if head_start < head_end else (start, end)


_CLOSED_RELATIVE_RE = re.compile(
    rf"(?P<noun>[^,;]+?)\s+yang\s+(?P<clause>[^,;]+?)\s+(?:{alternation(words.DEMONSTRATIVES_AFTER)})"
    r"\s+(?P<rest>\S)"
)


def _closed_relative(sentence: str, unit: Unit, lang: str) -> list[Unit]:
    """ "PLTU yang mulai beroperasi pada 2006 itu memasok ...": an Indonesian relative
    clause closed by a demonstrative, with no commas, carries a fact of its own when the
    clause after the demonstrative opens with its verb. Two units: the relative clause
    (without the demonstrative, which belongs to neither) and the main clause, the noun its
    subject. Anything else is returned as it is."""
    if lang != "id" or unit.role != "main" or unit.subject is not None:
        return [unit]
    m = _CLOSED_RELATIVE_RE.match(sentence, unit.start, unit.end)
    if m is None or len(m.group("noun").split()) > 4 or len(m.group("clause").split()) < 2:
        return [unit]
    noun = (m.start("noun"), m.end("noun"))
    rest = m.start("rest")
    if first_verb(sentence, lang, noun[0], noun[1]) is not None:
        return [unit]  # "Pemerintah menyalurkan bantuan yang ...": the noun is an object
    if first_verb(sentence, lang, m.start("clause"), m.end("clause")) is None:
        return [unit]
    if not is_verb_start(sentence[rest : unit.end], lang):
        return [unit]
    relative = Unit(noun[0], m.end("clause"), "relative", noun, "subject")
    return [relative, Unit(rest, unit.end, "main", noun)]


_BOUND_RELATIVE_RE = re.compile(r"(?<=\s)(?:yang|that|which)\s", re.I)
_RANKING = frozenset(words.SUPERLATIVES)
# Prepositions after which a relative clause defines who is meant ("bagi mahasiswa yang ...").
_DEFINING = frozenset(("bagi", "untuk", "kepada", "for"))


def _inner_figure(noun: str, lang: str) -> bool:
    """Whether a noun phrase holds a figure after its first word ("bawah dua hektare",
    "rata-rata 180 persen lewat peraturan bupati"): it is not one noun the clause is about;
    a count that opens it ("212 sumur bor") is the noun's own."""
    return any(a.start > 0 for a in anchors_of(noun, lang, _FIGURES))


def _dated_relative(sentence: str, unit: Unit, lang: str) -> list[Unit]:
    """ "Gunung Kapur memiliki 212 sumur bor yang dibangun sejak 2015", "spent 12 million
    pounds on a new business school that opened in January": a relative clause with no
    comma before it, on the object of the clause's verb, that opens with its own verb and
    names a time, tells a dated event of that noun: a fact of its own. Two units: the main
    clause up to the relative word, and the relative clause, the noun its subject. Left
    whole: a relative clause on the subject (no verb before it); a ranked noun ("negara
    pertama yang bergabung pada 2020", "the only school that ..."); a group defined by it
    after "bagi"/"for" ("berlaku bagi mahasiswa yang masuk pada 2027"); a noun phrase with a
    figure or brackets inside (``_inner_figure``: the noun is unclear); "that" opening a
    clause with its own subject ("announced that the city would ..."); a clause with no
    time, or with a comma in it; quotes and brackets."""
    if unit.role != "main":
        return [unit]
    for m in _BOUND_RELATIVE_RE.finditer(sentence, unit.start, unit.end):
        at = m.start()
        before = sentence[unit.start : at]
        if _inside_quote(sentence, at) or before.count("(") > before.count(")"):
            continue
        verb = first_verb(sentence, lang, unit.start, at)
        clause = sentence[m.end() : unit.end]
        if verb is None or "," in sentence[verb.end : at] or "," in clause:
            continue
        noun = noun_phrase_before(sentence, at, lang)
        if noun[0] >= noun[1] or noun[0] < verb.end:
            continue
        nouns = word_spans(sentence, noun[0], noun[1])
        previous = word_spans(sentence, verb.start, noun[0])[-1:]
        if any(w.lower in _RANKING for w in nouns) or (
            previous
            and (previous[0].lower in _DEFINING or previous[0].lower in words.AUXILIARIES[lang])
        ):
            continue
        if len(clause.split()) < 2 or len(before.split()) < MIN_CLAUSE_WORDS:
            continue
        if "(" in sentence[noun[0] : noun[1]] or _inner_figure(sentence[noun[0] : noun[1]], lang):
            continue  # "di bawah dua hektare yang ...": a measure inside a longer noun phrase
        if not is_verb_start(clause, lang) or not _own_time(clause, lang):
            continue
        main = Unit(unit.start, at, unit.role, unit.subject, unit.relation, unit.opener)
        return [main, Unit(at, unit.end, "relative", noun, "subject")]
    return [unit]


def _after_place_relative(sentence: str, units: list[Unit], right: str, lang: str) -> bool:
    """Whether ``right`` (after a comma) is the main clause's predicate going on after a
    relative clause of place or time on the sentence's first noun phrase ("Rowbridge
    Primary School, where Mr Tulloch works, has 420 pupils"): the unit before the relative
    clause is that noun alone, with no verb, and ``right`` opens with a verb. What it
    cannot do: a relative clause whose verb it does not know ("where Mr Tulloch works") is
    taken to go on past the comma, and the predicate stays in it."""
    if len(units) < 2:
        return False
    current, before = units[-1], units[-2]
    if current.role != "relative" or current.relation not in ("place", "time"):
        return False
    if not current.subject or before.role != "main" or before.start != current.subject[0]:
        return False
    if first_verb(sentence, lang, before.start, before.end) is not None:
        return False
    return is_verb_start(right, lang)


def _resumed(current: Unit, start: int, end: int) -> Unit:
    """The main clause going on after an embedded relative clause or apposition, with the
    noun that was cut off as its subject (and the preposition before it, if any)."""
    return Unit(start, end, "main", current.subject, "subject", current.opener)


# The pieces between commas; a comma between digits ("23,000", "3,1 juta") is inside a figure.
_BETWEEN_COMMAS_RE = re.compile(r"(?:[^,]|(?<=\d),(?=\d))+")


def _appositions(sentence: str, units: list[Unit], lang: str) -> list[Unit]:
    """ "Lucia Moreno, a former finance minister, won ...": the first clause opens with two
    (or three: "The party's leader, Ines Halvorsen, a former teacher, is ...") noun phrases
    set off by commas before its verb; they become an apposition unit and the clause resumes
    at the verb, with the name as its subject. A later clause that opens with a subject of
    its own ("..., while its parent company, Merrow Utilities, paid ...") is read the same
    way."""
    out: list[Unit] = []
    for i, unit in enumerate(units):
        later = i > 0 and unit.subject is None and not unit.aside
        if later and _first_word(_LEADING_RE.sub("", sentence[unit.start : unit.end])) in (
            _POINTING
        ):
            later = False  # "while its parent company, X, ...": whose, the clause cannot tell
        out += _apposition_in(sentence, unit, lang) if i == 0 or later else [unit]
    return out


_POINTING = frozenset(
    (*words.DEMONSTRATIVES_BEFORE, *(w for p in words.POSSESSIVES.values() for w in p))
) - {"the"}


def _apposition_in(sentence: str, first: Unit, lang: str) -> list[Unit]:
    """``first`` as an apposition unit and its clause resumed at the verb, or as it is."""
    units = [first]
    if first.role != "main":
        return units
    lead = _LEADING_RE.match(sentence[first.start : first.end])
    if lead and lead.end():  # "while its parent company, Merrow Utilities, paid ..."
        first = Unit(first.start + lead.end(), first.end)
        units = [first]
    text = sentence[first.start : first.end]
    parts = [m.span() for m in _BETWEEN_COMMAS_RE.finditer(text)]
    opener = None
    if parts and first_verb(text, lang, 0, parts[0][1]) is not None:
        # "She said the club's owners, the US-based Harbor Ridge Group, had agreed ...":
        # the noun phrases are what a verb of saying reports; the speaker opens the clause
        said = _reported_subject(sentence, first.start, first.start + parts[0][1], lang)
        if said is None:
            return units
        opener = (first.start, said)
        parts[0] = (said - first.start, parts[0][1])
    for count in (2, 3):
        if len(parts) <= count or LIST_RE.search(text):
            return units
        if _PROTECTED_RE.search(text[: parts[count][0]]):
            return units
        spans = [(first.start + s + bool(i), first.start + e) for i, (s, e) in enumerate(parts)]
        found = _apposition_at(sentence, spans[:count], spans[count][0], lang)
        if found is not None:
            name, verb = found
            apposition = Unit(spans[0][0], spans[count - 1][1], "apposition", name)
            return [apposition, Unit(verb, first.end, "main", name, opener=opener)]
    return units


def _reported_subject(sentence: str, start: int, end: int, lang: str) -> int | None:
    """Where the noun phrase after a verb of saying (and "bahwa"/"that") starts when
    ``sentence[start:end]`` is a speaker, that verb and that noun phrase only ("She said
    the club's owners"); else None."""
    spans = word_spans(sentence, start, end)
    verbs = [i for i, w in enumerate(spans) if is_verb(w.text, lang, initial=w.start == 0)]
    if len(verbs) != 1 or spans[verbs[0]].lower not in _SAYING:
        return None
    rest = spans[verbs[0] + 1 :]
    if rest and rest[0].lower in _COMPLEMENTISERS:
        rest = rest[1:]
    if not 1 <= len(rest) <= MAX_APPOSITION_WORDS or verbs[0] == 0:
        return None
    return rest[0].start


def _apposition_at(
    sentence: str, phrases: list[tuple[int, int]], rest: int, lang: str
) -> tuple[tuple[int, int], int] | None:
    """(the name's span, where the verb starts) when ``phrases`` are noun phrases in
    apposition and the clause goes on with its verb at ``rest``; else None."""
    verb = first_verb(sentence, lang, rest)
    texts = [sentence[s:e] for s, e in phrases]
    if (
        verb is None
        or word_spans(sentence, rest, verb.end)[0].start != verb.start
        or any(
            _verb_outside_relative(sentence, s, e, lang)
            and not passive_description(sentence[s:e], lang)
            for s, e in phrases[1:]
        )
        or _verb_outside_relative(sentence, *phrases[0], lang)
        or any(len(_before_relative(t).split()) > MAX_APPOSITION_WORDS for t in texts)
        or not all(t.strip() for t in texts)
        or not any(_named(t) for t in texts)
        or any(_first_word(t) in words.LEADING_CONNECTIVES for t in texts)
        or any(_first_word(t) in _SOURCE_OPENERS for t in texts)  # ", menurut wali kota,"
        or any(_speech_tag(t) for t in texts)  # ", kata dia,", ", katanya,", ", he said,"
        or is_boundary(_first_word(texts[0]), lang)
        or any(_participle_phrase(t, lang) and not passive_description(t, lang) for t in texts)
    ):
        return None
    a, b = phrases[0], phrases[1]
    opener = _first_word(texts[0])
    pointing = opener in words.DEMONSTRATIVES_BEFORE or any(
        opener in p for p in words.POSSESSIVES.values()
    )  # "Its leader, outgoing premier Carla Duarte,": the name is the second
    if opener == "the" and _titled(texts[0].strip()[4:]):
        pointing = False  # "The Data Centre Alliance, an industry group,": "the" opens a name
    first_named = sentence[a[0]].isupper() and not _titled(texts[1]) and not pointing
    if len(phrases) == 3 and not _titled(texts[1]):
        return None  # of three, the name is the one in the middle
    if len(phrases) == 2 and passive_description(texts[1], lang):
        return a, verb.start  # "The suspension bridge, opened in 1968,": said of the first
    if len(phrases) == 2 and _first_word(texts[1]) in _INDEFINITES:
        # "The gallery, a charity that receives no council funding,": an indefinite
        # description says what the first is; the first is the subject, pointing or not
        return a, verb.start
    return (a if first_named and len(phrases) == 2 else b), verb.start


def _named(text: str) -> bool:
    """Whether a noun phrase opens with a capital, or with a determiner before a name ("the
    US-based Harbor Ridge Group")."""
    spans = word_spans(text)
    if not spans:
        return False
    if spans[0].text[:1].isupper():
        return True
    return spans[0].lower in _DETERMINERS and any(w.text[:1].isupper() for w in spans[1:])


def _before_relative(text: str) -> str:
    """``text`` up to its first relative word: a description's noun phrase without the
    relative clause that may follow it."""
    relative = _INCLUDED_RELATIVE_RE.search(text)
    return text[: relative.start()] if relative else text


def _verb_outside_relative(sentence: str, start: int, end: int, lang: str) -> bool:
    """Whether ``sentence[start:end]`` has a verb before any relative word: a clause, not a
    noun phrase. A description with a relative clause of its own ("a care home in Thornwick
    that has looked after older people for 34 years", "petani di Desa Hatu Lima yang
    memiliki 300 pohon") is a noun phrase still."""
    verb = first_verb(sentence, lang, start, end)
    if verb is None:
        return False
    return _INCLUDED_RELATIVE_RE.search(sentence, start, verb.start) is None


def passive_description(text: str, lang: str) -> bool:
    """Whether a piece set off by commas is an English past participle with its complement
    ("founded in 1994 as a charter operator", "opened in 1968", "sent to about 11,000
    patients last week"): what was done to the noun before it, a fact of its own, written
    "<noun> was <piece>" (factcheck.articles.standalone). What it cannot do: a participle
    that is no "-ed"/"-en" form nor a listed irregular past ("sent" is; "cut" reads as one
    too) is left to ``_participle_phrase``."""
    spans = word_spans(text)
    if lang != "en" or len(spans) < 2 or not spans[0].text.islower():
        return False
    first = spans[0].lower
    return first.endswith(("ed", "en")) or first in _IRREGULAR_PAST or first == "sent"


def _participle_phrase(text: str, lang: str) -> bool:
    """Whether a piece set off by commas opens with a lower-case word and then a preposition
    other than "of" ("sent to about 11,000 patients", "founded in 1994"): in English, a
    participle or an adjective with its complement, said of the noun before it, not a noun
    phrase in apposition (it cannot be written "X is sent to ...")."""
    spans = word_spans(text)
    return (
        lang == "en"  # an Indonesian bare noun opens an apposition ("peternak yang ...")
        and len(spans) >= 2
        and spans[1].lower != "of"  # "leader of the Liberal Democrat group": a noun
        and spans[0].text.islower()
        and spans[0].lower not in _DETERMINERS
        and not is_boundary(spans[0].text, lang)
        and is_boundary(spans[1].text, lang)
    )


# The first words of an attribution set off by commas ("Langkah ini, menurut wali kota,
# diperkirakan ..."): an aside, not a noun phrase in apposition.
_SOURCE_OPENERS = frozenset(p.split()[0] for p in words.SOURCE_PREPOSITIONS)
# Indefinite articles and classifiers that open a description, never a name.
_INDEFINITES = frozenset(("a", "an", "seorang", "sebuah", "salah"))


def _titled(text: str) -> bool:
    """Whether a noun phrase is a bare name (every word capitalised)."""
    return all(w[:1].isupper() for w in text.split())


def _speech_tag(text: str) -> bool:
    """Whether a piece set off by commas is a speech tag said in passing ("kata dia",
    "katanya", "he said", "said the mayor"): an aside, not a noun phrase in apposition."""
    found = re.findall(r"[\w-]+", text.lower())
    return bool(found) and (found[0] in words.SPEECH_TAGS or found[-1] in words.SPEECH_TAGS)


def _first_word(text: str) -> str:
    m = re.match(r"\s*([\w-]+)", text)
    return m.group(1).lower() if m else ""


def _trim(sentence: str, unit: Unit) -> Unit | None:
    """Drop leading connectives and trailing punctuation; None if too short."""
    start, end = unit.start, unit.end
    text = sentence[start:end]
    lead = _LEADING_RE.match(text)
    if lead and len(text) > lead.end() and unit.role == "main":
        start += lead.end()
    text = sentence[start:end].rstrip(" \t.,;:—–")
    if text.count("“") > text.count("”") or text.count('"') % 2:
        text = sentence[start:end].rstrip(" \t.;:—–")  # keep a closing quote's comma inside
    end = start + len(text)
    if len(text.split()) < MIN_CLAUSE_WORDS:
        return None
    unit.start, unit.end = start, end
    return unit


# Adverbs of degree and of time that may stand before a verb ("still hoped", "dan terakhir
# diperbaiki pada 2015", "dan kini hanya ditutup terpal", "and then sold").
_ADVERBS_BEFORE_VERBS = frozenset(
    """still also only just then later now masih juga hanya kini sekarang terakhir kemudian
    lalu""".split()
)


def is_verb_start(text: str, lang: str) -> bool:
    """Whether ``text`` opens with its verb, perhaps after an adverb ("still hoped"): a
    clause whose subject was left behind."""
    spans = word_spans(text)
    while spans and spans[0].lower in _ADVERBS_BEFORE_VERBS:
        spans = spans[1:]
    return bool(spans) and is_verb(spans[0].text, lang, initial=True)
