"""Stage 5: what readers see.

In: published claims with their verdicts, evidence and history.
Out: the data of the readers' verdict pages (``verdicts``), the one translation of a verdict
into schema.org ClaimReview (``claimreview``), safe HTML from Markdown rationales
(``markup``), and readers' error reports about a published check (``feedback``).
"""
