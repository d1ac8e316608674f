"""The one vocabulary every stage reads text with.

In: raw text (an article, a claim, a source passage) and its language code ("id", "en").
Out: words and their folded forms, language tables (months, weekdays, scale words,
currencies), and *anchors* — numbers, amounts, percentages, years, dates, places and glossary
terms with their character spans — that extraction (factcheck.articles) and matching
(factcheck.matching) both use.
"""
