"""Stage 1: articles in, proposed claims out.

In: a news article as text, HTML, a file or a URL (fetched through factcheck.sources.fetch).
Out: an Article row with its cited Sources (parsed from the article's source list) and Claim
rows proposed by extraction: atomic, check-worthy statements with their span in the text
(``ingest``, ``extract``, ``reextract``); stored articles and their claims found again by
slug or id (``lookup``).
"""
