"""The verdict rating scale and its mapping onto ClaimReview's reviewRating.

A scale is a list of ratings, best first. Each rating has a stable ``key`` (stored on the claim),
a numeric ``value`` on the scale (None for "cannot be rated", which ClaimReview expresses with
alternateName only), and a label per language. A newsroom replaces it with ``RATING_SCALE`` in
instance/config.py, in the same shape.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_SCALE: list[dict] = [
    {
        "key": "true",
        "value": 5,
        "labels": {"en": "True", "id": "Benar"},
        "explain": {"en": "The claim is accurate.", "id": "Klaim ini akurat."},
    },
    {
        "key": "mostly_true",
        "value": 4,
        "labels": {"en": "Mostly true", "id": "Sebagian besar benar"},
        "explain": {
            "en": "Accurate, but needs clarification or context.",
            "id": "Akurat, tetapi perlu klarifikasi atau konteks.",
        },
    },
    {
        "key": "half_true",
        "value": 3,
        "labels": {"en": "Half true / misleading", "id": "Setengah benar / menyesatkan"},
        "explain": {
            "en": "Partly accurate, but leaves out or distorts important details.",
            "id": "Sebagian akurat, tetapi menghilangkan atau memelintir detail penting.",
        },
    },
    {
        "key": "mostly_false",
        "value": 2,
        "labels": {"en": "Mostly false", "id": "Sebagian besar salah"},
        "explain": {
            "en": "Contains an element of truth but ignores facts that change the picture.",
            "id": "Mengandung unsur kebenaran tetapi mengabaikan fakta penting.",
        },
    },
    {
        "key": "false",
        "value": 1,
        "labels": {"en": "False", "id": "Salah"},
        "explain": {"en": "The claim is not accurate.", "id": "Klaim ini tidak akurat."},
    },
    {
        "key": "unverifiable",
        "value": None,
        "labels": {"en": "Unverifiable", "id": "Tidak dapat diverifikasi"},
        "explain": {
            "en": "There is not enough evidence to prove or disprove the claim.",
            "id": "Tidak cukup bukti untuk membuktikan atau membantah klaim ini.",
        },
    },
]


@dataclass(frozen=True)
class Rating:
    key: str
    value: int | None
    labels: dict
    explain: dict

    def label(self, lang: str = "en") -> str:
        """The rating's label in ``lang``, falling back to English."""
        return self.labels.get(lang) or self.labels.get("en") or self.key

    def explanation(self, lang: str = "en") -> str:
        return self.explain.get(lang) or self.explain.get("en") or ""


class RatingScale:
    """An ordered rating scale, best first."""

    def __init__(self, entries: list[dict] | None = None):
        entries = entries or DEFAULT_SCALE
        self.ratings = [
            Rating(e["key"], e.get("value"), dict(e["labels"]), dict(e.get("explain", {})))
            for e in entries
        ]
        self._by_key = {r.key: r for r in self.ratings}
        if len(self._by_key) != len(self.ratings):
            raise ValueError("rating keys must be unique")
        values = [r.value for r in self.ratings if r.value is not None]
        self.best = max(values)
        self.worst = min(values)
        self._review_ratings: dict[tuple[str, str], dict] = {}

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def get(self, key: str) -> Rating:
        return self._by_key[key]

    def shown(self, key: str | None, lang: str = "en") -> str:
        """A verdict key as people read it in ``lang`` ("mostly_true" -> "Mostly true"); a key
        the scale no longer has as stored, "—" for none."""
        if not key:
            return "—"
        rating = self._by_key.get(key)
        return rating.label(lang) if rating is not None else key

    def keys(self) -> list[str]:
        return [r.key for r in self.ratings]

    def level(self, key: str) -> int:
        """Where the rating sits on a five-step scale, for its colour and icon: 5 for the best
        value, 1 for the worst, those between by position; 0 for a rating without a value
        (or a scale of one value). A newsroom's own scale gets five steps too."""
        rating = self.get(key)
        if rating.value is None or self.best == self.worst:
            return 0
        return round((rating.value - self.worst) / (self.best - self.worst) * 4) + 1

    def choices(self, lang: str = "en") -> list[tuple[str, str]]:
        """(key, label) pairs for a form's select field."""
        return [(r.key, r.label(lang)) for r in self.ratings]

    def review_rating(self, key: str, lang: str = "en") -> dict:
        """schema.org Rating for ClaimReview's reviewRating (a new dict each call)."""
        made = self._review_ratings.get((key, lang))
        if made is None:  # exports ask for the same few 100,000 times
            rating = self.get(key)
            made = {"@type": "Rating", "alternateName": rating.label(lang)}
            if rating.value is not None:  # "cannot be rated": a name, no place on the scale
                made["ratingValue"] = rating.value
            made.update(bestRating=self.best, worstRating=self.worst)
            self._review_ratings[key, lang] = made
        return dict(made)
