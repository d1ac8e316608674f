"""Who said it: the attribution frame of a sentence or clause.

In: a sentence (or clause) and its language. Out: an ``Attribution`` (the speaker's words and
span, the span of what they said) or None when the text is in the article's own voice.

Four frames are recognised, in both languages (words in factcheck.language.markers):
"Menurut BPS, ..." / "According to the WHO, ..." (a source first); "..., menurut BPS" (a
source last); "..., kata Budi." / "..., the mayor said." / "..., said Budi." (a speech tag
after the content); "BPS mencatat bahwa ..." / "The ministry said that ..." (a reporting verb
with the speaker as its subject). In "Kepala BPS Gunung Sari, Hendra Wijaya, mengatakan ..."
the person's name is the speaker. A reporting verb that needs "bahwa"/"that" ("mengakui",
"admitted") reports a clause without it when a short subject and its verb follow ("Agus
mengakui jumlah petugas tidak bertambah"); after a form of "be" it is passive ("were told").

What it cannot do: a speaker named in an earlier sentence ("Ia menambahkan ...") is returned
as the pronoun (factcheck.articles.standalone resolves it); attributions in the middle of a
quote ('"We built 12 schools," she said, "and ..."') and passive reports ("it was reported
that") are not recognised; a source named only by its document is recognised when the
document opens the subject of a verb of showing ("Data BPS menunjukkan ...", "A study by X
found ...": ``_document_source``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from factcheck.language import markers
from factcheck.language.anchors import whole_names
from factcheck.language.syntax import first_verb, is_boundary, skip_opening, word_spans
from factcheck.language.vocabulary import alternation

MAX_SPEAKER_WORDS = 12
# Forms of "be": before a reporting verb they make it passive ("were told", "was reported"),
# and its subject is who was told, not who said it.
_BE = frozenset(("am", "is", "are", "was", "were", "be", "been", "being"))


@dataclass(frozen=True)
class Attribution:
    """A speaker (their words as written, and where) and the span of what they said."""

    speaker: str
    speaker_start: int
    speaker_end: int
    content_start: int
    content_end: int
    frame: str  # "source", "tag" or "verb"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    sources = alternation(markers.SOURCE_PREPOSITIONS)
    tags = alternation(markers.SPEECH_TAGS)
    return {
        "source first": re.compile(rf"^[\"“‘]?(?:{sources})\s+(?P<who>[^,;]{{2,120}}?),\s*", re.I),
        "source last": re.compile(rf",\s*(?:{sources})\s+(?P<who>[^,;]{{2,120}}?)\s*[.!]?$", re.I),
        "tag first": re.compile(
            rf"[,.!?][\"”’]?\s*(?:{tags})\s+(?P<who>[^,;.\"“”]{{2,120}}?)\s*(?:,[^\"“”]*)?[.!]?$",
            re.I,
        ),
        # "..., ujarnya dalam konferensi pers": the speaker is "-nya", someone named before
        "tag nya": re.compile(rf"[,.!?][\"”’]?\s*(?P<who>(?:{tags}))(?<=nya)\b", re.I),
        "tag last": re.compile(
            rf"[,.!?][\"”’]?\s+(?P<who>[^,;.\"“”]{{2,120}}?)\s+(?:{tags})"
            r"(?:\s+(?!that\b)\w+){0,3}\s*[.!]?$",
            re.I,
        ),
    }


@lru_cache(maxsize=4096)
def find_attribution(text: str, lang: str) -> Attribution | None:
    """The attribution frame of ``text`` (a sentence or a clause), or None. Remembered (the
    answer is immutable): a sentence is asked about while it is written and again when it is
    remembered, and so are its clauses."""
    patterns = _patterns()
    m = patterns["source first"].match(text)
    if m and _plausible(m["who"], lang):
        return Attribution(m["who"], *m.span("who"), m.end(), len(text.rstrip(" .")), "source")
    for name in ("tag nya", "source last", "tag first", "tag last"):
        m = patterns[name].search(text)
        if m is None or m.start() == 0:
            continue
        # "kata Kepala PVMBG Wahyu Kurniawan dalam keterangan tertulis": the speaker ends
        # where an adverbial phrase after the tag begins
        who_start, who_end = m.span("who")
        if name == "tag first" and _finite(m["who"], lang):
            continue  # ", said moving frail residents ... was dangerous": a reported clause
        who_end = who_start + _before_adverbial(m["who"], lang)
        if _plausible(text[who_start:who_end], lang):
            frame = "source" if name.startswith("source") else "tag"
            content_end = len(text[: m.start()].rstrip(' ,"”’'))
            return Attribution(text[who_start:who_end], who_start, who_end, 0, content_end, frame)
    return _reporting_verb(text, lang)


def _before_adverbial(who: str, lang: str) -> int:
    """Where a speaker's words end: before a preposition that opens a phrase of ordinary
    words only ("... Wahyu Kurniawan dalam keterangan tertulis"), not one inside or before
    a name ("Ministry of Finance", "figures from the state Department of Transportation");
    else its length."""
    words = word_spans(who)
    for i, word in enumerate(words[1:], 1):
        after = who[word.end :].lstrip()
        ordinary = not re.search(r"\b[A-Z]", after)  # "from the state Department of ..."
        # "kata Arif di Semarang", "said Smith in London": where a person spoke, not a body's
        # name ("Bank of Indonesia in Jakarta" has a head noun and stays whole)
        placed = word.lower in markers.AT_LOCATIVES and not any(
            w.lower in markers.ORGANISATION_HEADS for w in words[:i]
        )
        if is_boundary(word.text, lang) and word.text.islower() and (ordinary or placed):
            return len(who[: word.start].rstrip(" ,"))
    return len(who)


def _finite(who: str, lang: str) -> bool:
    """Whether the words after a speech tag go on to an auxiliary or copula past their first
    word (", said moving frail residents at short notice was dangerous"): the tag's verb
    reports that clause, whose subject is no speaker, even where a phrase ("at short
    notice") would cut the words before the auxiliary off as a speaker's."""
    auxiliaries = markers.AUXILIARIES.get(lang, ())
    return any(w.lower in auxiliaries for w in word_spans(who)[1:])


def _plausible(who: str, lang: str) -> bool:
    """Whether ``who`` can name a speaker: a few words and no verb (", said the rationing
    would last ..." is a reported clause, not a speech tag)."""
    words = who.split()
    return 0 < len(words) <= MAX_SPEAKER_WORDS and first_verb(who, lang, 1) is None


def _reporting_verb(text: str, lang: str) -> Attribution | None:
    """ "X mengatakan bahwa ...": the first verb is a reporting verb and what comes before it
    (after an opening adverbial) is its subject, or a title and a name in apposition."""
    start = skip_opening(text, lang)
    verb = first_verb(text, lang, start)
    shown = _document_source(text, start, verb)
    if shown is not None:
        return shown
    for _ in range(2):  # "..., Nur Aisyah, dalam keterangan tertulis menyebut": a verb-like
        # word inside an adverbial phrase after the speaker is not the clause's verb
        if verb is None or verb.lower in markers.REPORTING_VERBS:
            break
        part = text[start : verb.start].rsplit(",", 1)[-1]
        if not any(is_boundary(w.text, lang) for w in word_spans(part)):
            break
        verb = first_verb(text, lang, verb.end)
    if verb is None or verb.lower not in markers.REPORTING_VERBS:
        return None
    before_verb = word_spans(text, start, verb.start)[-1:]
    if lang == "en" and before_verb and before_verb[0].lower in _BE:
        return None  # "households were told to boil ...": told, not telling
    # "(BPS)", "(Persero)": a bracketed acronym or legal form belongs to the name before it;
    # "Senin (30/11/2026)": a bracketed date belongs to the time before it
    before = re.sub(r"\s*\((?:[A-Z][\w.]{1,11}|\d[\d/.-]*)\)", "", text[start : verb.start])
    words = [  # the bracketed acronym after a name ("(BPS)", "(Kemenkes)") is left out
        w
        for w in word_spans(text, start, verb.start)
        if not re.fullmatch(r"[A-Z][\w.]{1,11}", w.text)
        or f"({w.text})" not in text[start : verb.start]
    ]
    while words and words[-1].lower in markers.SPEECH_ADVERBS:
        words.pop()
    # "..., Nur Aisyah, dalam keterangan tertulis menyebut", "Rudi Hartono di Pangkal Jaya,
    # Senin, mengatakan": what follows the first preposition after the name is an adverbial,
    # not the speaker's words, and is not counted
    adverbial = next((i for i, w in enumerate(words) if i and is_boundary(w.text, lang)), None)
    counted = words[:adverbial] if adverbial else words
    if not words or len(counted) > MAX_SPEAKER_WORDS + 4 or re.search(r"[;:—(]", before):
        return None
    if is_boundary(words[0].text, lang):
        return None  # "yang menyebut ...": a relative clause, not a speaker
    complement = re.match(
        r"[\s,]*(?:(?:to\s+)?(?:\w+\s+){1,3})?(?:bahwa|that)\b|\s*[,:]", text[verb.end :]
    )
    if verb.lower not in markers.SAYING_VERBS and not complement:
        if not _clause_after(text, verb.end, lang):
            return None
    speaker = _speaker_in_apposition(text, words[0].start, words[-1].end, lang)
    inside = [w for w in words if speaker[0] <= w.start and w.end <= speaker[1]]
    cut = next(
        (
            w
            for i, w in enumerate(inside[1:], 1)
            if is_boundary(w.text, lang) and not _joins_name(inside, i)
        ),
        None,
    )
    if cut is not None:  # "Bank Dunia dalam laporannya": the speaker ends at "dalam"
        speaker = (speaker[0], len(text[: cut.start].rstrip(" ,")))
    content = verb.end
    after = re.match(
        r"[\s,]*(?:(?:to\s+)?(?:\w+\s+){1,3})?(?:bahwa|that)\b\s*|[\s,:]*", text[content:]
    )
    tail = text[content + after.end() :]
    if len(tail.split()) < 3:
        return None
    end = len(text.rstrip(" ."))
    return Attribution(text[speaker[0] : speaker[1]], *speaker, content + after.end(), end, "verb")


def _clause_after(text: str, at: int, lang: str) -> bool:
    """Whether what follows a reporting verb at ``at`` is a clause of its own without
    "bahwa"/"that": one to four words of a subject (no verb, preposition or conjunction
    among them: "Kazakhstan mengumumkan niatnya untuk bergabung" reports no clause) and then
    its verb, auxiliary or negation ("Agus mengakui jumlah petugas tidak bertambah",
    "... admitted the council had lost ..."). What it cannot do: a noun phrase object
    followed by a participle ("mengakui kesalahan yang dibuat") may be read as a clause."""
    verb = first_verb(text, lang, at)
    if verb is None:
        return False
    subject = word_spans(text, at, verb.start)
    if not 1 <= len(subject) <= 4 or re.search(r"[,;:(\"“]", text[at : verb.start]):
        return False
    return not any(
        is_boundary(w.text, lang) or w.lower in markers.RELATIVES or w.lower in ("untuk", "to")
        for w in subject
    )


def _joins_name(words: list, i: int) -> bool:
    """Whether ``words[i]`` is "dan"/"and"/"&"/"of"/"for" between capitalised words, inside
    one name ("Dinas Koperasi dan UKM Sekar Arum", "Department for Environment, Food and
    Rural Affairs", "The Ministry of Finance", "Brevant Chamber of Commerce"), where a
    speaker's words do not end."""
    if words[i].lower not in ("dan", "and", "&", "of", "for") or i + 1 >= len(words):
        return False
    after = words[i + 2] if words[i + 1].lower == "the" and i + 2 < len(words) else words[i + 1]
    if words[i].lower in ("of", "for") and words[i - 1].lower not in markers.ORGANISATION_HEADS:
        # "Brevant Chamber of Commerce", "Campaign for Better Transport": a body's head of
        # one or two capitalised words before it; "Detective Inspector Claire Dunmore of
        # Wessex Vale Police" is a person of a body, and ends before "of"
        run = 0
        while run < i and words[i - 1 - run].text[:1].isupper():
            run += 1
        if run > 2 and not (run == 3 and words[i - 3].lower == "the"):
            return False
    return words[i - 1].text[:1].isupper() and after.text[:1].isupper()


def _document_source(text: str, start: int, verb) -> Attribution | None:
    """ "Data Polresta Pangkal Jaya menunjukkan 312 korban ...", "A 2025 study by Kellford
    University found that ...": a document (``markers.DOCUMENT_NOUNS``) opening the subject
    and a verb of showing (``markers.SHOWING_VERBS``): the body named in the subject (its
    first run of capitalised words after the document noun) is the speaker, and what
    follows the verb is what it said, "bahwa"/"that" or not. None otherwise, and when the
    subject names no body ("Hasil survei menunjukkan ..."). What it cannot do: a body named
    only as an owner in lower case ("data dinas") is not found."""
    if verb is None or verb.lower not in markers.SHOWING_VERBS:
        return None
    subject = word_spans(text, start, verb.start)
    nouns = [i for i, w in enumerate(subject[:4]) if w.lower in markers.DOCUMENT_NOUNS]
    if not nouns:
        return None
    after = subject[nouns[0] + 1 :]
    run = re.search(
        r"(?<![\w-])[A-Z][\w'’&.-]*(?:\s+(?:(?:of|for|and|dan|&)\s+)?[A-Z][\w'’&.-]*)*",
        text[after[0].start : verb.start] if after else "",
    )
    if run is None or len(text[verb.end :].split()) < 3:
        return None
    who_start = after[0].start + run.start()
    who_end = after[0].start + run.end()
    content = re.match(r"[\s,]*(?:(?:bahwa|that)\b\s*)?", text[verb.end :]).end() + verb.end
    end = len(text.rstrip(" ."))
    return Attribution(text[who_start:who_end], who_start, who_end, content, end, "verb")


def _speaker_in_apposition(text: str, start: int, end: int, lang: str) -> tuple[int, int]:
    """In "Kepala BPS Gunung Sari, Hendra Wijaya," the person's name; else the whole subject."""
    parts = [(m.start() + start, m.end() + start) for m in re.finditer(r"[^,]+", text[start:end])]
    parts = [
        (s + len(text[s:e]) - len(text[s:e].lstrip()), len(text[:e].rstrip()) or e)
        for s, e in parts
    ]
    if len(parts) < 2:
        return start, end
    places = _place_heads()
    for s, e in reversed(parts):
        # "dr. Yohanes Bria", "Prof. Ani Lestari": a courtesy title before the name
        courtesy = re.match(r"(?:[Dd]rs?|[Pp]rof|[Ii]r|[Hh])\.\s+", text[s:e])
        s = s + courtesy.end() if courtesy else s
        # "Ujang Rohmat (56)", "Sunarto (52)": an age after a name says it is a person's
        aged = re.search(r"\s*\(\d{1,3}\)?$", text[s:e])
        e = s + aged.start() if aged else e
        names = whole_names(text[s:e], lang)
        if len(names) != 1 or names[0].text != text[s:e]:
            continue
        if names[0].text.split()[0].lower() in places:
            continue  # "..., Kecamatan Ngemplak Kidul,": where the person is from
        if " " in names[0].text or aged:
            return s, e
    return parts[0]


@cache
def _place_heads() -> frozenset[str]:
    return frozenset(w.lower() for w in markers.PLACE_HEADS)
