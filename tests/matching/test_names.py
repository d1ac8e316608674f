"""Contradictions of names and places: another place, person or organisation in the claim's
slot of a passage that otherwise states the same fact."""

import pytest

from factcheck.language.anchors import Anchor
from factcheck.matching.embedding import embedder
from factcheck.matching.index import MatchIndex
from factcheck.matching.names import Swap, candidate_swaps, named, partial_swaps
from factcheck.matching.rank import CONTRADICTS, RELATED, SUPPORTS, match_claim
from factcheck.sources.passages import Passage

MODEL = embedder()  # the bundled model, loaded once per test session
BRIDGE = "Jembatan gantung di Desa Lembang Tua, Toraja Barat, putus dan menewaskan empat warga."
SAME = "A suspension bridge in Lembang Tua village, Toraja Barat, collapsed, killing four people."
SWAPPED = "A suspension bridge in Batu Merah village, Toraja Barat, collapsed, killing four people."


def swaps(claim: str, claim_lang: str, passage: str, passage_lang: str) -> list[tuple[str, str]]:
    mine, theirs = named(claim, claim_lang, None), named(passage, passage_lang, None)
    found = candidate_swaps(claim, claim_lang, mine, passage, passage_lang, theirs)
    return [(s.claim.text, s.passage.text) for s in found]


def embedded_index(*texts: str) -> MatchIndex:
    passages = [Passage(f"p{i}", text, "en") for i, text in enumerate(texts)]
    return MatchIndex.build(passages, None, MODEL.embed_passages(list(texts)))


def test_a_missing_name_and_a_new_name_in_a_passage_about_the_same_event_are_a_candidate():
    assert ("Desa Lembang Tua", "Batu Merah") in swaps(BRIDGE, "id", SWAPPED, "en")


def test_a_passage_with_the_claims_names_has_no_candidate():
    assert swaps(BRIDGE, "id", SAME, "en") == []


def test_a_passage_sharing_none_of_the_claims_names_is_about_something_else():
    other = "A suspension bridge in Batu Merah village, Sulawesi, collapsed, killing four people."
    assert swaps(BRIDGE, "id", other, "en") == []


def test_a_passage_naming_several_things_the_claim_does_not_is_no_swap():
    crowded = (
        "Regent Markus Palinggi said a bridge in Batu Merah village, Toraja Barat, collapsed, "
        "according to Yohanis Sampe."
    )
    assert swaps(BRIDGE, "id", crowded, "en") == []


def test_acronyms_headlines_and_months_are_not_names():
    found = named("Jumlah kasus DBD di Toraja Barat naik tajam pada bulan Januari.", "id", None)
    assert [a.text for a in found] == ["Toraja Barat"]
    assert named("Kasus DBD naik pada Januari.", "id", None) == []
    assert named("Kazakhstan to Join Abraham Accords", "en", None) == []


def test_a_known_country_is_swapped_only_for_another_country():
    claim = "Kazakhstan dan Israel menjalin hubungan diplomatik pada 1992."
    assert swaps(claim, "id", "Uzbekistan and Israel set up ties in 1992.", "en") == [
        ("Kazakhstan", "Uzbekistan")
    ]
    assert swaps(claim, "id", "Israel set up ties in 1992, said Berik Aidarov.", "en") == []


APPEAL = (
    "Kuasa hukum terdakwa, Yusril Tanjung, mengatakan kliennya akan mengajukan banding atas "
    "vonis Pengadilan Negeri Sorong."
)
APPEAL_SAME = (
    "The defendant's lawyer, Yusril Tanjung, said his client would appeal the Sorong District "
    "Court verdict."
)
APPEAL_SWAPPED = (
    "The defendant's lawyer, Amos Kareth, said his client would appeal the Sorong District "
    "Court verdict."
)


def test_a_passage_with_another_person_in_the_claims_slot_is_shown_as_contradicting():
    index = embedded_index(APPEAL_SAME, APPEAL_SWAPPED, "The city opened a new market on Monday.")
    found = {m.passage_id: m for m in match_claim(index, APPEAL, "id", model=MODEL)}
    assert found["p0"].stance == SUPPORTS
    swapped = found["p1"]
    assert swapped.stance == CONTRADICTS
    assert swapped.disagree == ("name: claim Yusril Tanjung ≠ passage Amos Kareth",)
    # the differing values are highlighted on both sides
    assert [APPEAL[a:b] for a, b in swapped.claim_differ] == ["Yusril Tanjung"]
    assert [APPEAL_SWAPPED[a:b] for a, b in swapped.passage_differ] == ["Amos Kareth"]
    assert "p2" not in found


def test_without_embeddings_no_name_is_held_against_the_claim():
    index = MatchIndex.build([Passage("p0", SWAPPED, "en")])
    assert all(m.stance != CONTRADICTS for m in match_claim(index, BRIDGE, "id", min_score=0))


def test_a_swap_reads_as_the_claim_with_the_passages_name():
    claim = named(BRIDGE, "id", None)[0]
    swap = Swap(claim, Anchor("name", "Batu Merah", "Batu Merah", 23, 33))
    assert swap.replaced(BRIDGE).startswith("Jembatan gantung di Batu Merah, Toraja Barat")
    assert "Lembang Tua" not in swap.removed(BRIDGE)


def test_a_name_in_the_passages_language_is_no_other_name():
    claim = (
        "Mahkamah Konstitusi menolak gugatan Partai Harapan Rakyat atas hasil pemilu di "
        "Kabupaten Lembah Sari."
    )
    passage = (
        "The Constitutional Court rejected the Partai Harapan Rakyat challenge to the election "
        "result in Lembah Sari regency."
    )
    index = MatchIndex.build([Passage("p0", passage, "en")], None, MODEL.embed_passages([passage]))
    assert [m.stance for m in match_claim(index, claim, "id", model=MODEL)] == [SUPPORTS]


def test_a_passage_about_another_country_with_the_same_figures_does_not_support():
    index = MatchIndex.build(
        [
            Passage("p0", "Kazakhstan established diplomatic relations with Israel in 1992.", "en"),
            Passage("p1", "Uzbekistan established diplomatic relations with Japan in 1992.", "en"),
        ]
    )
    claim = "Kazakhstan menjalin hubungan diplomatik dengan Israel sejak 1992."
    found = {m.passage_id: m for m in match_claim(index, claim, "id", min_score=0)}
    assert found["p0"].stance == SUPPORTS
    assert found["p1"].stance == RELATED


def partial(
    claim: str, claim_lang: str, passage: str, passage_lang: str, *, surnames: bool = False
) -> list[tuple[str, str]]:
    mine = named(claim, claim_lang, None, crowded=True)
    theirs = named(passage, passage_lang, None, crowded=True)
    found = partial_swaps(claim, claim_lang, mine, passage, passage_lang, theirs, surnames=surnames)
    return [(s.claim.text, s.passage.text) for s in found]


PARTIAL_NAMES = [
    # one part of a name said differently, between shared words or after two of them
    (
        "Gudang milik PT Lestari Pangan Utama terbakar pada Minggu dini hari.",
        "A warehouse owned by PT Sentosa Pangan Utama burned down early on Sunday.",
        [("PT Lestari Pangan Utama", "PT Sentosa Pangan Utama")],
    ),
    (
        "Kontrak jatuh ke CV Mitra Teknik Jaya, kata kepala dinas.",
        "The contract went to CV Mitra Teknik Perkasa, the agency head said.",
        [("CV Mitra Teknik Jaya", "CV Mitra Teknik Perkasa")],
    ),
    # the same name in both, or spelt another way: nothing differs
    (
        "Gudang milik PT Lestari Pangan Utama terbakar pada Minggu dini hari.",
        "A warehouse owned by PT Lestari Pangan Utama burned down early on Sunday.",
        [],
    ),
    (
        "Rektor Universitas Gadjah Mada membuka acara itu.",
        "The rector of Universitas Gajah Mada opened the event.",
        [],
    ),
    # a part in front of the shared words is how the other language orders a name
    ("Letusan Gunung Semeru terjadi pagi tadi.", "Mount Semeru erupted this morning.", []),
    ("Banjir melanda Kalimantan Selatan.", "Floods hit South Kalimantan.", []),
    # the claim's part is elsewhere in the passage: two names, not one said differently
    (
        "Gudang milik PT Lestari Pangan Utama terbakar.",
        "Lestari, a partner of PT Sentosa Pangan Utama, lost a warehouse.",
        [],
    ),
]


@pytest.mark.parametrize(("claim", "passage", "expected"), PARTIAL_NAMES)
def test_a_name_said_with_one_part_different_is_a_candidate(claim, passage, expected):
    assert partial(claim, "id", passage, "en") == expected


def test_a_name_with_one_part_different_is_shown_as_contradicting_without_meaning_asked():
    claim = "Jembatan itu dibangun oleh PT Karya Bumi Persada dengan dana desa."
    passage = "The bridge was built by PT Karya Langit Persada."
    index = embedded_index(passage, "The city opened a new market on Monday.")
    found = {m.passage_id: m for m in match_claim(index, claim, "id", model=MODEL)}
    assert found["p0"].stance == CONTRADICTS
    assert found["p0"].disagree == (
        "name: claim PT Karya Bumi Persada ≠ passage PT Karya Langit Persada",
    )
    assert "p1" not in found


SURNAMES = [
    # a person's name of two words with another surname, in a passage relevant enough
    (
        "Manajer operasional promotor, Dimas Prasetyo, ditetapkan sebagai tersangka.",
        "Police named the organiser's operations manager, Dimas Pratama, a suspect.",
        [("Dimas Prasetyo", "Dimas Pratama")],
    ),
    # the first names spelt two ways, the surnames different
    (
        "Kepala Lapas Sorong, Yohanis Rumbiak, dinonaktifkan untuk sementara.",
        "The head of the prison, Yohanes Rumbewas, has been suspended.",
        [("Yohanis Rumbiak", "Yohanes Rumbewas")],
    ),
    # a last "word" too short to be a surname: a level, a numeral
    (
        "PVMBG menaikkan status gunung itu ke Level IV.",
        "PVMBG lowered the volcano's status to Level III on Oct. 27.",
        [],
    ),
    # more than one word differs: another name
    (
        "The United States recognised the claim in December 2020.",
        "The United Arab Emirates signed the accords in 2020.",
        [],
    ),
]


@pytest.mark.parametrize(("claim", "passage", "expected"), SURNAMES)
def test_a_two_word_name_with_another_last_word_is_a_candidate_when_relevant(
    claim, passage, expected
):
    assert partial(claim, "id", passage, "en", surnames=True) == expected
    # a passage not relevant enough to support the claim: one shared word ties too little
    assert partial(claim, "id", passage, "en") == []


def test_a_person_with_another_surname_is_shown_as_contradicting():
    claim = (
        "The head of the Banyuwangi land office, Agus Wicaksono, said 214 disputes were settled."
    )
    passage = (
        "The head of the Banyuwangi land office, Agus Wibisono, said 214 disputes were settled."
    )
    index = embedded_index(passage, "The city opened a new market on Monday.")
    found = {m.passage_id: m for m in match_claim(index, claim, "en", model=MODEL)}
    assert found["p0"].stance == CONTRADICTS
    assert found["p0"].disagree == ("name: claim Agus Wicaksono ≠ passage Agus Wibisono",)
