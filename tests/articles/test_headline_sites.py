"""The place a title-case headline runs into its neighbours (issue 15, extract10): "... Mati
di Keramba Danau Ranu Gedang" names the lake the body writes as "Danau Ranu Gedang", and a
site smaller than the regency it lies in is carried with that regency. Each case is an
invented article of its own."""

from __future__ import annotations

import pytest

from factcheck.articles.place import main_place
from factcheck.articles.standalone import name_context


@pytest.mark.parametrize(
    ("language", "title", "body", "place"),
    [
        # a lake with no place noun, inside the regency the body names most
        (
            "id",
            "Ribuan Ikan Mas Mati di Keramba Waduk Sela Biru, Petani Rugi",
            "Sekitar 40 ton ikan mas di keramba Waduk Sela Biru, Kabupaten Tanah Merah, mati "
            "sejak Senin. Dinas Perikanan Tanah Merah menduga air kekurangan oksigen. Warga "
            "Kabupaten Tanah Merah mengeluhkan bau busuk. Petani di Tanah Merah meminta "
            "bantuan, dan keramba di Waduk Sela Biru ditutup.",
            ("Waduk Sela Biru", "Waduk Sela Biru, Kabupaten Tanah Merah"),
        ),
        # the body also writes the lake's name without its noun ("di Sela Biru"): that is
        # the core a claim names, the fullest form the one carried
        (
            "id",
            "Ribuan Ikan Mas Mati di Keramba Waduk Sela Biru, Petani Rugi",
            "Sekitar 40 ton ikan mas di keramba Waduk Sela Biru, Kabupaten Tanah Merah, mati "
            "sejak Senin. Dinas Perikanan Tanah Merah menduga air kekurangan oksigen. Warga "
            "Kabupaten Tanah Merah mengeluhkan bau busuk. Petani di Tanah Merah meminta "
            "bantuan, dan keramba di Sela Biru ditutup.",
            ("Sela Biru", "Waduk Sela Biru, Kabupaten Tanah Merah"),
        ),
        # a village the headline runs into its verb ("di Sukamaju Terancam")
        (
            "id",
            "Tebing Sungai Ambrol, 9 Rumah di Sukamaju Terancam Ambles",
            "Tebing sungai di Desa Sukamaju, Kabupaten Watu Lebar, ambrol pada Sabtu. Kepala "
            "Desa Sukamaju mengatakan sembilan rumah terancam. Bupati Watu Lebar meninjau "
            "lokasi, dan polisi Watu Lebar menyita dua mesin sedot di Kabupaten Watu Lebar.",
            ("Sukamaju", "Desa Sukamaju, Kabupaten Watu Lebar"),
        ),
        # English: a reservoir in a title-case headline, inside the county named most
        (
            "en",
            "Thousands of Fish Die at Marlow Reservoir After Heatwave",
            "About 20,000 fish have died at Marlow Reservoir in Danby County since Monday. "
            "Danby County officials said oxygen levels were low. Anglers in Danby County "
            "were told to stay away from Marlow Reservoir.",
            ("Marlow Reservoir", "Marlow Reservoir, Danby County"),
        ),
        # the headline's place is the regency itself: nothing is added
        (
            "id",
            "Banjir Rendam 11 Desa di Kabupaten Kali Jernih",
            "Banjir merendam 11 desa di Kabupaten Kali Jernih sejak Minggu. Warga Kali "
            "Jernih mengungsi ke balai desa. BPBD Kali Jernih mendirikan dapur umum.",
            ("Kali Jernih", "Kabupaten Kali Jernih"),
        ),
        # a run after no locative is not cut ("Kebakaran Pasar Raya Batu Putih Hanguskan")
        (
            "id",
            "Kebakaran Pasar Raya Batu Putih Hanguskan 200 Kios",
            "Kebakaran melanda Pasar Raya di Kota Batu Putih pada Minggu. Pedagang Batu Putih "
            "kehilangan dagangan. Pemadam dari Kota Batu Putih tiba 20 menit kemudian.",
            ("Batu Putih", "Kota Batu Putih"),
        ),
    ],
)
def test_a_site_the_headline_names_is_carried_with_its_region(language, title, body, place):
    assert main_place(body, language, name_context(body, language), title) == place


@pytest.mark.parametrize(
    ("language", "title", "body", "place"),
    [
        # a sum of money run into the headline's words is no village ("Desa Rp")
        (
            "id",
            "Mantan Kades Dituntut 7 Tahun atas Korupsi Dana Desa Rp 1,2 Miliar",
            "Jaksa menuntut mantan kepala desa di Kabupaten Muara Tinggi. Ia didakwa "
            "menyelewengkan Rp 1,2 miliar. Ia mengembalikan Rp 150 juta. Dana Rp 2,6 miliar "
            "diterima desa itu. Bupati Muara Tinggi mengaku kecewa, dan warga Muara Tinggi "
            "melapor.",
            ("Muara Tinggi", "Kabupaten Muara Tinggi"),
        ),
        (
            "en",
            "Council Fined £2 Million Over Harbour Spill",
            "The council in Port Elmstead was fined £2 million on Monday. Port Elmstead "
            "residents said £2 million was too little. Fishermen in Port Elmstead agreed.",
            ("Port Elmstead", "Port Elmstead"),
        ),
    ],
)
def test_money_in_a_title_case_headline_is_no_place(language, title, body, place):
    assert main_place(body, language, name_context(body, language), title) == place


@pytest.mark.parametrize(
    ("language", "title", "body", "place"),
    [
        # a village the headline runs into a title ("Kades Suka Damai Dituntut"), which the
        # body writes with its place noun: the site, carried with its regency
        (
            "id",
            "Mantan Kades Suka Damai Dituntut 7 Tahun Penjara",
            "Jaksa menuntut mantan Kepala Desa Suka Damai, Kabupaten Muara Tinggi, tujuh "
            "tahun penjara. Dana desa yang diterima Suka Damai mencapai Rp 2,6 miliar. "
            "Warga Suka Damai melapor ke inspektorat. Kejaksaan Negeri Muara Tinggi "
            "mencatat lima kasus, dan Bupati Muara Tinggi berjanji mengawasi desa.",
            ("Suka Damai", "Desa Suka Damai, Kabupaten Muara Tinggi"),
        ),
    ],
)
def test_a_place_the_body_writes_with_its_noun_is_a_site_anywhere_in_the_headline(
    language, title, body, place
):
    assert main_place(body, language, name_context(body, language), title) == place


def test_a_body_in_the_headline_is_no_site():
    # "Koperasi Dana Makmur" is never written after a place noun: no site
    title = "Koperasi Dana Makmur Gagal Bayar, 3.100 Anggota Lapor Polisi"
    body = (
        "Sebanyak 3.100 anggota Koperasi Dana Makmur di Kota Sekar Tinggi melapor ke polisi. "
        "Koperasi Dana Makmur memiliki tujuh kantor cabang di Kota Sekar Tinggi. Warga Sekar "
        "Tinggi menunggu."
    )
    assert main_place(body, "id", name_context(body, "id"), title) == (
        "Sekar Tinggi",
        "Kota Sekar Tinggi",
    )
