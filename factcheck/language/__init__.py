"""The one vocabulary every stage reads text with.

In: raw text (an article, a claim, a source passage) and its language code ("id", "en").
Out: its language, its sentences, its words and their folded forms, and *anchors* — numbers,
amounts, percentages, years, dates, places, glossary terms and names with their character
spans — that extraction (factcheck.articles) and matching (factcheck.matching) both use.

- ``vocabulary``: the language data (months, weekdays, scale words, currencies from CLDR;
  number words, stopwords, abbreviations by hand; CLDR's place names);
- ``identify``: language identification (py3langid, restricted to the ``LANGUAGES`` setting);
- ``sentences``: the sentence splitter;
- ``lexicon``: words, folding, stemming, content words;
- ``glossary``: names that mean the same in several languages (glossary.yaml plus CLDR places);
- ``anchors``: the recogniser of numbers, dates, places, terms and names;
- ``markers``: the words that mark opinions, hedges and attributions, for extraction.
"""
