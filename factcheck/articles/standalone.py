"""Claim texts that stand on their own: what a clause says, written so that a reader who has
not seen the article understands it.

In: the article read sentence by sentence (``Discourse`` remembers what came before), each
sentence's clauses (factcheck.articles.clauses) and attribution (factcheck.articles.claimants).
Out: per clause, a claim text and its claimant. The article's own words stay in the claim's
span; only the claim text is rewritten:

- a relative clause gets its noun back ("Pemerintahan Trump, yang menawarkan ..." ->
  "Pemerintahan Trump menawarkan ..."; ", di mana X" -> "X di <noun>"; ", when X" ->
  "X in <noun>"), an apposition becomes "<name> adalah/is <description>";
- a clause cut off from its subject gets it back ("..., but it lost" -> "The party lost");
- a leading pronoun is resolved to the last person, group or thing named ("Ia", "She",
  "Mereka", "It"), "Ketiganya"/"both" to the last list, a demonstrative or definite noun
  ("kesepakatan ini", "the mayor") to the last name with that noun in it ("Kesepakatan
  Abraham", "Mayor Dana Whitfield"), and "Angka itu"/"The figure" to the subject of the
  sentence before when that sentence gave a figure;
- the sentence's time and place are carried in when the clause has none ("pada Maret 2024",
  "di Jawa Timur");
- an attribution is kept ("Menurut BPS, ...", "According to the WHO, ...") and its speaker is
  the claimant, with acronyms the article spells out written out ("BPS" -> "Badan Pusat
  Statistik") and "the mayor" resolved like any definite noun.

What it cannot do: it rewrites only the opening of a clause and what it adds around it, so a
pronoun or demonstrative later in the clause ("vetoed it", "format ini") stays; an event
("Hal ini", "This decision" with nothing of that name before) is not resolved to the clause
that described it; a time word relative to the article's date ("last year", "bulan lalu")
is not turned into a date; and gender is not used ("he" is the last person named).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from factcheck.articles.claimants import Attribution, find_attribution
from factcheck.articles.clauses import (
    FIGURE_APPOSITION_RE,
    LIST_RE,
    RESULT_PARTICIPLE_RE,
    Unit,
    figure_aside,
    is_verb_start,
    own_time_aside,
    passive_description,
)
from factcheck.articles.place import PLACE_LEVELS, dateline_span, is_place, main_place
from factcheck.articles.topic import headline_name, main_topic, names_topic, owned_label
from factcheck.articles.worthiness import NameContext, anchors_of
from factcheck.language import markers
from factcheck.language.anchors import Anchor, acronym_definitions, whole_names
from factcheck.language.lexicon import fold, fold_all, spells_out
from factcheck.language.syntax import (
    first_verb,
    is_boundary,
    is_verb,
    noun_phrase_before,
    skip_opening,
    stopword,
    subject_span,
    without_acronyms,
    word_spans,
)
from factcheck.language.vocabulary import MONTH_NAMES, NUMBER_WORDS, WEEKDAYS, word_trie

_TIME_KINDS = frozenset(("year", "date", "month"))
_NAME = r"[A-Z][\w'’-]*(?:\s+(?:(?:dan|and|of)\s+)?[A-Z][\w'’-]*)*"  # "Bea dan Cukai X"
QUOTE_MARKS = '"“”‘’'
QUOTED_RE = re.compile(r"“[^”]*”|\"[^\"]*\"")
_NUMBER_KINDS = frozenset(("number", "money", "percent", "quantity"))
_WRITE_KINDS = _TIME_KINDS | {"place"} | _NUMBER_KINDS  # what ``Discourse.write`` recognises
# first person plural: a speaker speaking for a body ("Kami menambah ...", "we found")
_FIRST_PLURAL_RE = re.compile(r"(?<![\w-])(?:[Kk]ami|[Ww]e|[Oo]ur|us)(?![\w'’-])")  # not "US"
# "tahun lalu", "next year" (markers.RELATIVE_YEARS), not after a count ("dua tahun lalu")
_RELATIVE_YEAR_RE = {
    lang: re.compile(rf"(?<![\w-])(?<!\d\s)(?i:({'|'.join(phrases)}))(?![\w-])")
    for lang, phrases in markers.RELATIVE_YEARS.items()
}
# Titles that go before a surname alone once the full name was given ("Ms Okafor"); a
# title of office ("Presiden Trump") is kept as written.
_COURTESY_TITLES = frozenset(("mr", "mrs", "ms", "dr", "prof"))
# Courtesy and academic titles written before a name with a full stop: "dr." (a physician),
# "Dr.", "Drs.", "Prof.", "Ir.", "H."/"Hj." (a haji); optional, outside the name's group
_COURTESY_RE = r"(?:(?:[Dd]rs?|[Pp]rof|[Ii]r|Hj?)\.\s+)?"
# A month name, for a cheap test before a clause's dates are recognised.
_MONTH_WORD_RE = re.compile(
    rf"\b(?:{'|'.join(sorted(MONTH_NAMES, key=len, reverse=True))})\b", re.IGNORECASE
)
# A weekday with a day and month in brackets and no year: "Senin (30/11)".
_WEEKDAY_DAY_RE = re.compile(
    rf"\b({'|'.join(sorted(WEEKDAYS, key=len, reverse=True))})\s*\((\d{{1,2}})/(\d{{1,2}})\)",
    re.IGNORECASE,
)
# Two lower-case words made definite: "rumah sakit itu", "rumah sakitnya".
_COMPOUND_DEFINITE_RE = re.compile(
    rf"(?<![\w-])([a-z]+)\s+([a-z]+?)(?:nya|\s+(?:{'|'.join(markers.DEMONSTRATIVES_AFTER)}))"
    r"(?![\w-])"
)
# A title of capitalised words (joined by "dan"/"and"/"of"), a comma, a name and a comma:
# "Kepala Dinas Peternakan Padang Larang, Markus Lede, ...", "Bupati Gunung Kapur, Hartono,".
_TITLE_THEN_NAME_RE = re.compile(
    r"(?<![\w'’-])([A-Z][\w'’-]*(?:\s+(?:(?:dan|and|of|the)\s+)?[A-Z(][\w()'’-]*){0,11}),\s+"
    r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}),"
)


@cache
def _title_words() -> frozenset[str]:
    return fold_all(markers.PERSON_TITLES)


# Adverbs in "-nya" that the markers list ("semestinya", "seharusnya", "tampaknya",
# "kabarnya"): no noun with its owner in "-nya".
_NYA_ADVERBS = frozenset(
    fold(w)
    for w in markers.ADVISORY_MODALS + markers.HEDGES + markers.OPINION_MARKERS
    if w.endswith("nya") and " " not in w
)
# A sentence opening with a description, a comma, a name and a comma: "Salah satu pembudi
# daya, Slamet Riyadi, ...", "Menurut kuasa hukum Asep, Dedi Supriatna, ...".
_DESCRIBED_OPENING_RE = re.compile(
    r"((?:(?:Menurut|According to)\s+)?[A-Za-z][^,;:\"“”()]{2,80}),\s+"
    r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}),"
)
# A part of a group that points back to it: "Sebagian (besar) dari mereka", "Most of them".
_PARTITIVE_RE = re.compile(
    rf"(?i:{'|'.join(markers.GROUP_MARKERS)})(?:\s+(?:besar|kecil))?\s+(?:dari|of)\s+"
    r"(mereka|them)\b"
)
# An age after a name: "Suparmi (54)", "Margaret Lowe, 78,".
_AGE_AFTER = re.compile(r"\s*\(\d{1,3}\)|,\s*\d{1,3},")
# What opens an attribution before its speaker: "Menurut X, ...", "According to X, ...".
_SOURCE_OPENERS = "Menurut|According to"
# What joins the two months of a range: "Juli hingga September", "from March to June".
_RANGE_RE = re.compile(r"\s*(?:hingga|sampai|dan|to|and|until|[-–—])\s*", re.I)
# "It is likely that ...", and "It was the second downgrade": an "it" that names no thing
# (the second points to an event the sentence before told, which a rule cannot name).
_DUMMY_IT = re.compile(
    r"^it\s+(?:(?:is|was|has been)\s+\w+\s+(?:that|to)\b"
    r"|(?:is|was)\s+the\s+(?:first|second|third|\w+th|latest|last)\b)",
    re.I,
)


@dataclass
class Mention:
    """Something the article has named: its words, and whether a person, group or thing."""

    text: str
    kind: str  # "person", "group", "thing", "measure"
    time: str = ""  # the time phrase of its sentence, carried with it


@dataclass
class Written:
    """A clause's claim text and its claimant (None: the article's own voice); ``label`` is
    the article's topic, to put before a claim text that does not name it ("Longsor: ")."""

    text: str
    claimant: str | None
    label: str = ""

    @property
    def claim_text(self) -> str:
        """The claim text as a reader sees it: the label, then the text."""
        return f"{self.label}{self.text}"


@dataclass
class Discourse:
    """What the article has said so far, for resolving what a clause points back to."""

    lang: str
    context: NameContext
    names: list[str] = field(default_factory=list)  # every name so far, in order
    person: Mention | None = None
    group: Mention | None = None
    thing: Mention | None = None
    subject: Mention | None = None  # the last sentence's subject
    members: str | None = None  # the last list of names
    members_fresh: bool = False  # whether the sentence before gave that list
    place: tuple[str, str] | None = None  # the article's place: (its core, how to write it)
    topic: str | None = None  # what the article is about ("longsor", "bus lane plan")
    seen: str = ""  # the sentences read so far
    titled: dict[str, str] = field(default_factory=dict)  # "mayor" -> "Mayor Daniel Okonjo"
    last_place: str | None = None  # the last place named ("Desa Tanjung Lalang")
    opening_subject: str | None = None  # the last sentence's first subject, a speaker too
    read: int = 0  # sentences read so far
    near_place: tuple[str, int] | None = None  # "the port of Hallvik": (Hallvik, sentence no.)
    people: list[str] = field(default_factory=list)  # names a title marks as a person
    roles: dict[str, str] = field(default_factory=dict)  # "operator" -> "Westmark Grid"
    title: str = ""  # the article's headline
    shortened: dict[str, str] = field(default_factory=dict)  # "pinjol" -> "pinjaman online"
    before: list[str] = field(default_factory=list)  # names of this sentence before the clause
    recent: list[list[str]] = field(default_factory=list)  # names of the two sentences before
    bodies: dict[str, str] = field(default_factory=dict)  # "Sri Rahayu" -> "BPBD Lereng Mulya"
    speaker: str | None = None  # the last body (no person) an attribution named
    named: str | None = None  # the name the article is about, when it has no topic word
    spoke: bool = False  # whether that body spoke in the sentence being read
    introduced: dict[str, str] = field(default_factory=dict)  # "kapal" -> "KM Bunga Teratai"
    quoted_name: str | None = None  # the last speaker named by two or more capitalised words
    titled_subjects: dict = field(default_factory=dict)  # this sentence's: subject -> title+name
    person_titles: dict[str, str] = field(default_factory=dict)  # "Markus Lede" -> his title
    definite: dict[str, bool] = field(default_factory=dict)  # ``_only_definite``'s answers
    defined: dict[str, str] = field(default_factory=dict)  # "PBB" -> "pajak bumi dan bangunan"
    year: int | None = None  # the year the article was written in, from its dates
    months: tuple[int, int] | None = None  # the first and last month of that year's dates
    body: str = ""  # the whole article body (Discourse.of)
    label: str | None = None  # the one name the article gives its one-word topic
    owned: str | None = None  # the topic with the headline's name that owns it
    spoken: list[str] = field(default_factory=list)  # claimants of two capitalised words+
    reading: str = ""  # the sentence being written

    @classmethod
    def of(cls, text: str, lang: str, title: str = "") -> Discourse:
        """A discourse over article ``text`` (and its ``title``): its lower-case words,
        spelled-out acronyms and the place it is about."""
        context = name_context(text, lang)
        place = main_place(text, lang, context, title)
        topic = main_topic(title, text, lang, context)
        shortened = syllabic_abbreviations(f"{title}\n{text}") if lang == "id" else {}
        if topic and shortened:
            topic = _spell_out(topic, shortened)
        discourse = cls(lang, context, [], place=place, topic=topic, title=title)
        discourse.shortened = shortened
        discourse.body = text
        if topic is None:  # "Storm Kessa leaves 82,000 homes without power": the name
            discourse.named = headline_name(title, text, lang, context, place and place[0])
        discourse.defined = bracketed_definitions(text, context)
        discourse.label = _named_topic(topic, text, lang)
        core = place[0] if place else None
        discourse.owned = owned_label(topic, title, text, lang, context.known, core)
        if lang == "id":
            discourse.introduced = introduced_names(title, text, context)
        if topic is None and discourse.named is None and discourse.introduced:
            # "KM Bunga Teratai", named once in the body and then as "kapal itu": the
            # headline's name that the body keeps calling by its noun
            discourse.named = next(iter(discourse.introduced.values()))
        return discourse

    # --- one sentence ----------------------------------------------------------------------

    def write(self, sentence: str, units: list[Unit]) -> list[Written]:
        """Claim texts and claimants for the ``units`` of ``sentence``, then remember what the
        sentence named."""
        lang = self.lang
        self.reading = sentence
        anchors = anchors_of(sentence, lang, _WRITE_KINDS)
        attribution = find_attribution(sentence, lang)
        written, previous_subject, previous_text = [], None, ""
        plain: list[Written] = []
        names = whole_names(
            sentence, lang, self.context.common, self.context.acronyms, self.context.known
        )
        self.titled_subjects = self._titled_subjects(sentence, units)
        self._remember_titles(sentence)
        for unit in units:
            # "... status Gunung Wangsa ..., setelah gunung itu meletus": a name earlier in
            # the sentence is the nearest antecedent of the clause
            self.before = self._names_before(names, unit.subject[0] if unit.subject else unit.start)
            text = self._clause_text(sentence, unit, previous_subject)
            span = sentence[unit.start : unit.end]
            figure = _figure_apposition(span, previous_text, self.lang)
            if figure:
                text = figure
            elif previous_text and RESULT_PARTICIPLE_RE.match(span) and self.lang == "en":
                # ", ending the party's hold": what brought it about goes with it
                text = f"{previous_text.rstrip(' ,.')}, {span}"
            elif (
                previous_text
                and unit.role == "main"
                and sentence[: unit.start].rstrip().endswith(",")  # not "whereas ..."
                and (figure_aside(span, self.lang) or unit.aside)
            ):
                # ", dua kali lipat dari periode yang sama": the figure it is said of goes with it
                text = f"{previous_text.rstrip(' ,.')}, {span}"
            text = _spell_out(text, self.shortened)
            text = _defined_in_full(text, self.defined)
            text = self._resolve_counted(text, sentence[: unit.start])
            text = self._resolve_places(text)
            text = self._resolve_local(text)
            text, subject = self._resolve_opening(text, previous_subject, anchors)
            text = self._resolve_compound(text)
            text = self._resolve_inner(text)
            text = self._resolve_named_inner(text)
            text = self._resolve_owned(text, sentence[: unit.start], previous_subject)
            text = self._date_relative_years(text)
            text = self._resolve_among(text, sentence, unit.start, anchors)
            previous_text = text if unit.role == "main" else previous_text
            if unit.role != "apposition":
                # a relative clause's own time is not the main clause's ("PLTU yang mulai
                # beroperasi pada 2006 itu memasok ...")
                # nor is the earlier time of a change split off ("..., up from 59.1 percent
                # in 2021"), nor a share's (", the last of them in June 2025")
                # nor is the time of a clause set against it ("..., hanya 31 ahli gizi,
                # sementara pada 2023 jumlahnya masih 38 orang": 2023 is the other figure's)
                asides = [
                    (u.start, u.end)
                    for u in units
                    if u is not unit
                    and (
                        u.role == "relative"
                        or own_time_aside(sentence[u.start : u.end], lang)
                        or _contrasted(sentence, u)
                    )
                ]
                text = _carry_context(sentence, unit, text, anchors, lang, asides)
                text = self._carry_place(text)
            text = self._date_bare_months(text)
            text = self._date_weekday_days(text)
            # what the article says of a figure someone gave is in the article's own voice
            said = None if figure else attribution
            text, claimant = self._attribute(sentence, unit, text, said)
            if unit.subject in self.titled_subjects and claimant:
                name = sentence[unit.subject[0] : unit.subject[1]]
                # the claimant is the person, as the sentence names them
                claimant = name if claimant in self.titled_subjects[unit.subject] else claimant
            text = self._resolve_side(text, claimant)
            text = self._speaking_for(text, claimant)
            self._remember_speaker(claimant, sentence)
            label = self._topic_label(text) if unit.role != "apposition" else ""
            # the label is read off the claim as the sentence wrote it: a title written in
            # makes no person's name the claim's subject
            # what is remembered of the clause is as the sentence wrote it, without the title
            plain.append(Written(_capitalise(text), claimant, label))
            own = {sentence[a:b] for a, b in self.titled_subjects}  # titled here already
            text = self._with_title(text, own)
            written.append(Written(_capitalise(text), claimant, label))
            previous_subject = subject or previous_subject
            self._remember_people(sentence[unit.start : unit.end])
        self.before = []
        self._remember(sentence, units, plain, anchors, attribution, names)
        if self.spoke:  # "X said a rescue had failed. It had lost ...": X, not the rescue
            self.thing, self.spoke = Mention(self.speaker, "thing"), False
        self.seen += sentence + "\n"
        return written

    def _titled_subjects(self, sentence: str, units: list[Unit]) -> dict:
        """Subjects introduced by a title before them in apposition ("Bupati Padang Larang,
        Simon Riwu, menetapkan ..."): the main clause keeps the title with the name, set off
        by commas as written ("Bupati Padang Larang, Simon Riwu, menetapkan ..."; run
        together, the two would read as one name), as a reader needs to know who
        the person is. Keyed by the subject's span; only a title of PERSON_TITLES at the
        description's start counts."""
        titles = fold_all(markers.PERSON_TITLES)
        out = {}
        for unit in units:
            if unit.role != "apposition" or not unit.subject or unit.subject[0] <= unit.start:
                continue
            described = sentence[unit.start : unit.subject[0]].rstrip(" ,")
            first = fold(described).split()[:2]
            if not first or not (first[0] in titles or " ".join(first) in titles):
                continue
            if "," in described or len(described.split()) > 8:
                continue
            name = sentence[unit.subject[0] : unit.subject[1]]
            out[unit.subject] = f"{_capitalise(described)}, {name},"  # its names kept apart
            self.person_titles[name] = _capitalise(described)
        return out

    def _remember_titles(self, sentence: str) -> None:
        """People the sentence names after a title of capitalised words set off by commas
        ("Kepala Dinas Peternakan Padang Larang, Markus Lede, ..."), however the clauses
        were split: the title ``_with_title`` writes with their later claims."""
        if ", " not in sentence:
            return
        for m in _TITLE_THEN_NAME_RE.finditer(sentence):
            title, name = m.group(1), m.group(2)
            first = fold(title).split()
            if first[0] in _title_words() or " ".join(first[:2]) in _title_words():
                self.person_titles.setdefault(name, title)
            elif described := self._described_person(
                name, sentence[: m.start(2)].rstrip(" ,"), sentence[m.end() :]
            ):
                self.person_titles.setdefault(name, described)
                self.people.append(name)
        # a description in lower case opening the sentence: "Salah satu pembudi daya, Slamet
        # Riyadi, kehilangan ...", "Seorang warga, Budi Santoso, mengatakan ..." (Indonesian:
        # an English name in apposition most often carries its title, "Councillor X")
        m = _DESCRIBED_OPENING_RE.match(sentence) if self.lang == "id" else None
        if m and m.group(2) not in self.person_titles:
            described = self._described_person(m.group(2), m.group(1), sentence[m.end() :])
            if described:
                self.person_titles[m.group(2)] = described
                self.people.append(m.group(2))

    def _described_person(self, name: str, before: str, after: str) -> str | None:
        """The description of ``name`` when it is a person introduced by a description set
        off by commas before it, with a role noun the title list does not hold ("Anggota
        Komisi III DPRD Cilaksana, Wawan Hermawan, menilai ...", "Menurut kuasa hukum Asep
        Kurniawan, Dedi Supriatna, ...", "Psikolog dari Universitas Tirta Kencana, Veronika
        Sitorus, mengatakan ..."); None otherwise. ``before`` is the sentence up to the
        comma before the name, ``after`` what follows the comma after it. The description
        runs back to the sentence's start, "Menurut"/"According to" or a comma; the name
        is followed by a verb or "yang"/"who" (or by the content, after "Menurut"). The
        name has a person's shape: two to four capitalised words, none an organisation,
        company or place noun, no acronym, no place; the description opens with no place
        noun and holds no verb (it is a noun phrase, not a clause that ends in a name).
        What it cannot do: a thing named in the same shape with a head the lists lack
        ("Bendungan terbesar, Waduk Sermo, mengalami ...") is taken for a person too."""
        words_ = name.split()
        if not 2 <= len(words_) <= 4 or any(w.isupper() for w in words_):
            return None
        heads = fold_all(markers.ORGANISATION_HEADS + markers.PLACE_HEADS + markers.COMPANY_FORMS)
        if {fold(w) for w in words_} & heads or is_place(name, self.lang):
            return None
        # the last place a description may start
        *_, opener = [None, *re.finditer(rf"(?:^|,\s*|\b(?:{_SOURCE_OPENERS})\s+)", before)]
        description = before[opener.end() :].strip() if opener else before.strip()
        sourced = bool(opener and re.match(rf"\s*(?:{_SOURCE_OPENERS})\b", opener.group(), re.I))
        # the name's predicate: a verb, or a lower-case word that no phrase or list goes on
        # with ("kehilangan", which the verb test does not read as one)
        verb = re.match(r"\s*([a-z][\w-]*)", after)
        relative = verb is not None and markers.RELATIVES.get(verb.group(1)) == "subject"
        predicate = verb is not None and (relative or is_verb(verb.group(1), self.lang))
        if verb is not None and not predicate:
            word = verb.group(1)
            predicate = not (is_boundary(word, self.lang) or stopword(word, self.lang))
        if not sourced and not predicate:
            return None
        spans = word_spans(description)
        if not spans or len(spans) > 12 or not description[:1].isalpha():
            return None
        if fold(spans[0].text) in fold_all(markers.PLACE_HEADS) or is_place(description, self.lang):
            return None  # "Desa Cikaret, Kecamatan ...": a place, then another
        opening = spans[0].lower
        subordinators = markers.ADVERBIAL_SUBORDINATORS + markers.CONCESSIVE_OPENERS
        subordinators = [*subordinators, *markers.CONDITIONALS, *markers.RELATIVES]
        if is_boundary(opening, self.lang) or opening in subordinators:
            return None  # "Setelah bertemu Bupati X, Budi, ...": a clause, not a description
        if any(is_verb(w.text, self.lang) for w in spans):
            return None
        # a description that points back ("Its chief executive", "pejabat proyek tersebut",
        # "The council's cabinet member") would carry its pronoun into every later claim
        pointing = {*markers.POSSESSIVES.get(self.lang, {}), *markers.DEMONSTRATIVES_AFTER}
        if any(w.lower in pointing or w.lower.endswith("nya") for w in spans):
            return None
        if self.lang == "en" and re.match(r"[Tt]he\s+[a-z][\w-]*['’]s?\s", description):
            return None
        return description

    def _with_title(self, text: str, own: dict) -> str:
        """A person named alone at a claim's opening, or after "Menurut"/"According to",
        whom an earlier sentence introduced with a title in apposition ("Kepala Dinas
        Peternakan Padang Larang, Markus Lede, ..."), written with that title again:
        "Kepala Dinas Peternakan Padang Larang, Markus Lede, beralasan ...", as a reader of
        the one claim needs to know who the person is. What it cannot do: a title given
        after the name ("Markus Lede, kepala dinas, ...") or without commas is not read."""
        for name, title in self.person_titles.items():
            if name in own or title in text:
                continue
            opening = re.match(
                rf"((?:{_SOURCE_OPENERS})\s+)?{re.escape(name)}(,?)\s+(?=[a-z])", text
            )
            if opening is None:
                continue
            lead = opening.group(1) or ""
            # a description as written ("anggota DPRD X") after "Menurut", capitalised
            # where it opens the claim
            title = title if lead else _capitalise(title)
            said = ", " if opening.group(2) else ", "
            rest = text[opening.end() :]
            if opening.group(2):  # "Menurut Markus Lede, anggaran ...": the comma is there
                return f"{lead}{title}, {name}, {rest}"
            return f"{lead}{title}, {name}{said}{rest}"
        return text

    def _remember_speaker(self, claimant: str | None, sentence: str) -> None:
        """A body that said something ("Ashgrove Power Networks ... said"): what a later
        "..., it said" names. A person's name, or one word, is left to the person rules."""
        joined = re.sub(r"\s(?:and|dan|of|for|&)\s", " ", claimant or "")  # "X and Y Union"
        if not claimant or len(claimant.split()) < 2 or not _titled(joined):
            return
        self.spoken.append(claimant)
        if self._is_body(claimant, sentence):
            self.speaker = claimant
            self.spoke = True

    def _is_body(self, name: str, sentence: str) -> bool:
        """Whether a name is a body's, not a person's: introduced with a role ("Regional
        carrier Bramwell Air"), named after the article's place ("Easton Rovers"), or not
        taken for a person by ``_kind_of`` (a name of two or three capitalised words is) nor
        by a title in the apposition after it ("Tom Hardacre, an economist at ...")."""
        if name in self.roles.values() or (self.place and self.place[0] in name):
            return True
        # "Tom Hardacre, an economist at ...": a title in the apposition after the name
        after = re.search(rf"{re.escape(name)},\s+([^,]{{2,80}})", sentence)
        if after and {fold(w) for w in after.group(1).split()} & _title_words():
            return False
        return self._kind_of(name, sentence, []) != "person"

    def _names_before(self, names: list[Anchor], at: int) -> list[str]:
        """The sentence's ``names`` that end before ``at`` (the clause's subject, else its
        start), acronyms written out: "The club, which plays at Park Road, will repay" does
        not point to Park Road."""
        return [self.context.acronyms.get(n.text, n.text) for n in names if n.end <= at]

    def _clause_text(self, sentence: str, unit: Unit, previous_subject: str | None) -> str:
        span = sentence[unit.start : unit.end]
        if unit.role == "included":
            return _included_text(span, self.lang)
        if unit.role == "gapped":  # "and Daybreak 7.5 million pounds": the verb left out
            name, rest = re.match(r"((?:[A-Z][\w&'’-]*\s+){1,3})(.*)", span, re.S).groups()
            return f"{name}{sentence[unit.subject[0] : unit.subject[1]].strip()} {rest}"
        noun = self._noun(sentence, unit.subject) if unit.subject else None
        if unit.role == "main" and unit.subject in self.titled_subjects:
            noun = self.titled_subjects[unit.subject]  # "Bupati Padang Larang, Simon Riwu,"
        if unit.role == "relative" and noun:
            body = re.sub(
                r"^.*?(?:[,—]\s*)?(?:yang|which|whose|who|that|di\s?mana|where|ketika|saat|when)\b\s*",
                "",
                span if unit.start != unit.subject[0] else span[unit.subject[1] - unit.start :],
                count=1,
                flags=re.I | re.S,
            )
            return self._relative_text(noun, body, unit.relation)
        if unit.role == "apposition" and noun:
            # the parts besides the subject as written ("The gallery" when ``noun`` is the
            # name it was resolved to, "Pellmore Gallery")
            written = sentence[unit.subject[0] : unit.subject[1]].strip()
            pieces = re.split(r"(?<!\d),|,(?!\d)", span)  # "23,000" is one figure
            other = [p.strip() for p in pieces if p.strip() not in ("", noun, written)]
            verb = "adalah" if self.lang == "id" else "is"
            if all(passive_description(o, self.lang) for o in other):
                verb = "was"  # "Bramwell, founded in 1994, ...": "Bramwell was founded"
            if not other:
                return span
            described = [  # "Its leader" -> "the Liberal Union's leader"
                _lower_first(self._described(o), self.context) for o in other
            ]
            joined = f" {'dan' if self.lang == 'id' else 'and'} ".join(described)
            return f"{noun} {verb} {joined}"
        if unit.role == "main" and noun:
            opener = sentence[unit.opener[0] : unit.opener[1]].strip() if unit.opener else ""
            if is_verb_start(span, self.lang):  # "Economists at" + "the IMF" + "had predicted"
                last = word_spans(opener)[-1:]
                joined = last and is_boundary(last[0].text, self.lang) and "," not in opener
                return f"{opener} {noun} {span}" if joined else f"{noun} {span}"
            if opener:
                return f"{opener} {noun}, {span}"
            if unit.start >= unit.subject[1] and span[:1].islower():
                # "Pelabuhan Pasir Putih, yang selesai diperluas ..., kini memiliki ...": the
                # clause after the relative clause opens with an adverb, not its subject
                return f"{noun} {span}"
        participle = re.match(r"(?:saying|sambil mengatakan|dengan mengatakan)\s+", span, re.I)
        if previous_subject and participle:  # ", saying it would ...": what the subject said
            said = "said" if self.lang == "en" else "mengatakan"
            return f"{previous_subject} {said} {span[participle.end() :]}"
        if previous_subject and is_verb_start(span, self.lang):
            return f"{previous_subject} {span}"  # ", and hired 40 nurses"
        if previous_subject and unit.role == "main" and first_verb(span, self.lang) is None:
            head = _without_trailing_phrase(previous_subject, self.lang)
            if head and _has_figure(span, self.lang):  # ", sementara di perkotaan 6,1 persen"
                return f"{head} {_lower_first(span, self.context)}"
        return span

    def _described(self, description: str) -> str:
        """An apposition's description with a possessive opening resolved ("Its leader" ->
        "the Liberal Union's leader"); one opening with "the" says what the name is ("the
        cabinet member for highways") and points back to nothing, so it is left as written
        (resolved, "the cabinet member" had become "The budget")."""
        if self.lang == "en" and description.lower().startswith("the "):
            return description
        return self._resolve_opening(description, None, [])[0]

    def _relative_text(self, noun: str, body: str, relation: str) -> str:
        source = re.match(
            rf"(?:{'|'.join(map(re.escape, markers.SOURCE_PREPOSITIONS))})\s+([^,]+),\s*",
            body,
            re.I,
        )
        if relation in ("place", "time"):
            preposition = markers.RELATIVE_PREPOSITIONS[(self.lang, relation)]
            if self.lang == "en" and relation == "time" and noun[:1].isdigit():
                preposition = "on"  # "on 3 May 2024", "in May 2024"
            if re.match(rf"(?:{preposition}|pada|in|on|at)\b", noun, re.I):
                return f"{body} {noun}"
            return f"{body} {preposition} {noun}"
        if relation == "possessive":  # "the IMF, whose own forecast ..."
            return f"{noun}'s {body}"
        if source:  # "yang menurut banyak pihak, sempat ...": the attribution leads
            lead = body[: source.end()].rstrip(", ")
            return f"{lead}, {noun} {body[source.end() :]}"
        owned = _owned_by_noun(body, self.lang)
        if owned:  # "yang sebagian besar hutannya telah ..." -> "sebagian besar hutan X telah"
            before, thing, rest = owned
            return f"{before}{thing} {noun} {rest}"
        return f"{noun} {body}"

    def _noun(self, sentence: str, span: tuple[int, int]) -> str:
        """A noun phrase of the sentence with its demonstrative resolved or dropped."""
        noun = sentence[span[0] : span[1]]
        resolved, _ = self._resolve_opening(noun, None, [])
        resolved = _drop_demonstrative(resolved, self.lang)
        head = word_spans(resolved)
        # a capitalised noun opening the sentence that the article writes in lower case too
        # ("Koperasi yang berdiri pada 2009 ...") is as bare as "koperasi" in mid-sentence
        bare = head and (head[0].text.islower() or fold(head[0].text) in self.introduced)
        if self.lang == "id" and bare and resolved == noun:
            named = self._named_with(head[0].text)  # "kesepakatan yang ..." -> "Kesepakatan
            if named and fold(named.split()[0]) == fold(head[0].text):  # Abraham yang ..."
                return named + resolved[head[0].end :]
        return resolved

    # --- what a clause opens with -----------------------------------------------------------

    def _resolve_opening(
        self, text: str, previous_subject: str | None, anchors: list[Anchor]
    ) -> tuple[str, str | None]:
        """Replace a leading pronoun, collective or demonstrative noun phrase by what it
        points back to; also return the clause's subject as written after that."""
        spans = word_spans(text)
        if not spans:
            return text, None
        first = spans[0].lower
        lang = self.lang
        kind = markers.PRONOUNS.get(lang, {}).get(first)
        if kind and not _DUMMY_IT.match(text):
            antecedent = previous_subject if kind == "thing" and previous_subject else None
            if antecedent and not self._one_thing(antecedent):
                antecedent = None  # "Residents must boil water, but it is safe ...": no "it"
            if kind == "group" and self.members_fresh:
                antecedent = self.members  # "... tiga desa, yakni A, B, dan C. Mereka ..."
            antecedent = antecedent or self._antecedent(kind)
            if antecedent and kind == "thing" and not self._one_thing(antecedent):
                antecedent = None
            if antecedent and kind == "thing" and self._not_what_it_is(text, antecedent):
                antecedent = None  # "It is the largest moorland fire": no fire service
            if antecedent:
                text = antecedent + text[spans[0].end :]
        elif first in markers.COLLECTIVE_PRONOUNS or (
            len(spans) > 1 and " ".join(w.lower for w in spans[:2]) in markers.COLLECTIVE_PRONOUNS
        ):
            # "all three ..." takes two words, "Keduanya" one, also when it is all of the text
            # (a subject alone before its relative clause: "Keduanya, yang ...")
            words_used = 1 if first in markers.COLLECTIVE_PRONOUNS else 2
            antecedent = self.members or (self.group.text if self.group else None)
            if antecedent:
                text = antecedent + text[spans[words_used - 1].end :]
        elif first in markers.POSSESSIVES.get(lang, {}):
            kind = markers.POSSESSIVES[lang][first]
            # "Although Kestrel spends ..., its education budget rose": the sentence's subject
            same = previous_subject if kind == "thing" and previous_subject else None
            if same and (self._kind_of(same, "", []) == "person" or not self._one_thing(same)):
                same = None  # "its" is no person's, nor several things'
            antecedent = same or self._antecedent(kind)
            if kind == "thing" and antecedent and self._a_person(antecedent):
                antecedent = None  # "its laboratory systems" are no person's
            if kind == "thing" and antecedent and not self._one_thing(antecedent):
                antecedent = None
            if kind == "thing" and not same and antecedent:
                # "said Hamid Rastegar, a researcher ... In a survey by the Brennmoor Teachers'
                # Association, ... Its general secretary": a body named in the sentence
                # before is nearer than what was remembered from further back
                last = self.recent[-1] if self.recent else []
                body = self._last_body(last)
                if body and antecedent not in last and body not in antecedent:
                    antecedent = body
            if kind == "thing" and not same and antecedent is None:
                # "X County Council's cabinet member, Councillor Y, said its costs ...": with
                # nothing else it can be, the body named earlier in the sentence, else in the
                # sentence before
                last = self.recent[-1] if self.recent else []
                antecedent = self._last_body(self.before) or self._last_body(last)
            if antecedent and len(spans) > 1:
                text = f"{antecedent}'s {text[spans[1].start :]}"
        elif self._full_name(spans):
            text = self._full_name(spans) + text[spans[0].end :]
        elif self._bare_company(spans, 0):
            text = self._company() + text[spans[0].end :]
        elif bare := self._bare_opening(spans):  # "Pasar sudah memiliki ..."
            text = bare + text[spans[0].end :]
        elif partitive := _PARTITIVE_RE.match(text):
            # "Sebagian dari mereka", "Most of them": the part of the group named last
            group = self.members if self.members_fresh else None
            group = group or (self.group.text if self.group else None)
            if group:
                the = "the " if lang == "en" and group[:1].isdigit() else ""
                group = _lower_first(group, self.context)
                text = f"{text[: partitive.start(1)]}{the}{group}{text[partitive.end(1) :]}"
        else:
            text = self._resolve_demonstrative(text, spans, anchors)
        subject = subject_span(text, lang)
        return text, (text[subject[0] : subject[1]] if subject else None)

    def _one_thing(self, antecedent: str) -> bool:
        """Whether ``antecedent`` can be what an "it"/"its" points to: not a phrase that
        opens with a pronoun or possessive itself (unresolved: "Its factory on Mill Road"),
        and, in English, not a plural: a number before its head ("84,000 visits"), one word
        in "-s" that the article writes in lower case or never capitalises in mid-sentence
        ("Residents"), or words ending in "-s" that the article also writes as a common noun
        ("School Crossing Patrols" where it writes "school crossing patrols"; "Stowley
        Baths", "The Drovers Arms", "Ardent Ceramics" are one place or body each). What it
        cannot do: an irregular plural ("people", "children") is taken for one thing."""
        words_ = re.split(r"\s+(?:of|who|which|that)\s+", antecedent)[0].split()
        if not words_:
            return False
        pronouns = {**markers.PRONOUNS.get(self.lang, {}), **markers.POSSESSIVES.get(self.lang, {})}
        if words_[0].lower() in pronouns:
            return False
        if self.lang != "en":
            return True
        head = words_[-1].lower()
        if re.fullmatch(r"\d[\d,.]*", words_[0]) and head.endswith("s"):
            return False
        plural = re.fullmatch(r"[a-z-]+[^su']s", head) is not None
        # several words are a plural only as the article writes them in lower case too
        # ("School Crossing Patrols" and "school crossing patrols"); "Ardent Ceramics" beside
        # "ceramics factories" is one body
        if len(words_) > 1:
            phrase = " ".join(w.lower() for w in words_ if w.lower() != "the")
            return not (plural and re.search(rf"\b{re.escape(phrase)}\b", self.body))
        alone = words_[-1] not in (self.context.known or ())
        return not (plural and (head in self.context.common or alone))

    def _last_body(self, names: list[str]) -> str | None:
        """The last of ``names`` that is a body's: a name with an organisation noun in it
        that is no person's and no place."""
        heads = fold_all(markers.ORGANISATION_HEADS)
        for name in reversed(names):
            folded = {fold(w).strip("'’") for w in re.split(r"['’]s?\s|\s", name)}
            if len(name.split()) < 2 or name in self.people or not folded & heads:
                continue
            if is_place(name, self.lang):
                continue
            return name
        return None

    def _not_what_it_is(self, text: str, antecedent: str) -> bool:
        """Whether an English "It is/was the <...> <noun>" cannot be about the antecedent
        found: the body that spoke last, whose name holds the noun but ends in another head
        ("North Dales Fire and Rescue Service" for "It is the largest moorland fire": a fire
        service, not a fire), or words with a verb in
        them, a clause cut short ("Route 47 runs six return" for "It is the only bus ...").
        "It" is then left as written: unresolved, not false. What it cannot do: a common
        noun of another kind is kept ("The collapse was the only airline"), as an event's
        noun is often right ("The minimum wage ... is the largest increase"); it finds no
        better antecedent."""
        if self.lang != "en":
            return False
        copula = re.match(
            r"it\s+(?:is|was)\s+(?:the|a|an|one\s+of\s+the|[\w-]+['’]s)\s+((?:[\w-]+\s+){0,3}?)"
            r"([a-z][\w-]*)(?=\s+(?:in|on|at|of|for|since|serving|to|with|by)\b|[\s,.]*$)",
            text,
            re.I,
        )
        if copula is None:
            return False
        noun = copula.group(2).lower()
        head = re.sub(r"['’]s$", "", antecedent.split()[-1]).lower()
        if head.rstrip("s") == noun.rstrip("s"):
            return False
        if first_verb(antecedent, self.lang, 1) is not None:
            return True  # "Route 47 runs six return": a clause cut short, no noun phrase
        # "North Dales Fire and Rescue Service": a fire service, not a fire
        inside = {fold(w).rstrip("s") for w in antecedent.split()[:-1]}
        return antecedent == self.speaker and noun.rstrip("s") in inside

    def _a_person(self, name: str) -> bool:
        """Whether the article marked ``name`` as a person's, by a title or an age
        (``_remember_people``); two capitalised words alone ("Arlen Nutrition") do not."""
        return name in self.people

    def _resolve_demonstrative(self, text: str, spans, anchors: list[Anchor]) -> str:
        phrase = _demonstrative_phrase(text, spans, self.lang)
        if phrase is None:
            return text
        head, end, determiner = phrase
        times = fold_all(markers.TIME_NOUNS)
        if any(fold(w.text) in times for w in spans if w.end <= end):
            return text  # "Pekan ini", "This week": the article's time, no thing named before
        bare = len(spans) > 1 and spans[1].end >= end  # "the club", "lembaga itu"
        named = self._named_with(head) or self.introduced.get(fold(head))
        named = named or (self._nearest_organisation(fold(head)) if bare else None)
        named = named or self._previous_organisation(head, spans, end)
        if named:
            return named + text[end:]
        figure_noun = fold(head) in fold_all(markers.FIGURE_NOUNS)
        measured = self._measured_before(head) if figure_noun else None
        measured_subject = self.subject and self.subject.kind == "measure"
        if measured and (_has_figure(text, self.lang) or not measured_subject):
            time = self.subject.time if self.subject else ""
            carried = f" {time}" if time and time not in text and time not in measured else ""
            return measured + carried + text[end:]
        if figure_noun and measured_subject and not _has_figure(text, self.lang):
            # "Angka itu berasal dari survei ...": what is said of the figure itself, not a
            # new figure; the figure of the sentence before, by its subject ("Angka populasi
            # gajah liar ..."). What it cannot do: a figure noun that points further back than
            # the sentence before is given that sentence's subject all the same.
            subject = _lower_first(self.subject.text, self.context)
            if self.lang == "en":  # "That share was ..." -> "The share for <subject> was ..."
                return f"The {head} for {subject}{text[end:]}"
            return f"{_capitalise(head)} {subject}{text[end:]}"
        if measured_subject and _has_figure(text, self.lang):
            if figure_noun:
                time = self.subject.time
                # the figure's own time ("pada Maret 2025") goes with it, whatever other time
                # the clause gives ("terendah sejak 2015")
                fresh = time and time not in self.subject.text and time not in text
                carried = f" {time}" if fresh else ""
                return self.subject.text + carried + text[end:]
        modifiers = None if figure_noun else self._first_mention(head)
        if modifiers and not set(modifiers.split()) & {w.lower for w in spans}:
            if (
                self.lang == "id"
            ):  # "Program senilai ... itu" -> "Program seragam gratis senilai ..."
                rest = _drop_demonstrative(text[spans[0].end : end], "id")
                return f"{spans[0].text} {modifiers}{rest}{text[end:]}"
            owner = re.search(  # "Easthaven's city council" -> "The council" is Easthaven's
                rf"\b([A-Z][\w-]*(?:\s[A-Z][\w-]*){{0,3}})['’]s\s+{re.escape(modifiers)}\s+"
                rf"{re.escape(head)}\b",
                self.seen,
            )
            if owner and self._kind_of(owner.group(1), "", []) != "person":
                return f"{owner.group(1)}'s {modifiers} {head}{text[end:]}"
            # the phrase's own words stay before the first mention's ("The 24 remaining
            # libraries" -> "The 24 remaining branch libraries")
            own = text[spans[0].end : end - len(head)].strip()
            counted = re.match(r"\d", own) and not _has_figure(modifiers, self.lang)
            own = f"{own} " if counted else ""
            return f"The {own}{modifiers} {head}{text[end:]}"  # "The plan" -> "The bus lane plan"
        if re.search(r"[,;:()](?!\d)", text[:end]) or figure_noun:
            return text
        if self.lang == "id":
            between = text[spans[0].end : end].split()[:-1]
            if between and not any(re.search(r"\d", w) for w in between):
                return text  # "sebagian besar alat itu": the noun is the last word (inside)
            noun = self._noun_for(head)
            if noun:  # "Laporan itu" -> "Laporan Bank Dunia", "kawasan itu" -> "Lereng ..."
                return noun + _drop_demonstrative(text[spans[0].end : end], "id") + text[end:]
            return text
        between = [w for w in spans[1:] if w.end < end]
        plain = all(re.fullmatch(r"[\d.,]+|million|billion|thousand", w.lower) for w in between)
        several = self.topic and len(self.topic.split()) > 1  # a lone topic is a head noun
        if determiner == "the" and plain and several and self._topic_fits(head, text, True):
            at = spans[len(between) + 1].start  # "The $18 million scheme" -> "... bus lane ..."
            return f"{text[:at]}{_topic_modifiers(self.topic, 'en')} {text[at:]}"
        return text

    def _noun_for(self, head: str, topic: bool = True) -> str | None:
        """What an Indonesian "<head> itu/ini/tersebut" names, when no name has that head:
        the owner of "<head>nya" in the sentence before ("Bank Dunia dalam laporannya" ->
        "Laporan Bank Dunia"), the name that sentence was about for a place noun ("kawasan
        itu" -> "Lereng Gunung Rantai"), or the article's topic ("penurunan itu" ->
        "penurunan kemiskinan"; not with ``topic`` False); None when none of these fits."""
        last = self.seen.rstrip("\n").rsplit("\n", 1)[-1]
        owner = re.search(
            rf"((?:[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*)\s+(?:[a-z]+\s+){{0,2}}"
            rf"{re.escape(head.lower())}nya\b",
            last,
        )
        if owner:
            return f"{head} {owner.group(1)}"
        if fold(head) in fold_all(markers.PLACE_HEADS):
            subject = self.subject.text if self.subject else ""
            body = {fold(w) for w in subject.split()} & fold_all(markers.ORGANISATION_HEADS)
            if body:  # "Dinas Pendidikan ... hujan mengguyur desa itu": a body is no place
                return None
            return subject if subject[:1].isupper() and _titled(subject) else None
        modifiers = self._first_mention(head)  # "alat itu" -> "alat pemadam api ringan"
        if modifiers:
            return f"{head} {modifiers}"
        if not topic or not self._topic_fits(head, ""):
            return None
        # the topic, only when the sentence before names it: what the phrase points back
        # to is then of the topic ("Pengangguran terbuka tercatat ... penurunan itu" ->
        # "penurunan pengangguran"); with no such mention ("... menyemai benih. Bibit itu
        # ...") the topic is a guess ("Bibit sawah") and the phrase stays as written
        named = re.search(rf"\b{re.escape(self.topic)}\b", last, re.I)
        return f"{head} {self.topic}" if named else None

    def _topic_fits(self, head: str, text: str, proper: bool = False) -> bool:
        """Whether the article's topic can name what "<head> itu"/"the <head>" stands for:
        an ordinary noun (not a title, a place noun, a figure noun or a time; with
        ``proper``, not an organisation's head or a plural either: "the council", "the
        districts"), not already followed by the topic in ``text``."""
        if not self.topic or fold(head) in {fold(w) for w in self.topic.split()}:
            return False
        if self.topic != self.topic.lower():
            return False  # "status Gunung Wangsa" names what owns it, not what describes
        # an organisation is named, never described by the topic ("lembaga itu" is no
        # "lembaga status"): it is found among the names or not at all
        others = markers.PERSON_TITLES + markers.PLACE_HEADS + markers.FIGURE_NOUNS
        others = others + markers.ORGANISATION_HEADS
        if proper:
            if head.endswith("s"):
                return False
        if fold(head) in fold_all(others + markers.TIME_NOUNS):  # folded once per process
            return False
        if stopword(head, self.lang) or is_verb(head, self.lang, initial=True):
            return False
        return not re.search(rf"\b{re.escape(head)}\s+{re.escape(self.topic)}\b", text, re.I)

    def _resolve_counted(self, text: str, before: str) -> str:
        """A counted noun that points back ("ketiga kecamatan tersebut", "di kedua kelurahan
        itu", "the three districts"): the last names joined by "dan"/"and" that are as many
        as the number says and are headed by that noun ("Kecamatan Karang Tengah, Sidomulyo,
        dan Pematang Baru"), in this sentence before the clause or earlier. Number agreement
        is what picks them, not the nearest name. What it cannot do: names joined with
        another head ("Desa A dan Kelurahan B" for "kedua wilayah itu") or counted nouns
        without a demonstrative in Indonesian ("tiga kecamatan" may be any three)."""
        found = _counted_re(self.lang).search(text)
        if found is None or any(s <= found.start() < e for s, e in _quoted(text)):
            return text
        groups = found.groupdict()
        count = _count_word(groups["count"] or groups.get("both") or "")
        head = groups["head"] or groups.get("head2") or ""
        head = fold(re.sub(r"s$", "", head) if self.lang == "en" else head)
        earlier = f"{self.seen}{before}"
        # With no list headed by the noun, a list of as many names in this sentence or the
        # one before ("Hollins, Crumbworth and Daybreak Bakeries ... the three chains"; "Desa
        # A dan Kelurahan B ... kedua wilayah itu" too, when near), unless it opens with a
        # title or an organisation noun (one body's name with "dan" in it) or counts time.
        # What that cannot do: number agreement alone may pick a near list the count is not
        # about.
        near = len(earlier) - len(self.seen.rstrip("\n").rsplit("\n", 1)[-1]) - len(before) - 1
        fallback = None
        for joined in reversed(list(_COORDINATED_RE.finditer(earlier))):
            items = re.split(r",?\s+(?:dan|and|serta)\s+|,\s+", joined.group())
            first = fold(items[0]).split()
            after = re.match(r"\s+([a-z][\w-]*)", earlier[joined.end() :])  # "A and B districts"
            named = after.group(0) if after and fold(after.group(1)).rstrip("s") == head else ""
            if len(items) == count and (named or head in (first[0], first[-1])):
                the = "the " if named and self.lang == "en" else ""  # "the A and B districts"
                return f"{text[: found.start()]}{the}{joined.group()}{named}{text[found.end() :]}"
            if len(items) == count and fallback is None and joined.start() >= near:
                # not one body's name with "dan" in it ("Kepala Dinas Kelautan dan Perikanan
                # X"), nor a count of time ("dua bulan itu")
                bodies = fold_all(markers.PERSON_TITLES + markers.ORGANISATION_HEADS)
                if first[0] not in bodies and head not in fold_all(markers.TIME_NOUNS):
                    fallback = joined.group()
        if fallback:
            return f"{text[: found.start()]}{fallback}{text[found.end() :]}"
        return text

    def _resolve_inner(self, text: str) -> str:
        """Indonesian demonstratives inside a clause ("mengatakan penurunan itu terutama
        ..."): resolved like those that open it, else left as written."""
        if self.lang != "id":
            return text
        pattern = rf"(?<=[a-z,]\s)([a-z][\w-]+)\s+(?:{'|'.join(markers.DEMONSTRATIVES_AFTER)})\b"
        pattern += r"(?:\s+sendiri\b)?"

        def resolved(m: re.Match, compound: bool) -> str:
            head = m.group(1)
            if fold(head) in fold_all(markers.TIME_NOUNS) or stopword(head, self.lang):
                return m.group()  # "tahun ini" is a time, "selain itu" a connective
            if fold(head) in fold_all(markers.FIGURE_NOUNS):
                measured = self.subject and self.subject.kind == "measure"
                if measured:
                    return _lower_first(self.subject.text, self.context)
                # "mengatakan jumlah itu naik": what the sentence before counted, as when the
                # phrase opens the clause ("Jumlah pengaduan Otoritas Jasa Keuangan")
                counted = self._measured_before(head)
                return _lower_first(counted, self.context) if counted else m.group()
            named = self._named_with(head) or self.introduced.get(fold(head))
            # "ke rumah sakit itu": the word caught is the second of a noun of two words, not
            # the noun's head; it is not given the article's topic ("sakit" and the topic made
            # "rumah sakit oksigen"). What it cannot do: the whole noun ("rumah sakit") is not
            # looked up as one, and a two-word noun the article writes once goes unnoticed.
            return named or self._noun_for(head, topic=not compound) or m.group()

        quotes = [m.span() for m in QUOTED_RE.finditer(text)]

        def outside(m: re.Match) -> str:
            inside = any(s <= m.start() < e for s, e in quotes)
            counted = re.search(r"([\w-]+)\s+$", text[: m.start()])
            several = counted and _count_word(counted.group(1)) > 1
            if several and fold(m.group(1)) not in fold_all(markers.FIGURE_NOUNS):
                return m.group()  # "tiga desa itu": several, not the one name with that head
            word = counted.group(1) if counted else ""
            # a lower-case word before it, no function word nor verb, that the article writes
            # before the same word elsewhere too ("rumah sakitnya"): one noun of two words
            compound = (
                word.islower()
                and not stopword(word, self.lang)
                and not is_verb(word, self.lang)
                and text[: m.start()].rstrip()[-1:].isalpha()
                and len(re.findall(rf"\b{re.escape(word)}\s+{re.escape(m.group(1))}", self.body))
                >= 2
            )
            # "pada awal musim hujan ini", "malam itu": a time noun before the head makes
            # the phrase a time (the article's, or one it gave), not a thing pointed back to
            timed = re.search(r"(?:([\w-]+)\s+)?([\w-]+)\s+$", text[: m.start()])
            times = fold_all(markers.TIME_NOUNS)
            if timed and any(w and fold(w) in times for w in timed.groups()):
                return m.group()
            return m.group() if inside else resolved(m, compound)

        text = re.sub(pattern, outside, text)
        return self._resolve_same(text)

    def _resolve_same(self, text: str) -> str:
        """Indonesian "<noun> yang sama" ("the same <noun>") as the name the article gave
        with that noun at its head: "mencatat saluran yang sama juga jebol" -> "mencatat
        Saluran Induk Cilaksana juga jebol"; outside quotes. A time ("periode yang sama")
        is left, and so is a noun no name has at its head ("lokasi yang sama"). What it
        cannot do: "the same" said of a thing the article described without a name stays."""
        if " yang sama" not in text:
            return text
        quotes = _quoted(text)
        times = fold_all(markers.TIME_NOUNS)

        def same(m: re.Match) -> str:
            head = m.group(1)
            if any(s <= m.start() < e for s, e in quotes) or fold(head) in times:
                return m.group()
            if stopword(head, "id") or is_verb(head, "id"):
                return m.group()
            named = self._named_with(head)
            if not named or fold(named.split()[0]) != fold(head) or len(named.split()) < 2:
                return m.group()
            return named

        return re.sub(r"(?<![\w-])([a-z][\w-]+)\s+yang\s+sama(?![\w-])", same, text)

    def _resolve_compound(self, text: str) -> str:
        """An Indonesian noun of two words made definite inside a clause ("ke rumah sakit
        itu", "rumah sakitnya"), as the name the article wrote with those two words at its
        head ("Rumah Sakit Umum Daerah (RSUD) Sumber Kencana"), by its acronym where the name
        defines one ("RSUD Sumber Kencana"); outside quotes. ``_resolve_inner`` reads one
        word only, and "sakit" heads no name. What it cannot do: a noun the article never
        writes as a name's head stays, and of two names with that head the later wins."""
        if self.lang != "id" or not _COMPOUND_DEFINITE_RE.search(text):
            return text
        quotes = _quoted(text)

        def named(m: re.Match) -> str:
            first, second = m.group(1), m.group(2)
            if any(s <= m.start() < e for s, e in quotes):
                return m.group()
            if any(stopword(w, "id") or is_verb(w, "id") for w in (first, second)):
                return m.group()
            head = f"{first.capitalize()} {second.capitalize()} "
            name = next((n for n in reversed(self.names) if n.startswith(head)), None)
            if name is None or len(name.split()) < 3:
                return m.group()
            short = re.fullmatch(r"[^()]+\(([A-Z][A-Z0-9]+)\)\s*([^()]*)", name)
            return f"{short.group(1)} {short.group(2)}".strip() if short else name

        return _COMPOUND_DEFINITE_RE.sub(named, text)

    def _first_mention(self, head: str) -> str | None:
        """The words that went with ``head`` when the article first used it: "seragam
        gratis" for "program", "flagship bus lane" for "plan"; None if none. In Indonesian
        also the named place it was in ("dapur penyedia di Desa Cikaret") and, for a noun the
        body had not used before, the words after it in the headline ("Menu itu" -> "Menu
        makan siang sekolah"). What it cannot do: a later mention that says more than the
        first is not read, nor one with another head noun ("lahan itu" for "hutan produksi")."""
        if self.lang == "id":
            found = re.search(
                rf"\b(?i:{re.escape(head)})\s+((?:[a-z][\w-]*\s+){{0,2}}[a-z][\w-]*)", self.seen
            )
            words_ = found.group(1).split() if found else []
            if found is None and not re.search(rf"\b(?i:{re.escape(head)})\b", self.seen):
                return self._headline_mention(head)
        else:
            found = re.search(
                rf"\b(?:the|a|an|its|their|his|her|\d[\d,.]*|\w+['’]s)\s+((?:[a-z][\w-]*\s+){{1,3}})"
                rf"{re.escape(head)}\b",
                self.seen,
                re.I,
            )
            words_ = found.group(1).split() if found else []
        kept = []
        for word in words_:
            if is_verb(word, self.lang) or stopword(word, self.lang) or word.isdigit():
                break
            if word in markers.DEMONSTRATIVES_AFTER:
                break
            if word in markers.PLACE_HEADS and self.lang == "id":
                break  # "alat di kota": the place after the head is another noun's; in English
                # a place noun before the head describes it ("the state health regulator")
            if word in markers.FIGURE_LEADS or word in markers.FOCUS_ADVERBS:
                break  # "kenaikan hanya berlaku ...": "hanya" is no part of the noun
            if word in markers.SUPERLATIVES:
                break  # "the largest moorland fire" ranks it: a claim of its own
            kept.append(word)
        if self.lang == "en" and len(kept) < len(words_):
            # "A report on that inspection": a word that cannot premodify stands between the
            # determiner and the head, so the head is another phrase's, not this one's
            return None
        if self.lang == "id" and kept:
            at = found.start(1) + len(" ".join(kept))
            place = re.match(rf"\s+di\s+({_NAME})", self.seen[at:])
            named = place.group(1).split()[0] if place else ""
            heads = fold_all(markers.PLACE_HEADS)
            if place and (fold(named) in heads or is_place(place.group(1), "id")):
                kept.append(f"di {place.group(1)}")  # "... di Desa Cikaret"
        return " ".join(kept) or None

    def _headline_mention(self, head: str) -> str | None:
        """The ordinary words after ``head`` in the headline, lower-cased: those the body
        also writes in lower case ("Menu Makan Siang Sekolah" -> "makan siang sekolah"); None
        when the headline has no such words after it."""
        found = re.search(rf"\b(?i:{re.escape(head)})((?:\s+[\w-]+){{1,3}})", self.title)
        kept = []
        for word in found.group(1).split() if found else []:
            lower = word.lower()
            if lower not in self.context.common or stopword(lower, self.lang):
                break
            if is_verb(lower, self.lang) or lower in markers.DEMONSTRATIVES_AFTER:
                break
            kept.append(lower)
        return " ".join(kept) or None

    def _full_name(self, spans) -> str | None:
        """A surname opening a clause ("Finch was elected") as the full name used before; an
        acronym as the longer name the article gave it ("PLTU memasok" -> "PLTU Batu
        Hitam memasok")."""
        first = spans[0].text
        if not first[:1].isupper() or (len(spans) > 1 and spans[1].text[:1].isupper()):
            return None
        if first.isupper() and len(first) > 1:
            longer = [n for n in self.names if n.startswith(f"{first} ") and _titled(n)]
            return longer[-1].strip() if longer else None
        if is_place(first, self.lang):
            return None  # "Kazakhstan" is a country, not the surname of "Republik Kazakhstan"
        for name in reversed(self.names):
            parts = name.split()
            if len(parts) > 1 and parts[-1] == first and self._kind_of(name, "", []) == "person":
                return name
        # "Agus mengakui ...": a first name alone is the person last named in full with it,
        # and "Arlen shares fell" the organisation introduced with a role ("Dairy group Arlen
        # Nutrition"). Only names a title marks as a person or that came with a role count:
        # a capitalised word that opens some other name is left as written. Two people
        # sharing a first name are not told apart (the later one wins).
        titles = fold_all(markers.PERSON_TITLES)
        for name in reversed(self.people + list(self.roles.values())):
            parts = name.split()
            while len(parts) > 2 and fold(parts[0]) in titles:
                parts = parts[1:]  # "Councillor Tomas Brandt": Tomas is his first name
            if len(parts) > 1 and parts[0] == first:
                return " ".join(parts)
        return None

    def _resolve_places(self, text: str) -> str:
        """ "kabupaten tersebut", "the coastal city": the article's place, by name; its
        short form written in full ("Tirta Sari bukan ..." -> "Kota Tirta Sari bukan ...").
        In English, a place named as "the port of Hallvik" in this sentence or the two before
        comes first: "The town's 46 trawlers" -> "Hallvik's 46 trawlers", "Rents there rose"
        -> "Rents in Morrow rose"."""
        text = self._near_place(text)
        if self.place is None:
            return text
        text = self._place_in_full(text)
        display = fold(self.place[1]).split()
        heads = "|".join(h for h in markers.PLACE_HEADS if fold(h) in display)
        if self.lang == "id":
            if not heads:
                return text
            pattern = rf"\b(?:{heads})\s+(?:{'|'.join(markers.DEMONSTRATIVES_AFTER)})\b"
        else:
            heads = "|".join(("city", "town", "country", "county", "regency", heads or "city"))
            pattern = rf"\b[Tt]he\s+(?:[a-z-]+\s+)?(?:{heads})\b(?!\s+(?:of|council|'s))"
        return re.sub(pattern, self.place[1], text, count=1)

    def _near_place(self, text: str) -> str:
        if self.lang != "en" or self.near_place is None or self.read - self.near_place[1] > 1:
            return text
        name = self.near_place[0]
        heads = "town|city|village|port"
        text, replaced = re.subn(rf"\b[Tt]he\s+(?:{heads})\b(?!\s+(?:of|council)\b)", name, text)
        if replaced:
            return text
        there = re.search(r"\b([A-Za-z][\w-]*)\s+there\s+(\w+)", text)
        if there:  # "Rents there rose": a noun, "there", a verb (not "there are")
            noun, verb = there.group(1), there.group(2)
            auxiliary = verb.lower() in markers.AUXILIARIES["en"]
            nominal = not stopword(noun.lower(), "en") and not is_verb(noun, "en")
            if nominal and (auxiliary or is_verb(verb, "en")):
                at = there.start(2)
                text = f"{text[: there.end(1)]} in {name} {text[at:]}"
        return text

    def _resolve_local(self, text: str) -> str:
        """ "Puskesmas setempat" (the local clinic): the clinic of the last place the article
        named, "Puskesmas di Desa Tanjung Lalang". Indonesian only."""
        if self.lang != "id" or self.last_place is None or self.last_place in text:
            return text
        local = r"\b([A-Za-z][\w-]*)\s+setempat\b"
        return re.sub(local, rf"\1 di {self.last_place}", text, count=1)

    def _place_in_full(self, text: str) -> str:
        """The article's place written in full where the clause uses its core alone and no
        capitalised word stands before it (that would make it part of another name:
        "Pasar Baru Tirta Sari", "Bupati Gunung Sari")."""
        core, display = self.place
        if core == display or display in text:
            return text
        for m in re.finditer(rf"\b{re.escape(core)}\b(?!\s+[A-Z])", text):
            before = re.search(r"([\w'’-]+)\W*$", text[: m.start()])
            if before is None or not before.group(1)[:1].isupper():
                return text[: m.start()] + display + text[m.end() :]
        return text

    def _topic_label(self, text: str) -> str:
        """ "Longsor: " before a claim text that does not name the article's topic and whose
        subject, after any attribution, is no name ("9 orang masih hilang", "Eleven people
        have died"); a claim about a named person, body or place ("Kazakhstan mengumumkan
        ...") is about that name, which the topic could mislabel."""
        topic = self.topic or self.named
        if not topic or names_topic(text, topic, self.lang):
            return ""
        label = self.label or self._role_label(topic) or self.owned
        if label and names_topic(text, label, self.lang):
            return ""
        said = find_attribution(text, self.lang)
        content = text[said.content_start : said.content_end] if said else text
        span = subject_span(content, self.lang)
        subject = (
            content[span[0] : span[1]] if span else content[skip_opening(content, self.lang) :]
        )
        first = subject.split()[:1]
        place = self.place[0] if self.place else None
        if place and re.match(rf"{re.escape(place)}['’]s\s", subject):
            first = []  # "Kellford's centres": owned by the place, about the topic still
        if first and first[0][:1].isupper() and not first[0].isupper():
            two = subject.split()[:2]
            if re.sub(r"['’]s$", "", first[0]) in (self.context.known or ()) or (
                len(two) == 2 and _titled(" ".join(two))
            ):
                return ""
        return f"{_capitalise(label or topic)}: "

    def _role_label(self, topic: str) -> str | None:
        """The name the article introduced with the topic's head noun as its role: "Stowley
        Baths, the town's only public swimming pool," labels claims on the topic "public
        pool", "Ellerby House, a care home in Thornwick" those on "home" (``roles``); None
        when no name has that role. What it cannot do: a topic whose head the role does
        not share ("the town's baths" for "public pool") is not read, and
        of two names given that role the later labels every claim after it."""
        words_ = topic.split()
        if not topic.islower():
            return None  # a name is labelled as written
        head = words_[-1] if self.lang == "en" else words_[0]
        return self.roles.get(fold(head))

    def _carry_place(self, text: str) -> str:
        """Name the article's place in a claim that names no place ("di Kabupaten Gunung
        Sari"), before a closing attribution ("..., according to X")."""
        if self.place is None or fold(self.place[0]) in fold(text):
            return text
        if anchors_of(text, self.lang, {"place"}) or self._names_a_place(text):
            return text
        preposition = "di" if self.lang == "id" else "in"
        addition = f"{preposition} {self.place[1]}"
        # the attribution may carry its speaker's name in apposition after a title ("...,
        # kata Kapolres Pulau Seroja, Daniel Sipa"): the place goes before all of it; an
        # attribution set off inside the clause (", menurut wali kota, diperkirakan ...")
        # is no tail
        tail = re.search(
            r",[”\"’]?\s*(?:according to|menurut|kata|ujar|said|says)\b[^,]*(?:,([^,]{2,60}))?$"
            r"|,[”\"’]?\s*[^,]{2,60}\s+(?:said|says)$",
            text,
        )
        if tail and tail.group(1) and is_verb(tail.group(1).split()[0], self.lang):
            tail = None  # the clause goes on with its verb after the attribution
        if tail and text[tail.start() + 1 : tail.start() + 2] in QUOTE_MARKS:
            return text  # '"...," he said': not into their words; after the quote, once
            # it is reported ('According to X, "..." in Y', ``_quote_reported``)
        if tail:
            return f"{text[: tail.start()]} {addition}{text[tail.start() :]}"
        return f"{text.rstrip(' .')} {addition}"

    def _names_a_place(self, text: str) -> bool:
        """Whether ``text`` names a place of a higher administrative level than the
        article's place, with its place noun or as the article wrote it with one ("di
        Randu Alas" where the article writes "Kabupaten Randu Alas", in an article about the
        village of Kedung Galih): the article's place would then be a smaller place inside
        it ("... di Randu Alas di Kedung Galih"). A smaller or unlevelled place ("di
        Kecamatan Rawa Indah" in a city's article, "di Lereng Gunung Rantai") does not
        count: the article's place is added to it, as a reader needs it. What it cannot do:
        it knows levels only by the place nouns in PLACE_LEVELS; a place with none is
        taken for a village or town."""
        own = self.place[1].split()[0].lower() if self.place else ""
        level = PLACE_LEVELS.get(own, PLACE_LEVELS["desa"])
        heads = "|".join(PLACE_LEVELS)
        for m in re.finditer(rf"\b((?i:{heads}))\s+[A-Z]", text):
            if PLACE_LEVELS[m.group(1).lower()] > level:
                return True
        for m in re.finditer(r"\b(?:di|in|at)\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)", text):
            name = re.escape(m.group(1))
            written = re.search(rf"\b((?i:{heads}))\s+{name}\b", self.seen)
            if written and PLACE_LEVELS[written.group(1).lower()] > level:
                return True
        return False

    def _remember_people(self, clause: str) -> None:
        """A titled name in a clause is the person a later "he"/"his" points to."""
        titles = fold_all(markers.PERSON_TITLES)
        others = fold_all(markers.ORGANISATION_HEADS + markers.PLACE_HEADS)
        for name in whole_names(clause, self.lang, self.context.common, (), self.context.known):
            words_ = fold(name.text).split()
            if len(words_) > 1 and any(w in titles for w in words_[:-1]):
                if not set(words_[1:]) & others:  # "Kepala Kantor Pengawasan" is an office
                    self.person = Mention(name.text, "person")
                    self.people.append(name.text)
            elif (
                2 <= len(words_) <= 4
                and not set(words_) & others
                and clause[: name.start].rstrip().endswith(",")
            ):
                # "The Green Alliance's leader, Ines Halvorsen", "Direktur Operasi PT Arus
                # Samudra, Bambang Sutrisno": a name in apposition to a title is a person
                before = clause[: name.start].rstrip(" ,")
                start, end = noun_phrase_before(before, len(before), self.lang)
                described = {fold(w) for w in before[start:end].split()}
                # "Kepala Kantor Pengawasan dan Pelayanan Bea dan Cukai X, Agus Salim": the
                # title may open a long office name that the noun phrase before does not reach
                pieces = before.split(",")
                # "Kepala Desa Ranca Bulu, Kecamatan Cibeber Kidul, Asep Kurniawan": a place
                # set off after the title is the title's, not it
                while (
                    len(pieces) > 1
                    and fold(pieces[-1]).split()[:1]
                    and (fold(pieces[-1]).split()[0] in fold_all(markers.PLACE_HEADS))
                ):
                    pieces.pop()
                if len(pieces) < len(before.split(",")):
                    np_start, np_end = noun_phrase_before(pieces[-1], len(pieces[-1]), self.lang)
                    described |= {fold(w) for w in pieces[-1][np_start:np_end].split()}
                title = pieces[-1]
                described |= {fold(w) for w in title.split()[:2]}
                if self.lang == "en":  # "The regional director of the GMB, Sandra Kiernan"
                    described |= {fold(w) for w in title.split(" of ")[0].split()}
                described_person = name.text in self.person_titles  # ``_described_person``
                if (described & titles or described_person) and not is_place(name.text, self.lang):
                    self.person = Mention(name.text, "person")
                    self.people.append(name.text)
                    body = self._body_in_title(title)
                    if body:
                        self.bodies[name.text] = body
            if _AGE_AFTER.match(clause, name.end) and not set(words_) & others:
                # "Suparmi (54)", "Margaret Lowe, 78,": an age says the name is a person's,
                # whom a later "ujarnya"/"she said" names
                self.person = Mention(name.text, "person")
                self.people.append(name.text)

    def _body_in_title(self, title: str) -> str | None:
        """The body a person's title names, from its first acronym or organisation noun on:
        "Kepala Pelaksana BPBD Lereng Mulya" -> "BPBD Lereng Mulya", "Direktur CV Tunas
        Karya" -> "CV Tunas Karya"; in English the name after "of" ("The chief executive of
        Fenmoor Water" -> "Fenmoor Water"); None when the title names none ("Kepala
        sekolah")."""
        heads = fold_all(markers.ORGANISATION_HEADS + markers.COMPANY_FORMS)
        if self.lang == "en":  # "The chief executive of Fenmoor Water": the name after "of"
            named = re.search(r"\bof\s+(?:the\s+)?([A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*)*)", title)
            return named.group(1) if named else None
        spans = word_spans(title)
        for i, word in enumerate(spans):
            acronym = word.text.isupper() and len(word.text) > 1
            if i and (acronym or (fold(word.text) in heads and word.text[:1].isupper())):
                return title[word.start :].strip()
        return None

    def _resolve_side(self, text: str, claimant: str | None) -> str:
        """Indonesian "pihaknya" (his or her side: the body the speaker speaks for) as that
        body, when the speaker was introduced with a title that names it ("Kepala Pelaksana
        BPBD Lereng Mulya, Sri Rahayu, mengatakan pihaknya menyiapkan ..." -> "... BPBD
        Lereng Mulya menyiapkan ..."); outside quotes. What it cannot do: a speaker whose
        body was named in another sentence, or in a title not set off by commas, is not
        found, and "pihaknya" stays."""
        body = self.bodies.get(claimant or "") if self.lang == "id" else None
        if not body:
            return text
        quotes = _quoted(text)
        for m in reversed(list(re.finditer(r"\bpihaknya\b", text, re.I))):
            if not any(s <= m.start() < e for s, e in quotes):
                text = text[: m.start()] + body + text[m.end() :]
        return text

    def _speaking_for(self, text: str, claimant: str | None) -> str:
        """The body a speaker speaks for, in brackets after their name, when the claim says
        "kami"/"we"/"our" (in their quoted words too, which are left as said): "Menurut
        Bambang Sutrisno (PT Arus Samudra), "Kami menambah enam kapal ..."". The body is
        the one the speaker's title named ("Direktur Operasi PT Arus Samudra, Bambang
        Sutrisno"; ``bodies``). What it cannot do: a speaker whose title named no body, or
        named it in another sentence, is left as written."""
        body = self.bodies.get(claimant or "")
        if not body or fold(body) in fold(text) or not _FIRST_PLURAL_RE.search(text):
            return text
        at = text.find(claimant)
        if at < 0:
            return text
        end = at + len(claimant)
        return f"{text[:end]} ({body}){text[end:]}"

    def _named_with(self, head: str) -> str | None:
        """The last name the article used with ``head`` among its words ("the mayor" ->
        "Mayor Dana Whitfield", "kesepakatan ini" -> "Kesepakatan Abraham")."""
        key = fold(head)
        if key in fold_all(markers.COMPANY_NOUNS):
            # "Perusahaan itu", "the company": the company named last by its legal form, else
            # the organisation last introduced with a role ("Dairy group Arlen Nutrition")
            bodies = fold_all(markers.ORGANISATION_HEADS + markers.COMPANY_NOUNS)
            # a role that says what kind of body it is ("group", "operator"), not a word
            # that merely stood before a name ("The national Meteorological Service")
            roles = [n for r, n in self.roles.items() if r in bodies]
            company = self._company() or (roles[-1] if roles else None) or self._trading()
            if company:
                return company
        titles = fold_all(markers.PERSON_TITLES)
        for name in reversed(self.names + self.before):
            parts = _head_words(name)
            if len(name.split()) < 2:
                continue
            # the name's head: its first word in Indonesian ("Kesepakatan Abraham"), its last
            # before "of" in English ("World Bank", "Ministry of Finance"); a title also counts
            at = next((i for i, p in enumerate(parts[:-1]) if i and p in titles), None)
            if at is not None and key not in titles:
                # "Central Bank Governor Lucia Moreno": "the bank" is the body before the title
                body = " ".join(name.split()[:at])
                before = re.search(rf"((?:[A-Z][\w'’-]*\s+)*){re.escape(name)}", self.seen)
                body = f"{before.group(1)}{body}" if before else body  # "Central " + "Bank"
                if fold(body.split()[0 if self.lang == "id" else -1]) == key:
                    return body if len(body.split()) > 1 else None
                continue
            lead = 0
            while self.lang == "id" and lead < len(parts) - 2 and parts[lead] in titles:
                lead += 1
            if lead and parts[lead] == key and key not in titles:
                # "Kepala Dinas Perumahan Rakyat ... Pangkal Rindu, Syahrial Nasution" ->
                # "dinas tersebut": the body the person heads, without the title before it
                return " ".join(name.split()[lead:])
            if (parts[0] if self.lang == "id" else parts[-1]) == key or parts[0] == key:
                # "Pembangkit Listrik Tenaga Uap" as first written, with its acronym and the
                # words after it: "Pembangkit Listrik Tenaga Uap (PLTU) Batu Hitam"
                whole = [n for n in self.names if n.startswith(f"{name} (")]
                return whole[-1] if whole else name
            if key in parts[:-1] and key in titles:
                return name  # "the mayor": "Port Aldwin Mayor Daniel Okonjo"
        if key in self.roles:
            return self.roles[key]  # "the operator": "Westmark Grid, the regional ... operator"
        return self.titled.get(key)

    def _nearest_organisation(self, key: str) -> str | None:
        """What "the agency", "the club", "lembaga itu" stand for when no name has that head:
        the nearest name of a body before it (earlier in this sentence, then in the two
        sentences before): a name of two words or more that is no person's and no place
        ("Kelderby City Council will lend £62m to Kelderby Athletic ... The club, which
        ..." -> Kelderby Athletic). Only for nouns that head an organisation's name.

        What it cannot do: it does not check that the body is of the noun's kind ("the
        club" after a sentence naming only a ministry is that ministry), and a body named
        further back than two sentences is not found."""
        if key not in fold_all(markers.ORGANISATION_HEADS + markers.COMPANY_NOUNS):
            return None
        titles = fold_all(markers.PERSON_TITLES)
        for name in reversed([*(n for s in self.recent for n in s), *self.before]):
            words_ = fold(name).split()
            if len(words_) < 2 or name in self.people or {w.strip(".") for w in words_} & titles:
                continue
            if not self._is_body(name, ""):
                continue  # "Mara Quint" may be a person's name
            if is_place(name, self.lang) or not _titled(re.sub(r"\b(?:of|dan|and)\b", "X", name)):
                continue
            if anchors_of(name, self.lang, _TIME_KINDS):
                continue
            return name
        return None

    def _previous_organisation(self, head: str, spans, end: int) -> str | None:
        """ "The utility, which ..." right after a sentence about "Calder Valley Water": a
        bare "the <organisation noun>" opening a clause, that no name has as its head, is the
        sentence before's subject when that subject is a name of no person, place or figure (the
        subject stays the centre of attention). English only; None otherwise."""
        if self.lang != "en" or spans[0].lower != "the" or len(spans) < 2:
            return None
        previous = self.opening_subject
        if spans[1].end != end or not previous:
            return None  # "the provincial government": a modifier says which, not who
        core = self.place[0] if self.place else None
        placed = core and core in previous and core != previous
        if self._kind_of(previous, "", []) != "thing" and not placed:
            return None  # "Calder Valley Water" is named after the place: no person
        if fold(head) not in fold_all(markers.ORGANISATION_HEADS):
            return None  # "The decision, announced on Thursday": an event, not the body
        subject = re.sub(r"^[Tt]he\s+", "", previous)
        words_ = subject.split()
        if not 2 <= len(words_) <= 5 or not _titled(subject) or is_place(subject, self.lang):
            return None
        return f"The {subject}" if previous.lower().startswith("the ") else subject

    def _company(self) -> str | None:
        """The last name the article gave a company by its legal form ("PT Logam Timur
        Perkasa", "Corvane Mutual Ltd"); None if none. A company named without one ("Calder
        Valley Water") is not found here."""
        forms = fold_all(markers.COMPANY_FORMS)
        for name in reversed(self.names):
            words_ = [fold(w).strip(".()") for w in name.split()]
            if len(words_) > 1 and (words_[0] in forms or words_[-1] in forms):
                return name
        return None

    def _trading(self) -> str | None:
        """What "the company"/"the firm" stands for in an article that names no company by
        its legal form nor with a role: the body named most often as a speaker ("Ardent
        Ceramics said ..."), when its name has no word of a public body's ("Council",
        "Agency", "Dinas") and is no person's: not titled as one, and never shortened to
        its last word (or, in Indonesian, its first) as people are ("Kiernan said", "kata
        Ratna"). What it cannot do: it does not know that the body trades, so an article
        where only a club or a charity speaks gives that name; a company that never speaks
        is not found, and a person always named in full may be taken for one."""
        heads = fold_all(markers.ORGANISATION_HEADS)
        spoken = [
            name
            for name in self.spoken
            if not {fold(w) for w in name.split()} & heads
            and name not in self.people
            and not self._shortened(name)
        ]
        return max(spoken, key=spoken.count) if spoken else None

    def _shortened(self, name: str) -> bool:
        """Whether the article so far writes a word of ``name`` alone, as a person's name is
        shortened: its last word ("Kiernan"), in Indonesian also its first ("Ratna")."""
        words_ = name.split()
        ends = {words_[-1]} | ({words_[0]} if self.lang == "id" else set())
        rest = (self.seen + self.reading).replace(name, " ")  # written whole: no short form
        # a word of another name ("The Drinking Water Inspectorate") is no short form either
        runs = re.findall(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*", rest)
        return any(re.sub(r"['’]s$", "", run) in ends for run in runs)

    def _bare_company(self, spans, i: int) -> bool:
        """Whether word ``i`` is an Indonesian "perusahaan" used alone, as "the company":
        followed by a verb, an auxiliary, "yang" or nothing ("ketika perusahaan mengangkut
        ...", "Perusahaan yang ..."), not by words that say which ("perusahaan tambang"), and
        the article has named a company."""
        if self.lang != "id" or fold(spans[i].text) not in fold_all(markers.COMPANY_NOUNS):
            return False
        after = spans[i + 1] if i + 1 < len(spans) else None
        alone = after is None or after.lower == "yang"
        alone = alone or is_verb(after.text, "id") or after.lower in markers.AUXILIARIES["id"]
        return alone and self._company() is not None

    def _resolve_named_inner(self, text: str) -> str:
        """A definite organisation noun inside a clause, as the name it stands for: "the
        hospital's emergency department" -> "St Aldric Hospital's emergency department" (a
        name ending in that noun), "mengatakan perusahaan wajib ..." -> "mengatakan PT Logam
        Timur Perkasa wajib ..."; in English also the noun a name was introduced with as its
        role ("manages the pool and two gyms" -> "manages Stowley Baths and two gyms", after
        "Stowley Baths, the town's only public swimming pool,"), "the" and the noun only;
        outside quotes, and not the clause's first word (the opening is resolved on its own).
        A noun no name ends in and no role ("the regulator") stays."""
        spans = word_spans(text)
        quotes = [m.span() for m in QUOTED_RE.finditer(text)]
        heads = fold_all(markers.ORGANISATION_HEADS + markers.COMPANY_NOUNS)
        for i in range(len(spans) - 1, 0, -1):
            word = spans[i]
            noun = word.text  # "the hospital's": the noun is "hospital" (no regex: every word)
            noun = noun[:-2] if noun.endswith(("'s", "’s")) else noun
            if any(s <= word.start < e for s, e in quotes):
                continue
            role = self.roles.get(fold(noun)) if self.lang == "en" else None
            if fold(noun) not in heads and not role and not self._names_head(noun):
                continue
            if self._bare_company(spans, i):
                text = text[: word.start] + self._company() + text[word.end :]
                continue
            if self.lang == "id":
                named = self._bare_body(spans, i)
                if named:  # "kementerian telah mencabut" -> "Kementerian Agama telah ..."
                    text = text[: word.start] + named + text[word.end :]
                continue
            if self.lang != "en" or spans[i - 1].lower != "the" or i - 1 == 0:
                continue
            end = word.start + len(noun)
            if noun == word.text and i + 1 < len(spans):
                after = spans[i + 1]
                if _joined_name(spans, i):
                    continue  # "the University and College Union": a longer name
                punctuated = bool(re.match(r"\s*[,;:)]", text[word.end :]))
                if not (
                    is_verb(after.text, "en")
                    or after.lower in markers.AUXILIARIES["en"]
                    or is_boundary(after.text, "en")
                    or punctuated
                    or (role and after.lower in ("and", "or"))  # "the pool and two gyms"
                ):
                    continue  # "the hospital board": another noun follows
            named = self._named_with(noun) or self._names_head(noun)
            company = fold(noun) in fold_all(markers.COMPANY_NOUNS)
            if role and named in (None, role) and _titled(role):
                # "manages the pool and two gyms": the name introduced with "pool" as its role
                # ("Stowley Baths, the town's only public swimming pool,"), written without
                # "the"; "the nearest other public pool" has words between and stays
                text = text[: spans[i - 1].start] + role + text[end:]
                continue
            if named and (company or (_titled(named) and fold(named.split()[-1]) == fold(noun))):
                # "the World Bank" keeps its article where the article wrote one
                the = re.search(rf"\bthe\s+{re.escape(named)}", self.seen, re.I)
                start = spans[i].start if the else spans[i - 1].start
                text = text[:start] + named + text[end:]
        return text

    def _names_head(self, noun: str) -> str | None:
        """The name an English lower-case ``noun`` is the last word of: a name of two or
        more capitalised words of no person and no place, used in the article so far or in
        its headline ("gallery" -> "Pellmore Gallery"). The article's own names say which
        nouns head a body, beyond the closed list of organisation nouns; None if none."""
        if self.lang != "en" or not noun.islower():
            return None
        titled = [n.text for n in whole_names(self.title, "en", (), self.context.acronyms)]
        for name in [*titled, *self.names][::-1]:
            words_ = name.split()
            if len(words_) < 2 or words_[-1] != noun.capitalize() or not _titled(name):
                continue
            if name in self.people or is_place(name, self.lang):
                continue
            if name in self.roles.values() and not self._only_definite(noun):
                return None  # "Brackwater Water, the region's supplier" and "tap water"
            return name if self._kind_of(name, "", []) != "person" else None
        return None

    def _bare_opening(self, spans) -> str | None:
        """The name an Indonesian common noun opening a clause alone stands for, in lower case
        or capitalised only for opening it ("Pasar sudah memiliki 24 alat ..." in an article
        that writes "pasar" in lower case too), with a verb, an auxiliary or a preposition
        after it, when the article has named something headed by it ("Pasar Sentral Watu
        Agung"): that name, as ``_bare_body`` finds it. Titles, place, figure and date nouns
        head names of their own ("Warga Desa X") and are left. What it cannot do: "Pasar"
        meaning markets in general is read as the market the article named."""
        word = spans[0].text
        if self.lang != "id" or len(spans) < 2 or not word[1:].islower():
            return None
        if word.lower() not in self.context.common or stopword(word.lower(), "id"):
            return None
        if not self._names_headed(word.lower()):
            return None  # no name the article wrote opens with it: nothing to stand for
        excluded = markers.PERSON_TITLES + markers.PLACE_HEADS + markers.FIGURE_NOUNS
        if fold(word) in fold_all(excluded + markers.TIME_NOUNS):
            return None
        if is_verb(word, "id", initial=True):
            return None
        lowered = [type(spans[0])(word.lower(), *spans[0][1:]), *spans[1:]]
        return self._bare_body(lowered, 0)

    def _names_headed(self, word: str) -> bool:
        """Whether the article so far wrote ``word`` capitalised before another capitalised
        word, as a name's head ("Pasar Sentral"): a cheap test before the name is looked
        for."""
        head = word.capitalize()
        at = self.seen.find(f"{head} ")
        while at >= 0:
            if self.seen[at + len(head) + 1 : at + len(head) + 2].isupper():
                return True
            at = self.seen.find(f"{head} ", at + 1)
        return False

    def _bare_body(self, spans, i: int) -> str | None:
        """The name an Indonesian organisation noun written alone and in lower case stands
        for ("kementerian telah mencabut ...", "ke dinas pada Agustus"): the last name the
        article headed by it ("Kementerian Agama", "Dinas Pendidikan Randu Alas"), when no
        word after it says which (a verb, an auxiliary, a preposition or nothing follows).
        None otherwise."""
        word = spans[i]
        if not word.text.islower() or fold(word.text) in fold_all(markers.COMPANY_NOUNS):
            return None
        after = spans[i + 1] if i + 1 < len(spans) else None
        if after is not None and not (
            is_verb(after.text, "id")
            or after.lower in markers.AUXILIARIES["id"]
            or is_boundary(after.text, "id")
        ):
            return None
        named = self._named_with(word.text)
        if named and fold(named.split()[0]) == fold(word.text):
            return named
        # the name as the article wrote it, also inside a longer one ("Direktur Bina Umrah
        # Kementerian Agama"): the capitalised head and the capitalised words after it
        written = re.findall(
            rf"\b{re.escape(word.text.capitalize())}(?:\s+[A-Z][\w'’-]*)+", self.seen
        )
        return written[-1] if written else None

    def _resolve_owned(self, text: str, before: str, main: str | None = None) -> str:
        """Indonesian "<noun>nya" (its/his/her <noun>) as "<noun> <owner>": the latest earlier
        "<noun> <Name>" in the article ("indeks literasi keuangan Kota Bandar Selatan, sementara
        indeks inklusi keuangannya" -> "keuangan Kota Bandar Selatan": inside a clause, only
        from the same sentence) or name headed by the noun ("Kantornya" -> "Kantor Bea Cukai
        Tanjung Lintang"); at the clause's opening (its subject: a verb or auxiliary follows
        within three words) also the person or name the sentence before was about ("Dedi
        Kurniawan meminjam ... tagihannya membengkak" -> "tagihan Dedi Kurniawan"). ``before``
        is the sentence up to the clause; ``main`` the subject of the clause before, the owner
        of "-nya" opening a clause after a subordinator ("Program serupa dihentikan karena
        anggarannya dialihkan" -> "Anggaran program serupa dialihkan").

        What it cannot do: it does not know which nouns take "-nya" as "its" and which words
        merely end in it ("hanya", "biasanya", "sebelumnya"): an opening word is rewritten only
        when its stem is not a function word or verb-like (the verb test reads affixes, so a
        noun that looks like a "di-" passive, "digitalnya", is left), has four letters or more
        and a verb follows; an
        inner one only when the article wrote that noun before a name. It does not check that
        the owner can own the noun (a person's "tagihan", a body's "kantor") nor tell two
        people apart; an owner that is a common noun ("warga", "pemerintah kabupaten") is not
        found."""
        if self.lang != "id" or "nya" not in text.lower():
            return text
        earlier = self.seen + before
        quotes = [m.span() for m in QUOTED_RE.finditer(text)]
        spans = word_spans(text)
        opening = skip_opening(text, self.lang)
        for i in range(len(spans) - 1, -1, -1):
            word = spans[i]
            if not word.lower.endswith("nya") or any(s <= word.start < e for s, e in quotes):
                continue
            stem = word.text[:-3]
            if len(stem) < 4 or stopword(stem.lower(), "id") or is_verb(stem, "id", initial=True):
                continue
            if fold(word.text) in fold_all(markers.SPEECH_TAGS):
                continue
            if fold(word.text) in _NYA_ADVERBS:
                continue  # "semestinya", "tampaknya": adverbs of the markers, owned by nobody
            # after a subordinator ("... dihentikan karena anggarannya dialihkan") the
            # clause goes on from the main clause: its "-nya" is read as inside it
            joined = re.search(rf"\b(?:{'|'.join(markers.ADVERBIAL_SUBORDINATORS)})\s*$", before)
            if word.start != opening or joined:
                # inside a clause "-nya" is most often its own subject's ("Program serupa
                # dihentikan karena anggarannya ..."): only a parallel "<noun> <Name>" earlier
                # in the same sentence is taken
                owner = self._owner_of(stem, before, names=False)
            else:
                owner = self._owner_of(stem, earlier)
            if owner is None and word.start == opening and joined and main:
                owner = f"{stem.lower()} {_lower_first(main, self.context)}"  # the main clause's
            if owner is None and word.start == opening and not joined:
                rest = spans[i + 1 : i + 4]
                verb_follows = any(
                    is_verb(w.text, "id") or w.lower in markers.AUXILIARIES["id"] for w in rest
                )
                if verb_follows and "," not in text[word.end : rest[-1].end if rest else 0]:
                    owner = self._owner_before(stem)
            contrast = re.search(
                rf"\b(?:{'|'.join(markers.CONTRAST_SPLITTERS)})\s*$", before.rstrip(), re.I
            )
            if owner is None and fold(stem) in fold_all(markers.FIGURE_NOUNS) and contrast:
                # "... hanya memiliki 31 ahli gizi, sementara pada 2023 jumlahnya masih 38
                # orang": the number of what the clause set against it counted (not after
                # "meski": "3.150 balita masih mengalami stunting, meski jumlahnya berkurang"
                # counts the stunted, not all "balita")
                group = _counted_group(before, anchors_of(before, self.lang, _NUMBER_KINDS), "id")
                counted = group.split(None, 1)[1] if group and " " in group else None
                owner = f"{stem.lower()} {counted}" if counted else None
            if owner:
                written = owner if word.text[:1].islower() else _capitalise(owner)
                text = text[: word.start] + written + text[word.end :]
        return text

    def _owner_of(self, stem: str, earlier: str, names: bool = True) -> str | None:
        """ "<stem> <Name>" as ``earlier`` last wrote it, or (with ``names``) the last name
        the article headed by ``stem``."""
        found = [  # not a currency or a time: "anggaran Rp 5 miliar", "laporan Maret"
            m
            for m in re.finditer(rf"\b(?i:{re.escape(stem)})\s+({_NAME})\b(?!\s*\d)", earlier)
            if not anchors_of(m.group(1), self.lang, _TIME_KINDS | _NUMBER_KINDS)
        ]
        if found:
            return f"{stem.lower()} {found[-1].group(1)}"
        for whole in reversed(self.names if names else []):
            parts = whole.split()
            if len(parts) > 1 and fold(parts[0]) == fold(stem):
                return whole
        return None

    def _owner_before(self, stem: str) -> str | None:
        """ "<stem> <owner>" where the owner is what the sentence before was about: its
        subject when that is a name, else the last person named."""
        subject = self.subject.text if self.subject else ""
        # one capitalised word is a name only when the article capitalises it mid-sentence
        # too: "Aksi yang berlangsung ... berakhir" opens with a common noun ("kenaikan Aksi")
        alone = " " not in subject and not subject.isupper()
        if alone and subject not in (self.context.known or ()):
            subject = ""
        if subject and _titled(subject) and subject[:1].isupper():
            return f"{stem.lower()} {subject}"
        if self.subject and self.subject.kind not in ("person", "group"):
            return None  # "Bangunan itu direhabilitasi ... Pekerjaannya": the building's
        return f"{stem.lower()} {self.person.text}" if self.person else None

    def _measured_before(self, head: str) -> str | None:
        """What "Angka itu"/"Jumlah itu" stands for when the sentence before gave a figure its
        subject does not measure: the noun phrase between the verb and "mencapai"/"sebesar"
        before the figure ("menunjukkan kadar kromium di sungai tersebut mencapai 0,21" ->
        "kadar kromium di Sungai Lasolo"), or, in Indonesian, a counted object of the subject
        ("PT Arus Samudra ... mengangkut 486.000 penumpang" -> "Jumlah penumpang PT Arus
        Samudra"). None otherwise: a figure that is the subject's own is handled by the
        caller, and an English count's verb ("carried") would have to be rewritten."""
        last = self.seen.rstrip("\n").rsplit("\n", 1)[-1]
        dateline = dateline_span(last)  # "Waru Gading, Senin (30/11) — ": no figure of the fact
        last = last[dateline[1] :] if dateline and dateline[0] == 0 else last
        figures = [a for a in anchors_of(last, self.lang, _NUMBER_KINDS) if a.kind != "year"]
        if not figures:
            return None
        first = figures[0]
        words_ = word_spans(last, 0, first.start)
        while words_ and words_[-1].lower in ("sekitar", "about", "around", "nearly", "almost"):
            words_.pop()
        if not words_:
            return None
        lead = words_[-1].lower in markers.FIGURE_LEADS
        if lead or not (
            is_verb(words_[-1].text, self.lang) or stopword(words_[-1].lower, self.lang)
        ):
            # "mencatat inflasi tahunan 2,1 persen": with no "mencapai"/"sebesar" the noun
            # phrase runs up to the figure itself
            phrase, ends = (words_[:-1], words_[-1].start) if lead else (words_, first.start)
            taken = []
            for word in reversed(phrase):
                if is_verb(word.text, self.lang) or word.lower in ("bahwa", "that"):
                    break
                if last[word.end : (taken[-1].start if taken else ends)].strip():
                    taken = []  # punctuation: not one phrase
                    break
                taken.append(word)
            if not taken or taken[-1].start == 0 or len(taken) > 8:
                return None  # the subject itself, or too long to be a noun phrase
            noun = last[taken[-1].start : taken[0].end]
            return _capitalise(self._resolve_inner(noun))
        counted = _counted_group(last, [first], self.lang)
        subject = self.subject
        # "Pengadilan Agama (PA) Waru Gading": the name without its bracketed acronym
        named = without_acronyms(subject.text) if subject else ""
        if (
            self.lang == "id"
            and counted
            and is_verb(words_[-1].text, "id")
            and subject is not None
            and subject.kind != "measure"
            and _titled(named)
        ):
            nouns = counted[len(last[first.start : first.end]) :].strip()
            return f"{_capitalise(head)} {nouns} {named}"
        return None

    def _antecedent(self, kind: str) -> str | None:
        mention = {"person": self.person, "group": self.group, "thing": self.thing}.get(kind)
        if mention is None and kind == "group":
            mention = self.subject
        if mention is None and kind == "thing":
            return self.speaker  # "The airline said ... It had lost": the body that spoke
        if mention is None and kind == "person":
            # "Detective Inspector Claire Dunmore said ... She said": a title the list does
            # not know; "she" names a person, and the speaker named last is the nearest one
            return self.quoted_name
        return mention.text if mention else None

    def _resolve_among(self, text: str, sentence: str, start: int, anchors) -> str:
        """ "di antaranya"/"of them" after a count as the counted group it is part of: "67 di
        antaranya tidak berfungsi" -> "67 dari 212 sumur bor tidak berfungsi", "four of them
        had been admitted" -> "four of the 23 people had been admitted". The group is the
        first counted plural (``_counted_group``) of the clause before the phrase, else of
        the sentence before the clause, else of the sentences before, that counts more than
        the phrase does ("21 of them" is no part of "two years"). What it cannot do: a group
        counted in a measure that is no count, or named without a number, is not found, and
        the phrase stays; the noun is not checked to agree ("tiga" of "17 siswa" is right,
        of "17 kelas" it would be taken too)."""
        if _AMONG_WORDS.get(self.lang, "\0") not in text:
            return text  # cheap: most clauses have no such phrase
        found = _among_re(self.lang).search(text)
        if found is None or any(s <= found.start() < e for s, e in _quoted(text)):
            return text
        counted = _figure_value(text[found.start() : found.start("among")], self.lang)
        head = text[: found.start()]
        candidates = [
            (_counted_group(head, anchors_of(head, self.lang, _NUMBER_KINDS), self.lang), head),
            (
                _counted_group(sentence[:start], [a for a in anchors if a.end <= start], self.lang),
                sentence,
            ),
            (self.group.text if self.group else None, self.seen),
        ]
        for group, source in candidates:
            group = _without_time(group, source, self.lang) if group else None
            total = _figure_value(group, self.lang) if group else None
            if group and total is not None and (counted is None or total > counted):
                group = _lower_first(group, self.context)
                joined = f"dari {group}" if self.lang == "id" else f"of the {group}"
                return f"{text[: found.start('among')]}{joined}{text[found.end('among') :]}"
        return text

    def read_dates(
        self,
        sentences: list[str],
        published: datetime.date | None = None,
        latest: datetime.date | None = None,
    ) -> None:
        """Take the article's year from its ``sentences`` before any is written: the year it
        was ``published`` (its byline's or page's date) when known; else the year of most of
        its full dates (day, month and year: "Sabtu (28/11/2026)", "Dec 3, 2026") no later
        than ``latest`` (the day the article was read in: it was written by then), the later
        on a tie; with none, from the days a weekday names ("Senin (30/11)", "Monday 30
        November"), the years the article writes and ``latest`` (``_years_of_weekdays``);
        None when neither gives one. Read with the kinds ``write`` asks for, so each
        sentence is recognised once."""
        years: dict[int, int] = {}
        months: dict[int, list[int]] = {}
        written: set[int] = set()  # every year the article writes ("2024", "November 2026")
        weekdays: list[tuple[int, int, int]] = []  # "Senin (30/11)": (weekday, month, day)
        for sentence in sentences:
            anchors = anchors_of(sentence, self.lang, _WRITE_KINDS)
            for i, anchor in enumerate(anchors):
                if anchor.kind == "date" and re.fullmatch(r"\d{4}-\d\d-\d\d", anchor.value):
                    if latest and anchor.value > latest.isoformat():
                        continue  # a day still to come ("sidang 10 Maret 2027")
                    years[int(anchor.value[:4])] = years.get(int(anchor.value[:4]), 0) + 1
                    months.setdefault(int(anchor.value[:4]), []).append(int(anchor.value[5:7]))
                if anchor.kind in ("year", "date") and re.match(r"\d{4}", anchor.value):
                    written.add(int(anchor.value[:4]))
                day = _weekday_date(sentence, anchors, i)
                if day:
                    weekdays.append(day)
        if not years and written and weekdays:
            # "had lost £210,000 a year since 2021": the article is written after 2021
            since = [
                int(y)
                for sentence in sentences
                for y in re.findall(
                    r"\b(?:since|sejak)\s+(?:[A-Za-z]+\s+)?((?:19|20)\d\d)\b", sentence
                )
            ]
            years, months = _years_of_weekdays(
                weekdays, written, max(since, default=0), latest.year if latest else None
            )
        if published is not None:
            # the byline's day: the article's year and its last month, whatever the body's
            # full dates say (a hearing set for January is another year's)
            years = {published.year: 1}
            months = {published.year: [*months.get(published.year, []), published.month]}
        self.year = max(years, key=lambda y: (years[y], y)) if years else None
        if self.year is not None:
            self.months = (min(months[self.year]), max(months[self.year]))

    def _date_relative_years(self, text: str) -> str:
        """ "tahun lalu", "this year", "next year" as the year they name, from the article's
        year (``read_dates``): "menyimpan stok tahun 2025", "spent $212m in 2025", "for
        2027" (after a preposition the year alone), "2026's budget"; outside quotes, and not
        when the clause already gives that year. The checker still has the article's words
        in the span. What it cannot do: an article with no full date keeps the phrase;
        "dua tahun lalu" (a count of years) and "over the last year" (twelve months) are
        not read as a year; months ("Oktober lalu", "in September") are left."""
        phrases = markers.RELATIVE_YEARS.get(self.lang, {})
        if self.year is None or not _RELATIVE_YEAR_RE[self.lang].search(text):
            return text
        quotes = _quoted(text)
        for m in reversed(list(_RELATIVE_YEAR_RE[self.lang].finditer(text))):
            named = str(self.year + phrases[m.group(1).lower()])
            before = word_spans(text[: m.start()])[-1:]
            counted = before and (
                before[0].lower in NUMBER_WORDS or before[0].lower in ("the", "beberapa")
            )
            # the sentence naming that year for another figure ("9 passengers per journey
            # last year, down from 23 in 2019") says "last year" is another year: the
            # article's year read from its weekdays was wrong, and the phrase stays
            elsewhere = re.search(rf"(?<![\d/]){named}(?![\d/])", self.reading)
            if counted or named in text or any(s <= m.start() < e for s, e in quotes):
                continue
            if elsewhere:
                continue
            if self.lang == "id":
                written = f"tahun {named}"  # "pada tahun lalu" -> "pada tahun 2025"
            elif text[m.end() :].startswith(("'s", "’s")) or (
                before and is_boundary(before[0].text, "en")
            ):
                written = named  # "for next year" -> "for 2027", "this year's" -> "2026's"
            else:
                written = f"in {named}"  # "spent $212m last year" -> "spent $212m in 2025"
            if m.group(1)[:1].isupper():
                written = _capitalise(written)
            text = f"{text[: m.start()]}{written}{text[m.end() :]}"
        return text

    def _date_bare_months(self, text: str) -> str:
        """A month written with no year ("pada November", "on 12 November", "Oktober lalu",
        "next September") written with the year it falls in, from the article's year and the
        months of that year's full dates (``read_dates``): a month no later than the last of
        them is that year's ("dirawat pada November 2026"), unless it comes before the first
        of them after a word looking forward (``markers.FORWARD_TIME``: "mulai Maret" may
        be the next March); "lalu"/"last" is that year for a month before the first of
        them, the year before for one not before the last; "mendatang"/"depan"/"next" that
        year for a month after the last, the year after for one before the first ("until
        September 2027"); a month between the two is left. Outside quotes, and not in a text
        that gives a year anywhere ("between March and June 2024"); of a range ("Juli hingga
        September") only the last month. What it cannot do: a month later than every full
        date of the article's year, with no word saying which side of the day it is on, is
        left as written; an article with no full date keeps its months; a date set after the
        article's day ("sidang berikutnya, 10 November 2026") moves "now" forward, so an
        earlier month written bare is read as that year's."""
        if self.months is None or not _MONTH_WORD_RE.search(text):
            return text
        anchors = anchors_of(text, self.lang, _TIME_KINDS)
        if any(a.kind == "year" or a.value[:1].isdigit() for a in anchors):
            return text  # a year is given: the month may be that year's or another's
        bare = [
            a
            for a in anchors
            if re.fullmatch(r"--\d\d(?:-\d\d)?", a.value)
            and fold(a.text.split()[-1]) in MONTH_NAMES
            and not any(s <= a.start < e for s, e in _quoted(text))
        ]
        relative = markers.RELATIVE_MONTHS[self.lang]
        first, last = self.months
        for i in range(len(bare) - 1, -1, -1):
            anchor = bare[i]
            if i + 1 < len(bare) and _RANGE_RE.fullmatch(text[anchor.end : bare[i + 1].start]):
                continue  # "Juli hingga September 2026": the range's year once, at its end
            month, start, end = int(anchor.value[2:4]), anchor.start, anchor.end
            before = re.search(r"(\w+)\s+$", text[:start])
            after = re.match(r"\s+(\w+)", text[end:])
            shift = None
            if before and before.group(1).lower() in relative.get("before", {}):
                shift, start = relative["before"][before.group(1).lower()], before.start(1)
            elif after and after.group(1).lower() in relative.get("after", {}):
                shift, end = relative["after"][after.group(1).lower()], end + after.end()
            if shift is None:
                # a month before every dated one, after a word looking forward ("mulai
                # Maret", "paling lambat pertengahan Maret"), may be the next year's
                ahead = any(w in markers.FORWARD_TIME for w in _words_before(text, start, 3))
                # "akan kembali normal pada akhir Maret": a future auxiliary earlier in
                # the clause looks forward too
                ahead = ahead or any(
                    w in markers.FUTURE_AUXILIARIES for w in _words_before(text, start, 8)
                )
                year = self.year if month <= last and not (ahead and month < first) else None
            elif shift < 0:
                year = self.year if month < first else self.year - 1 if month >= last else None
            else:
                year = self.year if month > last else self.year + 1 if month < first else None
            if year is not None:
                text = f"{text[:start]}{anchor.text} {year}{text[end:]}"
        return text

    def _date_weekday_days(self, text: str) -> str:
        """A day and month in brackets after a weekday ("Senin (30/11)"), the way an
        Indonesian article dates its events within the week, written with the article's year
        as its full dates are ("Senin (30/11/2026)"), when the day falls on that weekday in
        that year and its month is no later than the last of the year's dates
        (``read_dates``); outside quotes. What it cannot do: a bare weekday ("pada Rabu") is
        left, and so is a day whose weekday does not fit the year (a misprint, or a day of
        another year)."""
        if self.months is None or "/" not in text:
            return text
        quotes = _quoted(text)

        def dated(m: re.Match) -> str:
            weekday = WEEKDAYS.get(m.group(1).lower())
            day, month = int(m.group(2)), int(m.group(3))
            if any(s <= m.start() < e for s, e in quotes) or month > self.months[1]:
                return m.group()
            try:
                fits = datetime.date(self.year, month, day).isoweekday() == weekday
            except ValueError:
                fits = False
            return f"{m.group()[:-1]}/{self.year})" if fits else m.group()

        return _WEEKDAY_DAY_RE.sub(dated, text)

    # --- attribution ------------------------------------------------------------------------

    def _attribute(
        self, sentence: str, unit: Unit, text: str, attribution: Attribution | None
    ) -> tuple[str, str | None]:
        """Keep the sentence's attribution in a clause that lost it; the claimant, resolved."""
        own = find_attribution(text, self.lang)
        titles = fold_all(markers.PERSON_TITLES)
        if own is not None and attribution is not None and attribution.speaker != own.speaker:
            opening = own.speaker.split()[:1]
            if opening and fold(opening[0]) in titles and own.speaker in sentence:
                # "Kepala Dinas Kesehatan X, dr. Yohanes Bria, mengatakan ...": the clause
                # carries the title, the sentence names the person
                named = self.claimant(attribution.speaker)
                text = f"{text[: own.speaker_start]}{named}{text[own.speaker_end :]}"
                return text, named
        if own is not None:
            named = self.claimant(own.speaker)
            short = own.speaker.istitle() and " " not in own.speaker  # "Menurut Sri"
            short = short or own.speaker.lower() in markers.PRONOUNS.get(self.lang, {})
            if (own.speaker.lower().startswith("the ") or short) and named != own.speaker:
                start, end = own.speaker_start, own.speaker_end  # "The utility said" -> named
                text = f"{text[:start]}{named}{text[end:]}"
                own = find_attribution(text, self.lang) or own
            return self._quote_reported(text, own), named
        if attribution is None or unit.role == "apposition":
            return text, None  # an aside is in the article's own voice
        inside = attribution.content_start <= unit.start and unit.end <= attribution.content_end
        if not inside or (unit.role == "relative" and attribution.content_start == 0):
            return text, None  # a relative clause counts as said only after the speech verb
        speaker = attribution.speaker
        if re.search(rf"(?<![\w'’-]){re.escape(fold(speaker))}(?![\w'’-])", fold(text)):
            # "Councillor Sam Ortiz still hoped ..." (as words: "It" is not in "unit")
            return text, self.claimant(speaker)
        named = self.claimant(speaker)
        shown = speaker if fold(named) in markers.SPEECH_TAGS else named  # "ujarnya": Hendra
        if re.match(rf"{re.escape(shown)}\s+[a-z]", text):
            # "..., and expected a decision": the clause already opens with the speaker, who
            # is not named twice ("According to Helen Marsden, Helen Marsden expected ...");
            # "Arlen Nutrition's factory" is another subject and keeps the attribution
            return text, named
        lead = "Menurut" if self.lang == "id" else "According to"
        text = _lower_first(_without_stray_quote(text), self.context)
        # "..., and that the unit had been switched off": the complementiser goes with "said"
        text = re.sub(r"^(?:that|bahwa)\s+(?=\S)", "", text)
        return f"{lead} {shown}, {text}", named

    def _quote_reported(self, text: str, own: Attribution) -> str:
        """A quote with its speech tag after it ('"Mereka hanya bisa ...," ujarnya') as a
        reported statement: 'Menurut <speaker>, "Mereka hanya bisa ..."' (a clause cut out of
        the quote loses its marks); other frames as written. A speaker that cannot be named
        (an unresolved "ujarnya") keeps the sentence's words."""
        content = text[own.content_start : own.content_end].strip()
        closing = text[own.content_end : own.speaker_start]
        quoted = content[:1] in QUOTE_MARKS or set(closing) & set(QUOTE_MARKS)
        if own.frame != "tag" or not quoted:
            return text
        speaker = self.claimant(own.speaker)
        if fold(speaker) in markers.SPEECH_TAGS:
            return text
        whole = content[:1] in QUOTE_MARKS and set(closing) & set(QUOTE_MARKS)
        opening = content[:1]
        content = content.strip(QUOTE_MARKS + " ,").strip()
        lead = "Menurut" if self.lang == "id" else "According to"
        if whole:  # their own words, still in quotes: '"Kami siap," kata Budi'
            closing_mark = "”" if opening == "“" else opening
            return self._carry_place(f"{lead} {speaker}, {opening}{content}{closing_mark}")
        return self._carry_place(f"{lead} {speaker}, {_lower_first(content, self.context)}")

    def claimant(self, speaker: str) -> str:
        """A speaker as the claimant: a pronoun or "the mayor" resolved, an acronym the
        article spells out written out ("BPS" -> "Badan Pusat Statistik"), a person named
        after a long title by the name alone (``_name_after_long_title``)."""
        found = self._claimant(speaker)
        found = self._name_after_long_title(word_spans(found), found) or found
        return self._body_in_full(found)

    def _body_in_full(self, speaker: str) -> str:
        """A body named short ("Dinas Perikanan") as the one longer name the article gave it
        that opens with those words ("Dinas Perikanan Lereng Arum"), when the speaker opens
        with an organisation noun; else as it is. What it cannot do: of two bodies whose
        names open alike (two "Dinas Perikanan" of two regencies) neither is chosen."""
        words_ = speaker.split()
        heads = fold_all(markers.ORGANISATION_HEADS)
        if len(words_) < 2 or not _titled(speaker) or fold(words_[0]) not in heads:
            return speaker
        titles = fold_all(markers.PERSON_TITLES)
        longer = set()
        for name in self.names:
            # "Pengadilan Agama (PA) Waru Gading": the name without its bracketed acronym
            parts = without_acronyms(name).split()
            while len(parts) > 2 and fold(parts[0]) in titles:
                parts = parts[1:]  # "Kepala Dinas Perikanan X": the office the head heads
            body = " ".join(parts)
            if body.startswith(f"{speaker} ") and _titled(re.sub(r"\b(?:dan|and|of)\b", "X", body)):
                longer.add(body)
        return longer.pop() if len(longer) == 1 else speaker

    def _claimant(self, speaker: str) -> str:
        speaker = without_acronyms(speaker).strip(" ,.")  # "(BPS)"
        owner = self._document_owner(speaker)
        if owner:
            return owner
        spans = word_spans(speaker)
        named = self._named_after_title(speaker, spans)
        if named:
            return named
        if speaker.lower().endswith("nya") and speaker.lower() in markers.SPEECH_TAGS:
            return self._antecedent("person") or speaker  # "ujarnya": he or she, named before
        kind = markers.PRONOUNS.get(self.lang, {}).get(speaker.lower())
        if kind == "thing" and self.speaker:
            return self.speaker  # "..., it said": the body that spoke last, not the last thing
        if kind:
            antecedent = self._antecedent(kind)
            if kind == "thing" and antecedent and not self._one_thing(antecedent):
                return speaker  # "14 ceramics factories" is no "it"
            return antecedent or speaker
        courtesy = fold(spans[0].text).strip(".") in _COURTESY_TITLES if spans else False
        if len(spans) == 2 and courtesy and spans[1].text.istitle():
            for name in reversed(self.names):  # "Ms Okafor" -> "Helen Okafor", named before
                parts = name.split()
                if len(parts) > 1 and parts[-1] == spans[1].text and name != speaker:
                    if self._kind_of(name, "", []) == "person":
                        return name
        if fold(speaker) in fold_all(markers.COMPANY_NOUNS) and self._company():
            return self._company()  # "Perusahaan itu menyatakan ...": the company named last
        common = len(spans) > 1 and all(w.text.islower() for w in spans[1:])
        if spans and spans[0].lower in ("the", "this", "that") and common:  # not "the WHO"
            named = self._named_with(spans[-1].text) or self._names_head(spans[-1].text)
            if named is None and len(spans) == 2:  # "The agency said"
                named = self._nearest_organisation(fold(spans[1].text))
            if named:
                return named
        if len(spans) == 1 and speaker[:1].isupper() and not speaker.isupper():
            # "Menurut Sri": the person named in full before ("Sri Wahyuni")
            for name in reversed(self.names):
                parts = name.split()
                if len(parts) > 1 and speaker in parts:
                    if self._kind_of(name, "", []) == "person":
                        return name
        spelled = self.context.acronyms.get(speaker)
        if spelled:
            return spelled
        if spans and fold(spans[0].text) in fold_all(markers.PERSON_TITLES):
            # "kata Kepala Dinas Kesehatan Nusa Kenari": the person named before with it
            titled = [n for n in self.names if n.startswith(f"{speaker} ") and n != speaker]
            if titled:
                return titled[-1]
        # "kata Badan Meteorologi, Klimatologi, dan Geofisika (BMKG)": the speaker was cut at
        # the first comma; the spelled-out acronym that it opens is the whole name
        # "The Competition and Markets Authority said": cut at "and" the same way
        bare = re.sub(r"^[Tt]he\s+", "", speaker)
        spelled_out = [*self.context.acronyms.values(), *self.defined.values()]
        written = [re.sub(r"^[Tt]he\s+", "", v) for v in spelled_out]
        if bare != speaker and bare in written:
            return bare  # "The Competition and Markets Authority": the name as spelled out
        longer = {
            v for v in written if re.match(rf"{re.escape(bare)}(?:,|\s+(?:and|dan)\s+[A-Z])", v)
        }
        return longer.pop() if len(longer) == 1 else speaker

    def _name_after_long_title(self, spans, speaker: str) -> str | None:
        """The person's name at the end of a speaker written as a long title and the name
        with no comma between ("Kepala Satuan Reserse Kriminal Polresta Pangkal Jaya
        Komisaris Polisi Rudi Hartono"): the capitalised words from the one the article
        writes alone elsewhere as a name ("Rudi menjelaskan": a first name in Indonesian)
        to the end; in English the words before a surname written alone ("Dunmore said"),
        up to it. None when the speaker opens with no title, is short, or no word of its
        end is written alone. What it cannot do: a name never shortened in the article
        stays with its title."""
        titles = fold_all(markers.PERSON_TITLES)
        if len(spans) < 4 or fold(spans[0].text) not in titles:
            return None
        tail = spans[-3:]
        if not all(w.text[:1].isupper() and fold(w.text) not in titles for w in tail[-2:]):
            return None
        body = f"{self.body}\n{self.seen}".replace(speaker, " ")
        for i, word in enumerate(tail):
            # alone: no capitalised word before it ("Kota Sekar Arum" is no "Arum") or after
            alone = any(
                not re.search(r"[A-Z][\w'’-]*[^\S\n]+$", body[max(0, m.start() - 40) : m.start()])
                for m in re.finditer(rf"\b{re.escape(word.text)}\b(?![\w'’-])(?!\s+[A-Z])", body)
            )
            if not alone:
                continue
            if self.lang == "id":
                words_ = tail[i:]
            else:
                words_ = tail[: i + 1]
                while len(words_) > 2:
                    words_ = words_[1:]
            if any(fold(w.text) in titles or not w.text[:1].isupper() for w in words_):
                continue
            if len(words_) < 2 and self.lang == "en":
                continue
            return speaker[words_[0].start : words_[-1].end]
        return None

    def _document_owner(self, speaker: str) -> str | None:
        """The body whose document a speaker is ("its annual report", "the council's own
        survey", "Data PA"): the owner, resolved as a speaker, when that is a name; None
        otherwise (a document with no named owner stays as written: "a report")."""
        documents = "|".join(re.escape(w) for w in markers.DOCUMENT_NOUNS)
        if self.lang == "en":
            found = re.fullmatch(
                rf"(its|their|(?:the\s+)?[\w\s-]+?)['’]?s?\s+(?:(?:own|latest|annual|new|"
                rf"first|final|interim)\s+)*(?:{documents})",
                speaker,
                re.I,
            )
            if found is None or not re.search(r"['’]s\s|^(?:its|their)\s", speaker, re.I):
                return None
            owner = found.group(1)
        else:
            found = re.fullmatch(rf"(?:{documents})\s+([A-Z].*)", speaker, re.I)
            if found is None:
                return None
            owner = found.group(1)
        named = self.claimant(owner) if owner.lower() != speaker.lower() else None
        if not named or not named[:1].isupper() or not _titled(named.split()[-1]):
            return None
        noun = owner.split()[-1]
        if owner.islower() and noun not in ("its", "their") and fold(noun) not in fold(named):
            return None  # "the department's own survey": only a department names it
        return named

    def _named_after_title(self, speaker: str, spans) -> str | None:
        """The person a speaker that is a title stands for when the sentence names them right
        after it, set off by a comma ("kata Direktur Utama PLN, Arif Santoso", "Kepala Dinas
        Pertanian Sawah Lebar, Suryadi, mengatakan"): the name, as a claimant is a person.
        A role the title list lacks counts when the name, of two to four capitalised words
        and no organisation or place noun, closes the sentence ("kata Kapolres Pulau Seroja,
        Daniel Sipa"). What it cannot do: a name given in another sentence, or with no comma
        before it, is not found here (``claimant`` looks among the names read before)."""
        titles = fold_all(markers.PERSON_TITLES)
        first = spans[1:2] if spans[:1] and spans[0].lower == "the" else spans[:1]
        if not first or not self.reading:
            return None
        if fold(first[0].text) not in titles:
            # a role the title list does not hold ("kata Kapolres Pulau Seroja, Daniel Sipa",
            # "kata manajer pabrik, Rudi Tamsir"): a person's name closing the sentence
            closing = re.search(
                rf"{re.escape(speaker)},\s+{_COURTESY_RE}([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)"
                r"{1,3})\s*[.!]?[\"”’]?\s*$",
                self.reading,
            )
            if closing is None:
                return None
            name = closing.group(1)
            heads = fold_all(markers.ORGANISATION_HEADS + markers.PLACE_HEADS)
            if {fold(w) for w in name.split()} & heads or is_place(name, self.lang):
                return None
            return name
        # a courtesy title before the name ("Kepala Bidang ..., dr. Lukas Pardede,", "..., Prof.
        # Ani Lestari,") is no part of it, as in claimants._speaker_in_apposition
        named = re.search(
            rf"{re.escape(speaker)},\s+{_COURTESY_RE}"
            rf"((?:[A-Z][\w'’.-]*\s+){{0,3}}[A-Z][\w'’-]*)(?=\s*(?:,|$|\.))",
            self.reading,
        )
        if named is None or fold(named.group(1).split()[0]) in titles:
            return None
        if fold(named.group(1)) in WEEKDAYS or fold(named.group(1)) in MONTH_NAMES:
            return None  # "kata Kepala Dinas ... Arif Sambodo, Senin": the day he spoke
        return named.group(1)

    # --- remembering ------------------------------------------------------------------------

    def _remember(self, sentence, units, written, anchors, attribution, names) -> None:
        self.names += [self.context.acronyms.get(n.text, n.text) for n in names]
        self.recent = [
            *self.recent[-1:],
            [self.context.acronyms.get(n.text, n.text) for n in names],
        ]
        # "Pembangkit Listrik Tenaga Uap (PLTU) Batu Hitam": the plant is "PLTU Batu Hitam"
        heads = fold_all(markers.PLACE_HEADS)
        for name in names:  # "Desa Tanjung Lalang", "Kabupaten Gunung Sari"
            if self.lang == "id" and len(name.text.split()) > 1:
                if fold(name.text.split()[0]) in heads:
                    self.last_place = name.text
        continued = [
            m for m in re.finditer(r"\(([A-Z][A-Z0-9]{1,7})\)\s+((?:[A-Z][\w'’-]*\s?)+)", sentence)
        ]
        for m in continued:  # "PLTU Batu Hitam" and the name as written, whole
            before = [n.text for n in names if n.end + 1 == m.start()]
            self.names += [*(f"{b} {m.group().strip()}" for b in before)]
            self.names.append(f"{m.group(1)} {m.group(2).strip()}")
        self._remember_roles(sentence, names)
        counted = _counted_group(sentence, anchors, self.lang)
        if counted:  # "... 1.240 pekerja PLTU ...": what a later "Mereka"/"They" may be
            self.group = Mention(counted, "group")
        lists = LIST_RE.findall(sentence)
        if lists:
            self.members = lists[-1]
        self.members_fresh = bool(lists)
        self.read += 1
        heads = "city|town|port|village|county|province|region|district|island"
        if self.near_place and re.search(rf"\b{re.escape(self.near_place[0])}\b", sentence):
            self.near_place = (self.near_place[0], self.read)  # named again: still near
        for m in re.finditer(
            rf"\b(?:{heads})\s+of\s+([A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)*)", sentence
        ):
            if self.lang == "en":  # "the port of Hallvik", "the neighbouring city of Morrow"
                self.near_place = (m.group(1), self.read)
        time = _time_phrases(sentence, anchors, self.lang)
        main = next((w for u, w in zip(units, written, strict=True) if u.role == "main"), None)
        self.opening_subject = None
        if main is not None:
            whole = subject_span(main.text, self.lang)  # the speaker, if one opens it
            self.opening_subject = main.text[whole[0] : whole[1]] if whole else None
            said = find_attribution(main.text, self.lang)
            text = main.text[said.content_start :] if said and said.frame == "verb" else main.text
            span = subject_span(text, self.lang)
            # "Passengers who booked ...": the subject ends before its relative pronoun; a
            # lone determiner ("A planned rescue" cut at "planned") is no subject
            subject = text[span[0] : span[1]] if span else ""
            subject = re.sub(r"\s+(?:who|which|that|yang)$", "", subject.strip())
            if subject and not stopword(subject.lower(), self.lang):
                subject = _capitalise(subject)
                kind = self._kind_of(subject, sentence, anchors)
                self.subject = Mention(subject, kind, time[0] if time else "")
                slot = {"person": "person", "group": "group"}.get(kind, "thing")
                setattr(self, slot, self.subject)
        if attribution is not None:
            speaker = self.claimant(attribution.speaker)
            titled = self._kind_of(attribution.speaker, sentence, []) == "person"
            if titled or self._kind_of(speaker, sentence, []) == "person":
                # "Kepala Dinas ..., Suryadi, mengatakan": the title says "Suryadi" is a person
                self.person = Mention(speaker, "person")
            bodies = fold_all(markers.ORGANISATION_HEADS + markers.COMPANY_FORMS)
            if len(speaker.split()) > 1 and _titled(speaker):
                # an English body's name ends with its head ("Brackwater Water", "Kingsmere
                # Care Group"); a person's with a surname, after any rank ("Group Manager
                # Tom Fenwright")
                words_ = speaker.split()[-1:] if self.lang == "en" else speaker.split()
                if not {fold(w) for w in words_} & bodies:
                    self.quoted_name = speaker
        titles = fold_all(markers.PERSON_TITLES)
        for name in names:  # "Mayor Daniel Okonjo, who ...": "the mayor" is he
            before = word_spans(sentence, max(0, name.start - 40), name.start)[-1:]
            if before and fold(before[0].text) in titles and before[0].text[:1].isupper():
                self.titled[fold(before[0].text)] = sentence[before[0].start : name.end]
        for unit in units:
            if unit.role == "apposition" and unit.subject:
                name = sentence[unit.subject[0] : unit.subject[1]]
                described = fold(sentence[unit.start : unit.end].replace(name, " ")).split()
                if titles & set(described):  # "..., a former finance minister,": a person
                    self.person = Mention(name, "person")
                else:  # "The district's main reservoir, Hollins Lake,": a thing
                    self.thing = self.subject = Mention(name, "thing")

    def _remember_roles(self, sentence: str, names: list[Anchor]) -> None:
        """An organisation introduced with what it is, "Westmark Grid, the regional network
        operator", "Dairy group Arlen Nutrition", "PT Sinar Emas, perusahaan tambang ...": a
        later "the operator", "the group", "perusahaan itu" is that name (``roles``, by the
        role's head noun; the latest kept last).

        In English the apposition may hold a possessive ("Stowley Baths, the town's only
        public swimming pool,") and go on after its head noun with a place or a relative
        clause ("Ellerby House, a care home in Thornwick that ..."): the head is the last
        word before "in", "at", "near", "on", "that", "which", "who", "run" or "owned".

        What it cannot do: the role must be written right next to the name (an apposition
        after it, or a noun before it at the sentence's start or after "the/a/an"); a head
        followed by another preposition ("the operator of ...") is not read; a role
        given in a sentence of its own ("Westmark Grid runs the region's network") is not
        read; a role shared by two bodies goes to the later one; people (a title among the
        role's words, or a name already read as a person) are left to the person rules."""
        titles = fold_all(markers.PERSON_TITLES)
        for name in names:
            text = self.context.acronyms.get(name.text, name.text)
            if text in self.people or is_place(text, self.lang) or not text[:1].isupper():
                continue
            if self.lang == "en":
                after = re.match(
                    r",\s+(?:the|an?)\s+((?:[a-z][\w-]*(?:['’]s)?\s+){0,4}?)([a-z][\w-]+)"
                    r"(?:\s*(?:[,.;]|$)|\s+(?:in|at|near|on|that|which|who|run|owned)\b)",
                    sentence[name.end :],
                )
                before = re.search(
                    # at the start, after a determiner, or after a dateline's dash
                    r"(?:^|[-–—]\s+|\b(?:[Tt]he|[Aa]n?)\s+)"
                    r"((?:[A-Za-z][\w-]*\s+){0,2}?)([a-z][\w-]+)\s+$",
                    sentence[: name.start],
                )
                following = word_spans(sentence, name.end, min(len(sentence), name.end + 30))
                if following and not re.match(r"\s*[,.;]", sentence[name.end :]):
                    verb = following[0].lower in markers.AUXILIARIES["en"]
                    if not (verb or is_verb(following[0].text, "en")):
                        before = None  # "the former Kellford steelworks": the name describes
                found = after or before
            else:
                found = re.match(
                    r",\s+()([a-z][\w-]+)\s+(?:[a-z][\w-]*\s*){0,4}(?:,|$)", sentence[name.end :]
                )
            if not found:
                continue
            head, described = found.group(2), fold(found.group(1) + " " + found.group(2)).split()
            if set(described) & titles or stopword(head, self.lang) or is_verb(head, self.lang):
                continue
            if is_boundary(head, self.lang):
                continue  # "an overhead wire near Dunmere": a preposition is no role
            self.roles.pop(fold(head), None)
            self.roles[fold(head)] = text

    def _only_definite(self, noun: str) -> bool:
        """Whether every lower-case ``noun`` of the article is definite: after a
        demonstrative or "the" (an adjective between allowed: "the eastern moor") in English,
        before "itu"/"ini"/"tersebut" or "-nya" in Indonesian; and there is one at least."""
        if noun in self.definite:
            return self.definite[noun]  # asked for every name it heads: read the body once
        self.definite[noun] = found = self._read_definite(noun)
        return found

    def _read_definite(self, noun: str) -> bool:
        if stopword(noun, self.lang):
            return False
        word = re.escape(noun)
        every = len(re.findall(rf"(?<![\w'’-]){word}(?![\w'’-])", self.body))
        if self.lang == "en":
            determiners = "|".join(markers.DEMONSTRATIVES_BEFORE)
            pattern = rf"\b(?:{determiners})\s+(?:[a-z][\w-]*\s+)?{word}(?![\w'’-])"
        else:
            after = "|".join(markers.DEMONSTRATIVES_AFTER)
            pattern = rf"(?<![\w'’-]){word}(?:\s+(?:{after})\b|nya\b)"
        return every > 0 and len(re.findall(pattern, self.body, re.I)) >= every

    def _kind_of(self, noun: str, sentence: str, anchors: list[Anchor]) -> str:
        """ "person", "group", "measure" (a figure was given for it) or "thing". A name the
        article marked as a person's (``people``: a title, an age, a description in
        apposition) is a person's whatever follows it ("Sugeng Prayitno, yang ...")."""
        if noun in self.people:
            return "person"
        folded = [w.strip(".") for w in fold(noun).split()]  # "Dr." is "dr"
        titles = fold_all(markers.PERSON_TITLES)
        opening = folded[1:2] if folded[:1] == ["the"] else folded[:1]
        if opening and opening[0] in fold_all(markers.FIGURE_NOUNS) and len(folded) > 1:
            # "Angka warga lain Dinas Sosial X", "Jumlah penumpang": a figure, whatever
            # people it counts ("warga" is also a word that marks a person)
            return "measure"
        if folded and folded[0] in fold_all(markers.GROUP_MARKERS):
            return "group"
        if any(w in titles for w in folded) or " ".join(folded[:2]) in titles:
            return "group" if folded[-1].endswith("s") and self.lang == "en" else "person"
        if folded and "-" in folded[0] and folded[0].split("-")[0] == folded[0].split("-")[-1]:
            return "group"  # "negara-negara"
        heads = fold_all(markers.ORGANISATION_HEADS)
        if any(w in heads for w in folded) or noun.isupper():
            return "thing"
        if any(a.kind in _NUMBER_KINDS for a in anchors) and not noun[:1].isupper():
            return "measure"
        if any(a.kind in _NUMBER_KINDS for a in anchors) and not all(
            w[:1].isupper() for w in noun.split()
        ):
            return "measure"
        capitalised = noun.split()
        if noun in self.roles.values():
            return "thing"  # "Ellerby House, a care home in Thornwick": a role, no person
        if re.search(rf"\b{re.escape(noun)},\s+(?:which|yang)\b", f"{self.seen}{sentence}"):
            return "thing"  # "Ashgrove Power Networks, which serves ...": no person
        if 2 <= len(capitalised) <= 3 and all(w[:1].isupper() for w in capitalised):
            head = capitalised[-1 if self.lang == "en" else 0].lower()
            if head in self.context.common and self._only_definite(head):
                # "Hallowmere Moor", "Danau Ranu Gedang": a name headed by a noun the article
                # writes in lower case only as a definite ("the moor", "danau itu") says what
                # it is, a thing; not "Brackwater Water" where the article writes "tap water"
                return "thing"
            placed = anchors_of(noun, self.lang, {"place"})
            return "person" if noun in self.names and not placed else "thing"
        return "thing"


# words a definition may hold that give its abbreviation no letter
_SILENT = frozenset(("dan", "and", "of", "the"))


def bracketed_definitions(text: str, context: NameContext) -> dict[str, str]:
    """Abbreviations the article defines in brackets that the name-based recogniser leaves
    out: a term in lower case ("pajak bumi dan bangunan (PBB)", "nilai jual objek pajak
    (NJOP)") and a syllabic one ("Badan Pendapatan Daerah (Bapenda)"). The words before
    the brackets spell it when each gives its opening letters in order (a "dan"/"and"/"of"
    may give none); the fewest such words are taken."""
    out: dict[str, str] = {}
    for m in re.finditer(r"\s\(([A-Z][A-Za-z]{1,7})\)", text):
        short = m.group(1)
        if short in context.acronyms or short in out:
            continue
        # the words may be listed with commas: "Badan Meteorologi, Klimatologi, dan
        # Geofisika (BMKG)"
        before = re.search(
            r"(?:[A-Za-z][\w-]*,?\s+){0,5}[A-Za-z][\w-]*$",
            text[max(0, m.start() - 120) : m.start()],
        )
        words_ = before.group().split() if before else []
        for k in range(1, len(words_) + 1):
            if spells_out(short.lower(), [w.lower().rstrip(",") for w in words_[-k:]], _SILENT):
                out[short] = " ".join(words_[-k:])
                break
    return out


def _defined_in_full(text: str, defined: dict[str, str]) -> str:
    """The first abbreviation of ``defined`` in a claim text, outside quotes, written with its
    definition ("penerimaan PBB" -> "penerimaan pajak bumi dan bangunan (PBB)"), unless the
    claim text already holds the definition."""
    quotes = _quoted(text)
    for short, full in defined.items():
        if full.lower() in text.lower():
            continue
        for m in re.finditer(rf"(?<![\w(-]){re.escape(short)}(?![\w)-])", text):
            if not any(s <= m.start() < e for s, e in quotes):
                text = f"{text[: m.start()]}{full} ({short}){text[m.end() :]}"
                break
    return text


def syllabic_abbreviations(text: str) -> dict[str, str]:
    """Indonesian syllabic abbreviations the article also writes in full: a word made of the
    start of one word and the start or end of the next ("pinjol" from "pinjaman online",
    "satgas" from "satuan tugas", "pemkab" from "pemerintah kabupaten"), where that pair of
    words stands together in ``text`` (see ``_fits``). The caller keeps a capital ("Satgas"
    -> "Satuan tugas"); the word must not be a truncation of the first word ("pinjam" of
    "pinjaman") nor end in "-nya".

    What it cannot do: an abbreviation of three words or more ("puskesmas"), or one the
    article never spells out, is not found; an ordinary word that happens to fit two words
    standing together ("pasar" and "pasukan aparat") would be taken for one, unless it is a
    function word or an auxiliary ("tanpa", "perlu": closed classes)."""
    # figures are words too: "meminjam 30 tabung" is no pair ("meminta" is no abbreviation)
    lower = re.findall(r"[a-z0-9]+", text.lower())
    auxiliaries = markers.AUXILIARIES["id"]
    stop = {  # each word asked once; a function word or auxiliary ("tanpa", "perlu") is no noun
        w: stopword(w, "id") or is_boundary(w, "id") or w in auxiliaries or not w.isalpha()
        for w in set(lower)
    }
    pairs: dict[str, set[tuple[str, str]]] = {}
    for a, b in zip(lower, lower[1:], strict=False):
        if len(a) >= 4 and len(b) >= 3 and not stop[a] and not stop[b]:
            pairs.setdefault(a[:3], set()).add((a, b))
    out = {}
    for word in stop:
        if not 4 <= len(word) <= 8 or stop[word] or word.endswith("nya"):
            continue
        for a, b in sorted(pairs.get(word[:3], ())):
            if word in (a, b) or a.startswith(word[:-1]) or word in a:
                continue
            shared = 3  # the head must open ``a``: no cut past the letters they share
            while shared < min(len(word), len(a)) and word[shared] == a[shared]:
                shared += 1
            cuts = range(3, min(shared, len(word) - 2) + 1)
            if any(_fits(word[:i], word[i:], a, b) for i in cuts):
                out[word] = _as_written(f"{a} {b}", text)
                break
    return out


def _as_written(words: str, text: str) -> str:
    """``words`` as ``text`` writes them when it writes them as a name, each word
    capitalised ("Kementerian Kesehatan", which "Kemenkes" stands for); else in lower case
    ("pinjaman online")."""
    for m in re.finditer(rf"\b{re.escape(words)}\b", text, re.IGNORECASE):
        if all(w[:1].isupper() for w in m.group().split()):
            return m.group()
    return words


def _fits(head: str, rest: str, first: str, second: str) -> bool:
    """Whether ``head`` opens ``first`` and ``rest`` opens or closes ``second`` (or is two of
    its letters, the first its first: "ol" of "online"), joined consonant to consonant as
    syllables are cut ("pinj|ol", "sat|gas", "pem|kab"; "kepa|da", "seb|esar" are words).
    A two-letter rest with a vowel in it is weak evidence; it is kept for "online"."""
    vowels = "aeiou"
    if not first.startswith(head) or head[-1] in vowels:
        return False
    if rest[0] in vowels and second[0] != rest[0]:
        return False  # a vowel opens the rest only where it opens the word: "pinj|ol"
    if second.startswith(rest) or second.endswith(rest):
        return True
    return len(rest) == 2 and second[0] == rest[0] and rest[1] in second[1:]


def _spell_out(text: str, shortened: dict[str, str]) -> str:
    """``text`` with each abbreviation in ``shortened`` written in full, outside quotes."""
    if not shortened:
        return text
    quotes = [m.span() for m in QUOTED_RE.finditer(text)]

    def full(m: re.Match) -> str:
        if any(s <= m.start() < e for s, e in quotes):
            return m.group()
        words_ = shortened.get(m.group().lower())
        if not words_ or (m.group()[1:] != m.group()[1:].lower()):
            return m.group()  # "PINJOL", an acronym in capitals, is left
        if text[m.end() : m.end() + 1] == ")" and fold(text[: m.start()]).endswith(
            f"{fold(words_)} ("
        ):
            return m.group()  # "angkutan kota (angkot)": the definition, not to be doubled
        return _capitalise(words_) if m.group()[:1].isupper() else words_

    pattern = rf"\b(?i:{'|'.join(map(re.escape, shortened))})\b"
    return re.sub(pattern, full, text)


def introduced_names(title: str, text: str, context: NameContext) -> dict[str, str]:
    """The common nouns an Indonesian body introduces a headline's name with, and the name:
    "Kapal motor penumpang KM Bunga Teratai tenggelam ..." under "KM Bunga Teratai Tenggelam
    ..." gives {"kapal": "KM Bunga Teratai"}, so that "Kapal kayu itu" and "kapasitas resmi
    kapal itu" name the boat. The noun is the word before up to three lower-case modifiers
    and the name; it is no function word or verb, nor a title, place noun or organisation
    noun (those head names of their own: "Bupati X", "warga Desa X" is no village), and
    lower-case unless it opens a sentence (not a word of a longer name: "Bea dan Cukai X").
    Only names the headline carries (what the article is about) and that the article never
    writes as a place ("di X", "Kabupaten X"); the first introduction kept.

    What it cannot do: it reads the order of words, not meaning, so a noun that stands
    before a headline name without describing it ("pengamat Universitas X") is taken as
    describing it."""
    found: dict[str, str] = {}
    runs = re.findall(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+", title)
    pairs = [" ".join(run.split()[i : i + 2]) for run in runs for i in range(len(run.split()) - 1)]
    if not any(pair in text for pair in pairs):
        return found  # no name of two capitalised words in the headline that the body has
    excluded = fold_all(
        markers.PERSON_TITLES
        + markers.PLACE_HEADS
        + markers.ORGANISATION_HEADS
        + markers.FIGURE_NOUNS
        + markers.DATE_NOUNS
    )
    names = whole_names(text, "id", context.common, context.acronyms, context.known)
    places = "|".join(markers.PLACE_HEADS + markers.LOCATIVES)
    for name in {n.text: n for n in names if n.text in title}.values():
        if len(name.text.split()) < 2 or not _titled(name.text):
            continue
        if re.search(rf"\b(?i:{places})\s+{re.escape(name.text)}\b", text):
            continue  # "di Tanjung Arum", "Kabupaten Sawah Lebar": a place, not a thing
        for m in re.finditer(
            rf"\b([A-Za-z][a-z-]+)((?:\s+[a-z][a-z-]*){{0,3}})\s+{re.escape(name.text)}\b", text
        ):
            words_ = [m.group(1), *m.group(2).split()]
            if any(stopword(w.lower(), "id") or is_verb(w, "id", initial=True) for w in words_):
                continue
            before = re.search(r"(\S+)\s*$", text[: m.start()])
            if (
                m.group(1)[:1].isupper()
                and before
                and not before.group(1).endswith((".", "!", "?"))
            ):
                continue  # "Kantor Bea Cukai X": a word of a longer name
            head = fold(m.group(1))
            if head in excluded or fold(name.text.split()[0]) in excluded:
                continue
            if re.search(rf"\b(?i:{re.escape(m.group(1))})\s+{re.escape(name.text)}", title):
                continue  # "Status Gunung Wangsa Naik": the name's status, not the name
            found.setdefault(head, name.text)
    for head, name in _named_by_their_noun(title, text, context, excluded):
        found.setdefault(head, name)
    return found


def _named_by_their_noun(title: str, text: str, context: NameContext, excluded) -> list:
    """(noun, name) for a headline name that opens with a common noun, as in "Koperasi Dana
    Lestari Makmur Gagal Bayar ..." over a body that writes "koperasi itu" and "Koperasi
    Simpan Pinjam (KSP) Dana Lestari Makmur": the noun is written in lower case in the body,
    and capitalised in mid-sentence as the first word of the name (at most three capitalised
    words or a bracketed acronym between it and the rest), so it is part of the name, not a
    word about it ("status Gunung Wangsa"). The name is the noun and the longest run of the
    headline's next words the body writes. What it cannot do: a name the body never writes
    with its noun capitalised in mid-sentence is not found."""
    found = []
    for run in re.finditer(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+", title):
        noun, *rest = run.group().split()
        if noun.lower() not in context.common or fold(noun) in excluded or len(rest) < 2:
            continue
        if stopword(noun.lower(), "id") or is_verb(noun, "id", initial=True):
            continue
        for n in range(len(rest), 1, -1):
            named = " ".join(rest[:n])
            between = r"(?:\s+(?:[A-Z][\w'’-]*|\([A-Z]{2,8}\))){0,3}"
            written = re.search(rf"(?<=[a-z,]\s){noun}{between}\s+{re.escape(named)}\b", text)
            if written:
                found.append((fold(noun), f"{noun} {named}"))
                break
    return found


@lru_cache(maxsize=8)  # an article's, asked for by its headline and by its body
def name_context(text: str, lang: str) -> NameContext:
    """Words ``text`` writes in lower case (not after a full stop) and the acronyms it
    spells out: what tells a name from a capitalised ordinary word."""
    common = frozenset(m.group() for m in re.finditer(r"\b[a-z][a-z'-]+\b", text))
    # a capitalised word or run after a lower-case word (or a comma) is capitalised as a name,
    # not for opening a sentence; runs count whole: "Port Aldwin" keeps its "Port"
    runs = re.finditer(r"(?:^|(?<=\s))[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)*", text, re.M)
    known: set[str] = set()
    for run in runs:
        before = text[max(0, run.start() - 60) : run.start()].rstrip()
        previous = re.search(r"[\w'’-]+$", before)
        if before.endswith((",", ";", ")")) or (previous and previous.group()[0].islower()):
            words_ = run.group().split()
            known.add(words_[0])
            known.add(re.sub(r"['’]s$", "", run.group()))
    return NameContext(common, acronym_definitions(text, lang), frozenset(known))


# --- helpers -------------------------------------------------------------------------------


def _named_topic(topic: str | None, text: str, lang: str) -> str | None:
    """The one name the article gives a one-word topic, as the label of claims that do not
    name it: "practice" -> "Harbour Street Dental Practice", "pasir" -> "Pasir Sungai
    Kaliandra": a name of capitalised words the topic heads (last in English, first in
    Indonesian), and the only such name. None otherwise. What it cannot do: a topic the
    article names two ways ("Pasar Sentral" and "Pasar Baru") keeps its word; a name that
    holds the word elsewhere ("Dinas Pemadam Kebakaran X") is not read; one name written
    once is taken as the topic's, whatever else the topic word stands for."""
    if not topic or " " in topic or not topic.islower():
        return None
    word = re.escape(topic.capitalize())
    run = r"[A-Z][\w'’-]*"
    if lang == "en":  # the word closes the name: not "Dental Practice Board"
        found = [
            m.group(1)
            for m in re.finditer(rf"(?<![\w'’-])((?:{run}\s+){{1,4}}){word}(?![\w'’-])", text)
            if not re.match(rf"\s+{run}", text[m.end() :])
        ]
        names = [re.sub(r"^The\s+", "", f"{m}{topic.capitalize()}") for m in found]
    else:  # the word opens the name: not a word inside one ("Dinas Pemadam Kebakaran X")
        found = [
            m.group(1)
            for m in re.finditer(rf"(?<![\w'’-]){word}((?:\s+{run}){{1,4}})", text)
            if not re.search(rf"{run}\s+$", text[max(0, m.start() - 30) : m.start()])
        ]
        names = [f"{topic.capitalize()}{m}" for m in found]
    names = [n for n in names if len(n.split()) > 1]
    if len(set(names)) != 1:
        return None
    return names[0]


def _figure_apposition(span: str, previous: str, lang: str) -> str | None:
    """The claim text of a figure's apposition: the figure named with the noun that stands
    for it. "angka yang dibantah oleh PLN" after "... sekitar 1.500 kematian dini setiap
    tahun" -> "Angka sekitar 1.500 kematian dini setiap tahun dibantah oleh PLN"; in English
    the verb is left as written: "The figure (about 1,500 deaths a year) disputed by ...".
    None when ``span`` is no such apposition or the clause before gave no figure."""
    m = FIGURE_APPOSITION_RE.match(span)
    if m is None or not previous:
        return None
    if not re.match(r"(?:a\s+|the\s+)?\w+\s+(?:yang|that|which)\s", span, re.I) and not (
        is_verb_start(span[m.start("rest") :], lang)
    ):
        # "jumlah pasien ISPA naik" after "tagihan Rp 3,8 miliar belum dibayar": the figure
        # noun heads a noun phrase of its own ("the number of patients"), no apposition
        return None
    figures = [a for a in anchors_of(previous, lang, _NUMBER_KINDS) if a.kind != "year"]
    if not figures:
        return None
    last = figures[-1]
    tail = re.match(r"[^,;.]*", previous[last.end :]).group()  # "kematian dini setiap tahun"
    amount = (previous[last.start : last.end] + tail).strip()
    lead = re.search(r"\b(?:sekitar|about|around|nearly|almost)\s+$", previous[: last.start])
    amount = f"{lead.group().strip()} {amount}" if lead else amount
    rest = span[m.start("rest") :]
    if lang == "id":
        return f"{m.group('noun').capitalize()} {amount} {rest}"
    return f"The {m.group('noun').lower()} ({amount}) {rest}"


def _included_text(span: str, lang: str) -> str:
    """The claim text of a noun and its relative clause (clauses' "included" unit): "dapur
    umum yang menyiapkan 9.000 porsi" -> "dapur umum menyiapkan 9.000 porsi"; "a site that
    Cirrus Cloud is building on ..." -> "Cirrus Cloud is building a site on ..." (an English
    object relative: the noun goes after the verb and its auxiliaries)."""
    m = re.search(r"\s(?:yang|that|which|who)\s", span, re.I)
    if m is None:
        return span
    noun, rest = span[: m.start()], span[m.end() :]
    if lang == "id" or is_verb_start(rest, lang):
        return f"{noun} {rest}"
    verb = first_verb(rest, lang)
    if verb is None:
        return span
    words_ = word_spans(rest, verb.start)
    auxiliaries = markers.AUXILIARIES["en"]
    at = next((i for i, w in enumerate(words_) if w.lower not in auxiliaries), len(words_) - 1)
    cut = words_[at].end
    return f"{rest[:cut]} {_lower_first(noun, NameContext(frozenset(), {}, None))}{rest[cut:]}"


def _without_time(group: str, source: str, lang: str) -> str:
    """A counted group without a time phrase its last nouns ran into ("412 school contracts
    last" of "... 412 school contracts last year ..." -> "412 school contracts")."""
    at = source.rfind(group)
    pattern = _RELATIVE_YEAR_RE.get(lang)
    if at < 0 or pattern is None:
        return group
    time = pattern.search(source, at, at + len(group) + 20)
    return group[: time.start() - at].rstrip() if time and time.start() < at + len(group) else group


def _figure_value(text: str, lang: str) -> float | None:
    """The value of the first number ``text`` gives ("212 sumur bor" 212.0, "twenty-three
    cars" 23.0), or None when it gives none or a percentage."""
    for anchor in anchors_of(text, lang, ("number", "percent")):
        if anchor.kind == "percent":
            return None
        try:
            return float(anchor.value)
        except ValueError:
            return None
    return None


def _counted_group(sentence: str, anchors: list[Anchor], lang: str) -> str | None:
    """The first counted plural of the sentence, a bare number and the ordinary nouns after
    it ("1.240 pekerja PLTU", "about 410,000 pupils"): a group a later "Mereka"/"They"
    can point to. A sum of money, a percentage or a figure noun is no group."""
    for anchor in anchors:
        if anchor.kind != "number":
            continue
        nouns = []
        for word in word_spans(sentence, anchor.end, min(len(sentence), anchor.end + 60)):
            gap = sentence[(nouns[-1].end if nouns else anchor.end) : word.start]
            if gap.strip() or len(nouns) == 3:
                break
            if stopword(word.lower, lang) or is_boundary(word.text, lang):
                break
            if is_verb(word.text, lang) or (word.text[:1].isupper() and not word.text.isupper()):
                break
            nouns.append(word)
        if not nouns or not nouns[0].text.islower():
            continue
        if fold(nouns[0].text) in fold_all(markers.FIGURE_NOUNS + markers.DATE_NOUNS):
            continue
        return sentence[anchor.start : nouns[-1].end]  # the first: "1.320 anak, naik dari 980"
    return None


@lru_cache(maxsize=4096)
def _head_words(name: str) -> tuple[str, ...]:
    """A name's folded words before any "of": every clause's antecedents are looked for among
    all the names the article has used so far, so each name is read once."""
    return tuple(fold(w) for w in re.split(r"\s+of\s+", name)[0].split())


_NUMBER_WORD = word_trie(NUMBER_WORDS)  # the longest first, each letter read once
# "ketiga kecamatan tersebut", "kedua kelurahan itu", "the three districts", "both towns"
# Each holds the number words' tree (10 ms to compile): compiled for the language in use only.
_COUNTED = {
    "id": rf"\b(?P<count>(?:ke)?(?:{_NUMBER_WORD}))\s+(?P<head>[a-z][\w-]+)\s+"
    rf"(?:{'|'.join(markers.DEMONSTRATIVES_AFTER)})\b",
    "en": rf"\b(?:the|these|those)\s+(?P<count>{_NUMBER_WORD})\s+(?P<head>[a-z][\w-]+s)\b"
    r"|\b(?P<both>both)\s+(?P<head2>[a-z][\w-]+s)\b",
}


@cache
def _counted_re(lang: str) -> re.Pattern[str]:
    return re.compile(_COUNTED[lang], re.I)


_NAME_ITEM = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
# Names joined by "dan"/"and": "A, B, dan C", "Kelurahan A dan Kelurahan B"
_COORDINATED_RE = re.compile(
    rf"{_NAME_ITEM}(?:,\s+{_NAME_ITEM})*,?\s+(?:dan|and|serta)\s+{_NAME_ITEM}"
)


# "67 di antaranya", "one of them", "82 percent of them": a count of a group named before
_AMONG = {
    "id": r"\s+(?:persen|[a-z]+)",
    "en": r"\s+percent",
}
_AMONG_WORDS = {"id": "di antaranya", "en": "of them"}


@lru_cache(maxsize=2)  # holds the number words' tree: compiled for the language in use only
def _among_re(lang: str) -> re.Pattern[str]:
    return re.compile(
        rf"\b(?:\d[\d.,]*|(?i:{_NUMBER_WORD}))(?:{_AMONG[lang]})?\s+"
        rf"(?P<among>{_AMONG_WORDS[lang]})\b"
    )


def _count_word(word: str) -> int:
    """How many a counting word says: "tiga"/"three" 3, "ketiga" 3 (all three), "both" 2."""
    lower = word.lower()
    if lower == "both":
        return 2
    if lower.startswith("ke") and lower[2:] in NUMBER_WORDS:
        return NUMBER_WORDS[lower[2:]]
    return NUMBER_WORDS.get(lower, 0)


def _weekday_date(sentence: str, anchors: list[Anchor], i: int) -> tuple[int, int, int] | None:
    """(weekday, month, day) of a day and month with no year that a weekday names: "Senin
    (1/12)" (two anchors, the weekday first, a bracket or comma between), "Monday 30
    November" (one anchor); None for anything else."""
    anchor = anchors[i]
    found = re.fullmatch(r"--(\d\d)-(\d\d)", anchor.value) if anchor.kind == "date" else None
    if not found:
        return None
    weekday = WEEKDAYS.get(anchor.text.split()[0].strip(",").lower())
    if weekday is None and i:
        before = anchors[i - 1]
        close = re.fullmatch(r"\s*[(,]?\s*", sentence[before.end : anchor.start])
        if before.kind == "date" and before.value.startswith("weekday:") and close:
            weekday = int(before.value.split(":")[1])
    return (weekday, int(found.group(1)), int(found.group(2))) if weekday else None


def _years_of_weekdays(
    weekdays: list[tuple[int, int, int]],
    written: set[int],
    floor: int = 0,
    latest: int | None = None,
) -> tuple[dict[int, int], dict[int, list[int]]]:
    """The article's year from days a weekday names ("Senin (30/11)"), for an article with no
    full date: among the years it writes and the year after each (an article is written in
    or after the years it reports), the one in which most of those days fall on their
    weekday, the later on a tie (2020 and 2026 share their days from March); its count and
    months, as ``read_dates`` keeps them, or nothing when none fits. A weekday's day recurs
    every 5, 6 or 11 years, so the years written (a "November 2026", a "pada 2024") pick
    one. What it cannot do: an article writing no year at all, or only years two or more
    before its own, is not dated; a year written for the future ("target 2027") that fits
    the days better than the article's own wins, and one that writes only a year six before
    its own (2020 for 2026, whose days fall alike from March) is dated that year; a day
    misprinted against its weekday counts for another year. No year before ``floor`` (a year
    the article writes after "since"/"sejak": it reports a time from then on) is taken: an
    article writing 2019, 2021 and 2023 with "since 2021" and a Saturday 19 December is not
    dated 2020 (it was 2026, a year it does not write), but left undated.

    With ``latest``, the year the article was read in (it was written by then, and most
    often that year or the one before), no later year is taken (a "target 2027" cannot date
    it), and the years from the last one written up to ``latest`` are candidates too, with
    the year before ``latest`` and ``latest`` itself: an article writing only 2015 and 2021
    whose "Senin (30/11)" fits 2015 and 2026 is dated 2026 when read in 2026, not 2015.
    What that cannot do: an article read years after it was written, with no date of its
    own and days that also fit a later year, is dated the later year (the checker can give
    its published date)."""
    candidates = {y for y in written | {y + 1 for y in written} if y >= floor}
    if latest is not None:
        last_written = max((y for y in written if y <= latest), default=latest)
        candidates = {y for y in candidates if y <= latest}
        candidates |= set(range(max(floor, min(last_written, latest - 1)), latest + 1))
    fits: dict[int, list[int]] = {}
    for year in candidates:
        for weekday, month, day in weekdays:
            try:
                falls = datetime.date(year, month, day).isoweekday() == weekday
            except ValueError:  # 29 February
                falls = False
            if falls:
                fits.setdefault(year, []).append(month)
    if not fits:
        return {}, {}
    year = max(fits, key=lambda y: (len(fits[y]), y))
    return {year: len(fits[year])}, {year: fits[year]}


def _quoted(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in QUOTED_RE.finditer(text)]


def _demonstrative_phrase(text: str, spans, lang: str) -> tuple[str, int, str] | None:
    """(head noun, end of the phrase, determiner) of a demonstrative noun phrase opening
    ``text``: "Angka itu", "Keputusan strategis ini", "This decision", "the mayor"."""
    if lang == "id":
        for i, word in enumerate(spans[:9]):
            if i and word.lower in markers.DEMONSTRATIVES_AFTER:
                if any(is_verb(w.text, lang, initial=(j == 0)) for j, w in enumerate(spans[:i])):
                    return None
                if i >= 2 and spans[i - 1].lower in markers.PLACE_HEADS:
                    return None  # "Rasio gini kabupaten itu": the demonstrative is the place's
                bounds = [j for j in range(1, i) if is_boundary(spans[j].text, lang)]
                named = bounds and all(w.text[:1].isupper() for w in spans[bounds[-1] + 1 : i])
                if bounds and not (named and bounds[-1] + 1 < i):
                    # "Hidran di pasar tersebut": it is the second noun's; a name takes none
                    # ("Koperasi simpan pinjam di Kota Sekar Arum itu" is the first noun's)
                    return None
                end = word.end
                if i + 1 < len(spans) and spans[i + 1].lower in markers.DEMONSTRATIVE_FILLERS:
                    end = spans[i + 1].end
                head = spans[0].text
                return None if head.lower() == "hal" else (head, end, word.lower)
            if is_verb(word.text, lang, initial=(i == 0)):
                return None
        return None
    if spans[0].lower not in markers.DEMONSTRATIVES_BEFORE or len(spans) < 2:
        return None
    last = None
    for word in spans[1:4]:
        if is_verb(word.text, lang) or word.text[:1].isupper() or word.lower in ("of", "and"):
            if word.lower == "of" and last and fold(last.text) in fold_all(markers.FIGURE_NOUNS):
                return None  # "the number of children ...": says what it counts, no reference
            break
        last = word
    if last is None:
        return None
    return last.text, last.end, spans[0].lower


def _drop_demonstrative(noun: str, lang: str) -> str:
    """ "inisiatif Kesepakatan Abraham itu sendiri" -> "inisiatif Kesepakatan Abraham"."""
    if lang != "id":
        return noun
    pattern = rf"\s+(?:{'|'.join(markers.DEMONSTRATIVES_AFTER)})(?:\s+sendiri)?$"
    return re.sub(pattern, "", noun)


def _has_figure(text: str, lang: str) -> bool:
    kinds = {a.kind for a in anchors_of(text, lang, _NUMBER_KINDS | _TIME_KINDS)}
    superlative = re.search(rf"\b(?:{'|'.join(markers.SUPERLATIVES)})\b", text, re.I)
    return bool(kinds & _NUMBER_KINDS) or bool(superlative)


def _has_time(text: str, lang: str) -> bool:
    return any(a.kind in _TIME_KINDS for a in anchors_of(text, lang, _TIME_KINDS))


def _time_phrases(sentence: str, anchors: list[Anchor], lang: str) -> list[str]:
    """ "pada Maret 2024", "in April", "sejak tahun 1992": a preposition (and "tanggal",
    "tahun") before a date in the sentence, with the date."""
    return [p for p, _ in _phrases(sentence, anchors, _TIME_KINDS, markers.TIME_PREPOSITIONS)]


def _phrases(sentence, anchors, kinds, prepositions) -> list[tuple[str, tuple[int, int]]]:
    out = []
    chosen = [a for a in anchors if a.kind in kinds]
    for i, anchor in enumerate(chosen):
        if i and sentence[chosen[i - 1].end : anchor.start] in ("-", "–"):
            continue  # the second year of "2020-2021" joins the first
        end = anchor.end
        if i + 1 < len(chosen) and sentence[anchor.end : chosen[i + 1].start] in ("-", "–"):
            end = chosen[i + 1].end
        before = sentence[: anchor.start]
        words = "|".join(map(re.escape, prepositions))
        nouns = "|".join(markers.DATE_NOUNS)
        lead = re.search(rf"\b(?:{words})\s+(?:(?:{nouns})\s+)?$", before, re.I)
        if lead:
            out.append((sentence[lead.start() : end], (lead.start(), end)))
    return out


# "setahun sebelumnya", "dua tahun kemudian", "a year earlier", "two years later": a year
# counted from the sentence's year
_YEARS_FROM_RE = {
    "id": re.compile(r"\b(?:se|(\w+)\s+)tahun\s+(sebelumnya|kemudian)\b", re.I),
    "en": re.compile(r"\b(?:(?:a|one)|(\w+))\s+years?\s+(earlier|before|later)\b", re.I),
}


def _counted_from(text: str, time: str, lang: str) -> str | None:
    """A clause that counts years from the sentence's year ("Program serupa dihentikan
    setahun kemudian", the sentence dated "pada 2019") with that year counted: "dihentikan
    pada 2020"; carried as it is, the sentence's year would date the clause wrongly
    ("setahun kemudian pada 2019"). None when the clause counts no years or the time is
    not a bare year."""
    year = re.fullmatch(r"(\S+)\s+(\d{4})", time.strip(" .,"))
    found = _YEARS_FROM_RE[lang].search(text) if lang in _YEARS_FROM_RE else None
    if year is None or found is None:
        return None
    n = _count_word(found.group(1)) if found.group(1) else 1
    if not n:
        return None
    later = found.group(2).lower() in ("kemudian", "later")
    counted = int(year.group(2)) + (n if later else -n)
    preposition = year.group(1).lower()
    return f"{text[: found.start()]}{preposition} {counted}{text[found.end() :]}"


def _joined_name(spans, i: int) -> bool:
    """Whether the capitalised word ``spans[i]`` goes on into a longer name over "and"/"of"/
    "for"/"&" and another capitalised word ("University and College Union")."""
    if not spans[i].text[:1].isupper() or i + 2 >= len(spans):
        return False
    joiner, next_word = spans[i + 1], spans[i + 2]
    return joiner.lower in ("and", "of", "for", "&") and next_word.text[:1].isupper()


def _contrasted(sentence: str, unit: Unit) -> bool:
    """Whether a clause is set against the one before it: it opens with, or follows, a
    contrast word ("sementara", "padahal", "whereas", "while"; ``CONTRAST_SPLITTERS``)."""
    words = "|".join(re.escape(w) for w in markers.CONTRAST_SPLITTERS)
    before = re.search(rf"(?i:\b(?:{words}))[\s,]*$", sentence[: unit.start])
    return bool(before or re.match(rf"(?i:(?:{words})\b)", sentence[unit.start : unit.end]))


def _carry_context(sentence: str, unit: Unit, text: str, anchors, lang: str, asides=()) -> str:
    """Add the sentence's time (and place) to a clause that has none of its own; a time
    inside one of the ``asides`` (spans of other clauses) is theirs, not the sentence's."""
    inside = [a for a in anchors if unit.start <= a.start and a.end <= unit.end]
    own_text = anchors_of(text, lang, _TIME_KINDS | {"place"})
    additions = []
    # "spent $212m last year": a year named from the article's own (the article gave no
    # date to resolve it) is the clause's year all the same, not "in 2019" of the next
    # clause; a month or a day may still be carried ("pada Maret 2026")
    relative = re.search(_RELATIVE_YEAR_RE[lang], text) if lang in _RELATIVE_YEAR_RE else None
    if not any(a.kind in _TIME_KINDS for a in inside + own_text):
        times = _phrases(sentence, anchors, _TIME_KINDS, markers.TIME_PREPOSITIONS)
        times = [
            p
            for p, (s, e) in times
            if not (unit.start <= s and e <= unit.end)
            and not any(a <= s and e <= b for a, b in asides)
            and not (relative and re.fullmatch(r"\S+\s+(?:tahun\s+)?\d{4}(?:[-–]\d{2,4})?", p))
        ]
        counted = _counted_from(text, times[0], lang) if times else None
        if counted:  # "dihentikan setahun kemudian" of "pada 2019": "dihentikan pada 2020"
            text = counted
        elif times and times[0].lower() not in text.lower():
            # "Pada 2019, ..." opened its sentence: carried, its preposition is lower case
            additions.append(times[0][:1].lower() + times[0][1:])
    if not any(a.kind == "place" for a in inside + own_text):
        places = _phrases(sentence, anchors, {"place"}, markers.PLACE_PREPOSITIONS)
        places = [p for p, (s, e) in places if not (unit.start <= s and e <= unit.end)]
        if places and places[0].lower() not in text.lower():
            additions.append(places[0][:1].lower() + places[0][1:])  # "Di Desa X, ..."
    if not additions:
        return text
    # a phrase that closed its sentence keeps no full stop ("... across Brennan County on
    # 3 November." was carried with it), unless the stop closes an initial ("D.C.")
    kept = [re.sub(r"(?<!\b[A-Z])[ .;]+$", "", a) for a in additions]
    return text.rstrip(" .") + " " + " ".join(kept)


def _words_before(text: str, at: int, n: int) -> list[str]:
    """The ``n`` words before position ``at`` of ``text``, lower-cased."""
    return [w.lower() for w in re.findall(r"[\w'’-]+", text[max(0, at - 60) : at])[-n:]]


def _capitalise(text: str) -> str:
    text = re.sub(r",([”\"’])$", r"\1", text.strip())  # “minyak baru,” ends the claim
    text = _without_stray_quote(text)
    return text[:1].upper() + text[1:] if text else text


def _titled(text: str) -> bool:
    """Whether every word of ``text`` is capitalised: a name ("Lereng Gunung Rantai")."""
    return bool(text) and all(w[:1].isupper() for w in text.split())


def _topic_modifiers(topic: str, lang: str) -> str:
    """The words of a topic that describe another noun: "bus lane" of "bus lane plan"."""
    words = topic.split()
    if len(words) == 1:
        return topic
    return " ".join(words[1:] if lang == "id" else words[:-1])


def _owned_by_noun(body: str, lang: str) -> tuple[str, str, str] | None:
    """An Indonesian relative clause whose subject belongs to its noun ("yang sebagian besar
    hutannya telah ...", "yang jumlahnya sekitar ..."): (words before, the owned noun without
    "-nya", the rest), or None."""
    if lang != "id":
        return None
    m = re.match(r"((?:[a-z]+\s+){0,2}?)([a-z]{3,})nya\s+(.+)", body, re.S)
    if m is None:
        return None
    word = m.group(2) + "nya"
    if is_verb(word, lang) or stopword(m.group(2), lang) or word in markers.SPEECH_ADVERBS:
        return None
    return m.group(1), m.group(2), m.group(3)


def _without_stray_quote(text: str) -> str:
    """A clause cut out of a quote loses the quote mark it has no partner for: '"Garis
    kemiskinan naik ...' -> 'Garis kemiskinan naik ...'."""
    for opening, closing in (("“", "”"), ('"', '"')):
        if opening == closing:
            if text.count(opening) % 2:
                at = re.search(rf"(?:^|(?<=[\s,])){opening}(?=\w)", text)
                at = at.start() if at else text.rindex(opening)
                text = text[:at] + text[at + 1 :]
        elif text.count(opening) != text.count(closing):
            text = text.removeprefix(opening) if text.startswith(opening) else text
            text = re.sub(rf"{closing}(\W*)$", r"\1", text) if text.count(closing) else text
    return text.strip()


def _lower_first(text: str, context: NameContext) -> str:
    """Lower the first letter of a clause put after an attribution, unless it is a name (a
    word the article also capitalises in mid-sentence)."""
    first = re.match(r"[\w'’-]+", text)
    if not first or first.group().isupper() or first.group()[1:2].isupper():
        return text

    word = first.group()
    if context.known is not None and word in context.known:
        return text
    named = re.match(r"[\w'’-]+\s+[A-Z][a-z]", text) and word.lower() not in context.common
    if named:
        return text  # "St Aldric Hospital's": two capitalised words, the first never lower-case
    return word.lower() + text[len(word) :]


def _without_trailing_phrase(noun: str, lang: str) -> str:
    """A noun phrase without its last prepositional phrase: "Persentase penduduk miskin di
    perdesaan" -> "Persentase penduduk miskin"."""
    spans = word_spans(noun)
    for word in reversed(spans[1:]):
        if word.lower in markers.LOCATIVES or word.lower in ("pada", "on", "for"):
            return noun[: word.start].rstrip()
    return ""
