"""Another place in the claim's slot when the passage shares none of the claim's names: the
two names are tied to one slot by their role (both said as places) and by the word they hang
on ("vila di Kabupaten Badung" / "villas in Gianyar regency"). And a name's parts lined up
past a title or a first name one side leaves out, and a shortened name ("Jateng")."""

import pytest

from factcheck.matching.embedding import embedder
from factcheck.matching.index import MatchIndex
from factcheck.matching.names import candidate_swaps, head_word, named, partial_swaps, role
from factcheck.matching.rank import CONTRADICTS, match_claim
from factcheck.sources.passages import Passage

MODEL = embedder()  # the bundled model, loaded once per test session


def name_in(text: str, lang: str, label: str):
    return next(a for a in named(text, lang, None, crowded=True) if a.text == label)


ROLES = [
    ("Warga mengungsi ke balai desa di Kabupaten Tanah Merah.", "id", "Kabupaten Tanah Merah"),
    ("Residents fled the floods in Karang Asri regency.", "en", "Karang Asri"),
    ("Most villas were built in Karang Asri, officials said.", "en", "Karang Asri"),
    ("Lukisan itu dibeli seorang kolektor Malaysia.", "id", "Malaysia"),
]


@pytest.mark.parametrize(("text", "lang", "label"), ROLES)
def test_a_name_said_as_a_place_has_the_role_of_a_place(text, lang, label):
    assert role(text, name_in(text, lang, label)) == "place"


def test_a_name_with_a_title_is_a_person_and_with_a_body_noun_an_organisation():
    text = "The case is handled by governor Darmawan Putra and the Kementerian Kehutanan."
    assert role(text, name_in(text, "en", "Darmawan Putra")) == "person"
    assert role(text, name_in(text, "en", "Kementerian Kehutanan")) == "organisation"
    plain = "The report was written by Lestari Wulandari last year."
    assert role(plain, name_in(plain, "en", "Lestari Wulandari")) is None


def test_the_word_a_name_hangs_on_skips_prepositions_and_place_nouns():
    text = "Warga asing kebanyakan mengelola vila di Kabupaten Tanah Merah."
    assert head_word(text, "id", name_in(text, "id", "Kabupaten Tanah Merah")) == "vila"
    text = "Most were running holiday villas in Karang Asri regency."
    assert head_word(text, "en", name_in(text, "en", "Karang Asri")) == "villas"
    text = "The cases were confirmed by a laboratory in Jakarta."
    assert head_word(text, "en", name_in(text, "en", "Jakarta")) == "laboratory"


def role_swaps(claim: str, passage: str) -> list[tuple[str, str, bool]]:
    mine, theirs = named(claim, "id", None), named(passage, "en", None)
    found = candidate_swaps(claim, "id", mine, passage, "en", theirs)
    return [(s.claim.text, s.passage.text, s.roles) for s in found]


def test_two_places_with_no_name_shared_are_a_candidate_found_by_their_roles():
    claim = "Warga asing kebanyakan mengelola vila di Kabupaten Tanah Merah."
    passage = "Most foreigners were running holiday villas in Karang Asri regency, officials said."
    assert role_swaps(claim, passage) == [("Kabupaten Tanah Merah", "Karang Asri", True)]


def test_a_place_and_a_person_with_no_name_shared_are_no_candidate():
    claim = "Warga asing kebanyakan mengelola vila di Kabupaten Tanah Merah."
    passage = "Most foreigners were running holiday villas, regent Dedi Santosa said."
    assert role_swaps(claim, passage) == []


def embedded_index(*texts: str) -> MatchIndex:
    passages = [Passage(f"p{i}", text, "en") for i, text in enumerate(texts)]
    return MatchIndex.build(passages, None, MODEL.embed_passages(list(texts)))


def stance(claim: str, passage: str) -> tuple[str, tuple[str, ...]]:
    index = embedded_index(passage, "The city opened a new market on Monday.")
    found = {m.passage_id: m for m in match_claim(index, claim, "id", model=MODEL)}
    return found["p0"].stance, found["p0"].disagree


def test_another_place_in_the_claims_slot_contradicts_with_no_name_shared():
    claim = (
        "Warga asing yang bekerja tanpa izin kebanyakan mengelola vila di Kabupaten Tanah Merah."
    )
    passage = (
        "Most of the foreigners caught working illegally were running holiday villas in "
        "Karang Asri regency, officials said."
    )
    assert stance(claim, passage) == (
        CONTRADICTS,
        ("name: claim Kabupaten Tanah Merah ≠ passage Karang Asri",),
    )


def test_another_country_in_the_claims_slot_contradicts_though_their_names_are_near():
    claim = "Lukisan itu dibeli oleh seorang kolektor Indonesia."
    passage = "The buyer of the painting was a collector from Malaysia."
    assert stance(claim, passage) == (CONTRADICTS, ("place: claim Indonesia ≠ passage Malaysia",))


def test_a_place_said_of_another_thing_in_the_passage_does_not_contradict():
    # the claim's place is where the cases are; the passage's, where the laboratory is
    claim = "Dua kasus polio di Teluk Sari dikonfirmasi laboratorium pada 29 September."
    passage = "The two polio cases were confirmed by a laboratory in Jakarta on Sept. 29."
    assert stance(claim, passage)[0] != CONTRADICTS


def partial(claim: str, claim_lang: str, passage: str, passage_lang: str, surnames: bool):
    mine = named(claim, claim_lang, None, crowded=True)
    theirs = named(passage, passage_lang, None, crowded=True)
    found = partial_swaps(claim, claim_lang, mine, passage, passage_lang, theirs, surnames=surnames)
    return [(s.claim.text, s.passage.text) for s in found]


def test_a_title_before_a_name_on_one_side_only_is_left_out_when_lining_up_its_parts():
    claim = "Wamenhub Surya Wirananda berjanji memberi keputusan dalam 30 hari."
    passage = "Deputy Transport Minister Surya Adikusuma said a decision would come in 30 days."
    assert partial(claim, "id", passage, "en", surnames=True) == [
        ("Surya Wirananda", "Transport Minister Surya Adikusuma")
    ]


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("The provincial zakat board is chaired by Karim Mubarak.", "Karim Mubarak"),
        # the name opens the sentence: its first word, the passage name's, is kept
        # (test_sentence_opening_names)
        ("Abdul Karim Mubarak chairs the provincial zakat board.", "Abdul Karim Mubarak"),
    ],
)
def test_a_first_name_one_side_leaves_out_is_left_out_when_lining_up_its_parts(claim, expected):
    passage = "Board chairman Abdul Karim Musyafa said the money would be paid out in April."
    assert partial(claim, "en", passage, "en", surnames=True) == [(expected, "Abdul Karim Musyafa")]


def test_a_name_shortened_the_indonesian_way_is_the_same_name():
    claim = "Kepala Bapenda Jawa Tengah Ratna Kusumawati mengatakan denda dihapuskan."
    passage = "Denda dihapuskan, kata Kepala Bapenda Jateng Ratna Kusumawati, Senin (2/11)."
    assert partial(claim, "id", passage, "id", surnames=True) == []
