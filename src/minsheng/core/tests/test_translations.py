"""Chinese is the primary language: every catalogue entry must be translated."""

from pathlib import Path

import polib
import pytest

PACKAGE = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(PACKAGE.glob("*/locale/zh_Hans/LC_MESSAGES/django.po"))


def test_every_app_has_a_chinese_catalogue():
    apps = {path.parent.name for path in PACKAGE.glob("*/apps.py")}
    assert apps == {path.parents[3].name for path in CATALOGUES}


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: p.parents[3].name)
def test_every_string_is_translated(catalogue):
    po = polib.pofile(str(catalogue))
    untranslated = [entry.msgid for entry in po if not entry.translated()]
    assert untranslated == []


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: p.parents[3].name)
def test_translations_keep_every_placeholder(catalogue):
    import re

    placeholder = re.compile(r"%\(\w+\)[sdr]")
    for entry in polib.pofile(str(catalogue)):
        translated = entry.msgstr or entry.msgstr_plural.get(0, "")
        assert set(placeholder.findall(entry.msgid)) == set(placeholder.findall(translated)), (
            entry.msgid
        )


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: p.parents[3].name)
def test_no_translation_is_a_guess_from_a_similar_string(catalogue):
    # gettext marks such guesses fuzzy and keeps the old msgid; one kept by mistake shows a
    # Chinese text that says something else.
    guesses = [e.msgid for e in polib.pofile(str(catalogue)) if e.previous_msgid or e.fuzzy]
    assert guesses == []
