"""Earlier checks: other organisations' ClaimReviews, kept as reference fact-checks.

In: ClaimReview JSON or JSON-LD files. Out: ReferenceFactCheck rows (``reference``).
"""
