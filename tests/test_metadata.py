"""Publication dates, authors and outlets: each from the most trusted place that has it."""

from __future__ import annotations

import pytest

from recoupe.read import metadata
from recoupe.read.clean import clean_text
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
        ("• 2016/01/28 13:09", "2016-01-28"),
        ("Posted 2nd, May 2024 GMT", "2024-05-02"),
        ("2016/13/28", None),
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


@pytest.mark.parametrize(
    "url, value",
    [
        ("https://news.example.org/2023/aug/21/navy-ship-delivered", "2023-08-21"),
        ("https://fr.example.org/20211003/la-marine-recoit-deux-navires-1051969852.html", "2021-10-03"),
        ("https://example.org/politique/article_20240217120025.html", "2024-02-17"),
        ("https://example.org/news?id=77&date=2023-06-14", "2023-06-14"),
        ("https://example.org/2023_06_14_navy", "2023-06-14"),
        ("https://example.org/stories/202411300188.html", None),  # a day and a sequence number: an id
        ("https://example.org/article/2023061512", None),
        ("https://example.org/a/20231345/b", None),
        ("https://example.org/news/4336400", None),
    ],
)
def test_date_patterns_of_news_urls(url: str, value: str | None) -> None:
    assert metadata.date_from_url(url) == value


def test_a_less_trusted_day_refines_a_month_never_contradicts_it() -> None:
    url = "https://fr.example.org/20211003/la-marine-recoit-deux-navires.html"
    refined = metadata.publication_date(metadata=None, prefix="2021-10", datelines=[], url=url)
    assert (refined.value, refined.basis) == ("2021-10-03", "url")
    assert "prefix date 2021-10" in refined.reason
    other = metadata.publication_date(metadata=None, prefix="2021-11", datelines=[], url=url)
    assert (other.value, other.basis) == ("2021-11", "prefix")


@pytest.mark.parametrize(
    "title, value",
    [
        ("Revue de presse du 12 mai 2023", "2023-05-12"),
        ("Defence briefing for June 3, 2022", "2022-06-03"),
        ("Live updates: Tuesday, April 4, 2023", "2023-04-04"),
        ("Navy receives two patrol ships | June 23, 2022", "2022-06-23"),
        ("نشرة أخبار 14 فبراير 2024", "2024-02-14"),
        ("Les leçons du 7 octobre 2023", None),  # an event's day
        ("Accord signé le 20 février 2025", None),
        ("الاتفاق الموقع في 31 يناير 2021", None),
        ("Journal du 3 juin", None),  # no year: no day
        (None, None),
    ],
)
def test_the_day_of_an_edition_named_in_the_headline(title: str | None, value: str | None) -> None:
    assert metadata.edition_date(title) == value


def test_the_address_printed_at_the_top_dates_the_page() -> None:
    body = "Le ministre a signé mardi un protocole d'accord avec son homologue, selon un communiqué officiel."
    text = f" date 2021-10 https://fr.example.org/20211003/la-marine-recoit-deux-navires.html\n{body}\n{body}"
    result = clean_text(text)
    assert result.published.value == "2021-10-03"
    assert result.lines == (body, body)
    headline = clean_text(f"Revue de presse du 12 mai 2023\n{body}\n{body}")
    assert (headline.published.value, headline.published.basis) == ("2023-05-12", "dateline")


@pytest.mark.parametrize(
    "text, value",
    [
        # the publication's date, not the update's, whichever comes first
        ("Mis à jour le 5 avril 2023 à 09:10 - Publié le 4 avril 2023 à 22:45", "2023-04-04"),
        ("Last updated on Feb 3, 2024 | Originally published on Feb 2, 2024", "2024-02-02"),
        ("Actualisé le 6 mai 2024 · Publié le 5 mai 2024", "2024-05-05"),
        ("Updated: Feb 3, 2024", "2024-02-03"),
        ("آخر تحديث: 12 مارس 2024 - نشر في: 11 مارس 2024", "2024-03-11"),
        # numeric dates: the order from the numbers, a French or Arabic line, or a weekday; never a guess
        ("Published 12/22/2022 10:01 AM EST", "2022-12-22"),
        ("Published: 03/04/2023", None),
        ("04/05/2022", None),
        ("Friday 04/08/2022 | 6:00 PM", "2022-04-08"),
        ("Publié le 03/04/2023 à 18h12", "2023-04-03"),
        ("Mis en ligne le 04-09-2023 à 16h40", "2023-09-04"),
        ("PTI | New Delhi | Updated: 01-06-2022 21:40 IST", None),
        ("Updated: 14-06-2022 21:40 IST", "2022-06-14"),
        ("تاريخ النشر: 05/12/2023", "2023-12-05"),
        ("Le 14.02.2024 à 07h30", "2024-02-14"),
        ("2021-2022", None),
    ],
)
def test_the_publication_date_of_a_dateline(text: str, value: str | None) -> None:
    assert metadata.date_in_text(text) == value


@pytest.mark.parametrize(
    "dateline, value",
    [
        ("Rédigé par Anne Moreau le mercredi 18 mai 2022 à 09:47", "2022-05-18"),
        ("Posted on Tuesday, 9 January 2024 at 11:20 am", "2024-01-09"),
        ("Mercredi 30 juin 2021, 17h05", "2021-06-30"),
        ("Thu 25 Nov 2021 14.10 GMT", "2021-11-25"),
    ],
)
def test_a_dateline_under_the_headline_dates_the_page(dateline: str, value: str) -> None:
    body = ("Les deux ministres ont signé mardi un accord qui prévoit des exercices communs et la formation "
            "d'officiers dans les écoles des deux armées.")
    page = clean_text("\n".join(["Monde", "Deux armées signent un accord de formation", dateline, body, body]))
    assert page.published.value == value
    assert dateline not in page.lines


@pytest.mark.parametrize(
    "dateline, value",
    [
        ("الاثنين 7 مايو 2023 - 10:22", None),  # 7 May 2023 is a Sunday: which of the two is wrong?
        ("الأحد، 7 مايو 2023 - 10:22", "2023-05-07"),
        ("Monday, 9 January 2024", None),
        ("Tuesday, 9 January 2024", "2024-01-09"),
        ("Publié le jeudi 12 mai 2023", None),  # a Friday
        ("Publié le vendredi 12 mai 2023", "2023-05-12"),
    ],
)
def test_a_weekday_that_contradicts_the_date_dates_nothing(dateline: str, value: str | None) -> None:
    assert metadata.publication_date(metadata=None, prefix=None, datelines=[dateline], url=None).value == value
