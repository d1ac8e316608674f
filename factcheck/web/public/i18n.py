"""The readers' pages in the article's language: interface words, dates and rating badges.

A verdict page is written in the article's language, so its headings are too; a screen
reader then reads the whole page with one voice. Languages without an entry fall back to
English (and the page says ``lang="en"`` for them).
"""

from __future__ import annotations

import functools
from datetime import date, datetime

from babel.dates import format_date

from factcheck.review.ratings import Rating, RatingScale

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "fact_checks": "Fact-checks",
        "verdicts": "Verdicts",
        "claims_checked": "Claims checked",
        "claim": "Claim",
        "claimed_by": "Claimed by",
        "rating": "Rating",
        "rationale": "Why we rated it so",
        "evidence": "Evidence",
        "no_evidence": "No source passages are attached.",
        "no_source": "No source is available:",
        "sources": "Sources cited by the article",
        "archived": "archived",
        "not_archived": "not archived",
        "corrections": "Corrections",
        "no_corrections": "No corrections.",
        "report": "Report an error",
        "methodology": "How we check: our methodology",
        "reviewed": "Reviewed",
        "published": "Published",
        "corrected": "Corrected",
        "full_verdict": "Full verdict",
        "article": "Article",
        "by": "by",
        "meaning": "What this rating means",
        "quoted": "Quoted passage",
        "back": "All verdicts on this article",
        "rating_changed": "Rating changed from {old} to {new}",
        "rationale_revised": "Explanation revised",
        "withdrawn": "Withdrawn for re-review",
        "republished": "Published again",
        "original": "Read the original article",
        "summary_of": "{count} claims checked",
        "verdict_on": "Verdict",
        "sources_note": "We archive a copy of each source when we read it; the date shows "
        "which version we checked.",
        "report_thanks": "Thank you. Your report is with our editors.",
        "report_intro": "Found a mistake in this fact-check? Tell our editors. Every report "
        "is read; corrections are listed on the verdict page.",
        "what_wrong": "What is wrong?",
        "contact": "Your e-mail (optional)",
        "contact_hint": "Only if you want an answer. We never publish it.",
        "send": "Send report",
        "about": "About",
        "in_short": "In short",
        "appeared_in": "Appeared in",
        "checked_by": "Checked by",
        "edited_by": "edited by",
    },
    "id": {
        "fact_checks": "Cek fakta",
        "verdicts": "Hasil pemeriksaan",
        "claims_checked": "Klaim yang diperiksa",
        "claim": "Klaim",
        "claimed_by": "Diklaim oleh",
        "rating": "Penilaian",
        "rationale": "Alasan penilaian",
        "evidence": "Bukti",
        "no_evidence": "Tidak ada kutipan sumber yang dilampirkan.",
        "no_source": "Tidak ada sumber yang tersedia:",
        "sources": "Sumber yang dikutip artikel",
        "archived": "diarsipkan",
        "not_archived": "belum diarsipkan",
        "corrections": "Koreksi",
        "no_corrections": "Tidak ada koreksi.",
        "report": "Laporkan kesalahan",
        "methodology": "Cara kami memeriksa: metodologi",
        "reviewed": "Diperiksa",
        "published": "Diterbitkan",
        "corrected": "Dikoreksi",
        "full_verdict": "Hasil lengkap",
        "article": "Artikel",
        "by": "oleh",
        "meaning": "Arti penilaian ini",
        "quoted": "Kutipan",
        "back": "Semua hasil pemeriksaan artikel ini",
        "rating_changed": "Penilaian diubah dari {old} menjadi {new}",
        "rationale_revised": "Penjelasan direvisi",
        "withdrawn": "Ditarik untuk diperiksa ulang",
        "republished": "Diterbitkan kembali",
        "original": "Baca artikel aslinya",
        "summary_of": "{count} klaim diperiksa",
        "verdict_on": "Hasil pemeriksaan",
        "sources_note": "Kami mengarsipkan salinan setiap sumber saat membacanya; tanggalnya "
        "menunjukkan versi yang kami periksa.",
        "report_thanks": "Terima kasih. Laporan Anda sudah diterima redaksi.",
        "report_intro": "Menemukan kesalahan dalam cek fakta ini? Beri tahu redaksi kami. "
        "Setiap laporan dibaca; koreksi dicantumkan di halaman hasil.",
        "what_wrong": "Apa yang salah?",
        "contact": "E-mail Anda (opsional)",
        "contact_hint": "Hanya jika Anda ingin dijawab. Kami tidak pernah menerbitkannya.",
        "send": "Kirim laporan",
        "about": "Tentang",
        "in_short": "Singkatnya",
        "appeared_in": "Muncul di",
        "checked_by": "Diperiksa oleh",
        "edited_by": "disunting oleh",
    },
}


def page_language(language: str | None) -> str:
    """The interface language for an article language tag ("id-ID" -> "id")."""
    primary = (language or "en").split("-")[0].split("_")[0].lower()
    return primary if primary in WORDS else "en"


class Words:
    """Interface words in one language: ``words.rationale`` or ``words("summary_of", count=3)``.

    A missing word falls back to English rather than breaking the page.
    """

    def __init__(self, lang: str):
        self.lang = page_language(lang)
        self._words = WORDS[self.lang]

    def __getattr__(self, name: str) -> str:
        if name not in WORDS["en"]:
            raise AttributeError(name)
        return self._words.get(name) or WORDS["en"][name]

    def __call__(self, name: str, **values: object) -> str:
        return getattr(self, name).format(**values)


def long_date(value: date | datetime | None, lang: str) -> str:
    """``value`` as a date a reader reads easily: "3 October 2025", "3 Oktober 2025"."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    return _long_date(value, page_language(lang))


@functools.lru_cache(maxsize=4096)  # Babel's formatting is slow; a page repeats few dates
def _long_date(value: date, lang: str) -> str:
    return format_date(value, format="long", locale=lang)


def tier(rating: Rating, scale: RatingScale) -> str:
    """A colour family for a rating badge: good, mixed, bad or neutral (no value).

    By position on the scale, so a newsroom's own scale gets sensible colours; the badge
    always says the rating in words too, colour is never the only signal.
    """
    if rating.value is None or scale.best == scale.worst:
        return "neutral"
    position = (rating.value - scale.worst) / (scale.best - scale.worst)
    if position >= 0.75:
        return "good"
    return "bad" if position <= 0.25 else "mixed"
