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
    """selain itu, namun demikian, meskipun demikian, akan tetapi, sementara itu,
    oleh karena itu, karena itu, di sisi lain, namun, meskipun, walaupun, walau, kendati,
    sementara, sedangkan, tetapi, padahal, dan, serta, however, meanwhile, moreover,
    in addition, additionally, furthermore, even though, although, though, but, and, while,
    whereas, yet, also"""
)

# ", <word> " after which a new, independent clause starts (contrast or comparison).
CONTRAST_SPLITTERS = word_list("sementara sedangkan tetapi namun padahal but while whereas yet")

# ", <word> " that may join two independent clauses, or may close a list; extract.py tells
# them apart.
AND_SPLITTERS = word_list("dan serta and")

# Sentence-initial subordinators: "Meskipun X, Y" holds two claims, X and Y.
CONCESSIVE_OPENERS = word_list("meskipun, walaupun, walau, kendati, although, though, even though")

# Opinion or evaluation markers: the clause states a view, not a checkable fact.
OPINION_MARKERS = word_list(
    """para pengamat menilai, pengamat menilai, para analis mencatat, analis menilai,
    menurut banyak pihak, dipandang sebagai, dianggap sebagai, dinilai, menilai bahwa,
    diyakini, berpendapat, analysts say, analysts said, critics argue, critics say,
    critics said, observers believe, experts believe, is seen as, are seen as, was seen as,
    widely seen as, seen as, regarded as, viewed as, in my view, arguably, we believe,
    i believe, argue that, argues that, opponents argue, supporters argue,
    economists suggest, experts suggest"""
)

# Hedges: the writer is not sure, so the clause is not asserted as fact.
HEDGES = word_list(
    """mungkin, diperkirakan, tampaknya, bisa jadi, barangkali, sepertinya,
    kemungkinan besar, konon, kabarnya, may, might, could, reportedly, allegedly, perhaps,
    possibly, likely, apparently, appears to, seems to"""
)

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
def marker_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """("opinion" or "hedge", pattern) for every opinion marker and hedge."""
    found = []
    for prefix, items in (("opinion", OPINION_MARKERS), ("hedge", HEDGES)):
        for item in items:
            flags = 0 if item in LOWERCASE_ONLY_MARKERS else re.IGNORECASE
            found.append((prefix, word_pattern([item], flags)))
    return tuple(found)
