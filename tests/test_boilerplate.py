"""The line filter: rules, shapes and context, on lines we wrote in the style of scraped pages."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recoupe.read import boilerplate
from recoupe.read.clean import clean_text, filter_lines

BODY = "Le ministre a signé mardi un protocole d'accord avec son homologue, selon un communiqué officiel."


@pytest.mark.parametrize(
    "line, name",
    [
        ("A lire : Les exportations de drones progressent", "read-more"),
        ("À lire aussi : un autre article", "read-more"),
        ("Lire aussi : La marine reçoit deux patrouilleurs", "read-more"),
        ("Read more: Navy commissions new frigate", "read-more"),
        ("Partager sur Facebook", "share"),
        ("Atlas Info sur WhatsApp Suivez atlasinfo sur WhatsApp", "share"),
        ("Follow us on X", "share"),
        ("Sujets associés : Défense - Armement", "tags"),
        ("12 Commentaires", "comments"),
        ("Laisser un commentaire", "comments"),
        ("Votre adresse e-mail ne sera pas publiée.", "comments"),
        ("Abonnez-vous à notre newsletter quotidienne", "subscribe"),
        ("S’abonner", "subscribe"),
        ("Les deux ministres à Rabat © AFP", "credit"),
        ("Crédit photo : DR", "credit"),
        ("(Photo by Staff / AFP)", "credit"),
        ("A", "font-size"),
        ("Nadia B. - 5 octobre 2025Politique - Le gouvernement présente son budget", "strip"),
        ("Économie - La banque centrale maintient son taux directeur.", "strip"),
        ("Publicité", "advert"),
        ("Tous droits réservés", "copyright"),
        ("Aller au contenu principal", "skip-link"),
        ("Skip to main content", "skip-link"),
        ("·3 min de lecture", "reading-time"),
        ("4 min read", "reading-time"),
        ("Comments are closed.", "comments"),
        ("Les commentaires sont fermés", "comments"),
        ("Accueil » Défense » La marine reçoit…", "breadcrumb"),
        ("Home > World > Africa", "breadcrumb"),
        ("Écoutez Radio Atlas | Alexa | Application | 98.2 FM", "menu"),
        ("Published in Le Quotidien on", "credit"),
        ("https://www.example.org/2021/10/03/la-marine-recoit-deux-patrouilleurs", "url"),
        # furniture that news templates share (issue 14): clocks and video lengths, counters, agency bylines
        ("03:47", "stamp"),
        ("1:02:15", "stamp"),
        ("il y a 3 heures", "stamp"),
        ("5 hours ago", "stamp"),
        ("Last Updated IST", "stamp"),
        ("Publié aujourd'hui à 09h12", "stamp"),
        ("0", "counter"),
        ("1 204 vues", "counter"),
        ("The Associated Press", "credit"),
        ("(AFP)", "credit"),
        ("Reuters", "credit"),
        ("Le Courrier du Détroit avec AFP", "credit"),
        ("Two frigates at the quay. AP Photo/Jane Roe", "credit"),
        ("Our Standards: The Trust Principles of the agency.", "credit"),
        ("[2/6] Soldiers unload crates at the port.", "credit"),
        ("Source : journal télévisé de 13h", "source"),
        ("Listen now to Sahel News SahelNews.com | Alexa | App | 101.1 FM", "listen"),
        ("Écouter cet article", "listen"),
        ("Facebook Twitter WhatsApp Email", "share"),
        ("Suivez Atlas Info sur Google Actualités", "share"),
        ("Click here to download our app", "share"),
        ("Follow: Sahel News", "share"),
        ("FILE - In this photo, a patrol ship leaves the port of Toulon.", "credit"),
        ("3 of 12", "counter"),
        ("Toggle caption", "nav"),
        ("Advertisement - scroll to continue", "nav"),
        ("Explore", "nav"),
        ("Privacy policy", "nav"),
        ("Envie d'afficher votre publicité ?", "advert"),
        ("Contactez-nous", "advert"),
        ("Story continues below advertisement", "advert"),
        ("Connectez-vous ou créez un compte pour commenter cet article.", "comments"),
        ("L'espace des commentaires est réservé aux abonnés.", "comments"),
        ("Recevez chaque matin l'essentiel de l'actualité", "subscribe"),
        ("Get the latest defence news delivered to your inbox", "subscribe"),
        ("Il vous reste 72% de cet article à lire.", "paywall"),
        ("Déjà abonné ? Connectez-vous", "paywall"),
        ("Vous avez aimé cet article ?", "feedback"),
        ("Lire aussi Le Maroc et l'Espagne renforcent leurs patrouilles", "read-more"),
        ("Read more", "read-more"),
        ("Filed under Defence, Africa", "tags"),
        ("A+ A-", "font-size"),
        ("The navy's new patrol ship sailed on Monday… Read more »", "teaser"),
        ("Don't miss", "teaser-box"),
        ("lorem" * 6, "template"),
    ],
)
def test_rule_names(line: str, name: str) -> None:
    assert boilerplate.rule(line) == name


@pytest.mark.parametrize(
    "line",
    [
        BODY,
        "Fin juin, des observateurs étrangers ont assisté à l'exercice « Lion du désert 2022 ».",
        "Le général a été reçu par le ministre délégué chargé de la Défense.",
        "Quel est l'enjeu de cette visite ?",
        "The minister said the agreement would be followed by others.",
        "Le Maroc a commandé 25 avions F-16 Viper, selon Lockheed Martin.",
        "Le programme ePA/e-santé avance, selon le ministère.",
        "Additional reporting by our correspondent in Rabat.",
        "Reuters reported on Tuesday that the contract had been signed.",
        "Les sources militaires ont confirmé la livraison de deux appareils.",
        "1 large onion, chopped",
    ],
)
def test_body_lines_match_no_rule(line: str) -> None:
    assert boilerplate.rule(line) is None


def test_a_number_alone_is_a_counter_in_scraped_text_but_a_table_cell_in_extracted_text() -> None:
    assert boilerplate.rule("12") == "counter"
    assert boilerplate.rule("12", extracted=True) is None
    assert boilerplate.rule("...") is None


def test_a_dated_stamp_is_the_dateline_not_furniture() -> None:
    assert boilerplate.rule("Updated at 10:42") == "stamp"
    assert boilerplate.rule("Updated June 3, 2022 at 10:42") is None
    page_text = "\n".join(["La marine reçoit deux patrouilleurs", "Publié le 3 juin 2022 à 10h42", BODY, BODY])
    assert clean_text(page_text).published.value == "2022-06-03"


def page(*lines: str) -> list[str]:
    return list(lines)


def labels_of(lines: list[str]) -> list[str]:
    return [lab.label for lab in boilerplate.classify(lines)]


def test_headline_dateline_body_and_teasers() -> None:
    lines = page(
        "Rabat et Madrid relancent leur dialogue militaire",
        "",
        "3 mars 2023 - 10h05 - Maroc - Ecrit par : N.B",
        "",
        BODY,
        "A lire : Un titre d'un autre article",
        "Sous-titre de la suite",
        BODY,
        "Aller plus loin",
        "Un autre titre",
        "Le résumé de l'autre article, coupé au milieu d'une phrase...",
    )
    assert labels_of(lines) == ["title", "blank", "meta", "blank", "body", "boilerplate", "heading", "body",
                                "boilerplate", "boilerplate", "boilerplate"]


def test_caption_next_to_furniture_is_dropped_but_quote_in_body_is_kept() -> None:
    quote = ('"Une coopération exemplaire entre nos deux armées, au service de la paix et de la stabilité '
             'de la région" Communiqué de l’état-major')
    caption = ("Les drones de reconnaissance alignés sur la base aérienne avant la revue des troupes "
               "(Selon la présentation officielle)")
    lines = page("Un titre", BODY, quote, BODY, "Partager sur Facebook", caption, "Le Journal avec", "© AFP")
    assert labels_of(lines) == ["title", "body", "body", "body", "boilerplate", "boilerplate", "boilerplate",
                                "boilerplate"]


def test_repeated_lines_are_dropped_but_never_the_headline() -> None:
    footer = "Atlas Info, le quotidien de la défense au Maghreb depuis 1998."
    lines = page(footer, BODY, footer)
    labels = boilerplate.classify(lines, repeated=frozenset({boilerplate.normalise_line(footer)}))
    assert [lab.label for lab in labels] == ["title", "body", "boilerplate"]
    assert labels[2].reason == "repeated"


def test_headline_after_page_chrome() -> None:
    """A skip link before the headline is chrome, and the headline is the first line after it."""
    lines = ["Aller au contenu principal", "", "La marine reçoit deux patrouilleurs construits à Lorient", "",
             BODY]
    assert [(x.label, x.reason) for x in boilerplate.classify(lines)] == [
        ("boilerplate", "skip-link"), ("blank", ""), ("title", "first line"), ("blank", ""), ("body", "shape")]


def test_paragraph_cut_mid_sentence_is_body() -> None:
    """A long line of several sentences whose last one the scraper cut off is a paragraph, even alone."""
    line = (f"{BODY} {BODY} Les deux pays ont aussi évoqué la formation des pilotes et la maintenance des "
            "appareils, dont la première tranche serait livrée avant la fin de l'année prochaine, selon")
    assert [(x.label, x.reason) for x in boilerplate.classify([line])] == [("body", "shape")]
    assert boilerplate.classify([line[:250]])[0].label != "body"


def test_dates_and_dashes_of_a_teaser_list_are_furniture() -> None:
    """After the article, a list of other articles: a bare date, a dash and a headline each; the article's own
    dateline in the header stays its meta."""
    lines = ["La marine reçoit deux patrouilleurs", "12 mars 2024", BODY, "Atlas Info", "-", "11 mars 2024",
             "Sahel : une nouvelle route commerciale ouvre entre deux capitales", "-", "10 mars 2024"]
    assert [x.label for x in boilerplate.classify(lines)] == [
        "title", "meta", "body", "boilerplate", "boilerplate", "boilerplate", "boilerplate", "boilerplate",
        "boilerplate"]


def test_a_video_playlist_after_the_text_is_furniture() -> None:
    """Lengths and titles of other videos after the article: none of them is text, nor dates the article."""
    lines = ["La marine reçoit deux patrouilleurs", BODY, BODY, "02:11", "Un exercice naval au large de Toulon",
             "01:00", "Revue de la semaine du 29 août 2025", "01:14", "Un dernier sujet sans rapport"]
    result = clean_text("\n".join(lines))
    assert result.lines == ("La marine reçoit deux patrouilleurs", BODY, BODY)
    assert result.published.value is None


def test_a_wire_byline_keeps_the_headline_above_it() -> None:
    lines = ["Home » World » Navy gets…", "", "Navy takes delivery of two patrol ships", "", "The Associated Press", "",
             "June 3, 2022, 10:42 AM", "", "Listen now to Radio Sahel News | Alexa | App | 101.1 FM", "",
             "RABAT (AP) — The navy took delivery of two patrol ships built in France, officials said on Friday."]
    result = clean_text("\n".join(lines))
    assert result.title == "Navy takes delivery of two patrol ships"
    assert result.lines == ("Navy takes delivery of two patrol ships", lines[-1])
    assert result.published.value == "2022-06-03"


def test_a_short_last_sentence_before_the_paywall_is_text() -> None:
    lines = ["Un titre de l'article", BODY, "D'autres industriels y sont associés…", "Explore"]
    assert labels_of(lines) == ["title", "body", "body", "boilerplate"]


def test_related_headings_end_the_text_only_after_it_began() -> None:
    """"More stories" after the text opens the teasers; a box heading inside the text goes alone."""
    teaser = "Un exercice conjoint se termine sur la côte atlantique"
    assert labels_of(["Un titre", BODY, "More stories", teaser, BODY]) == [
        "title", "body", "boilerplate", "boilerplate", "boilerplate"]
    assert labels_of(["More stories", "Un titre", BODY])[2] == "body"
    assert labels_of(["Un titre", BODY, "Don't miss", BODY]) == ["title", "body", "boilerplate", "body"]


def test_scraper_prefix_is_cut_from_the_first_line() -> None:
    page_text = " date 2022-07 " + BODY + "\n" + BODY
    result = clean_text(page_text)
    assert result.lines == (BODY, BODY)
    assert result.published.value == "2022-07" and result.published.basis == "prefix"
    assert result.dropped == len("date 2022-07")


def test_dates_in_teaser_strips_never_date_the_article() -> None:
    page_text = "\n".join([
        "Un titre sans date",
        BODY,
        BODY,
        "Rédaction Atlas - 5 octobre 2025Politique - Un autre sujet du jour",
        "Sabrina K. - 25 janvier 2025",
    ])
    result = clean_text(page_text)
    assert result.published.value is None and result.published.basis == "unknown"
    assert result.outlet == "Atlas"


_line = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=120)


@settings(max_examples=300)
@given(st.lists(st.one_of(_line, st.sampled_from([BODY, "A lire : x", "", " date 2021-11 " + BODY, "A"])),
                max_size=25))
def test_cleaning_never_invents_text(lines: list[str]) -> None:
    text = "\n".join(lines)
    result = clean_text(text)
    for kept in result.lines:
        assert kept and kept in text
    assert result.dropped >= 0


def test_headline_without_what_the_page_glued_to_it() -> None:
    """A badge or a standfirst glued to the headline stays in the text as the page gives it, not in the title."""
    badge = "Deux frégates et trois corvettes : Athènes choisit les chantiers françaisContenu réservé aux abonnés"
    glued = ("As the ministers meet, the navy clinches a patrol ship dealThe ministry wants the ships delivered "
             "before the end of next year.")
    for line, title in ((badge, "Deux frégates et trois corvettes : Athènes choisit les chantiers français"),
                        (glued, "As the ministers meet, the navy clinches a patrol ship deal")):
        result = clean_text(f"{line}\n{BODY}")
        assert (result.title, result.lines) == (title, (line, BODY))
    assert boilerplate.headline_of("Five things to know about the new McLaren sports car") == (
        "Five things to know about the new McLaren sports car")


def test_a_ticker_of_other_headlines_is_not_the_headline() -> None:
    ticker = ("WAR NEWS: Troops advance on the front | Ministers expect support for the bid | A yacht seized in port | "
              "Why the border tensions are rising")
    result = clean_text("\n".join([ticker, "Navy takes delivery of two patrol ships", BODY]))
    assert result.title == "Navy takes delivery of two patrol ships"
    assert boilerplate.rule("By Daniel Mensah | Sahel Watch | 28 July 2022") is None


def test_a_table_row_in_extracted_text_is_no_ticker() -> None:
    row = ("| Marine nationale et ses bases | 12 frégates en service | 4 sous-marins en service | "
           "2 porte-hélicoptères en mer |")
    ticker = ("Troops advance on the front | Ministers expect support for the bid | A yacht seized in port | "
              "Why the border tensions are rising")
    assert boilerplate.rule(ticker) == "ticker"
    assert boilerplate.rule(ticker, extracted=True) is None
    assert boilerplate.rule(row, extracted=True) is None


# --- the learned line model beside the rules (recoupe.read.furniture_model); pages written for these tests ---


def test_a_page_of_our_own_loses_its_furniture_and_keeps_its_text() -> None:
    lines = page(
        "Skip navigation",
        "Subscribe now",
        "Norway and Poland sign a deal on coastal defence missiles",
        "By Jane Marlow, defence correspondent",
        "Oslo and Warsaw agreed on Tuesday to build a joint maintenance centre for coastal missile batteries, the two "
        "defence ministries said in a statement.",
        "The agreement covers the training of crews and the supply of spare parts until 2030, according to the "
        "Norwegian ministry.",
        "Poland ordered its first batteries in 2008 and received the last of them four years later.",
        "Most read this week",
        "Drone maker opens a second plant in the north",
        "Cookie settings",
    )
    got = [(lab.label, lab.reason) for lab in boilerplate.classify(lines)]
    assert got == [("boilerplate", "skip-link"), ("boilerplate", "subscribe"), ("title", "first line"),
                   ("boilerplate", "model"), ("body", "shape"), ("body", "shape"), ("body", "shape"),
                   ("boilerplate", "teasers"), ("boilerplate", "teasers"), ("boilerplate", "teasers")]
    # the model off: the byline stays in the text
    assert boilerplate.classify(lines, model_threshold=1.0)[3].label == "heading"


def test_a_state_or_section_label_hashtags_and_a_follow_prompt_are_furniture() -> None:
    lines = page(
        "Mali",
        "La Norvège et la Pologne signent un accord sur les missiles côtiers",
        "Oslo et Varsovie ont convenu mardi de créer un centre commun d'entretien pour leurs batteries de missiles "
        "côtiers, ont annoncé les deux ministères.",
        "#Défense #Norvège #Pologne",
        "Suivez-nous sur",
    )
    assert [(lab.label, lab.reason) for lab in boilerplate.classify(lines)] == [
        ("boilerplate", "label"), ("title", "first line"), ("body", "shape"), ("boilerplate", "tags"),
        ("boilerplate", "share")]
    assert [boilerplate.rule(x) for x in ("Côte d'Ivoire", "Middle East", "Défense et sécurité", "Le Mali")] == [
        "label", "label", "label", None]


def test_arabic_furniture_of_our_own_page() -> None:
    lines = page(
        "السودان",
        "النرويج وبولندا توقعان اتفاقا بشأن صواريخ الدفاع الساحلي",
        "صورة توضيحية",
        "اتفقت أوسلو ووارسو يوم الثلاثاء على إنشاء مركز مشترك لصيانة بطاريات الصواريخ الساحلية، بحسب بيان صادر عن "
        "وزارتي الدفاع في البلدين.",
        "ويشمل الاتفاق تدريب الطواقم وتوريد قطع الغيار حتى عام 2030، وفق الوزارة النرويجية.",
        "#النرويج #بولندا",
        "أرسل لصديق",
        "مقالات قد تهمك",
        "وزير الدفاع يزور قاعدة بحرية في الشمال",
    )
    assert [(lab.label, lab.reason) for lab in boilerplate.classify(lines)] == [
        ("boilerplate", "label"), ("title", "headline"), ("boilerplate", "credit"), ("body", "shape"),
        ("body", "shape"), ("boilerplate", "tags"), ("boilerplate", "share"), ("boilerplate", "teasers"),
        ("boilerplate", "teasers")]


def test_arabic_latest_news_heading_ends_the_text_only_after_it_began() -> None:
    top = page("آخر الأخبار", "النرويج وبولندا توقعان اتفاقا بشأن صواريخ الدفاع الساحلي",
               "اتفقت أوسلو ووارسو يوم الثلاثاء على إنشاء مركز مشترك لصيانة بطاريات الصواريخ الساحلية، بحسب بيان.")
    assert [lab.label for lab in boilerplate.classify(top)][1:] == ["title", "body"]
    assert boilerplate.is_section_marker("آخر الأخبار", arabic=True, after_body=True)
    assert not boilerplate.is_section_marker("آخر الأخبار", arabic=True)


def test_the_model_drops_short_furniture_from_an_extracted_main_text() -> None:
    lines = [
        "Norway and Poland sign a deal on coastal defence missiles",
        "Oslo and Warsaw agreed on Tuesday to build a joint maintenance centre for coastal missile batteries, the "
        "two defence ministries said.",
        "The agreement covers the training of crews and the supply of spare parts until 2030, according to the "
        "Norwegian ministry.",
        "Jane Marlow",
    ]
    assert boilerplate.extracted_furniture(lines) == {3}
    assert filter_lines(lines) == (lines[:3], len(lines[3]))
    assert filter_lines(lines, model_threshold=1.0) == (lines, 0)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Le ministre à son arrivée à Dakar, le 12 mars 2023. Jean Dupont / AFP", "credit"),
        ("Photo by Jane Roe/Reuters", "credit"),
        ("Courtesy of the Royal Navy", "credit"),
        ("Written by Jane Doe and John Roe", "byline"),
        ("Watch: the new frigate leaves its port", "read-more"),
        ("Download our app", "share"),
        ("The views expressed in this column are the author's own.", "disclaimer"),
        ("Contenus sponsorisés", "advert"),
        ("Photos", "nav"),
        ("Défense et sécurité", "label"),
    ],
)
def test_generic_furniture_rules(line: str, name: str) -> None:
    assert boilerplate.rule(line) == name


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("مواقيت الصلاة", "label"),
        ("الظهر 12:05", "widget"),
        ("الدولار الأمريكي 30.90", "widget"),
        ("تصميم وتطوير شركة المواقع", "credit"),
        ("اتصل بنا", "label"),
        ("صورة توضيحية", "credit"),
        ("أرسل لصديق", "share"),
        ("#النرويج #بولندا", "tags"),
    ],
)
def test_arabic_furniture_rules(line: str, name: str) -> None:
    assert boilerplate.rule(line, arabic=True) == name


@pytest.mark.parametrize(
    "line",
    ["ويقول المسؤول إن سعر الصفقة بلغ 2 مليار دولار، بحسب الوزارة.",
     "وصل الوفد إلى العاصمة بعد صلاة الظهر يوم الخميس."],
)
def test_arabic_body_lines_match_no_rule(line: str) -> None:
    assert boilerplate.rule(line, arabic=True) is None


def test_bylines_of_several_authors_are_datelines() -> None:
    assert boilerplate.looks_like_dateline("By Jane Doe and John Roe")
    assert boilerplate.looks_like_dateline("Par Jean Dupont et Marie Durand, à Dakar")


def test_another_articles_headline_with_its_speaker_inside_the_text_is_a_teaser() -> None:
    lines = page(
        "Norway and Poland sign a deal on coastal defence missiles",
        BODY,
        "Poland to buy more patrol boats next year: navy chief",
        BODY,
        "What the deal covers",
        BODY,
    )
    assert [(lab.label, lab.reason) for lab in boilerplate.classify(lines)][2:5] == [
        ("boilerplate", "teaser"), ("body", "shape"), ("heading", "shape")]

