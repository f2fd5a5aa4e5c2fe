"""The interface in English, German and Japanese: complete catalogues, intact placeholders,
translated pages, and a language choice that sticks.

The catalogues are compiled by `make` (see the Makefile); when the tests run without it, or the
.po files changed since, the session fixture below compiles them the same way.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from babel.messages import frontend
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from matchmaker.extensions import babel
from matchmaker.models import Role
from tests.conftest import get_user

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = PROJECT_ROOT / "matchmaker" / "translations"
LOCALES = ("de", "ja")
# The same keywords as `make translations` (babel.cfg names them too, for newer Babel).
KEYWORDS = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None}
# printf-style conversions as Python's `%` operator reads them (Jinja's `_()` always applies
# it, so a stray `%` in a translation breaks the page).
PLACEHOLDER = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?[#0 +-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?[diouxXeEfFgGcrsa%]"
)


def catalogue_path(locale: str, suffix: str = ".po") -> Path:
    return TRANSLATIONS / locale / "LC_MESSAGES" / f"messages{suffix}"


def read_catalogue(locale: str):
    with catalogue_path(locale).open("rb") as po_file:
        return read_po(po_file, locale=locale)


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogues() -> None:
    """Compile a catalogue whose .mo is missing or older than its .po (as `make` would)."""
    for locale in LOCALES:
        po_path, mo_path = catalogue_path(locale), catalogue_path(locale, ".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        catalogue = read_catalogue(locale)
        # Written aside and renamed, so that parallel test workers never read half a file.
        handle, temporary = tempfile.mkstemp(dir=mo_path.parent, suffix=".mo.tmp")
        with os.fdopen(handle, "wb") as mo_file:
            write_mo(mo_file, catalogue)
        os.replace(temporary, mo_path)


@pytest.fixture(autouse=True)
def _fresh_translations():
    # Flask-Babel caches loaded catalogues per process and locale, whichever app loaded
    # them; an earlier test in this worker may have cached them before they were compiled.
    # (`domain_instance` is created on first use, inside a request.)
    def forget() -> None:
        domain = vars(babel).get("domain_instance")
        if domain is not None:
            domain.cache.clear()

    forget()
    yield
    forget()


def extracted_messages() -> dict[str, list[str]]:
    """Every message id in the Python code and the templates, with where it is used."""
    parse_mapping = getattr(frontend, "parse_mapping_cfg", None) or frontend.parse_mapping
    with (PROJECT_ROOT / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping(config)
    found: dict[str, list[str]] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(PROJECT_ROOT), method_map, options_map, keywords=KEYWORDS
    ):
        message_id = message if isinstance(message, str) else message[0]
        if message_id:
            found.setdefault(message_id, []).append(f"{filename}:{lineno}")
    return found


def test_babel_reads_the_catalogues_next_to_the_package(app):
    assert app.extensions["babel"].translation_directories == [str(TRANSLATIONS)]


def test_extraction_finds_python_templates_plurals_and_lazy_strings():
    messages = extracted_messages()
    assert "Log in" in messages  # templates and forms
    assert "Enter a valid email address." in messages  # lazy_gettext as _l
    assert "%(num)d organisation" in messages  # ngettext in a template
    assert not any("templates/mail/" in where for places in messages.values() for where in places)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_message_is_translated(locale):
    catalogue = read_catalogue(locale)
    assert not catalogue.fuzzy, f"the {locale} catalogue header is marked fuzzy"
    problems = []
    for message_id, places in sorted(extracted_messages().items()):
        entry = catalogue.get(message_id)
        strings = [] if entry is None else entry.string
        strings = [strings] if isinstance(strings, str) else list(strings)
        if entry is None:
            problem = "missing"
        elif entry.fuzzy:
            problem = "fuzzy"
        elif not all(strings) or (entry.pluralizable and len(strings) != catalogue.num_plurals):
            problem = "untranslated"
        else:
            continue
        problems.append(f"{problem}: {message_id!r} ({places[0]})")
    assert not problems, (
        f"{len(problems)} messages need a {locale} translation; run `make translations`, "
        "translate them in matchmaker/translations/ (docs/translations.md):\n" + "\n".join(problems)
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_translations_keep_the_placeholders(locale):
    problems = []
    for entry in read_catalogue(locale):
        if not entry.id:
            continue
        # The plural id carries the placeholders every form needs (%(num)d).
        source = entry.id[-1] if entry.pluralizable else entry.id
        expected = Counter(match.group() for match in PLACEHOLDER.finditer(source))
        strings = entry.string if entry.pluralizable else (entry.string,)
        for string in strings:
            if not string:
                continue  # reported by test_every_message_is_translated
            found = Counter(match.group() for match in PLACEHOLDER.finditer(string))
            if found != expected or "%" in PLACEHOLDER.sub("", string):
                problems.append(f"{entry.id!r}: {string!r}")
    assert not problems, "placeholders differ from the English:\n" + "\n".join(problems)


def test_plural_forms_follow_each_language():
    assert read_catalogue("de").num_plurals == 2
    assert read_catalogue("ja").num_plurals == 1


# --- pages ------------------------------------------------------------------------------------


def choose_language(client, locale: str, next_url: str = "/"):
    return client.submit("/language", {"locale": locale, "next": next_url})


def heading(page: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
    assert match, "the page has a heading"
    return match.group(1).strip()


TRANSLATED = {
    # path: {locale: text the page shows}, beside the translated navigation
    "/auth/login": {"en": "Log in", "de": "Anmelden", "ja": "ログイン"},
    "/startup/": {
        "en": "Startup dashboard",
        "de": "Dashboard für Startups",
        "ja": "スタートアップ用ダッシュボード",
    },
    "/corporate/": {
        "en": "Company dashboard",
        "de": "Dashboard für Unternehmen",
        "ja": "企業ダッシュボード",
    },
    "/staff/": {
        "en": "Profiles to review",
        "de": "Zu prüfende Profile",
        "ja": "審査するプロフィール",
    },
}
NAVIGATION = {
    "de": ("Benachrichtigungen", "Abmelden", "Datenschutzhinweise"),
    "ja": ("お知らせ", "ログアウト", "個人情報の取り扱い"),
}


@pytest.mark.parametrize("locale", LOCALES)
def test_login_page_in_the_chosen_language(client, locale):
    response = choose_language(client, locale, "/auth/login")
    assert response.status_code == 302
    assert response.headers["Location"] == "/auth/login"
    page = client.get("/auth/login").get_data(as_text=True)
    assert f'<html lang="{locale}">' in page
    assert heading(page) == TRANSLATED["/auth/login"][locale]
    assert "Forgot your password?" not in page
    # The email field's label comes from a lazy string in the form.
    assert {"de": "E-Mail-Adresse", "ja": "メールアドレス"}[locale] in page


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(
    ("role", "path"),
    [(Role.STARTUP, "/startup/"), (Role.CORPORATE, "/corporate/"), (Role.STAFF, "/staff/")],
)
def test_dashboards_in_the_chosen_language(client, make_user, role, path, locale):
    make_user(role, email="someone@example.com")
    client.login("someone@example.com")
    english = client.get(path).get_data(as_text=True)
    assert TRANSLATED[path]["en"] in english

    response = choose_language(client, locale, path)
    assert response.headers["Location"] == path
    page = client.get(path).get_data(as_text=True)
    assert f'<html lang="{locale}">' in page
    assert TRANSLATED[path][locale] in page
    assert TRANSLATED[path]["en"] not in page
    for text in NAVIGATION[locale]:
        assert text in page
    assert "Log out" not in page


def test_the_switch_is_on_every_page_and_marks_the_current_language(client):
    page = client.get("/privacy").get_data(as_text=True)
    assert 'action="/language"' in page
    for code, name in (("en", "English"), ("de", "Deutsch"), ("ja", "日本語")):
        assert re.search(rf'<button[^>]*value="{code}" lang="{code}"[^>]*>{name}</button>', page)
    assert re.search(r'<button[^>]*value="en"[^>]*aria-current="true"', page)
    choose_language(client, "ja", "/privacy")
    page = client.get("/privacy").get_data(as_text=True)
    assert re.search(r'<button[^>]*value="ja"[^>]*aria-current="true"', page)
    assert not re.search(r'<button[^>]*value="en"[^>]*aria-current="true"', page)


def test_the_choice_is_remembered_for_the_account(app, client, make_user):
    make_user(Role.STARTUP, email="lena@voltcell.example")
    client.login("lena@voltcell.example")
    choose_language(client, "de", "/startup/")
    assert get_user(app, "lena@voltcell.example").locale == "de"

    # A new browser, with a Japanese Accept-Language: the account's choice still wins.
    app.test_client_class = type(client)
    other_browser = app.test_client()
    other_browser.login("lena@voltcell.example")
    page = other_browser.get("/startup/", headers={"Accept-Language": "ja"}).get_data(as_text=True)
    assert TRANSLATED["/startup/"]["de"] in page
    assert '<html lang="de">' in page


def test_anonymous_visitors_get_their_browsers_language(client):
    page = client.get("/", headers={"Accept-Language": "ja,en;q=0.5"}).get_data(as_text=True)
    assert '<html lang="ja">' in page
    assert "スタートアップとして登録" in page
    page = client.get("/", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert '<html lang="en">' in page
    assert "Register a startup" in page


def test_a_chosen_language_beats_the_browsers(client):
    choose_language(client, "de")
    page = client.get("/", headers={"Accept-Language": "ja"}).get_data(as_text=True)
    assert '<html lang="de">' in page
    assert "Startup registrieren" in page


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "", "/\\evil"])
def test_the_switch_only_returns_to_pages_of_this_site(client, target):
    response = choose_language(client, "de", target)
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_the_switch_ignores_unknown_languages_and_refuses_missing_tokens(client):
    choose_language(client, "ja")
    response = choose_language(client, "fr", "/privacy")
    assert response.status_code == 302
    assert response.headers["Location"] == "/privacy"
    assert client.post("/language", data={"locale": "de"}).status_code == 400
    page = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert '<html lang="ja">' in page


def test_the_login_prompt_is_in_the_visitors_language(client):
    response = client.get("/startup/", headers={"Accept-Language": "de"}, follow_redirects=True)
    assert "Bitte melden Sie sich an" in response.get_data(as_text=True)
