"""Words that say how a clause is stated, for claim extraction (factcheck.articles.extract):
connectives, clause splitters, opinion markers, hedges, attributions and superlatives, in
Indonesian and English.

Matching is on whole words, case-insensitive unless noted. Keeping the lists here, apart from
the algorithm, lets a newsroom extend them without touching code. Months, numbers, places and
the other shared tables are in factcheck.language.vocabulary.
"""

from __future__ import annotations

import re
from functools import cache

from factcheck.language.vocabulary import alternation, word_list

# Clause openers trimmed from the start of a claim: they link the claim to its neighbour but
# carry no checkable content.
LEADING_CONNECTIVES = word_list(
    """selain itu, namun demikian, meskipun demikian, meski demikian, walaupun demikian,
    walau demikian, kendati demikian, namun begitu, meskipun begitu, meski begitu, walaupun
    begitu, walau begitu, akan tetapi, sementara itu,
    oleh karena itu, karena itu, di sisi lain, namun, meskipun, walaupun, walau, kendati,
    meski, sementara, sedangkan, tetapi, padahal, sehingga, akibatnya, dan, serta, however,
    meanwhile, moreover,
    in addition, additionally, furthermore, even though, although, though, but, and, while,
    whereas, yet, also"""
)

# ", <word> " after which a new, independent clause starts (contrast or comparison).
CONTRAST_SPLITTERS = word_list("sementara sedangkan tetapi namun padahal but while whereas yet")

# ", <word> " that may join two independent clauses, or may close a list; extract.py tells
# them apart.
AND_SPLITTERS = word_list("dan serta and")

# Subordinators whose clause the writer presents as true (what happened before, the reason):
# "X, after Y", "X karena Y" join two clauses, each with its own subject
# (factcheck.articles.clauses tells when they are two claims). "sebelum"/"before" are left out:
# what a clause "before" names need not have happened ("sebelum konflik memakan korban").
ADVERBIAL_SUBORDINATORS = word_list("setelah, sesudah, karena, sebab, after, since, because")

# Connectives after a comma that open what the clause before brought about, with its own
# subject: "X, sehingga petani belum bisa menanam padi" holds two claims, X and its result.
RESULT_CONNECTIVES = word_list("sehingga, akibatnya, hingga akhirnya")

# Phrases after a comma that break a total down into its parts: "setiap keluarga mendapat
# Rp 20 juta, terdiri atas Rp 17,5 juta untuk bahan dan Rp 2,5 juta untuk upah" holds the total
# and its breakdown, two claims.
BREAKDOWN_OPENERS = word_list(
    """terdiri atas, terdiri dari, yang terdiri atas, yang terdiri dari, consisting of,
    made up of, comprising, split between, split into, broken down into"""
)

# Sentence-initial subordinators: "Meskipun X, Y" holds two claims, X and Y.
CONCESSIVE_OPENERS = word_list(
    "meskipun, meski, walaupun, walau, kendati, although, though, even though"
)

# Opinion or evaluation markers: the clause states a view, not a checkable fact ("terlalu
# ambisius": a degree past what is right is a judgement).
OPINION_MARKERS = word_list(
    """para pengamat menilai, pengamat menilai, para analis mencatat, analis menilai,
    menurut banyak pihak, dipandang sebagai, dianggap sebagai, dinilai, menilai bahwa,
    diyakini, berpendapat, analysts say, analysts said, critics argue, critics say,
    critics said, observers believe, experts believe, is seen as, are seen as, was seen as,
    widely seen as, seen as, regarded as, viewed as, in my view, arguably, we believe,
    i believe, argue that, argues that, opponents argue, supporters argue,
    economists suggest, experts suggest, believe, believes, insist, insists, insisted,
    argued that, argued, menilai, mengaku, berpendapat, terlalu, would be better,
    would have been better"""
)

# Hedges: the writer is not sure, so the clause is not asserted as fact.
HEDGES = word_list(
    """mungkin, tampaknya, bisa jadi, barangkali, sepertinya, kemungkinan besar,
    kemungkinan, konon, kabarnya, may, might, could, reportedly, allegedly, perhaps, possibly,
    likely, unlikely, probably, apparently, appear, appears, appears to, appeared, seems to,
    seem, seems, seemed, seemed to, expect, expects,
    hope, hopes, hoped, ke depan"""
)

# Predictions and estimates: what someone expects to happen or reckons. One with a figure ("is
# expected to power 12,000 homes", "memperkirakan ekonomi tumbuh 3,1 persen", "diperkirakan
# mencapai 61.000 ekor": the passive, like "diprediksi") is a forecast on the record, a
# fact that can be checked; one without ("is expected to be sworn in next week", "harga
# cabai akan kembali normal") is a hedge (factcheck.articles.worthiness).
PREDICTIONS = word_list(
    """memperkirakan, diperkirakan, memprediksi, diprediksi, is expected to, are expected to,
    was expected to, were expected to"""
)

# Modality and evidentiality, closed grammatical classes (not topic words):
# - possibility modals: inside what a prediction verb forecasts ("memperkirakan jumlah korban
#   masih bisa bertambah", "expects prices could rise") they make the forecast a possibility,
#   a hedge, whatever figure the sentence holds (elsewhere "bisa"/"dapat"/"can" are often
#   ability: "hanya bisa dijangkau dengan berjalan kaki", a fact; "dapat" and "can" are left
#   out: in a forecast they mostly name a capacity, "diperkirakan dapat menampung 5.000 orang");
# - verbs of suspecting or believing with the holder as subject ("menduga", "suspects"), and a
#   modal before a passive one ("sudah bisa diduga", "could be foreseen"): the clause is what
#   someone thinks, a view, in quotes too. The bare passive "diduga" ("api diduga berasal
#   dari korsleting") is how news reports an allegation and is left alone;
# - verbs of (dis)agreeing: reported speech that only says a speaker disagrees is their view.
POSSIBILITY_MODALS = word_list("bisa, mungkin, kemungkinan, could, may, might")
SUSPECTING_VERBS = word_list(
    """menduga, mengira, menyangka, mencurigai, suspect, suspects, doubt, doubts,
    disagree, disagrees, disagreed, tidak setuju, tak setuju, tidak sependapat, fear, fears,
    feared, khawatir, mengkhawatirkan"""
)
PASSIVE_COGNITION = word_list(
    """diduga, diperkirakan, ditebak, diramalkan, be expected, be foreseen, be predicted,
    have been expected, have been foreseen, have been predicted"""
)

# Verbs that name what something is in the speaker's words: "called the delay "unacceptable"",
# "called the decision a disaster" (factcheck.articles.worthiness reads the structure).
CHARACTERISING_VERBS = word_list(
    "called, calls, call, described, describes, labelled, labeled, branded, termed, dubbed"
)

# Deontic modals: a statement of what must or should be is a norm, not a fact. Advice
# ("sebaiknya", "ought to") is an opinion wherever it stands ("should" is left out: news
# uses it for schedules, "the first panels should be connected by 2026"); an obligation
# ("must", "harus", "tidak boleh") reported by the writer is a fact ("the city must now
# return the grant"), but in a speaker's quoted words it is their norm ("Tidak boleh ada
# anak yang putus sekolah ...").
ADVISORY_MODALS = word_list("seharusnya, sebaiknya, semestinya, ought to")
# Conditional subordinators: a speaker's quoted sentence that opens with one ('"Kalau pola ini
# berulang, budi daya ... tidak lagi layak"') is a hypothesis, not a statement of fact.
CONDITIONALS = word_list("jika, kalau, apabila, bila, if, unless")
OBLIGATION_MODALS = word_list(
    "harus, wajib, tidak boleh, tak boleh, jangan, must, must not, mustn't, cannot be allowed"
)


@cache
def subordinator_regex() -> re.Pattern[str]:
    """The factive and conditional subordinators that end what a prediction verb forecasts."""
    return word_pattern(ADVERBIAL_SUBORDINATORS + ["jika", "kalau", "if"])


@cache
def _forecast_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return word_pattern(PREDICTIONS), word_pattern(POSSIBILITY_MODALS, flags=0)


def forecast_modal(unquoted: str) -> str | None:
    """The possibility modal inside what a prediction verb forecasts, from the verb to the
    first subordinator ("memperkirakan jumlah korban masih bisa bertambah karena ..." ->
    "bisa"), or None."""
    predictions, modals = _forecast_regexes()
    found = predictions.search(unquoted)
    if found is None:
        return None
    forecast = unquoted[found.end() :]
    cut = subordinator_regex().search(forecast)
    modal = modals.search(forecast[: cut.start()] if cut else forecast)
    return modal.group() if modal else None


@cache
def _suspicion_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    modal = alternation(POSSIBILITY_MODALS)
    passive = alternation(PASSIVE_COGNITION)
    after_modal = re.compile(
        rf"(?<![\w-])(?:{modal})(?:\s+(?:sudah|telah|have|already))?\s+(?:{passive})(?![\w-])",
        re.I,
    )
    return word_pattern(SUSPECTING_VERBS), after_modal


def suspicion(text: str) -> str | None:
    """A verb of suspecting, believing or disagreeing with its holder as subject, or a modal
    before a passive one ("bisa diduga"), anywhere in ``text`` (quotes included), or None."""
    verbs, after_modal = _suspicion_regexes()
    found = verbs.search(text) or after_modal.search(text)
    return found.group() if found else None


# Hedges that are also proper nouns when capitalised ("in May 2024").
LOWERCASE_ONLY_MARKERS = word_list("may")

# Attribution verbs: someone on the record said it, which can be checked.
ATTRIBUTIONS = word_list(
    """kata, ujar, ucap, tutur, ungkap, menyatakan, mengatakan, menekankan, menyebut,
    menjelaskan, menegaskan, menurut, mencatat, said, says, told, stated, according to,
    announced, confirmed"""
)

# First/only/largest comparisons: a favourite of misleading claims.
SUPERLATIVES = word_list(
    """pertama satu-satunya terbesar terkecil tertinggi terendah terbanyak terbaik terburuk
    terakhir rekor first only largest biggest smallest highest lowest best worst record"""
)


def word_pattern(items: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Pattern matching any of ``items`` as whole words ("mungkin", not "memungkinkan")."""
    return re.compile(rf"(?<![\w-])(?:{alternation(items)})(?![\w-])", flags)


@cache
def marker_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every opinion marker and hedge (longest first, whole words), and the
    prefix ("opinion" or "hedge") of each by its lower-case form. A marker in
    LOWERCASE_ONLY_MARKERS matches only as written ("may", not "May")."""
    prefixes = {m.lower(): "opinion" for m in OPINION_MARKERS + ADVISORY_MODALS}
    prefixes |= {m.lower(): "hedge" for m in HEDGES if m.lower() not in prefixes}
    anycase = [m for m in prefixes if m not in LOWERCASE_ONLY_MARKERS]
    exact = [m for m in prefixes if m in LOWERCASE_ONLY_MARKERS]
    pattern = rf"(?<![\w-])(?:(?i:{alternation(anycase)})|{alternation(exact)})(?![\w-])"
    return re.compile(pattern), prefixes


@cache
def opinion_opening() -> re.Pattern[str]:
    """One pattern that ``match``es where any of marker_patterns' "opinion" patterns would
    (an opinion marker or advisory modal as a whole word, LOWERCASE_ONLY_MARKERS as written):
    one compilation instead of one per marker (about 80, at a command's first extraction)."""
    items = OPINION_MARKERS + ADVISORY_MODALS
    anycase = [m for m in items if m not in LOWERCASE_ONLY_MARKERS]
    exact = [m for m in items if m in LOWERCASE_ONLY_MARKERS]
    parts = [f"(?i:{alternation(anycase)})"] if anycase else []
    parts += [alternation(exact)] if exact else []
    return re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])")


@cache
def marker_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """("opinion" or "hedge", pattern) for every opinion marker and hedge."""
    found = []
    for prefix, items in (("opinion", OPINION_MARKERS + ADVISORY_MODALS), ("hedge", HEDGES)):
        for item in items:
            flags = 0 if item in LOWERCASE_ONLY_MARKERS else re.IGNORECASE
            found.append((prefix, word_pattern([item], flags)))
    return tuple(found)


# --- attribution frames: who said it (factcheck.articles.claimants) ----------------------------

# "Menurut X, ..." / "According to X, ...": the source stands before the content.
SOURCE_PREPOSITIONS = word_list("menurut, berdasarkan data, according to, based on data from")

# Verbs of saying whose subject is the speaker and whose complement is the content, with or
# without "bahwa"/"that": "BPS mengatakan ...", "The ministry said ...".
SAYING_VERBS = word_list(
    """mengatakan, menyatakan, menegaskan, menekankan, menjelaskan, menambahkan, berkata,
    menyebut, menyebutkan, mencatat, melaporkan, memperkirakan, reported, reports, estimated,
    estimates, noted, notes,
    said, says, stated, states, told, tells, added, adds, insisted, insists, wrote, writes,
    called, calls"""
)
# Reporting verbs that report content only with "bahwa"/"that" after them: "BPS mencatat
# bahwa ..." is attributed, "Kazakhstan mengumumkan niatnya" is the fact itself.
REPORTING_VERBS = SAYING_VERBS + word_list(
    """mengumumkan, mengungkapkan, memproyeksikan, memprediksi, mengklaim, mengakui, menilai,
    berpendapat, memperingatkan, announced, announces, warned, warns, confirmed, confirms,
    argued, argues, claimed, claims, predicted,
    predicts, projected, projects, forecast, forecasts, acknowledged, acknowledges"""
)

# A document a body published ("Data Dinas Kesehatan", "A 2025 study by Kellford University")
# and the verbs that say what it shows: "Data X menunjukkan 312 korban ..." is X's claim,
# with or without "bahwa" (factcheck.articles.claimants).
DOCUMENT_NOUNS = word_list(
    """data, hasil, laporan, survei, kajian, studi, penelitian, catatan, study, report, survey,
    analysis, review, figures, records"""
)
SHOWING_VERBS = word_list(
    "menunjukkan, memperlihatkan, mengungkap, show, shows, showed, found, finds, suggests"
)

# Speech tags that follow the content, verb first: "..., kata Budi." / "..., said Budi."
SPEECH_TAGS = word_list(
    """kata, katanya, ujar, ujarnya, ucap, ucapnya, tutur, tuturnya, ungkap, ungkapnya, jelas,
    jelasnya, tegas, tegasnya, imbuh, imbuhnya, tambah, tambahnya, sebut, sebutnya, said, says,
    added, adds, wrote, writes"""
)

# Words that may stand between a speaker and the reporting verb ("secara khusus", "also").
SPEECH_ADVERBS = word_list(
    """secara, khusus, resmi, terpisah, tegas, juga, pun, telah, sudah, kembali, sebelumnya,
    also, previously, later, again, has, have, had, publicly, officially"""
)


# --- reference: pronouns, demonstratives, relatives (factcheck.articles.standalone) -----------

# Subject pronouns and what they point back to: a person, a group or a thing.
PRONOUNS = {
    "id": {"ia": "person", "dia": "person", "beliau": "person", "mereka": "group"},
    "en": {"he": "person", "she": "person", "they": "group", "it": "thing"},
}
# Possessive determiners: "Its budget" -> "<antecedent>'s budget".
POSSESSIVES = {"en": {"his": "person", "her": "person", "their": "group", "its": "thing"}}
# "Keduanya", "ketiganya", "both", "all three": the members of the last list or pair.
COLLECTIVE_PRONOUNS = word_list("keduanya, ketiganya, keempatnya, kelimanya, both, all three")

# Demonstratives: Indonesian puts them after the noun ("angka itu"), English before it.
DEMONSTRATIVES_AFTER = word_list("ini itu tersebut")
DEMONSTRATIVES_BEFORE = word_list("this that these those the")
# Fillers after an Indonesian demonstrative that add nothing: "Kesepakatan Abraham itu sendiri".
DEMONSTRATIVE_FILLERS = word_list("sendiri")

# Years named relative to the day the article was written, and how many years from it:
# "tahun lalu (2025)" in an article dated in 2026 (factcheck.articles.standalone).
RELATIVE_YEARS = {
    "id": {"tahun lalu": -1, "tahun ini": 0, "tahun depan": 1},
    "en": {"last year": -1, "this year": 0, "next year": 1},
}

# Words that place a month before or after the article's day, and on which side of the
# month they stand: "Oktober lalu", "Juli mendatang", "last October", "next September".
RELATIVE_MONTHS = {
    "id": {"after": {"lalu": -1, "depan": 1, "mendatang": 1}},
    "en": {"before": {"last": -1, "next": 1}},
}
# Words before a time that look forward from the article's day (a start, a deadline, a
# future): "mulai Maret", "paling lambat Mei", "akan ... pada Maret", "by June", "from May".
FORWARD_TIME = word_list("mulai, lambat, akan, hingga, sampai, will, by, from, starting, until")
# The auxiliaries of the future ("akan kembali normal pada akhir Maret"): a closed class.
FUTURE_AUXILIARIES = word_list("akan, will")

# Relative words that open a clause about the noun before them, and how the clause is read:
# "subject" (the noun is its subject: "yang", "which", "who"), "place" ("where", "di mana"),
# "time" ("when", "ketika") or "possessive" ("whose": the noun owns the clause's subject).
RELATIVES = {
    "yang": "subject",
    "which": "subject",
    "who": "subject",
    "di mana": "place",
    "dimana": "place",
    "where": "place",
    "ketika": "time",
    "saat": "time",
    "when": "time",
    "whose": "possessive",
}
# The preposition that puts an antecedent back into a place or time clause.
RELATIVE_PREPOSITIONS = {
    ("id", "place"): "di",
    ("en", "place"): "in",
    ("id", "time"): "pada",
    ("en", "time"): "in",
}
# "the party, which" is a relative clause; "the party, that" is not English relative use.
# Prepositions before a date or a place that carry it into a clause that lacks one.
# Only those that date an event: "sejak 1992"/"since 1992" says how long, not when.
TIME_PREPOSITIONS = word_list("pada, selama, per, in, on, during, as of")
PLACE_PREPOSITIONS = word_list("di, in, at")
# Temporal words that stand in the noun phrase before a date ("pada tanggal 6 November").
DATE_NOUNS = word_list("tanggal tahun bulan pekan minggu hari kali")
# Nouns of a stretch of time: made definite by a demonstrative they point to the article's
# own time ("musim hujan ini", "pekan ini", "this week"), not back to a thing named before.
# By hand: CLDR's date fields name years to days but no seasons or parts of a day.
TIME_NOUNS = DATE_NOUNS + word_list(
    """musim semester triwulan kuartal periode masa dekade abad pagi siang sore malam
    year month week day weekend season term quarter semester period decade century morning
    afternoon evening night spring summer autumn winter"""
)


# --- shallow syntax: verbs and noun phrases (factcheck.language.syntax) ----------------------

# Auxiliaries, modals, copulas and negations: a clause's predicate starts at one of these.
AUXILIARIES = {
    "id": word_list(
        """adalah merupakan ialah yakni telah sudah akan masih sedang belum tidak tak bukan bisa
        dapat harus perlu pernah sempat mulai turut ikut wajib"""
    ),
    "en": word_list(
        """is are was were be been being am has have had will would shall should can could may
        might must do does did not never also"""
    ),
}
# Verbs with no affix that Indonesian news uses as predicates ("naik", "turun", "tewas").
# Affixed verbs (me-, ber-, di-, ter-) are recognised by their shape (factcheck.language.syntax).
# Irregular English past tenses: of the same tense as a regular "-ed" past ("hired two
# contractors and bought a machine": two past predicates).
IRREGULAR_PAST = word_list(
    """rose fell grew won lost said told made took gave went came saw found left kept held
    met paid ran spent sold built cut hit put set began became brought bought caught chose
    drew drove fought flew forgot froze got hung hid knew led lay meant overtook rang sank
    sat shot shut slid spoke spread stood stole stuck struck swept swore swam taught thought
    threw understood woke wore wrote"""
)
BARE_VERBS = {
    "id": word_list(
        """naik turun tewas tiba datang pergi pulang masuk keluar jatuh hilang lahir tumbuh
        mati tinggal hidup capai kembali selesai habis pindah muncul terjadi punya suka ingin
        mau minta buka tutup jadi menang kalah bekerja belajar"""
    ),
    # Irregular English past tenses, and present forms common in news (regular "-ed" and "-s"
    # forms are recognised by their shape).
    "en": IRREGULAR_PAST
    + word_list(
        """rise rises fall falls grow grows win wins lose loses say says tell tells make makes
        take takes give gives"""
    ),
}
# Words shaped like affixed Indonesian verbs or English "-ed" forms that are not verbs.
NOT_VERBS = word_list(  # an Indonesian root word is no verb already (vocabulary.indonesian_roots)
    """terhadap tersebut termasuk terutama terkait terakhir berbagai bersama menurut mengenai
    melalui menuju mengingat hundred red bed need seed speed feed shed united limited"""
)

# Person titles and roles: a noun phrase holding one names a person ("Presiden Donald Trump",
# "the mayor"). By hand: CLDR has none.
PERSON_TITLES = word_list(
    """presiden, wakil presiden, menteri, gubernur, bupati, wali kota, walikota, camat, lurah,
    kepala, direktur, ketua, juru bicara, jubir, kapolda, kapolri, pengamat, analis, ekonom,
    warga, petani, pedagang, guru, dokter, president, vice president, minister, governor,
    mayor, senator, director, chief, spokesperson, spokesman, spokeswoman, head, chair,
    chairman, chairwoman, secretary, professor, economist, analyst, candidate, leader, teacher,
    resident, official, officer, commissioner, councillor, councilor, mr, mrs, ms, dr, prof"""
)
# Words that head a group of people ("para analis", "pejabat") or show a plural, and the
# quantifiers that make a noun phrase a part of a group ("Sebagian petani", "Most residents"):
# such a phrase is no person a later "ia"/"he" points to. A closed class.
GROUP_MARKERS = word_list(
    "para kalangan sejumlah banyak beberapa sebagian semua seluruh most many some several all"
)

# Nouns that head an organisation's name: "Badan Pusat Statistik", "World Bank". By hand: a
# claimant is a Person or an Organization in ClaimReview, and CLDR has no such list.
ORGANISATION_HEADS = word_list(
    """badan, bank, kementerian, dinas, komisi, lembaga, pemerintah, pemerintahan, partai,
    perusahaan, universitas, dewan, majelis, mahkamah, pengadilan, kepolisian, kantor, pusat,
    organisasi, asosiasi, serikat, yayasan, ministry, department, council, agency, bureau,
    office, institute, fund, commission, party, university, court, police, government,
    administration, authority, board, company, corporation, association, union, organization,
    organisation, foundation, committee, bank, centre, center, service, federation, alliance,
    coalition, federasi, aliansi, koalisi, utility, firm, lender, operator, insurer, hospital,
    clinic, school, klinik, sekolah, puskesmas, club, klub, airline, maskapai, museum, group"""
)
# Nouns that stand for a company already named ("Perusahaan itu", "the company"), and the legal
# forms that mark a name as a company's ("PT Arus Samudra", "Corvane Mutual Ltd"). By hand:
# a closed class of words, the same in every article.
COMPANY_NOUNS = word_list("perusahaan company firm")
COMPANY_FORMS = word_list("pt cv tbk persero perum inc ltd llc plc corp gmbh")

# Nouns that stand for a figure given just before ("The figure rose", "Angka itu naik"): the
# only definite nouns read as the previous sentence's measured subject.
FIGURE_NOUNS = word_list(
    "angka jumlah tingkat persentase total figure number total rate tally toll level share"
)

# Nouns that head a place's name or stand for a place already named: "Kabupaten Gunung Sari",
# "kabupaten tersebut", "the coastal city". By hand: CLDR names countries, not their parts.
PLACE_HEADS = word_list(
    """kabupaten kota desa kecamatan kelurahan provinsi wilayah daerah kawasan negara pulau
    city county province district town village state region island country regency"""
)
# The place nouns above that name one kind of place, one group per kind, in both languages
# ("Kabupaten Badung" and "Gianyar regency" are two regencies; "Kota Semarang" and "Semarang
# regency" are two kinds). By hand: the levels of a country's administration and its islands,
# a closed class. "district" stands for a kecamatan and, in some reports, for a kabupaten:
# it is in the kecamatan's group only, so a kabupaten said as a district is no kind here.
PLACE_KINDS = tuple(
    word_list(group)
    for group in (
        "kabupaten regency county",
        "kota city town",
        "provinsi province",
        "kecamatan district subdistrict",
        "desa kelurahan village",
        "pulau island",
        "negara country",
    )
)
# Focus adverbs: they stand before what they single out ("kenaikan hanya berlaku bagi ...",
# "jumlah pasien justru naik"), so they end the noun phrase before them. A closed class.
FOCUS_ADVERBS = word_list("hanya cuma justru bahkan malah only even just")
# Words that stand just before a figure and end the noun phrase before it ("persentase
# penduduk miskin sebesar 9,8 persen", "growth of 3.1 percent").
FIGURE_LEADS = word_list(
    "sebesar sekitar sebanyak mencapai hingga senilai about around nearly almost of at to by"
)
# Locative prepositions: a name after one of these is a place ("di Gunung Sari", "in Veridia").
LOCATIVES = word_list("di ke dari in at from across")
# Those of them that say where a thing is, not where it goes or comes from.
AT_LOCATIVES = word_list("di in at")
# The locatives by what they say, one group per sense, in both languages: where a thing is,
# where it goes, where it comes from. Two places after locatives of one sense can fill one
# slot ("di Bantul" / "in Sleman regency"); after two senses they are two slots ("dipotong di
# Magelang" / "trucked in from Cirebon regency"). A closed class.
LOCATIVE_SENSES = tuple(word_list(group) for group in ("di in at", "ke to into", "dari from"))
