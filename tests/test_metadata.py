"""Publication dates, authors and outlets: each from the most trusted place that has it."""

from __future__ import annotations

import pytest

from recoupe.read import metadata
from recoupe.records import Published


@pytest.mark.parametrize(
    "text, value",
    [
        ("20 septembre 2022 - 07h20 - Maroc", "2022-09-20"),
        ("Publié le 1er décembre 2021 à 10h", "2021-12-01"),
        ("Par N. B. | Publié le 25/11/2021 à 10h12", "2021-11-25"),
        ("Updated July 19, 2022 at 5 pm", "2022-07-19"),
        ("19 July 2022", "2022-07-19"),
        ("31 février 2022", None),
        ("mardi dernier", None),
    ],
)
def test_date_in_text(text: str, value: str | None) -> None:
    assert metadata.date_in_text(text) == value


@pytest.mark.parametrize(
    "url, value",
    [
        ("https://www.example.ma/2021/11/24/accord-defense/", "2021-11-24"),
        ("https://example.org/politique/2022/07/visite", "2022-07"),
        ("https://example.org/news/2023-01-25-comite", "2023-01-25"),
        ("https://example.org/article-12345.html", None),
        ("/home/user/2021/11/24/file.txt", None),
    ],
)
def test_date_from_url(url: str, value: str | None) -> None:
    assert metadata.date_from_url(url) == value


def test_order_of_trust() -> None:
    full = dict(metadata="2022-07-21T08:00:00Z", prefix="2022-07", datelines=["3 mars 2023 - Maroc"],
                url="https://x.org/2020/01/01/a")
    assert metadata.publication_date(**full) == Published(
        value="2022-07-21", basis="metadata", reason="page or input metadata: '2022-07-21T08:00:00Z'")
    assert metadata.publication_date(**{**full, "metadata": None}).basis == "prefix"
    assert metadata.publication_date(**{**full, "metadata": None, "prefix": None}).value == "2023-03-03"
    only_url = metadata.publication_date(metadata=None, prefix=None, datelines=[], url=full["url"])
    assert (only_url.value, only_url.basis) == ("2020-01-01", "url")
    nothing = metadata.publication_date(metadata=None, prefix=None, datelines=["Maroc"], url=None)
    assert (nothing.value, nothing.basis) == (None, "unknown")


@pytest.mark.parametrize(
    "lines, author",
    [
        (["20 septembre 2022 - 07h20 - Maroc - Ecrit par : S.A"], "S.A"),
        (["Par Nadia Berrada | Publié le 25/11/2021 à 10h12"], "Nadia Berrada"),
        (["By John Smith - July 19, 2022"], "John Smith"),
        (["19 juillet 2022"], None),
    ],
)
def test_author(lines: list[str], author: str | None) -> None:
    assert metadata.author_from(lines) == author


def test_outlet_from_furniture_and_url() -> None:
    assert metadata.outlet_from(["Atlas.ma sur WhatsApp Suivez atlas.ma sur WhatsApp"]) == "Atlas.ma"
    assert metadata.outlet_from(["© 2024 Sahel Watch. Tous droits réservés"]) == "Sahel Watch"
    assert metadata.outlet_from([], "https://www.lecourrier.example/2021/a") == "lecourrier.example"
    assert metadata.outlet_from(["rien ici"]) is None
