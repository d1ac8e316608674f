"""The place an article is about, and how large a place is.

In: the article's body and headline, their language and what the body says about names
(``NameContext``). Out: ``main_place``, the place the news is in as (its core, its fullest
form): ("Gunung Sari", "Kabupaten Gunung Sari"), or None; ``PLACE_LEVELS``, the
administrative level of a place noun, for telling a larger place from a smaller one.
factcheck.articles.standalone carries the place into claims that name none.

What it cannot do: it counts and reads the words around names, not what they are, so a
body named only in the headline and as a subject that does not speak ("Bramwell Air halts
...; Bramwell Air flew ...") is taken for a place, and a place with no place noun has no
level.
"""

from __future__ import annotations

import re

from factcheck.articles.worthiness import NameContext, anchors_of
from factcheck.language import markers
from factcheck.language.anchors import Anchor, overlaps, whole_names
from factcheck.language.lexicon import fold, fold_all
from factcheck.language.syntax import is_boundary, stopword

# Administrative levels of the place nouns that head a place's name, for telling a larger
# place from a smaller one (a closed class, by hand): country, province, regency or city,
# district, village.
PLACE_LEVELS = {
    **dict.fromkeys(("negara", "country"), 5),
    **dict.fromkeys(("provinsi", "province"), 4),
    **dict.fromkeys(("kabupaten", "kota", "regency", "county"), 3),
    **dict.fromkeys(("kecamatan",), 2),
    **dict.fromkeys(("desa", "kelurahan", "village"), 1),
}


def is_place(noun: str, lang: str) -> bool:
    """Whether ``noun`` is, whole, a place the recogniser knows."""
    found = anchors_of(noun, lang, {"place"})
    return bool(found) and found[0].text == noun


def main_place(
    text: str, lang: str, context: NameContext, title: str = ""
) -> tuple[str, str] | None:
    """The place an article is about: the name most often used as a place (after "di"/"in"/
    "at", with a place noun such as "Kabupaten", known to CLDR, or named in the headline as a
    place may be: ``_placed_in_title``), three times or more in headline and text (twice when
    the headline names it). A place the headline names, or a dateline it names too, wins
    over the others. Returned as (its core, its fullest form): ("Gunung Sari", "Kabupaten
    Gunung Sari")."""
    heads = fold_all(markers.PLACE_HEADS)
    others = fold_all(markers.ORGANISATION_HEADS + markers.PERSON_TITLES)
    forms: dict[str, dict[str, int]] = {}
    headlined: set[str] = set()
    money = [a.span for a in anchors_of(text, lang, {"money"})]
    names = whole_names(text, lang, context.common, context.acronyms, context.known)
    names = [n for n in names if not overlaps(n.span, money)]  # "dolar AS" is a currency
    places = {a.span for a in anchors_of(text, lang, {"place"}) if not overlaps(a.span, money)}
    candidates = [(n, _locative_before(text, n.start) or n.span in places, False) for n in names]
    title_names = _before_money(whole_names(title, lang, (), context.acronyms), title, lang)
    placed_titles = [(n, _placed_in_title(n, title, text, context, lang)) for n in title_names]
    candidates += [(n, placed, True) for n, placed in placed_titles]
    inside = _written_inside(title_names, names, title)
    # a place the body writes with its place noun ("Desa Ranca Bulu") is a site wherever a
    # title-case headline runs it into its neighbours ("Mantan Kades Ranca Bulu Dituntut")
    inside += [
        n
        for n in _written_inside(title_names, names, title, located=False)
        if n.text not in {i.text for i in inside} and _with_place_noun(n.text, text)
    ]
    candidates += [(n, True, True) for n in inside]
    candidates += [(n, True, False) for n, _, _ in candidates for n in _places_inside(n, lang)]
    for name, placed, in_title in candidates:
        label = re.sub(r"['’]s$", "", name.text)
        parts = label.split()
        core = " ".join(p for p in parts if fold(p) not in heads)
        if in_title and ({fold(p) for p in parts} & others or label.isupper()):
            continue  # "Menteri X", and "NJOP": an acronym is a body or a term, not a place
        if not core or not (placed or len(core) < len(label)):
            continue
        forms.setdefault(core, {})
        forms[core][label] = forms[core].get(label, 0) + 1
        if in_title:
            headlined.add(core)
    sites = _merge_longer(forms, {n.text for n in inside}, lang)
    headlined |= sites
    dateline = _dateline(text)
    if dateline and re.search(rf"\b{re.escape(dateline)}\b", title):
        # "KEDUNG GALIH – Atap ... SD Negeri 2 Kedung Galih": the town the story was filed
        # from is where the news is when the headline names it too
        forms.setdefault(dateline, {}).setdefault(dateline, 1)
        headlined.add(dateline)
    whole = f"{title}\n{text}"
    # a core written fewer than twice, word-bounded or not, cannot be counted enough
    counts = {
        core: len(re.findall(rf"\b{re.escape(core)}\b", whole)) if whole.count(core) > 1 else 0
        for core in forms
    }
    counts = {c: n for c, n in counts.items() if n >= (2 if c in headlined else 3)}
    if not counts:
        return None
    # a place the headline names is where the news is, however often the body names the
    # town it was filed from ("... on the Ashgrove coast" over the dateline's "LANGMOOR")
    placed_headline = {c: n for c, n in counts.items() if c in headlined}
    core = max(placed_headline or counts, key=lambda c: (counts[c], len(c)))
    written = _fullest(core, forms[core], lang)
    regions = [_fullest(c, forms[c], lang) for c in sorted(counts, key=counts.get) if c != core]
    regions = [r for r in regions if _level(r) >= 3]  # a regency, a city, a county or more
    if regions and _level(written) < 3 and core in sites:
        # "Danau Ranu Gedang" or "Desa Sidoreja", where the headline's news is, inside
        # "Kabupaten Lereng Arum", the larger place the body names most: a reader needs both.
        # (A dateline's village stays alone: the claims of that village name it.)
        written = f"{written}, {regions[-1]}"
    return core, written


def _before_money(names: list[Anchor], title: str, lang: str) -> list[Anchor]:
    """The headline's names cut where a sum of money starts: a title-case headline runs a
    currency into the words before it ("... atas Korupsi Dana Desa Rp 1,2 Miliar" gives the
    name "Korupsi Dana Desa Rp"), and "Desa Rp" would read as a village. A name that is all
    money is dropped. What it cannot do: a currency the recogniser does not know as money
    is left in the run."""
    money = [a.span for a in anchors_of(title, lang, {"money"})] if title else []
    if not money:
        return names
    out = []
    for name in names:
        cut = min((s for s, e in money if name.start <= s < name.end), default=name.end)
        if not any(s < name.start < e for s, e in money):
            text = title[name.start : cut].rstrip()
            if text:
                out.append(Anchor(name.kind, text, text, name.start, name.start + len(text)))
    return out


def _merge_longer(forms: dict[str, dict[str, int]], sites: set[str], lang: str) -> set[str]:
    """A site the headline names (``_written_inside``) that is another core with a noun
    before it (after it in English), as "Danau Ranu Gedang" is "Ranu Gedang" with "Danau",
    counted as a form of the shorter core, which a claim naming "Ranu Gedang" names. Returns
    the sites' cores, merged or not. What it cannot do: a noun that is part of the name
    ("Sungai Emas" of a town "Emas") would be read the same way."""
    cores = set()
    for longer in [c for c in forms if c in sites]:
        shorter = [
            c
            for c in forms
            if c != longer
            and (longer.endswith(f" {c}") if lang == "id" else longer.startswith(f"{c} "))
        ]
        core = max(shorter, key=len) if shorter else longer
        if core != longer:
            for label, n in forms.pop(longer).items():
                forms[core][label] = forms[core].get(label, 0) + n
        cores.add(core)
    return cores


def _fullest(core: str, forms: dict[str, int], lang: str) -> str:
    """How the article most often writes a place with its place noun: "Kabupaten Gunung
    Sari" (the place noun first) or "Kestrel Province" (last); the core when it never does."""
    titled = [
        f
        for f in forms
        if len(f) > len(core) and (f.endswith(core) or (lang == "en" and f.startswith(core)))
    ]
    return max(titled, key=lambda f: forms[f]) if titled else core


def _level(place: str) -> int:
    """The administrative level of a place written with its place noun ("Kabupaten Gunung
    Sari" 3, "Desa Sidoreja" 1; ``PLACE_LEVELS``), 0 for a place written without one
    ("Danau Ranu Gedang")."""
    words = [w.lower() for w in place.split()]
    return max((PLACE_LEVELS.get(w, 0) for w in words[:1] + words[-1:]), default=0)


# A dateline: the place a story was filed from, before a dash at the start of its first
# paragraph, with the agency or the date after it or not: "KEDUNG GALIH – ", "LANGMOOR — ",
# "KETTERBY, Dec 3, 2026 (Northwire) - ", "Semarang (ANTARA) - ", "SEMARANG, KOMPAS.com - ",
# "Jakarta, CNN Indonesia -- ", "Jakarta - " (detik's, the body's first words only).
DATELINE_RE = re.compile(
    r"(?P<place>[A-Z][A-Za-z'’.]+(?:\s[A-Z][A-Za-z'’.]+){0,3})"
    r"(?P<source>\s*\([^()\n]{2,40}\)|\s*,[^–—\n]{0,60}?)?"
    r"\s+(?:[–—]|-{1,2})\s+(?=[A-Z0-9\"“‘'])"
)


def dateline_length(text: str, first: bool) -> int:
    """How many characters of ``text`` (a paragraph's opening sentence) a dateline takes,
    its dash and the space after it included; 0 when it opens with none. A name in ordinary
    case with no agency in brackets after it ("Jakarta - ", "Jakarta, CNN Indonesia -- ")
    counts only as the body's ``first`` words: elsewhere it is more likely a name before an
    aside ("Astana - the capital - ...", "Presiden X, dalam pidatonya - Kami ...")."""
    found = DATELINE_RE.match(text)
    if found is None:
        return 0
    bracketed = (found.group("source") or "").lstrip().startswith("(")
    if bracketed or found.group("place").isupper() or first:
        return found.end()
    return 0


def dateline_span(text: str) -> tuple[int, int] | None:
    """Where the dateline opening one of the article's first paragraphs (within its first
    600 characters) starts and ends in ``text``, its dash and the space after it included;
    None when there is none."""
    for paragraph in re.finditer(r"^[ \t]*([^\n]+)", text[:600], re.M):
        start = paragraph.start(1)
        length = dateline_length(paragraph.group(1), not text[:start].strip())
        if length:
            return start, start + length
    return None


def _dateline(text: str) -> str | None:
    """The place of the article's dateline (``dateline_span``), as a name ("Kedung Galih");
    None when there is none."""
    span = dateline_span(text)
    if span is None:
        return None
    place = DATELINE_RE.match(text, span[0]).group("place")
    return " ".join(w.capitalize() if w.isupper() else w for w in place.split())


def _with_place_noun(name: str, text: str) -> bool:
    """Whether ``text`` writes ``name`` after a place noun of a village, district or
    regency ("Desa Ranca Bulu", "Kabupaten Muara Lintang"), in Indonesian order."""
    heads = "|".join(h for h in PLACE_LEVELS if h in markers.PLACE_HEADS)
    return bool(re.search(rf"\b(?i:{heads})\s+{re.escape(name)}\b", text))


def _written_inside(
    title_names: list[Anchor], names: list[Anchor], title: str, located: bool = True
) -> list[Anchor]:
    """The body's names that a headline's name written in title case holds, where it lies in
    the headline: a title-case headline runs a place into the words around it ("... Mati di
    Keramba Danau Ranu Gedang", "14 Rumah di Sidoreja Terancam Ambles"), so the run is never
    found in the body as written, while "Danau Ranu Gedang" and "(Desa) Sidoreja" are. Only runs the
    headline places (``_placed_in_title``: after "di"/"in", or with a place noun) count, and
    only the longest body name at each point of the run. What it cannot do: a place the
    body never writes as a name of its own (always "danau itu") is not found."""
    found: list[Anchor] = []
    runs = [
        r
        for r in title_names
        if " " in r.text and (not located or _locative_before(title, r.start))
    ]
    if not runs:
        return found
    heads = fold_all(markers.PLACE_HEADS)
    cores = {" ".join(w for w in n.text.split() if fold(w) not in heads) for n in names}
    written = sorted({n.text for n in names} | cores - {""}, key=len, reverse=True)
    for run in runs:
        taken: list[tuple[int, int]] = []
        words = run.text.split()
        for name in written:
            if name == run.text:
                break  # the body writes the run itself: it is a candidate as it is
            parts = name.split()
            n = len(parts)  # whole words of the run (a plain search: names are many)
            at = next((i for i in range(len(words) - n + 1) if words[i : i + n] == parts), None)
            if at is None or not name[:1].isupper():
                continue
            start = run.start + len(" ".join(words[:at])) + bool(at)
            span = (start, start + len(name))
            if overlaps(span, taken) or title[span[0] : span[1]] != name:
                continue
            taken.append(span)
            found.append(Anchor("name", name, name, *span))
    return found


def _places_inside(name: Anchor, lang: str = "id") -> list[Anchor]:
    """A place named inside a longer name: in Indonesian from its place noun on ("Kota Watu
    Agung" in "Kepala Dinas Pemadam Kebakaran Kota Watu Agung" or "Pasar Sentral Kota Watu
    Agung"), in English, where the place noun follows the name, from the name's start to
    its place noun ("Westmarch County" in "Westmarch County Council", not "County
    Council")."""
    heads = "|".join(markers.PLACE_HEADS)
    if lang == "en":
        inner = re.match(rf"(?:[A-Z][\w'’-]*\s+)+(?i:{heads})\b", name.text)
        if inner is None or inner.end() == len(name.text):
            return []
        if not inner.group().split()[-1][:1].isupper():
            return []  # "Hollingford city council": a name, then ordinary words
        return [Anchor("name", inner.group(), inner.group(), name.start, name.start + inner.end())]
    inner = re.search(rf"(?<=\s)(?i:{heads})(?:\s+[A-Z][\w'’-]*)+$", name.text)
    if inner is None:
        return []
    start = name.start + inner.start()
    return [Anchor("name", inner.group(), inner.group(), start, start + len(inner.group()))]


def _speaks(name: str, body: str) -> bool:
    """Whether the body has ``name`` say something, as a body does and a place seldom does:
    "<name> said", "<name>, the region's supplier, said", "<name> mengatakan"."""
    verbs = "|".join(re.escape(v) for v in markers.SAYING_VERBS)
    aside = r"(?:,[^,.\n]{1,60},)?"
    return bool(re.search(rf"\b{re.escape(name)}{aside}\s+(?:{verbs})\b", body))


def _locative_before(text: str, start: int) -> bool:
    """Whether the word before ``start`` (an English "the" skipped) says where something is
    ("di", "in", "at", "on the"): a direction or an origin ("ke", "to", "from") names a
    place the news is not in ("return the bronzes to Tamsar")."""
    before = text[max(0, start - 60) : start].split()[-2:]  # not the whole text before it
    if before and fold(before[-1]) == "the":
        return len(before) == 2 and fold(before[0]) in [*markers.AT_LOCATIVES, "on"]
    return bool(before) and fold(before[-1]) in markers.AT_LOCATIVES


def _placed_in_title(name: Anchor, title: str, body: str, context: NameContext, lang: str) -> bool:
    """Whether a headline's name may be the article's place: said to be where something is
    ("Longsor di Kabupaten Tanah Tinggi", "on the Ashgrove coast"); not when a direction or
    an origin precedes it ("... to Tamsar"); else when headed by a place noun ("Kota Tirta
    Sari"), known as a place ("Kazakhstan"), a word the body also capitalises in
    mid-sentence ("Brennmoor's school phone ban"; not a title-cased "Kasus"), or a longer
    name the body never introduces with a common noun before it, as a body is introduced by
    what it is ("Regional carrier Bramwell Air"). What it cannot do: a body named only in
    the headline and as a subject ("Bramwell Air halts ...; Bramwell Air flew ...") is taken
    for a place as before, unless the body has it say something ("Bramwell Air said")."""
    if _locative_before(title, name.start):
        return True
    before = title[: name.start].split()[-1:]
    if before and fold(before[0]) in [*markers.LOCATIVES, "to"]:
        return False
    label = re.sub(r"['’]s$", "", name.text)
    parts = label.split()
    if any(fold(p) in fold_all(markers.PLACE_HEADS) for p in parts) or is_place(label, lang):
        return True
    if _speaks(label, body):
        return False  # "Brackwater Water, the region's supplier, said ...": a body
    if len(parts) == 1:
        return parts[0] in (context.known or ())
    for m in re.finditer(rf"\b([a-z][\w-]+)\s+{re.escape(' '.join(parts))}\b", body):
        if not stopword(m.group(1), lang) and not is_boundary(m.group(1), lang):
            return False
    return True
