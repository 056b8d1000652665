"""Furniture told by its shape, on templates no rule was written from (own words)."""

from __future__ import annotations

import pytest

from recoupe.read import boilerplate, furniture_shapes
from recoupe.read.clean import clean_text

BODY = ("Les deux ministres ont signé mardi un accord qui prévoit des exercices communs et la formation "
        "d'officiers dans les écoles des deux armées.")
BODY2 = ("Le texte couvre aussi la surveillance des routes maritimes et l'échange d'informations sur les trafics "
         "dans la région.")


@pytest.mark.parametrize(
    "line, menu",
    [
        ("Accueil › International › Afrique", True),
        ("Armées | Diplomatie | Sahel", True),
        ("Vous êtes ici : Accueil > Suisse > Politique", True),
        ("Home / News / Defence", True),
        ("Menu | Search | Subscribe", True),
        ("الرئيسية » الأخبار » العالم", True),
        ("Croatia picks used French jets | Example News", False),  # a headline and its outlet
        ("وزار «شي» ا", False),  # a quotation's closing guillemet
        ("Défense : la Suisse choisit un avion américain", False),
        ("By Jane Roe | March 2, 2023 | Coastal Defence Review", False),  # a byline
    ],
)
def test_menus_and_breadcrumbs_by_shape(line: str, menu: bool) -> None:
    assert furniture_shapes.is_menu(line) is menu


@pytest.mark.parametrize(
    "line, caption",
    [
        ("Un des appareils lors d'un vol d'essai au-dessus de la base. AGENCE / Paul Durand", True),
        ("Officials pose for a photo after the talks, March 10. Foreign Ministry/Handout", True),
        ("Un convoi de blindés sur une piste du nord du pays, en juin (image d'archives)", True),
        ("Le chef d'état-major lors de la réunion (DR)", True),
        ("Image: A fighter jet at an air show. (Source: Wikimedia)", True),
        ("جانب من اللقاء في موسكو - الصورة من وزارة الدفاع", True),
        ("الفرقاطة خلال تجارب بحرية - أرشيفية", True),
        (BODY, False),
        ("Le ministre a cité les accords de 2014 et 2019 / 2020 dans son discours devant les députés.", False),
    ],
)
def test_captions_by_their_credit(line: str, caption: bool) -> None:
    assert furniture_shapes.is_captioned(line) is caption


def test_a_short_sentence_is_no_furniture() -> None:
    assert furniture_shapes.is_short_sentence("Regional states welcomed the announcement.")
    assert furniture_shapes.is_short_sentence("ويأتي الاتفاق بعد سنوات من التوتر.")
    assert not furniture_shapes.is_short_sentence("Vous aimez nos articles ? Soutenez la presse")
    assert not furniture_shapes.is_short_sentence("Most Popular")


def test_an_unseen_template_is_cleaned_by_shape() -> None:
    lines = [
        "Fil d'Ariane : Accueil / Afrique / Mali",
        "Deux armées signent un accord de formation",
        "Mis en ligne le 04-09-2023 à 16h40 par Awa Ndiaye",
        BODY,
        "Les deux délégations réunies au ministère, lundi. Studio / Moussa Diop",
        BODY2,
        "Une prochaine session se tiendra à Dakar au printemps.",
        "Les plus consultés",
        "1. Le port agrandit son terminal",
        "2. Un nouveau chef pour l'armée de l'air",
        "Rubriques associées",
    ]
    page = clean_text("\n\n".join(lines))
    assert page.lines == (lines[1], BODY, BODY2, lines[6])
    assert page.title == lines[1]
    assert page.published.value == "2023-09-04"


def test_the_excerpts_cut_last_words_stay() -> None:
    cut = "D'autres industriels sont associés…"
    labels = boilerplate.classify(["Deux armées signent un accord", "", BODY, "", BODY2, "", cut, "", "Explore"])
    assert [lab.label for lab in labels if lab.label != "blank"] == ["title", "body", "body", "body", "boilerplate"]


def test_short_labels_above_the_headline_are_no_headline() -> None:
    lines = ["ANNONCE", "Sahel", "Deux armées signent un accord de formation", BODY, BODY2]
    labels = boilerplate.classify(lines)
    assert [lab.label for lab in labels] == ["boilerplate", "boilerplate", "title", "body", "body"]


def test_a_label_that_lost_its_value_goes() -> None:
    lines = ["Deux armées signent un accord de formation", "Publié dans Le Courrier du", BODY, BODY2,
             "Les exercices commenceront en mai et dureront"]
    labels = boilerplate.classify(lines)
    assert [lab.label for lab in labels] == ["title", "boilerplate", "body", "body", "body"]
    assert furniture_shapes.is_dangling("Published in The Coastal Times on")
    assert not furniture_shapes.is_dangling("Les exercices commenceront en mai.")


def test_numbered_sub_headings_and_links_stay() -> None:
    lines = ["Trois leçons d'un exercice conjoint", BODY, "1. Préparer la logistique", BODY2,
             "2. Former les équipages", BODY]
    assert [lab.label for lab in boilerplate.classify(lines)] == ["title", "body", "heading", "body", "heading",
                                                                    "body"]
    assert not furniture_shapes.is_captioned("The campaign cost half a million: https://t.co/Ab12CdE")


def test_a_prompt_worded_as_a_sentence_among_furniture_goes() -> None:
    prompt = "Connectez-vous à votre compte pour recevoir des alertes et commenter les articles."
    lines = ["Deux armées signent un accord de formation", BODY, BODY2, "Partager", prompt, "Mentions légales",
             "Plan du site"]
    assert [lab.label for lab in boilerplate.classify(lines)] == ["title", "body", "body"] + ["boilerplate"] * 4
    assert boilerplate.classify(lines, model_threshold=1.0)[4].label == "body"  # the model's call, not a rule's


def test_a_bare_label_goes_unless_a_paragraph_follows() -> None:
    lines = ["Deux armées signent un accord de formation", BODY, "Partager :", "Mentions légales", BODY2, "Fin"]
    assert boilerplate.classify(lines)[2].label == "boilerplate"
    quote = ["Deux armées signent un accord de formation", BODY, "Il a ajouté :", BODY2, "Fin"]
    assert boilerplate.classify(quote)[2].label != "boilerplate"


def test_teaser_headlines_after_the_text_go_even_when_long() -> None:
    lines = ["Deux armées signent un accord de formation", BODY, BODY2,
             "Le Sénégal commande deux patrouilleurs pour surveiller ses côtes",
             "Le Niger et le Tchad renforcent leurs patrouilles communes le long de la frontière",
             "Les armées africaines face au défi de la formation des officiers"]
    assert [lab.label for lab in boilerplate.classify(lines, model_threshold=1.0)] == [
        "title", "body", "body", "boilerplate", "boilerplate", "boilerplate"]


def test_a_kicker_above_the_headline_is_no_headline() -> None:
    lines = ["Guerre en mer", "La marine reçoit son troisième patrouilleur de haute mer", BODY, BODY2]
    page = clean_text("\n".join(lines))
    assert page.title == lines[1]


def test_a_newsroom_note_after_the_text_goes() -> None:
    note = "Correction : une version précédente de cet article donnait une date erronée pour l'exercice."
    assert boilerplate.rule(note) == "note"
    assert boilerplate.rule("Editor's note: the ministry confirmed the figures on Tuesday evening.") == "note"
    assert boilerplate.rule("Mise à jour : le ministère a confirmé les chiffres mardi soir.") is None


def test_a_dateline_below_a_caption_and_an_author_dates_the_page() -> None:
    lines = ["Deux armées signent un accord de formation",
             "Les deux ministres lors de la cérémonie au ministère, mardi matin à Dakar.",
             "Awa Ndiaye", "Correspondante à Dakar", "4 septembre 2023 à 16h40", BODY, BODY2]
    page = clean_text("\n".join(lines))
    assert page.published.value == "2023-09-04"
    assert page.lines == (lines[0], lines[1], BODY, BODY2)  # (a caption shaped as a sentence stays: no credit)


def test_the_dates_of_a_list_of_other_articles_date_nothing() -> None:
    lines = [BODY, "Deux armées signent un accord de formation", "Recevez notre lettre", "-", "2 février 2026",
             "Le port de Dakar agrandit son terminal militaire", "-", "1 février 2026",
             "Un nouveau chef pour l'armée de l'air"]
    assert clean_text("\n".join(lines)).published.value is None


def test_an_arabic_page_quoting_a_verse_in_ornate_parentheses_is_cleaned() -> None:
    body = "وقال الوزير في كلمته أمام الضباط ﴿ وأعدوا لهم ما استطعتم ﴾ مؤكدا أهمية الاستعداد الدائم للقوات المسلحة."
    page = clean_text("\n".join(["الجيش يختتم مناوراته السنوية في الصحراء الغربية", body, body]))
    assert page.lines[1] == body
