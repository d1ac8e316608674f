"""Stage 3: claims matched to passages, stored as suggested evidence.

In: an article's claims and the passages of its sources (factcheck.sources.passages).
Out: for each claim the passages that support or contradict it, scored and explained (what
agrees, what disagrees, where), stored as Evidence in the "suggested" state
(``suggest``); ``index`` and ``scoring`` are the matcher itself.
"""
