"""Shallow syntax for Indonesian and English news sentences: which words are verbs, where a
clause's subject is, the noun phrase before a comma, and the pronoun or demonstrative a clause
opens with.

In: a clause or sentence (text) and its language ("id", "en"). Out: character spans.
Extraction (factcheck.articles) uses these to split sentences and to make claim texts stand
alone. The words come from factcheck.language.markers.

What it cannot do: there is no parser or tagger behind it. A verb is recognised by its shape
(Indonesian me-/ber-/di-/ter- affixes, English "-ed") or from short tables (auxiliaries,
irregular and bare verbs), so an unlisted bare verb ("rose" is listed, "soared" is caught by
"-ed", "surge" is not) leaves the subject running on, and a noun shaped like a verb ("desa",
"direktur" are listed, others are not) ends it early. Noun phrases end at commas, verbs and
prepositions, so a phrase with a preposition inside ("the price of rice") is cut at it unless
both sides are capitalised ("Ministry of Finance").
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from factcheck.language import markers
from factcheck.language.vocabulary import MONTHS, STOPWORDS, WEEKDAYS, indonesian_roots

_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")
_ID_VERB_SHAPE = re.compile(r"(?:mem|men|meng|meny|me|ber|di|ter)[a-z]{3,}")
# English: regular past tenses and participles ("opened", "vetoed"), not "red" or "need".
_EN_VERB_SHAPE = re.compile(r"[a-z]{3,}ed")
# Words a noun phrase never runs past, besides verbs and punctuation: prepositions and
# conjunctions (a phrase may still hold "of"/"for" between capitalised words).
_BOUNDARIES = {
    "id": frozenset(
        """dengan dari di ke untuk oleh bagi pada dalam antara terhadap dan atau serta bahwa
        karena sejak hingga selama sebagai kepada menurut sementara sedangkan tetapi namun
        padahal meskipun walaupun jika agar yang tanpa dekat""".split()
    ),
    "en": frozenset(
        """of in on at near for with without by from to and or but that as since during about
        into over after before while whereas although though because if than which who whom whose
        where when""".split()
    ),
}
_CONNECTORS_IN_NAMES = frozenset(("of", "for"))
_FIGURE_LEAD = re.compile(
    rf"\b({'|'.join(markers.FIGURE_LEADS)})\s+(?:Rp\.?\s?|US\$|\$|€|£)?\d", re.IGNORECASE
)


class Word(NamedTuple):
    """A word of a text and its span. (A tuple: extraction makes some 20,000 for a 1,000-word
    article, and a frozen dataclass took 4 times as long to make.)"""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """The words of ``text[start:end]`` with spans into ``text``."""
    end = len(text) if end is None else end
    return [Word(m.group(), m.start(), m.end()) for m in _WORD.finditer(text, start, end)]


@cache
def _tables(lang: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    aux = frozenset(markers.AUXILIARIES.get(lang, markers.AUXILIARIES["en"]))
    bare = frozenset(markers.BARE_VERBS.get(lang, markers.BARE_VERBS["en"]))
    bare |= frozenset(v for v in markers.REPORTING_VERBS if " " not in v)
    never = frozenset(markers.NOT_VERBS) | frozenset(markers.SUPERLATIVES)
    return aux, bare, never


def is_verb(word: str, lang: str, *, initial: bool = False) -> bool:
    """Whether ``word`` is a verb, auxiliary or copula (a predicate starts here).

    Capitalised words are names, not verbs, unless the word opens the sentence (``initial``).
    """
    if not word or (word[0].isupper() and not initial) or word.isupper():
        return False
    lower = word.lower()
    aux, bare, never = _tables(lang)
    if lower in aux or lower in bare:
        return True
    if lower in never or "-" in lower:
        return False
    if lang == "id":
        if not _ID_VERB_SHAPE.fullmatch(lower) or len(lower) < 6:
            return False
        # a root word of that shape ("berita", "dispensasi", "terpal"), or one with "-nya"
        # ("dirinya"), is no prefix on another root
        roots = indonesian_roots()
        return lower not in roots and not (lower.endswith("nya") and lower[:-3] in roots)
    return bool(_EN_VERB_SHAPE.fullmatch(lower))


def first_verb(text: str, lang: str, start: int = 0, end: int | None = None) -> Word | None:
    """The first verb-like word of ``text[start:end]``, or None. In English a present "-s"
    form is read from where it stands (``_present_s``): "The plant employs about 650"."""
    end = len(text) if end is None else end
    previous = None
    for i, m in enumerate(_WORD.finditer(text, start, end)):  # stops at the first verb
        if is_verb(m.group(), lang, initial=(i == 0 and start == 0)):
            return Word(m.group(), m.start(), m.end())
        if lang == "en" and previous is not None and _present_s(previous, m, text):
            return Word(m.group(), m.start(), m.end())
        previous = m.group()
    return None


# What may follow an English present "-s" verb and hardly a plural noun: a determiner, a
# number, or an approximator or comparison ("employs about 650", "remains below that").
_AFTER_PRESENT_S = frozenset(
    """the a an its their his her that this these those about around nearly almost roughly
    below above""".split()
)


def _present_s(previous: str, word: re.Match, text: str) -> bool:
    """Whether an English word ending in "-s" after a noun is a present verb, by what follows
    it: "The plant employs about 650 people", "minimum wage remains below", "The foundation
    puts that wage", not "Food prices in the region". What it cannot do: a plural noun
    before a determiner ("the lanes the mayor vetoed") reads as a verb."""
    form = word.group()
    if not re.fullmatch(r"[a-z]{3,}(?<![su'])s", form) or form.endswith("ss"):
        return False
    lower = previous.lower()
    if lower in _DETERMINERS_EN or (stopword(lower, "en") and lower not in ("which", "who")):
        return False  # "the rates", "of tins"; a relative pronoun may stand before its verb
    following = _WORD.search(text, word.end())  # past the span asked about, if need be
    if following is None or text[word.end() : following.start()].strip():
        return False
    after = following.group().lower()
    return after in _AFTER_PRESENT_S or after[:1].isdigit()


_DETERMINERS_EN = frozenset(("the", "a", "an", "its", "their", "his", "her", "this", "that"))


def is_boundary(word: str, lang: str) -> bool:
    """Whether a noun phrase stops at ``word`` (a preposition or a conjunction)."""
    return word.lower() in _BOUNDARIES.get(lang, _BOUNDARIES["en"])


def noun_phrase_before(text: str, pos: int, lang: str, max_words: int = 8) -> tuple[int, int]:
    """The noun phrase ending just before ``pos`` (white space and a comma skipped):
    (start, end) in ``text``, empty (pos, pos) when there is none.

    It runs back to a punctuation mark, a verb, a preposition or a conjunction; an English
    determiner ("the", "a") is taken in and ends it; "of"/"for" between capitals stays in.
    """
    end = len(text[:pos].rstrip(" ,\u00a0"))
    words = word_spans(text, 0, end)
    start = end
    taken = 0
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        gap = text[word.end : (words[i + 1].start if i + 1 < len(words) else end)]
        if word.lower.endswith("s") and gap[:1] in ("'", "’"):
            gap = gap[1:]  # a plural possessive inside a name: "Kestrel Teachers' Federation"
        if taken and (set(gap) - {" ", "\u00a0"}) - set("()"):
            break  # punctuation between words ends the phrase
        lower = word.lower
        if lower in _CONNECTORS_IN_NAMES and taken and i and words[i - 1].text[0].isupper():
            start, taken = word.start, taken + 1
            continue
        if is_boundary(lower, lang) or is_verb(word.text, lang, initial=(word.start == 0)):
            break
        if lang == "en" and _gerund_with_object(words, i):
            break  # "spent on refurbishing County Hall": the hall, not the refurbishing
        start, taken = word.start, taken + 1
        if lang == "en" and lower in ("the", "a", "an"):
            break
        if taken >= max_words:
            break
    if start < end and text[start:end].isdigit():
        # "Margaret Lowe, 78, who ...", "Suparmi (54), yang ...": an age after a person's
        # name; the phrase is the name
        named = _NAME_BEFORE_AGE.search(text, 0, start)
        if named:
            return named.span(1)
    return (start, end) if start < end else (pos, pos)


_NAME_BEFORE_AGE = re.compile(r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)(?:,\s*|\s*\()$")


def _gerund_with_object(words: list[Word], i: int) -> bool:
    """Whether English ``words[i]`` is an "-ing" verb after a preposition with its object
    after it, a name or a determiner ("on refurbishing County Hall", "for fixing the
    roads"): a verb, not the first word of the noun phrase. "on building sites" (a noun
    after it in lower case) is a noun phrase and stays whole."""
    word = words[i].lower
    if not word.endswith("ing") or len(word) < 6 or not i or i + 1 >= len(words):
        return False
    after = words[i + 1].text
    if not (after[:1].isupper() or after.lower() in ("the", "a", "an", "its", "their")):
        return False
    return is_boundary(words[i - 1].lower, "en")


def skip_opening(text: str, lang: str) -> int:
    """Where a clause's subject may start: after an opening adverbial that ends in a comma
    ("Pada 6 November 2025, ", "In March, ", "Menurut BPS, "), else 0."""
    opening = _WORD.search(text)  # the first word only
    if opening is None:
        return 0
    comma = text.find(",")
    if comma == -1 or len(text[:comma].split()) > 8:
        return 0
    first = opening.group().lower()
    opens = is_boundary(first, lang) or first in markers.LEADING_CONNECTIVES
    opens = opens or first in ("pada", "in", "on", "at", "after", "before", "last", "this")
    if not opens or first_verb(text, lang, 0, comma) is not None:
        return 0
    return comma + 1 + (len(text[comma + 1 :]) - len(text[comma + 1 :].lstrip()))


@lru_cache(maxsize=4096)  # a clause's subject is asked for again when it is remembered
def subject_span(text: str, lang: str, max_words: int = 12) -> tuple[int, int] | None:
    """The subject of a clause: the words before its first verb, after an opening adverbial
    (``skip_opening``); None when the clause opens with its verb or no verb is found."""
    start = skip_opening(text, lang)
    figure = _FIGURE_LEAD.search(text, start)
    verb = first_verb(text, lang, start, figure.start() if figure else None)
    if verb is None and figure is not None:  # "persentase penduduk miskin sebesar 9,8 persen"
        verb = Word(figure.group(1), figure.start(), figure.start() + len(figure.group(1)))
    # "Pengadilan Agama (PA) Waru Gading menerima ...": a name's acronym in brackets is no aside
    before = without_acronyms(text[start : verb.start]) if verb else ""
    if verb is None or any(c in before for c in ",;:—–("):
        return None  # no verb, or a relative clause or an aside before it
    words = word_spans(text, start, verb.start)
    # "secara resmi", "recently": adverbs between the subject and its verb are not the subject
    while words and (words[-1].lower in markers.SPEECH_ADVERBS or words[-1].lower == "secara"):
        words.pop()
    if len(words) >= 2 and words[-2].lower == "secara":
        words = words[:-2]
    words = _without_trailing_time(words, lang)
    if not words or len(words) > max_words:
        return None
    if any(is_boundary(w.lower, lang) for w in words[:1]):
        return None
    end = words[-1].end
    if text[end : end + 1] == ")" and text.count("(", words[0].start, end) > text.count(
        ")", words[0].start, end
    ):
        end += 1  # "Badan Pusat Statistik (BPS)": the bracket closed
    return words[0].start, end


_BRACKETED_ACRONYM = re.compile(r"\s*\([A-Z][\w.]{1,11}\)")


def without_acronyms(text: str) -> str:
    """``text`` without the acronyms in brackets after names: "Badan Pusat Statistik (BPS)",
    "Pengadilan Agama (PA) Waru Gading" -> "Pengadilan Agama Waru Gading"."""
    return _BRACKETED_ACRONYM.sub("", text)


def _without_trailing_time(words: list[Word], lang: str) -> list[Word]:
    """A subject without a time phrase before its verb: "The World Bank on Thursday" ->
    "The World Bank", "Tim SAR pada Jumat" -> "Tim SAR"."""
    for i, word in enumerate(words[1:-1], 1):
        following = words[i + 1].lower
        timed = following in MONTHS or following in WEEKDAYS or following.isdigit()
        if is_boundary(word.lower, lang) and timed:
            return words[:i]
    return words


def stopword(word: str, lang: str) -> bool:
    """Whether ``word`` is a function word of ``lang``."""
    return word.lower() in STOPWORDS.get(lang, STOPWORDS["en"])
