"""Credit lines as pasted pages write them: wire tags glued to the last sentence, labels split over two
lines, machine-translation credits in any script (ingest/provenance)."""

from __future__ import annotations

import pytest

from storyline.ingest.provenance import (LabelCredit, TailCredit, fold_homoglyphs, is_wire_agency,
                                         label_value_credit, language_code, split_tail_credit,
                                         translation_credit)

# -- split_tail_credit ---------------------------------------------------------------------------------

TAILS = [
    # line, body kept, kind, names
    ("The ceasefire in the border villages will hold through the winter, he added./ AFP",
     "The ceasefire in the border villages will hold through the winter, he added.", "wire", ("AFP",)),
    ("Korsa will release the grain quota next week, the ministry said. /Reuters/",
     "Korsa will release the grain quota next week, the ministry said.", "wire", ("Reuters",)),
    ("Talks between Aldoria and Varnia will resume in Lindhaven on Monday, officials said. (AFP)",
     "Talks between Aldoria and Varnia will resume in Lindhaven on Monday, officials said.", "wire", ("AFP",)),
    ("“We are ready to sign if Varnia is,” he said. — Nordwire",
     "“We are ready to sign if Varnia is,” he said.", "wire", ("Nordwire",)),
    ("The port of Lindhaven will reopen on Friday, she said.\u00a0/ TASS",
     "The port of Lindhaven will reopen on Friday, she said.", "wire", ("TASS",)),
    ("Exports of Korsan wheat rose 4 percent, the ministry said. (Reporting by Jan Holm; Editing by Eva Lund)",
     "Exports of Korsan wheat rose 4 percent, the ministry said.", "reporting-credit", ()),
    ("The envoy left for Aldoria on Tuesday evening. (With inputs from agencies)",
     "The envoy left for Aldoria on Tuesday evening.", "agencies", ()),
    ("The envoy left for Aldoria on Tuesday. (With inputs from PTI)",
     "The envoy left for Aldoria on Tuesday.", "wire", ("PTI",)),
    ("“We will not give up,” the mayor of Lindhaven said. (AFP/Reuters)",
     "“We will not give up,” the mayor of Lindhaven said.", "wire", ("AFP", "Reuters")),
    ("Grain prices rose sharply, the trader said. — Korsa Herald",
     "Grain prices rose sharply, the trader said.", "wire", ("Korsa Herald",)),
    ("Grain prices rose sharply, the trader said. / Varnia Daily",
     "Grain prices rose sharply, the trader said.", "wire", ("Varnia Daily",)),
    ("Grain prices rose sharply. — Nordwire / agencies", "Grain prices rose sharply.", "wire", ("Nordwire",)),
    ("Цены на зерно выросли, сообщил министр. /ТАСС/", "Цены на зерно выросли, сообщил министр.", "wire", ("ТАСС",)),
    ("The bridge over the Lind stays closed. [AFP]", "The bridge over the Lind stays closed.", "wire", ("AFP",)),
    ("The bridge over the Lind stays closed. -- AP", "The bridge over the Lind stays closed.", "wire", ("AP",)),
    ("The vote passed by 54 to 31, she said. With agencies.", "The vote passed by 54 to 31, she said.",
     "agencies", ()),
    ("(AFP)", "", "wire", ("AFP",)),
]


@pytest.mark.parametrize("line,body,kind,names", TAILS)
def test_tail_credit_is_split_from_the_sentence(line, body, kind, names):
    t = split_tail_credit(line)
    assert isinstance(t, TailCredit)
    assert line[:t.cut] == body
    assert (t.kind, t.names) == (kind, names)
    assert t.wire == (names[0] if names else None)
    assert t.tag == line[t.cut:].strip()


def test_bracketed_formula_needs_no_full_stop_before_it():
    line = "The envoy left for Aldoria on Tuesday (with inputs from agencies)."
    t = split_tail_credit(line)
    assert t is not None and t.kind == "agencies" and line[:t.cut] == "The envoy left for Aldoria on Tuesday"


NOT_TAILS = [
    "The talks took place in Lindhaven (Korsa).",
    "The plan was backed by the UN (United Nations).",
    "A warning came from the World Health Organization (WHO).",
    "Agence France-Presse (AFP) reported the fire in Lindhaven first.",
    "The summit became a case of he said / she said.",
    "The full text is at https://korsaherald.example/politics/2025/03/14/talks.",
    "The vote in the Varnian parliament is scheduled for 14/03.",
    "Turnout fell by 1/2 compared with last year.",
    "The exchange rate moved between 1.2/1.3.",
    "“We will not give up,” she said. — and the hall in Lindhaven went quiet.",
    "“We will not stop.” — Mira Dalen",
    "Korsa beat Aldoria 3-1.",
    "The ministry published the figures. (See the table below.)",
    "Wheat prices rose by 4 percent (Nordstat).",
    "The delegation from Varnia arrived late. (Korsa)",
    "He met Nordwire editors in Lindhaven on Monday.",
    "The Nordwire report was denied. (The ministry later corrected it.)",
    "The talks ended with agencies.",
    "The mayor of Lindhaven spoke first. - Lindhaven",
    "LINDHAVEN, March 14 (Nordwire) - The ministry said on Monday it would reopen the port.",
    "Run the installer with ./install",
    "The award went to Mr./Mrs. Dalen and",
    "Der Gipfel findet am 14./15. März statt.",
]


@pytest.mark.parametrize("line", NOT_TAILS)
def test_ordinary_sentence_endings_are_not_credits(line):
    assert split_tail_credit(line) is None


def test_known_agencies():
    assert is_wire_agency("AFP") and is_wire_agency("ria novosti") and is_wire_agency("Nordwire")
    assert not is_wire_agency("Korsa") and not is_wire_agency("WHO")


# -- label_value_credit --------------------------------------------------------------------------------

LABELS = [
    ("Source:", "Nordwire", "source", "Nordwire"),
    ("Source", "Nordwire / agencies", "source", "Nordwire"),
    ("Quelle:", "Nordwire mit Agenturen", "source", "Nordwire"),
    ("Источник", "ТАСС", "source", "ТАСС"),
    ("Джерело:", "Укрінформ", "source", "Укрінформ"),
    ("Fuente", "EFE", "source", "EFE"),
    ("Fonte:", "ANSA", "source", "ANSA"),
    ("**Source:**", "Korsa Herald", "source", "Korsa Herald"),
    ("Source", "agencies", "source", None),
    ("Sources:", "Korsa Herald, Nordwire", "sources", None),
    ("Photo credit:", "Jan Holm / Nordwire", "photo", None),
    ("Photo", "Korsa Herald", "photo", None),
    ("Credit", "Lindhaven City Archive", "credit", None),
]


@pytest.mark.parametrize("label,value,kind,name", LABELS)
def test_label_and_value_on_two_lines(label, value, kind, name):
    c = label_value_credit(label, value)
    assert isinstance(c, LabelCredit)
    assert (c.kind, c.value, c.name) == (kind, value, name)
    assert c.joined.endswith(": " + value)


def test_translation_label_reads_the_credit():
    c = label_value_credit("Перевод", "Google Translate")
    assert c is not None and c.kind == "translation"
    assert c.translation is not None and c.translation.who == "Google Translate" and c.translation.machine


@pytest.mark.parametrize("label,value", [
    ("Source", "The ministry said on Monday that the port of Lindhaven would reopen after repairs."),
    ("Source", "of the river Lind, which rises in the hills above Varnia"),
    ("Source", ""),
    ("Source:", None),
    ("Source: Nordwire", "The port reopened."),  # a one-line credit: line_patterns' source-line
    ("Photo:", "Source:"),
    ("Background", "Nordwire"),
    ("Source", "Figures from the Korsan trade ministry, Lindhaven office, published on 14 March by the agency"),
])
def test_not_a_label_credit(label, value):
    assert label_value_credit(label, value) is None


# -- translation_credit --------------------------------------------------------------------------------

MT = [
    # line, who, language as written (capitalised), ISO code, machine
    ("Перевод: Google Translate", "Google Translate", None, None, True),
    ("Переклад: DeepL", "DeepL", None, None, True),
    ("机器翻译", "unknown", None, None, True),
    ("本文由谷歌翻译提供", "谷歌翻译", None, None, True),
    ("この記事は機械翻訳されました", "unknown", None, None, True),
    ("ترجمة آلية", "unknown", None, None, True),
    ("Μετάφραση: Google", "Google", None, None, True),
    ("Übersetzt mit DeepL", "DeepL", None, None, True),
    ("Translated by Google Translate", "Google Translate", None, None, True),
    ("Machine translation by DeepL", "DeepL", None, None, True),
    ("This article was machine-translated from Ukrainian", "unknown", "Ukrainian", "uk", True),
    ("Автоматический перевод с украинского", "unknown", "Украинского", "uk", True),
    ("Тhis text was translated automatically", "unknown", None, None, True),  # Cyrillic "Т"
    ("Traducción automática del ucraniano", "unknown", "Ucraniano", "uk", True),
    ("Translated from German by DeepL", "DeepL", "German", "de", True),
    ("Translated from Varnian by Machine", "Machine", "Varnian", None, True),
    # human translations
    ("Aus dem Ukrainischen übersetzt von Jonas Weber", "Jonas Weber", "Ukrainischen", "uk", False),
    ("Traduit de l'anglais par Marie Dupont", "Marie Dupont", "Anglais", "en", False),
    ("Переведено с украинского", "unknown", "Украинского", "uk", False),
    ("Translated by Anna Kowal", "Anna Kowal", None, None, False),
]


@pytest.mark.parametrize("line,who,lang,code,machine", MT)
def test_translation_credits_in_any_script(line, who, lang, code, machine):
    t = translation_credit(line)
    assert t is not None
    assert (t.who, t.language, t.language_code, t.machine) == (who, lang, code, machine)


@pytest.mark.parametrize("line", [
    "Translation",
    "Перевод",
    "Перевод — это сложная работа",
    "Машинный перевод — это технология будущего",
    "Traduit par le parquet de Lindhaven, il a nié les faits.",
    "The translation of the Korsan treaty took three weeks, the ministry said.",
])
def test_not_a_translation_credit(line):
    assert translation_credit(line) is None


def test_language_codes_and_homoglyphs():
    assert [language_code(n) for n in ("Ukrainian", "Ukrainischen", "украинского", "ukrainien", "Varnian")] \
        == ["uk", "uk", "uk", "uk", None]
    assert fold_homoglyphs("Тhis text") == "This text"
    assert fold_homoglyphs("Текст") == "Текст"  # wholly Cyrillic words are left alone
