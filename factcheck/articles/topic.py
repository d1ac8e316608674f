"""What an article is about: the topic its headline names and its body keeps repeating.

In: the article's title and body, their language, and what the body says about names
(``NameContext``). Out: the topic as the body writes it ("longsor", "dengue", "bus lane
plan"), or None. A claim text that does not name the topic is labelled with it
(factcheck.articles.standalone), so "9 orang masih hilang" reads "Longsor: 9 orang masih
hilang ..." on a verdict page and in ClaimReview.

The topic is the headline word the body writes most often in lower case (twice or more;
capitalised at a sentence's start counts too) before the headline's first preposition or
conjunction (what follows is an aside: "... di Tengah KTT Mineral Langka AS"), grown over
its neighbours in the headline while the longer phrase also occurs in the body ("bus" ->
"bus lane plan"), toward the head's modifiers first: after it in Indonesian ("rokok" ->
"rokok ilegal", not the classifier in "batang rokok"), before it in English; with the
name that owns it in the headline when the body writes that name ("status Gunung Wangsa",
"Edith Linwood paintings"). Words that
cannot be a topic are left out by structure, not by a list of topics: function words, verbs,
superlatives, months, titles, place nouns, the figure nouns, numbers and date nouns ("tujuh
tahun"), words of a name the body uses whole ("Bank" of "World Bank"), and units (a word that mostly
follows a number: "persen", "orang", "siswa").

What it cannot do: it reads words, not meaning, so a headline whose subject the body calls
by other words ("Gratiskan Seragam" for "seragam sekolah gratis") gives only the shared word
("seragam"), and an article whose headline shares no frequent word with its body has no
topic.
"""

from __future__ import annotations

import re

from factcheck.articles.worthiness import NameContext, anchors_of
from factcheck.language import markers
from factcheck.language.anchors import whole_names
from factcheck.language.lexicon import fold, fold_all
from factcheck.language.syntax import Word, is_boundary, is_verb, stopword, word_spans
from factcheck.language.vocabulary import MONTHS, SCALES

MIN_TOPIC_COUNT = 2  # in the body, besides the headline
MAX_TOPIC_WORDS = 3


def main_topic(title: str, body: str, lang: str, context: NameContext) -> str | None:
    """The article's topic as the body writes it, or None (see the module docstring)."""
    words = word_spans(title)
    first_phrase = next((i for i, w in enumerate(words) if i and is_boundary(w.text, lang)), None)
    words = words[:first_phrase]  # "... di Tengah KTT Mineral Langka": an aside, not the topic
    named = _named_words(title, body)
    fit = [_can_be_topic(w, body, lang, context, named) for w in words]
    counts = {w.lower: _count(w.lower, body) for w, ok in zip(words, fit, strict=True) if ok}
    if not counts:
        return None
    best = max(counts, key=lambda w: counts[w])
    if counts[best] < MIN_TOPIC_COUNT:
        return None
    start = end = [w.lower for w in words].index(best)
    grown = True
    while grown and end - start + 1 < MAX_TOPIC_WORDS:
        grown = False
        # modifiers first: after the head in Indonesian ("rokok" -> "rokok ilegal"), before
        # it in English ("lane" -> "bus lane")
        sides = [(start - 1, end), (start, end + 1)]
        for s, e in reversed(sides) if lang == "id" else sides:
            if s < 0 or e >= len(words) or not all(fit[s : e + 1]):
                continue
            if _count(" ".join(w.lower for w in words[s : e + 1]), body):
                start, end, grown = s, e, True
                break
    topic = " ".join(w.lower for w in words[start : end + 1])
    if lang == "en":
        return _with_name_before(topic, words[:start], body)
    return _with_owner(topic, words[end + 1 :], body)


def _with_name_before(topic: str, before: list[Word], body: str) -> str:
    """An English topic with the name just before it in the headline, when the body writes
    that name ("Three Edith Linwood paintings ..." -> "Edith Linwood paintings", the body
    naming "Edith Linwood"): whose paintings they are is what the article is about. The
    longest run of two or three capitalised words; the topic alone when there is none."""
    for n in range(min(3, len(before)), 1, -1):
        run = before[-n:]
        if not all(w.text[:1].isupper() for w in run) or any(w.text.isupper() for w in run):
            continue
        name = " ".join(w.text for w in run)
        if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", body):
            return f"{name} {topic}"
    return topic


def _with_owner(topic: str, after: list[Word], body: str) -> str:
    """An Indonesian topic with the name that owns it in the headline, as the body writes
    the pair ("Status Gunung Wangsa Naik ..." -> "status Gunung Wangsa", where the body says
    "menaikkan status Gunung Wangsa"): the name is what the article is about. The longest
    such run of up to three capitalised headline words; the topic alone when there is none."""
    for n in range(min(3, len(after)), 0, -1):
        name = " ".join(w.text for w in after[:n])
        if not all(w.text[:1].isupper() for w in after[:n]):
            continue
        if re.search(rf"(?i:{re.escape(topic)})\s+{re.escape(name)}(?![\w-])", body):
            return f"{topic} {name}"
    return topic


def owned_label(
    topic: str | None,
    title: str,
    body: str,
    lang: str,
    known: frozenset[str] | None = None,
    place: str | None = None,
) -> str | None:
    """The label for claims that do not name an Indonesian topic word: the topic with the
    headline's name that owns it ("oksigen" -> "oksigen RSUD Sumber Kencana", "pengunjung"
    -> "pengunjung Curug Sewu"; ``_owner_past_modifiers``, ``_owner_in_body``), so that
    "Oksigen: Jumlah pasien ISPA naik" says whose oxygen. None when the topic is a name or
    owned already, or the headline has no such name. Only a label: the topic itself, which
    demonstratives are resolved with ("krisis itu" -> "krisis oksigen"), stays as it is."""
    if not topic or topic != topic.lower():
        return None
    words = word_spans(title)
    lowered = [w.lower for w in words]
    parts = topic.split()
    at = next((i for i in range(len(words)) if lowered[i : i + len(parts)] == parts), None)
    if at is None:
        return None
    if lang == "en":
        return _owner_before(topic, words[:at], known or frozenset(), place)
    after = words[at + len(parts) :]
    return _owner_past_modifiers(topic, after, body) or _owner_in_body(topic, title, body)


def _owner_before(
    topic: str, before: list[Word], known: frozenset[str], place: str | None
) -> str | None:
    """An English topic with the one-word name before it in the headline, past the
    topic's own lower-case modifiers ("Wrexley council votes ..." -> "Wrexley council",
    "Corrandale's pothole repair backlog ..." -> "Corrandale's pothole repair backlog"): a
    word the body capitalises in mid-sentence (``known``). None when there is none, or when
    the name is the article's ``place`` with no modifiers ("Veridia's growth": the place is
    carried as a place). What it cannot do: a title-case headline's modifiers look like
    names and stop it."""
    modifiers: list[str] = []
    for word in reversed(before[-3:]):
        singular = not re.search(r"[^s]s$", word.text)  # "halts", "raises": a verb
        singular = singular and word.text not in markers.FOCUS_ADVERBS  # "only": no noun's
        if (
            word.text.islower()
            and singular
            and not stopword(word.text, "en")
            and len(modifiers) < 2
        ):
            modifiers.insert(0, word.text)
            continue
        name = re.sub(r"['’]s$", "", word.text)
        if word.text[:1].isupper() and name in known and not word.text.isupper():
            if fold(name) in fold_all(markers.PERSON_TITLES) or (name == place and not modifiers):
                return None
            return " ".join([word.text, *modifiers, topic])
        return None
    return None


def _owner_past_modifiers(topic: str, after: list[Word], body: str) -> str | None:
    """An Indonesian topic with the name that owns it in the headline past the topic's own
    modifiers, which a title-case headline capitalises too ("Penumpang Kapal Penyeberangan
    Selat Karang" -> "penumpang kapal penyeberangan Selat Karang", "Stok Oksigen RSUD Sumber
    Kencana" -> "oksigen RSUD Sumber Kencana"): the modifiers are words the body writes in
    lower case, the name a run the body writes as capitalised in the headline. None when
    the headline has no such name right there. What it cannot do: a name the body writes
    only in another form ("Rumah Sakit Umum Daerah (RSUD) Sumber Kencana") is not found."""
    modifiers = []
    for word in after[:2]:
        lower = word.text.lower()
        if stopword(lower, "id") or is_verb(lower, "id") or not _count(lower, body):
            break
        if word.text.isupper() or re.search(rf"(?<![\w-]){re.escape(word.text)}(?![\w-])", body):
            break  # written capitalised: a name's first word
        modifiers.append(lower)
    rest = after[len(modifiers) :]
    for n in range(min(4, len(rest)), 0, -1):
        run = rest[:n]
        if not all(w.text[:1].isupper() for w in run) or is_verb(run[-1].text.lower(), "id"):
            continue
        if n == 1 and not run[0].text.isupper():
            continue  # one capitalised word: a verb or noun of the title case as well
        name = " ".join(w.text for w in run)
        if _administrative(name, body):
            return None  # "Kemiskinan Gunung Sari": the place, carried on its own
        if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", body):
            return " ".join([topic, *modifiers, name])
    return None


def _administrative(name: str, body: str) -> bool:
    """Whether the body writes ``name`` after a place noun ("Kabupaten Gunung Sari"): the
    article's place or another, which the claim texts carry as a place, not as an owner."""
    heads = "|".join(markers.PLACE_HEADS)
    return bool(re.search(rf"\b(?i:{heads})\s+{re.escape(name)}(?![\w-])", body))


def _owner_in_body(topic: str, title: str, body: str) -> str | None:
    """An Indonesian topic with a name of two or more capitalised words that the headline
    also writes, when the body writes that name right after the topic ("pengunjung Curug
    Sewu" for the headline "Tiket Masuk Curug Sewu Naik ..., Pengunjung Anjlok");
    None otherwise. What it cannot do: of two such names the first in the body wins."""
    name = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+"
    for m in re.finditer(rf"(?<![\w-])(?i:{re.escape(topic)})\s+({name})", body):
        found = m.group(1)
        if _administrative(found, body):
            continue
        if re.search(rf"(?<![\w-]){re.escape(found)}(?![\w-])", title):
            return f"{topic} {found}"
    return None


def headline_name(
    title: str, body: str, lang: str, context: NameContext, place: str | None
) -> str | None:
    """The name an article is about when its headline has no topic word: the headline's
    name the body writes most often (twice or more, as written or by its last word alone:
    "Kessa" for "Storm Kessa"), that is no person's (no title in it) and not the article's
    place alone or with its place noun ("Storm Kessa leaves 82,000 homes ...", "Greyford
    closes Marrow Bridge ..." -> "Marrow Bridge"); a name inside a longer headline name the
    body writes, the article's place included, is that longer name ("Bramwell" -> "Bramwell
    Air", "Westmarch" -> "Westmarch County Council"); None when there is none.

    What it cannot do: it does not know which of two repeated names the article is about
    (the one the body names most wins), nor that a name in the headline only speaks ("World
    Bank cuts ..."); so it is asked only when ``main_topic`` found no topic word."""
    titles = fold_all(markers.PERSON_TITLES)
    counts = {}
    # the headline's names, and the body's names it holds: a title-case headline runs a name
    # into the verb after it ("KM Bunga Teratai Tenggelam di ...")
    headline = [n.text for n in whole_names(title, lang, (), context.acronyms)]
    body_names = whole_names(body, lang, context.common, context.acronyms, context.known)
    headline += [n.text for n in body_names if n.text in title and n.text not in headline]
    heads = fold_all(markers.PLACE_HEADS)
    seen: dict[str, int] = {}  # every headline name the body writes, however often
    for written in headline:
        text = re.sub(r"['’]s$", "", written)
        words = fold(text).split()
        if set(words) & titles or text.isupper():
            continue
        if " ".join(w for w in text.split() if fold(w) not in heads) == place:
            continue  # the place, also with its place noun ("Kabupaten Gunung Kapur")
        if len(words) == 1 and text not in (context.known or ()):
            continue  # one capitalised word the body never writes in mid-sentence
        found = len(re.findall(rf"(?<![\w-]){re.escape(text)}(?![\w-])", body))
        found += _short_mentions(text, body, context)
        seen[text] = found
        if found >= MIN_TOPIC_COUNT:
            counts[text] = found
    # a name inside a longer headline name the body also writes is that name ("Bramwell" in
    # "Bramwell Air", "St Aldric" in "St Aldric Hospital"): the longer is what it is about
    if place and len(re.findall(rf"\b{re.escape(place)}\b", body)) >= MIN_TOPIC_COUNT:
        counts.setdefault(place, 0)  # "Westmarch County Council votes ...": named after it
    for short in list(counts):
        longer = [o for o in seen if o != short and short in o and seen[o]]
        if longer:
            whole = max(longer, key=len)
            counts[whole] = max(counts.pop(short), counts.get(whole, 0), seen[whole])
    counts.pop(place, None)
    return max(counts, key=lambda t: (counts[t], len(t))) if counts else None


def _short_mentions(name: str, body: str, context: NameContext) -> int:
    """How often the body writes a name's last word alone, as a short form ("Kessa" for
    "Storm Kessa"): a word the body never writes in lower case and that heads no body or
    place ("Council", "County" stand for other names too); 0 for one-word names."""
    words = name.split()
    last = words[-1] if len(words) > 1 else ""
    heads = fold_all(markers.ORGANISATION_HEADS + markers.PLACE_HEADS + markers.COMPANY_FORMS)
    if not last or last.lower() in context.common or fold(last) in heads or last.isupper():
        return 0
    before = re.escape(words[-2])
    return len(re.findall(rf"(?<!{before}\s)(?<![\w-]){re.escape(last)}(?![\w-])", body))


def names_topic(text: str, topic: str, lang: str) -> bool:
    """Whether ``text`` names ``topic``: every word of it but its head noun (the last word
    in English, the first in Indonesian: "bus lane" of "bus lane plan"), a plural "-s" or a
    suffix such as "-nya" allowed ("dengue", "bus lanes", "longsornya")."""
    words = topic.split()
    if topic[:1].isupper():  # a name: all of it ("Storm Kessa", "Marrow Bridge")
        return all(re.search(rf"\b{re.escape(fold(w))}\b", fold(text)) for w in words)
    if len(words) > 1:
        words = words[1:] if lang == "id" else words[:-1]
    folded = fold(text)
    return all(re.search(rf"\b{re.escape(fold(w))}(?:s|es|nya)?\b", folded) for w in words)


def _count(phrase: str, body: str) -> int:
    """How often ``phrase`` occurs in ``body`` as whole words, written in lower case or
    capitalised only for opening a sentence ("Pengangguran di Kota Baru turun ...")."""
    opening = rf"(?:(?<=^)|(?<=[.!?]\s)|(?<=[.!?][\"”’]\s)){re.escape(phrase.capitalize())}"
    pattern = rf"(?<![\w-])(?:{re.escape(phrase)}|{opening})(?![\w-])"
    return len(re.findall(pattern, body, re.M))


def _can_be_topic(word: Word, body: str, lang: str, context: NameContext, named: set[str]) -> bool:
    lower = word.lower
    if len(lower) < 3 or lower in named or word.text.capitalize() in (context.known or ()):
        return False  # a name's word, or capitalised in mid-sentence: a name
    if stopword(lower, lang) or is_verb(lower, lang) or lower.isdigit() or lower in MONTHS:
        return False
    excluded = markers.SUPERLATIVES + markers.PLACE_HEADS + markers.FIGURE_NOUNS
    if lower in excluded or lower in fold_all(markers.PERSON_TITLES):
        return False
    if lower in markers.DATE_NOUNS or anchors_of(lower, lang, {"number"}):
        return False  # "Tujuh Tahun Lebih Awal": a length of time, not what it is about
    return not _is_unit(lower, body)


def _is_unit(word: str, body: str) -> bool:
    """Whether ``word`` mostly follows a number in ``body`` ("12,4 persen", "48.000 siswa",
    "48 million pounds")."""
    scale = "|".join(re.escape(w) for w in SCALES if len(w) > 2)  # "48 million pounds"
    after_number = len(re.findall(rf"\d\s+(?:(?:{scale})\s+)?{re.escape(word)}\b", body))
    return after_number * 2 >= max(1, _count(word, body))


def _named_words(title: str, body: str) -> set[str]:
    """Lower-case forms of the headline's words that belong to a name of two or more
    capitalised words the body also writes ("World Bank", "Tanah Tinggi")."""
    named: set[str] = set()
    for run in re.finditer(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+", title):
        parts = run.group().split()
        for i in range(len(parts) - 1):
            for j in range(i + 2, len(parts) + 1):
                if re.search(rf"\b{re.escape(' '.join(parts[i:j]))}\b", body):
                    named |= {p.lower() for p in parts[i:j]}
    return named
