"""Stage 3: claims matched to passages, stored as suggested evidence.

In: an article's claims and the passages of its sources (factcheck.sources.passages).
Out: for each claim the passages that support, contradict or relate to it, with how relevant
they are and why (what agrees, what differs, where), stored as Evidence in the "suggested"
state (``suggest``); a one-line verdict hint per claim and an article's citation coverage
(``hints``).

The matcher itself: ``embedding`` (the model, behind a small interface), ``vectors`` (passage
embeddings stored per snapshot and model), ``index`` and ``scoring`` (the anchor/word index
and its lexical score), ``verify`` (supports / contradicts / related, with reasons) and
``rank`` (retrieval by meaning fused with the index; contradictions never hidden).
"""
