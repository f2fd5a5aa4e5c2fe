"""Page speed at scale: does every page answer fast with thousands of profiles?

What it does:

1. Builds a fresh database (migrated with the app's Alembic revisions) holding a world at
   the chosen scale: by default 3,000 validated startups and 300 validated companies with
   1-3 open needs each, plus a few profiles and needs waiting for staff. Everything goes
   through the app's own services (profiles saved, reviewed and approved, account managers
   assigned, `rebuild_matches()` ranking every need, introductions walked through their
   states as `services/demo.py` does, companies saving and dismissing ranked startups), so
   the rows are the ones the app would store. The texts are synthetic but matchable:
   sentences built from the matching glossary's terms (`matching/data/glossary.tsv`), most
   in English, some in German and Japanese.
2. Logs in as staff, an admin, a company and a startup (a real POST to /auth/login with
   the page's CSRF token, as a browser would) and times GET requests of every page each
   role sees (plus the public pages): one warm-up request, then `--repeat` timed ones.
3. Prints one line per page: `page  role  status  median_ms  max_ms  statements`, where
   statements is the number of SQL statements one request runs (counted with a
   `before_cursor_execute` listener). A page with N+1 queries shows up as a count that
   grows with the data: run it at two scales and compare. The GET routes the script does
   not time are listed with the reason, and any route it does not know is reported.

Exits with status 1 when a page answers with another status than expected (200, or the
redirect that page should give).

Run it (from the repository root, with the project's virtual environment):

    make bench-pages                                  # default scale, temporary SQLite file
    python bench/pages.py --startups 1000 --corporates 100
    createdb -h 127.0.0.1 -U postgres mmpages
    python bench/pages.py --database-url postgresql://postgres@127.0.0.1:5432/mmpages
    # build once into a file you name, then time again without rebuilding:
    python bench/pages.py --database-url sqlite:////tmp/pages.sqlite3
    python bench/pages.py --database-url sqlite:////tmp/pages.sqlite3 --reuse --only /staff

The database must be empty (a new SQLite file, a new PostgreSQL database) unless
`--reuse` times a world this script built before. Building the default world takes a few
minutes on two cores, most of it ranking and walking the introductions.
"""

from __future__ import annotations

import argparse
import io
import math
import multiprocessing
import re
import secrets
import statistics
import sys
import tempfile
import time
import traceback
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from random import Random

import sqlalchemy as sa
from flask import Flask, current_app
from flask.testing import FlaskClient
from flask_migrate import upgrade
from PIL import Image

from matchmaker import create_app
from matchmaker.config import _normalise_database_url
from matchmaker.extensions import db
from matchmaker.models import (
    Introduction,
    IntroductionEvent,
    IntroductionStatus,
    MarkKind,
    Match,
    Meeting,
    Need,
    NeedStartupMark,
    NeedStatus,
    Organization,
    OrganizationKind,
    ProfileStatus,
    Role,
    TimeHorizon,
    User,
    utcnow,
)
from matchmaker.services import demo, profiles, shortlists
from matchmaker.services import demo_data as names
from matchmaker.services import introductions as intros
from matchmaker.services.accounts import hash_password
from matchmaker.services.matching import matchable_needs_query, rebuild_matches
from matchmaker.services.profiles import NeedData, ProfileData
from matchmaker.taxonomy import vocabulary

REPO = Path(__file__).resolve().parent.parent
GLOSSARY = REPO / "matchmaker" / "matching" / "data" / "glossary.tsv"
SEED = 4242
PASSWORD = "bench-pages-2026"
STAFF_EMAIL = "staff1@japandesk.pages.example"
ADMIN_EMAIL = "admin@japandesk.pages.example"
STAFF_NAMES = ("Anna Berg", "Kenta Ishii", "Mara Winter", "Daiki Mori", "Lea Schulz", "Yui Sato")
S = IntroductionStatus


def startup_email(index: int) -> str:
    return f"founder{index:05d}@startups.pages.example"


def corporate_email(index: int) -> str:
    return f"manager{index:04d}@companies.pages.example"


# Who logs in for each role: the benchmark's company and startup come first in their lists.
LOGINS = {
    "staff": STAFF_EMAIL,
    "admin": ADMIN_EMAIL,
    "corporate": corporate_email(0),
    "startup": startup_email(0),
}


# --- synthetic but matchable text ------------------------------------------------------


@dataclass(frozen=True)
class Concept:
    id: str
    kind: str  # industry, technology or business
    broader: tuple[str, ...]
    terms: dict[str, tuple[str, ...]]  # language -> terms, the label first


def read_glossary() -> dict[str, Concept]:
    concepts = {}
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        concept, kind, broader, *terms = line.split("\t")
        concepts[concept] = Concept(
            concept,
            kind,
            tuple(broader.split()),
            {lang: tuple(t.split("|")) for lang, t in zip(("en", "de", "ja"), terms, strict=True)},
        )
    return concepts


DESCRIPTION = {
    "en": (
        "Our platform combines {a} with {b}.",
        "Customers in {i} use our {b} to cut costs and downtime.",
        "We started with {a} and now also offer {c}.",
        "Our team of {team} has built {b} systems since {founded}.",
        "Pilots with {i} customers in three countries prove that {a} pays off within a year.",
    ),
    "de": (
        "Unsere Plattform verbindet {a} mit {b}.",
        "Kunden aus dem Bereich {i} senken mit unserer Lösung für {b} Kosten und Ausfallzeiten.",
        "Wir haben mit {a} begonnen und bieten heute auch {c} an.",
        "Unser Team aus {team} Personen baut seit {founded} Systeme für {b}.",
    ),
    "ja": (
        "当社のプラットフォームは{a}と{b}を組み合わせています。",
        "{i}のお客様は当社の{b}でコストとダウンタイムを削減しています。",
        "{a}から始め、現在は{c}も提供しています。",
        "{team}名のチームが{founded}年から{b}のシステムを構築しています。",
    ),
}
STARTUP_OPENING = {
    "en": "{name} develops {a} for the {i} industry.",
    "de": "{name} entwickelt {a} für die Branche {i}.",
    "ja": "{name}は{i}向けに{a}を開発しています。",
}
OFFERS = {
    "en": (
        "{a} software and integration.",
        "Pilot projects with {i} customers.",
        "{b} as a service.",
    ),
    "de": ("Software und Integration für {a}.", "Pilotprojekte im Bereich {i}.", "{b} als Dienst."),
    "ja": ("{a}のソフトウェアと導入支援。", "{i}のお客様との実証実験。", "{b}のサービス提供。"),
}
SEEKS = {
    "en": (
        "A Japanese partner in {i} for a pilot of our {a}.",
        "Access to {i} customers in Japan.",
        "A partner for {business}.",
    ),
    "de": (
        "Einen japanischen Partner im Bereich {i} für ein Pilotprojekt zu {a}.",
        "Zugang zu Kunden aus dem Bereich {i} in Japan.",
        "Einen Partner für {business}.",
    ),
    "ja": (
        "{a}の実証実験を行う{i}分野の日本のパートナー。",
        "日本の{i}分野のお客様へのアクセス。",
        "{business}のパートナー。",
    ),
}
CORPORATE_DESCRIPTION = {
    "en": "{name} is the European subsidiary of {parent}, headquartered in {hq}. The group is "
    "active in {i} and {i2}. From {city}, around {team} people serve customers across Europe.",
    "de": "{name} ist die europäische Tochtergesellschaft der {parent} mit Sitz in {hq}. Die "
    "Gruppe ist in den Bereichen {i} und {i2} tätig. Von {city} aus betreuen rund {team} "
    "Beschäftigte Kunden in ganz Europa.",
    "ja": "{name}は{hq}に本社を置く{parent}の欧州子会社です。グループは{i}と{i2}の分野で事業を"
    "展開しています。{city}を拠点に約{team}名で欧州のお客様を支えています。",
}
CORPORATE_OFFERS = {
    "en": "Access to our {i} customers in Japan and Europe, test sites and co-development.",
    "de": "Zugang zu unseren Kunden im Bereich {i} in Japan und Europa, Testflächen und "
    "gemeinsame Entwicklung.",
    "ja": "日本と欧州の{i}分野の顧客へのアクセス、実証の場、共同開発。",
}
CORPORATE_SEEKS = {
    "en": "Startups with {a} and {b} for our {i} business.",
    "de": "Startups mit {a} und {b} für unser Geschäft im Bereich {i}.",
    "ja": "{i}事業に向けた{a}と{b}のスタートアップ。",
}
NEED_TITLE = {
    "en": "{A} for our {i} business",
    "de": "{A} für unser Geschäft im Bereich {i}",
    "ja": "{i}事業向けの{a}",
}
NEED_DESCRIPTION = {
    "en": "We seek a partner for {a} and {b}. Our {i} sites in Europe want to start a pilot "
    "within {months} months; experience with {c} would be a plus.",
    "de": "Wir suchen einen Partner für {a} und {b}. Unsere Standorte im Bereich {i} wollen "
    "innerhalb von {months} Monaten ein Pilotprojekt starten; Erfahrung mit {c} wäre ein Plus.",
    "ja": "{a}と{b}のパートナーを探しています。欧州の{i}拠点で{months}か月以内に実証実験を"
    "始めたいと考えています。{c}の知見があれば歓迎します。",
}
NAME_PREFIXES = (
    "Volt", "Nexa", "Kobo", "Lumi", "Terra", "Aero", "Quanta", "Flux", "Sora", "Hika",
    "Mira", "Vero", "Astra", "Cura", "Neo", "Opti", "Robo", "Senso", "Grid", "Hydro",
    "Agri", "Medi", "Logi", "Bio", "Cyber", "Eco", "Helio", "Kine", "Tekto", "Umi",
    "Zen", "Pixa", "Orbi", "Fabri", "Vita", "Strato", "Nano", "Ferro", "Cirra", "Modu",
)  # fmt: skip
SECOND_WORDS = ("", "", "Systems", "Labs", "Technologies", "Analytics", "Robotics", "AI")
PARTNERSHIPS = ("pilot", "joint_development", "distribution", "supplier", "licensing", "investment")


class TextMaker:
    """Profiles and needs from the glossary: an industry, a few technologies related to it
    (by the glossary's `broader` links) and a business concept, each said in one of its
    terms, in the profile's language; taxonomy tags from the same concepts."""

    def __init__(self, rng: Random):
        self.rng = rng
        self.concepts = read_glossary()
        related: dict[str, list[str]] = defaultdict(list)
        for concept in self.concepts.values():
            if concept.kind != "industry":
                for industry in self._ancestors(concept.id):
                    related[industry].append(concept.id)
        self.related = {key: sorted(ids) for key, ids in related.items() if len(ids) >= 3}
        self.sectors = sorted(self.related)
        self.business = sorted(c.id for c in self.concepts.values() if c.kind == "business")
        self.tags = {name: self._tag_map(name) for name in ("industries", "technologies")}

    def _ancestors(self, concept_id: str) -> set[str]:
        seen: set[str] = set()
        todo = list(self.concepts[concept_id].broader)
        while todo:
            current = todo.pop()
            if current in self.concepts and current not in seen:
                seen.add(current)
                todo.extend(self.concepts[current].broader)
        return seen

    def _tag_map(self, name: str) -> dict[str, list[str]]:
        """Concept id -> taxonomy term ids whose English label names one of its terms
        (else those of a broader concept)."""
        labels = {term.id: term.label("en").lower() for term in vocabulary(name).active_terms()}

        def direct(concept: Concept) -> list[str]:
            words = [t for t in concept.terms["en"] if len(t) >= 4]
            return [
                term_id
                for term_id, label in labels.items()
                if term_id == concept.id
                or any(re.search(rf"\b{re.escape(word)}\b", label) for word in words)
            ]

        mapping = {}
        for concept in self.concepts.values():
            found = direct(concept)
            for broader in sorted(self._ancestors(concept.id)):
                found = found or direct(self.concepts[broader])
            mapping[concept.id] = found
        return mapping

    def term(self, concept_id: str, lang: str) -> str:
        term = self.rng.choice(self.concepts[concept_id].terms[lang][:3])
        # The glossary writes German nouns in lower case.
        return term[:1].upper() + term[1:] if lang == "de" else term

    def words(self, sector: str, lang: str) -> tuple[dict[str, str], tuple[str, ...]]:
        """Terms for one profile or need, by template name: i (the industry), a, b, c
        (related technologies), business; and the concepts (industry, a, b, c)."""
        a, b, c = self.rng.sample(self.related[sector], 3)
        words = {
            "i": self.term(sector, lang),
            "a": self.term(a, lang),
            "b": self.term(b, lang),
            "c": self.term(c, lang),
            "business": self.term(self.rng.choice(self.business), lang),
        }
        return words, (sector, a, b, c)

    def tag_ids(self, name: str, concepts: tuple[str, ...], limit: int) -> tuple[str, ...]:
        found = dict.fromkeys(t for concept in concepts for t in self.tags[name][concept])
        if not found:
            found = {self.rng.choice(vocabulary(name).active_terms()).id: None}
        return tuple(found)[:limit]


# --- the plan of the world ---------------------------------------------------------------


@dataclass
class Plan:
    kind: OrganizationKind
    email: str
    full_name: str
    profile: ProfileData
    status: ProfileStatus = ProfileStatus.APPROVED
    # (need, review status, need status)
    needs: list[tuple[NeedData, ProfileStatus, NeedStatus]] = field(default_factory=list)


def _person(rng: Random, country: str) -> str:
    origin = names.NAME_ORIGIN.get(country, "en")
    return f"{rng.choice(names.FIRST_NAMES[origin])} {rng.choice(names.LAST_NAMES[origin])}"


def startup_plans(rng: Random, text: TextMaker, count: int) -> list[Plan]:
    brands = [
        f"{prefix}{ending}" + (f" {second}" if second else "")
        for prefix in NAME_PREFIXES
        for ending in names.NAME_ENDINGS
        for second in SECOND_WORDS
    ]
    brands = list(dict.fromkeys(brands))
    rng.shuffle(brands)
    extra = max(2, count // 100)  # waiting for staff or sent back: the queue has work
    plans = []
    for index in range(count + extra):
        brand = brands[index % len(brands)]
        if index >= len(brands):
            brand = f"{brand} {index // len(brands) + 1}"
        city, country, _ = demo._weighted(rng, names.STARTUP_CITIES)
        lang = (
            "ja" if country == "JP" else ("de" if country == "DE" and rng.random() < 0.3 else "en")
        )
        founded = rng.randint(2012, 2025)
        stage = demo._stage(rng, founded)
        team = rng.randint(*demo.TEAM_SIZES[stage])
        sector = rng.choice(text.sectors)
        words, concepts = text.words(sector, lang)
        values = {**words, "name": brand, "team": team, "founded": founded}
        picks = rng.sample(DESCRIPTION[lang], 2)
        description = " ".join(s.format(**values) for s in (STARTUP_OPENING[lang], *picks))
        languages = dict.fromkeys(("en", lang, "de" if country == "DE" else "en"))
        form = rng.choice(names.LEGAL_FORMS.get(country, ("Ltd",)))
        slug = demo._slug(brand)
        contact = _person(rng, country)
        partnerships = rng.sample(PARTNERSHIPS, 2)
        if country != "JP" and rng.random() < 0.3:
            partnerships.append("market_entry_japan")
        profile = ProfileData(
            name=f"{brand} {form}",
            website=f"https://{slug}-{index}.example",
            country=country,
            city=city,
            description=description,
            offers=" ".join(s.format(**values) for s in rng.sample(OFFERS[lang], 2)),
            seeks=rng.choice(SEEKS[lang]).format(**values),
            text_language=lang,
            founded_year=founded,
            team_size=team,
            stage=stage,
            funding_status=rng.choice(names.FUNDING_BY_STAGE[stage]),
            accepts_proposals=index == 0 or rng.random() > 0.02,
            contact_name=contact,
            contact_role=rng.choice(names.STARTUP_ROLES),
            contact_email=f"contact@{slug}-{index}.example",
            contact_phone=f"{names.PHONE_PREFIXES[country]} {rng.randint(1000, 9999)} 123",
            industries=text.tag_ids("industries", concepts[:1], 2),
            technologies=text.tag_ids("technologies", concepts[1:], 3),
            partnership_types=tuple(partnerships),
            languages=tuple(languages),
        )
        plan = Plan(OrganizationKind.STARTUP, startup_email(index), contact, profile)
        if index >= count:
            plan.status = ProfileStatus.PENDING if index % 3 else ProfileStatus.CHANGES_REQUESTED
        plans.append(plan)
    return plans


def corporate_plans(rng: Random, text: TextMaker, count: int) -> list[Plan]:
    companies = [
        (family, business)
        for family in names.CORPORATE_FAMILIES
        for business in sorted(names.BUSINESSES)
    ]
    rng.shuffle(companies)
    extra = max(1, count // 100)
    plans = []
    for index in range(count + extra):
        family, business_key = companies[index % len(companies)]
        word = names.BUSINESSES[business_key]["word"]
        if index >= len(companies):
            word = f"{word} {index // len(companies) + 1}"
        city, country, _ = demo._weighted(rng, names.CORPORATE_CITIES)
        lang = rng.choices(("en", "de", "ja"), weights=(6, 2, 2))[0]
        name = f"{family} {word} Europe {'B.V.' if country == 'NL' else 'GmbH'}"
        parent = f"{family} {word} {rng.choice(('Co., Ltd.', 'Corporation', 'Industries, Ltd.'))}"
        team = rng.choice((18, 25, 40, 60, 85, 120, 150, 240, 380, 650))
        sector, second = rng.sample(text.sectors, 2)
        words, concepts = text.words(sector, lang)
        values = {
            **words,
            "name": name,
            "parent": parent,
            "hq": rng.choice(names.HQ_CITIES),
            "city": city,
            "team": team,
            "i2": text.term(second, lang),
        }
        first_stage = rng.randrange(len(demo.STAGES) - 2)
        contact = _person(rng, "JP" if rng.random() < 0.7 else country)
        slug = demo._slug(f"{family} {word}")
        profile = ProfileData(
            name=name,
            website=f"https://{slug}.example",
            country=country,
            city=city,
            description=CORPORATE_DESCRIPTION[lang].format(**values),
            offers=CORPORATE_OFFERS[lang].format(**values),
            seeks=CORPORATE_SEEKS[lang].format(**values),
            text_language=lang,
            founded_year=rng.randint(1972, 2019),
            team_size=team,
            parent_company=parent,
            decision_path=rng.choice(demo.DECISION_PATHS),
            is_name_public=rng.random() < 0.6,
            contact_name=contact,
            contact_role=rng.choice(names.CORPORATE_ROLES),
            contact_email=f"contact@{slug}.example",
            contact_phone=f"{names.PHONE_PREFIXES[country]} {rng.randint(1000, 9999)} 456",
            industries=text.tag_ids("industries", (sector, second), 2),
            technologies=text.tag_ids("technologies", concepts[1:], 3),
            languages=tuple(dict.fromkeys(("en", lang, "ja"))),
            stages=demo.STAGES[first_stage : first_stage + rng.randint(2, 3)],
        )
        plan = Plan(OrganizationKind.CORPORATE, corporate_email(index), contact, profile)
        # The benchmark's company has three needs; the others one to three.
        for _ in range(3 if index == 0 else rng.choice((1, 1, 2, 2, 3))):
            plan.needs.append((_need(rng, text, rng.choice((sector, second)), lang), *_states(rng)))
        if index >= count:
            plan.status = ProfileStatus.PENDING
        plans.append(plan)
    plans[0].needs = [
        (need, ProfileStatus.APPROVED, NeedStatus.OPEN) for need, *_ in plans[0].needs
    ]
    return plans


def _states(rng: Random) -> tuple[ProfileStatus, NeedStatus]:
    """Most needs are validated and open; a few wait for staff or are paused."""
    draw = rng.random()
    if draw < 0.03:
        return ProfileStatus.PENDING, NeedStatus.OPEN
    if draw < 0.05:
        return ProfileStatus.APPROVED, NeedStatus.PAUSED
    return ProfileStatus.APPROVED, NeedStatus.OPEN


def _need(rng: Random, text: TextMaker, sector: str, lang: str) -> NeedData:
    words, concepts = text.words(sector, lang)
    values = {**words, "A": words["a"][:1].upper() + words["a"][1:], "months": rng.randint(3, 12)}
    return NeedData(
        title=NEED_TITLE[lang].format(**values)[:200],
        description=NEED_DESCRIPTION[lang].format(**values),
        text_language=lang,
        time_horizon=rng.choice(tuple(TimeHorizon)),
        technologies=text.tag_ids("technologies", concepts[1:3], 2),
        partnership_types=tuple(rng.sample(PARTNERSHIPS[:3], rng.choice((1, 2)))),
    )


# --- building the database ---------------------------------------------------------------


@contextmanager
def quick_commits() -> Iterator[None]:
    """The services commit every step; a benchmark database need not wait for the disk at
    each commit (the worst case is building it again)."""
    dialect = db.engine.dialect.name
    on, off = {
        "sqlite": ("PRAGMA synchronous = FULL", "PRAGMA synchronous = OFF"),
        "postgresql": ("SET synchronous_commit TO ON", "SET synchronous_commit TO OFF"),
    }.get(dialect, (None, None))
    if off:
        db.session.execute(sa.text(off))
        db.session.commit()
    try:
        yield
    finally:
        db.session.rollback()
        if on:
            db.session.execute(sa.text(on))
            db.session.commit()


def log(message: str, started: float) -> None:
    print(f"[{time.perf_counter() - started:6.1f} s] {message}", file=sys.stderr, flush=True)


def build_world(startups: int, corporates: int, introductions: int) -> None:
    """Fill an empty, migrated database (inside a request context: services render links)."""
    started = time.perf_counter()
    rng = Random(SEED)
    text = TextMaker(rng)
    corporate_side = corporate_plans(rng, text, corporates)
    startup_side = startup_plans(rng, text, startups)
    with demo._mail_kept_back(), quick_commits():
        world = _create_people(rng)
        password_hash = world.user(world.admin_id).password_hash  # hashed once
        for number, plan in enumerate(corporate_side + startup_side):
            organization_id, user_id = _create_organization(plan, world, password_hash)
            world.user_of[organization_id] = user_id
            ids = (
                world.startup_ids if plan.kind is OrganizationKind.STARTUP else world.corporate_ids
            )
            ids.append(organization_id)
            if number % 500 == 499:
                log(f"{number + 1} organisations", started)
        _assign_account_managers(world)
        _set_logo(world.startup_ids[0])
        log("organisations, needs and account managers done", started)
        result = rebuild_matches()
        db.session.expunge_all()
        log(f"rebuild_matches: {result.matches} rows for {result.needs} needs", started)
        candidates = demo._candidates(world)
        _create_introductions(world, candidates, introductions)
        log("introductions done", started)
        marks = _create_marks(world, candidates)
        log(f"{marks} saved / dismissed marks done", started)
        demo._age_profiles(world)
        db.session.commit()
    log("world built", started)


def _create_people(rng: Random) -> demo.World:
    password_hash = hash_password(PASSWORD)
    admin = User(email=ADMIN_EMAIL, full_name="Aiko Admin", role=Role.ADMIN)
    staff = [
        User(email=f"staff{number}@japandesk.pages.example", full_name=name, role=Role.STAFF)
        for number, name in enumerate(STAFF_NAMES, start=1)
    ]
    for user in (admin, *staff):
        user.password_hash = password_hash
        user.email_confirmed_at = utcnow()
        db.session.add(user)
    db.session.commit()
    return demo.World(rng, admin.id, [user.id for user in staff])


def _create_organization(plan: Plan, world: demo.World, password_hash: str) -> tuple[int, int]:
    """One organisation with its user and needs, saved and reviewed through the services."""
    staff = world.user(world.staff_ids[0])
    organization = Organization(name=plan.profile.name, kind=plan.kind)
    user = User(
        email=plan.email,
        full_name=plan.full_name,
        role=Role.STARTUP if plan.kind is OrganizationKind.STARTUP else Role.CORPORATE,
        organization=organization,
        password_hash=password_hash,
        email_confirmed_at=utcnow(),
    )
    db.session.add(user)
    db.session.flush()  # the column defaults: update_profile compares the text before and after
    profiles.update_profile(organization, plan.profile)
    for data, review, status in plan.needs:
        need = profiles.save_need(organization, data)
        if review is ProfileStatus.APPROVED:
            profiles.review_need(need, staff, review)
        if status is not NeedStatus.OPEN:
            profiles.set_need_status(need, status)
    if plan.status is ProfileStatus.APPROVED:
        profiles.approve_profile(organization, staff)
    elif plan.status is ProfileStatus.CHANGES_REQUESTED:
        profiles.request_profile_changes(organization, staff, "Please add your website.")
    ids = organization.id, user.id
    db.session.expunge_all()
    return ids


def _assign_account_managers(world: demo.World) -> None:
    admin = world.user(world.admin_id)
    for index, corporate_id in enumerate(world.corporate_ids):
        if index % 9 != 4:  # a few companies wait for an account manager
            manager = world.user(world.staff_ids[index % len(world.staff_ids)])
            intros.assign_account_manager(
                db.session.get(Organization, corporate_id), admin, manager
            )
    db.session.expunge_all()


def _set_logo(organization_id: int) -> None:
    image = io.BytesIO()
    Image.new("RGB", (96, 96), (30, 90, 160)).save(image, "PNG")
    profiles.set_logo(db.session.get(Organization, organization_id), image.getvalue())
    db.session.expunge_all()


def _create_introductions(world: demo.World, candidates: demo.Candidates, total: int) -> None:
    """About `total` introductions in every state, in the demo's proportions, walked through
    the real services by the demo's own steps; the benchmark's company and startup get a
    few of their own. Then expiry by `introductions tick`, next actions, and ages."""
    plans: list[tuple[IntroductionStatus, tuple[int, int]]] = []
    corporate_id, startup_id = world.corporate_ids[0], world.startup_ids[0]
    for status in (S.PROPOSED, S.STARTUP_ACCEPTED, S.INTRODUCED, S.CONCLUDED):
        pair = demo._pick(world, candidates, True, corporate_id=corporate_id)
        plans += [(status, pair)] if pair else []
    for status in (S.APPROVED, S.MEETING_HELD, S.CONCLUDED):
        pair = demo._pick(world, candidates, True, startup_id=startup_id)
        pair = pair or demo._pick_any_need(candidates, startup_id)
        plans += [(status, pair)] if pair else []
    scale = total / sum(count for _, count in demo.TARGETS)
    made = Counter(status for status, _ in plans)
    for status, count in demo.TARGETS:
        good = status not in (S.REJECTED, S.DECLINED, S.EXPIRED)
        for _ in range(round(count * scale) - made[status]):
            pair = demo._pick(world, candidates, good)
            plans += [(status, pair)] if pair else []
    outcomes = list(demo.OUTCOMES) * math.ceil(scale)
    world.rng.shuffle(outcomes)
    created = []
    for number, (status, (need_id, chosen)) in enumerate(plans):
        need = db.session.get(Need, need_id)
        startup = db.session.get(Organization, chosen)
        introduction = demo._advance(world, need, startup, status, number, outcomes)
        created.append((introduction.id, status))
        db.session.expunge_all()
    ids = [introduction_id for introduction_id, _ in created]
    expiring = [introduction_id for introduction_id, status in created if status is S.EXPIRED]
    if expiring:
        # Asked long ago: the periodic job expires them, as it would in production.
        asked = utcnow() - timedelta(days=current_app.config["INTRODUCTION_EXPIRY_DAYS"] + 1)
        db.session.execute(
            sa.update(Introduction).where(Introduction.id.in_(expiring)).values(asked_at=asked)
        )
        db.session.commit()
        intros.tick()
        db.session.expunge_all()
    demo._handle(world, ids)
    demo._age_introductions(world, ids)


def _create_marks(world: demo.World, candidates: demo.Candidates) -> int:
    """Every other company (and the benchmark's) saves two ranked startups of each open need
    and dismisses one or two, through the service (a dismissal may move a floor row)."""
    needs_of: dict[int, list[int]] = defaultdict(list)
    for need_id, corporate_id in candidates.needs:
        needs_of[corporate_id].append(need_id)
    marks = 0
    for index, corporate_id in enumerate(world.corporate_ids):
        if index % 2:
            continue
        user_id = world.user_of[corporate_id]
        for need_id in needs_of[corporate_id]:
            ranked = candidates.ranked.get(need_id, [])[:20]
            chosen = world.rng.sample(ranked, min(len(ranked), world.rng.choice((3, 4))))
            for position, startup_id in enumerate(chosen):
                kind = MarkKind.SAVED if position < 2 else MarkKind.NOT_INTERESTED
                shortlists.mark_startup(
                    db.session.get(Need, need_id),
                    db.session.get(Organization, startup_id),
                    db.session.get(User, user_id),
                    kind,
                )
                db.session.expunge_all()
                marks += 1
    return marks


# --- the pages ----------------------------------------------------------------------------

# (role, page, expected status): the page is its path, with placeholders for the objects
# `placeholders()` picks, so that a page has the same name at every scale.
PAGES = (
    ("anonymous", "/"),
    ("anonymous", "/privacy"),
    ("anonymous", "/healthz"),
    ("anonymous", "/auth/login"),
    ("anonymous", "/auth/register"),
    ("anonymous", "/auth/confirm"),
    ("anonymous", "/auth/reset"),
    ("anonymous", "/introductions/answered"),
    ("staff", "/", 302),
    ("staff", "/staff/"),
    ("staff", "/staff/queue"),
    ("staff", "/staff/queue?page=2"),
    ("staff", "/staff/queue?page=<last-queue-page>"),
    ("staff", "/staff/queue?owner=<me>"),
    ("staff", "/staff/queue?industry=<industry>&age=30"),
    ("staff", "/staff/queue/<queue-need>/<candidate>"),
    ("staff", "/staff/introductions"),
    ("staff", "/staff/introductions?page=<last-pipeline-page>"),
    ("staff", "/staff/introductions?status=introduced"),
    ("staff", "/staff/introductions?due=1"),
    ("staff", "/staff/introductions?owner=0"),
    ("staff", "/staff/introductions/<introduction>"),
    ("staff", "/staff/introductions/<accepted-introduction>"),
    ("staff", "/introductions/<introduction>", 302),
    ("staff", "/staff/organizations"),
    ("staff", "/staff/organizations?page=<last-directory-page>"),
    ("staff", "/staff/organizations?q=battery"),
    ("staff", "/staff/organizations?q=<name>"),
    ("staff", "/staff/organizations?kind=startup&industry=<industry>"),
    ("staff", "/staff/organizations?status=pending"),
    ("staff", "/staff/organizations/<company>"),
    ("staff", "/staff/organizations/<startup>"),
    ("staff", "/staff/matching"),
    ("staff", "/staff/import"),
    ("staff", "/staff/export/startup.csv"),
    ("staff", "/staff/export/corporate.csv"),
    ("staff", "/staff/export/startup.jsonl"),
    ("staff", "/introductions/notifications"),
    ("staff", "/auth/password"),
    ("admin", "/admin/users"),
    ("admin", "/admin/taxonomy"),
    ("corporate", "/corporate/"),
    ("corporate", "/corporate/needs/<need>/matches"),
    ("corporate", "/corporate/needs/<need>/matches?page=2"),
    ("corporate", "/corporate/needs/<need>/matches?sort=newest"),
    ("corporate", "/corporate/needs/<need>/matches?industry=<industry>"),
    ("corporate", "/corporate/needs/<need>/matches?saved=1"),
    ("corporate", "/corporate/needs/new"),
    ("corporate", "/corporate/needs/<need>/edit"),
    ("corporate", "/corporate/startups/<ranked-startup>"),
    ("corporate", "/introductions/"),
    ("corporate", "/introductions/<introduction>"),
    ("corporate", "/introductions/<meeting-introduction>/meeting.ics"),
    ("corporate", "/introductions/notifications"),
    ("corporate", "/profile/edit"),
    ("corporate", "/profile/data.json"),
    ("corporate", "/profile/delete"),
    ("startup", "/startup/"),
    ("startup", "/startup/needs"),
    ("startup", "/startup/needs?page=<last-needs-page>"),
    ("startup", "/introductions/"),
    ("startup", "/introductions/<introduction>"),
    ("startup", "/introductions/notifications"),
    ("startup", "/profile/edit"),
    ("startup", "/profile/data.json"),
    ("startup", "/logos/<startup>.png"),
)
# GET routes deliberately not timed, and why.
NOT_TIMED = {
    "static": "static files",
    "auth.confirm_email": "signed link from a mail",
    "auth.reset_password": "signed link from a mail",
    "introductions.answer_by_link": "signed link from a mail",
    "introductions.feedback": "signed link from a mail",
}


@dataclass(frozen=True)
class Page:
    role: str
    name: str  # the path with placeholders
    url: str
    expect: int = 200


def _count(model, *where) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model).where(*where))


def _richest_introduction(*where) -> int | None:
    """The introduction with the longest history among `where` (the fullest page)."""
    return db.session.scalar(
        sa.select(Introduction.id)
        .join(IntroductionEvent)
        .where(*where)
        .group_by(Introduction.id)
        .order_by(sa.func.count().desc(), Introduction.id)
        .limit(1)
    )


def _last_page(count: int, per_page: int) -> int:
    return max(1, math.ceil(count / per_page))


def placeholders() -> dict[str, dict[str, object]]:
    """Per role, the objects the pages show: the benchmark's company, need and startup,
    the richest introductions, the last page of each long list."""
    user_of = {
        role: db.session.scalar(sa.select(User).where(User.email == email))
        for role, email in LOGINS.items()
    }
    company = user_of["corporate"].organization_id
    startup = user_of["startup"].organization_id
    need = db.session.scalar(
        sa.select(Need.id)
        .where(Need.organization_id == company, Need.status == NeedStatus.OPEN)
        .order_by(Need.id)
    )
    ranked = shortlists.ranked_startups(db.session.get(Need, need), shortlists.MatchCriteria())
    ranked_startup = ranked.items[0].startup
    queue = intros.review_queue(intros.QueueCriteria())
    entry = next(entry for entry in queue.entries if entry.candidates)
    needs = sa.select(sa.func.count()).select_from(
        matchable_needs_query().order_by(None).subquery()
    )
    common = {
        "<company>": company,
        "<startup>": startup,
        "<need>": need,
        "<ranked-startup>": ranked_startup.id,
        "<industry>": ranked_startup.term_ids("industries")[0],
        "<name>": ranked_startup.name.split()[0],
        "<me>": user_of["staff"].id,
        "<queue-need>": entry.need.id,
        "<candidate>": entry.candidates[0].startup_id,
        "<accepted-introduction>": db.session.scalar(
            sa.select(Introduction.id).where(Introduction.status == S.CORPORATE_ACCEPTED).limit(1)
        ),
        "<meeting-introduction>": db.session.scalar(
            sa.select(Introduction.id)
            .join(Meeting)
            .where(Introduction.corporate_id == company)
            .order_by(Introduction.id)
        ),
        "<last-queue-page>": _last_page(queue.total, 10),
        "<last-pipeline-page>": _last_page(_count(Introduction), 25),
        "<last-directory-page>": _last_page(_count(Organization), 25),
        "<last-needs-page>": _last_page(db.session.scalar(needs), 20),
    }
    hidden_from_startups = Introduction.status.not_in((S.PROPOSED, S.REJECTED))
    introduction = {
        "staff": _richest_introduction(),
        "corporate": _richest_introduction(Introduction.corporate_id == company),
        "startup": _richest_introduction(Introduction.startup_id == startup, hidden_from_startups),
    }
    return {
        role: {**common, "<introduction>": introduction.get(role)}
        for role in ("anonymous", *LOGINS)
    }


def page_list() -> list[Page]:
    """The pages of `PAGES` with their placeholders filled in (a page whose object this
    world lacks is left out)."""
    values = placeholders()
    pages = []
    for role, name, *expect in PAGES:
        given = values[role]
        url = re.sub(r"<[a-z-]+>", lambda key, given=given: str(given[key.group()]), name)
        if "None" not in url:
            pages.append(Page(role, name, url, *expect))
    return pages


def untimed_routes(app: Flask, pages: list[Page]) -> tuple[list[str], list[str]]:
    """The GET routes no page times: (known and why, unknown to this script)."""
    adapter = app.url_map.bind("localhost")
    timed = set()
    for page in pages:
        endpoint, _ = adapter.match(page.url.split("?")[0], method="GET")
        timed.add(endpoint)
    known, unknown = [], []
    for rule in sorted(app.url_map.iter_rules(), key=lambda rule: rule.rule):
        if "GET" not in rule.methods or rule.endpoint in timed:
            continue
        if rule.endpoint in NOT_TIMED:
            known.append(f"{rule.rule} ({NOT_TIMED[rule.endpoint]})")
        else:
            unknown.append(rule.rule)
    return known, unknown


# --- timing -------------------------------------------------------------------------------


class Client(FlaskClient):
    """Logs in the way a browser does: the CSRF token from a page, then the form."""

    def login(self, email: str) -> None:
        page = self.get("/privacy").get_data(as_text=True)
        token = re.search(r'<meta name="csrf-token" content="([^"]+)"', page).group(1)
        response = self.post(
            "/auth/login", data={"csrf_token": token, "email": email, "password": PASSWORD}
        )
        if response.status_code != 302:
            raise SystemExit(f"logging in as {email} failed: status {response.status_code}")


@dataclass
class Timing:
    page: Page
    status: int | str
    times_ms: list[float]
    statements: int

    @property
    def ok(self) -> bool:
        return self.status == self.page.expect


class StatementCounter:
    def __init__(self, engine: sa.Engine):
        self.count = 0
        sa.event.listen(engine, "before_cursor_execute", self._count)

    def _count(self, *args) -> None:
        self.count += 1


def time_page(client: Client, page: Page, counter: StatementCounter, repeat: int) -> Timing:
    times, statuses, statements = [], set(), 0
    try:
        client.get(page.url).get_data()  # warm-up: templates compiled, caches filled
        for _ in range(repeat):
            counter.count = 0
            start = time.perf_counter()
            response = client.get(page.url)
            response.get_data()  # a streamed body (the JSONL export) is made as it is read
            times.append((time.perf_counter() - start) * 1000)
            response.close()
            statuses.add(response.status_code)
            statements = max(statements, counter.count)
    except Exception:
        traceback.print_exc()
        return Timing(page, "error", times or [0.0], statements)
    status = statuses.pop() if len(statuses) == 1 else "mixed"
    return Timing(page, status, times, statements)


def time_pages(app: Flask, pages: list[Page], repeat: int) -> list[Timing]:
    with app.app_context():
        counter = StatementCounter(db.engine)
    app.test_client_class = Client
    clients: dict[str, Client] = {}
    results = []
    for page in pages:
        if page.role not in clients:
            clients[page.role] = app.test_client()
            if page.role in LOGINS:
                clients[page.role].login(LOGINS[page.role])
        results.append(time_page(clients[page.role], page, counter, repeat))
    return results


def print_table(results: list[Timing], slow_ms: float) -> None:
    width = max(len(result.page.name) for result in results)
    print(f"{'page':<{width}}  {'role':<9}  status  median_ms  max_ms  statements")
    for result in results:
        flag = "  <-- slow" if statistics.median(result.times_ms) > slow_ms else ""
        flag += "" if result.ok else f"  <-- expected {result.page.expect}"
        print(
            f"{result.page.name:<{width}}  {result.page.role:<9}  {result.status!s:>6}  "
            f"{statistics.median(result.times_ms):9.1f}  {max(result.times_ms):6.1f}  "
            f"{result.statements:10d}{flag}"
        )


# --- main ---------------------------------------------------------------------------------


def make_app(database_url: str, folder: Path) -> Flask:
    return create_app(
        {
            "SECRET_KEY": secrets.token_hex(16),
            "SQLALCHEMY_DATABASE_URI": _normalise_database_url(database_url),
            "MAIL_OUTBOX_DIR": str(folder / "outbox"),
        }
    )


def describe() -> str:
    startups = _count(Organization, Organization.kind == OrganizationKind.STARTUP)
    corporates = _count(Organization, Organization.kind == OrganizationKind.CORPORATE)
    return (
        f"{db.engine.dialect.name}: {startups} startups, {corporates} companies, "
        f"{_count(Need)} needs, {_count(Match)} stored matches, "
        f"{_count(Introduction)} introductions, {_count(NeedStartupMark)} marks"
    )


@dataclass(frozen=True)
class Prepared:
    """What the preparing process hands back (plain values: it crosses processes)."""

    problem: str | None
    summary: str = ""
    pages: tuple[Page, ...] = ()
    untimed_known: tuple[str, ...] = ()
    untimed_unknown: tuple[str, ...] = ()


def prepare(url: str, folder: str, options: dict[str, int | bool]) -> Prepared:
    """Build the world into the empty database (or check the one to reuse) and pick the
    pages. Runs in a process of its own, so that the timed process is like a web worker:
    a fresh process that has only answered requests."""
    app = make_app(url, Path(folder))
    with app.test_request_context(base_url=app.config["PUBLIC_URL"]):
        tables = sa.inspect(db.engine).get_table_names()
        if options["reuse"]:
            if "users" not in tables or not _count(User, User.email == STAFF_EMAIL):
                return Prepared("--reuse: this database holds no world built by this script")
        elif tables:
            return Prepared(
                f"the database is not empty ({len(tables)} tables): give a new one, or "
                "--reuse to time the world this script built there before"
            )
        else:
            started = time.perf_counter()
            upgrade()  # the schema production has, indexes included
            build_world(options["startups"], options["corporates"], options["introductions"])
            if db.engine.dialect.name == "postgresql":
                # Production's autovacuum keeps planner statistics; a database filled a
                # minute ago has none yet (and this server may run without autovacuum).
                db.session.execute(sa.text("ANALYZE"))
                db.session.commit()
            print(f"built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        pages = page_list()
        known, unknown = untimed_routes(app, pages)
        summary = describe()
        db.session.remove()
        db.engine.dispose()
    return Prepared(None, summary, tuple(pages), tuple(known), tuple(unknown))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--startups", type=int, default=3000, help="validated startups")
    parser.add_argument("--corporates", type=int, default=300, help="validated companies")
    parser.add_argument(
        "--introductions", type=int, help="introductions to create (default 1.5 per company)"
    )
    parser.add_argument(
        "--database-url", help="an empty database (default: a SQLite file in a temporary folder)"
    )
    parser.add_argument(
        "--reuse", action="store_true", help="time a database this script built before"
    )
    parser.add_argument("--repeat", type=int, default=5, help="timed requests per page")
    parser.add_argument("--only", help="time only the pages whose name contains this")
    parser.add_argument("--slow-ms", type=float, default=300, help="flag pages slower than this")
    args = parser.parse_args(argv)
    if args.reuse and not args.database_url:
        parser.error("--reuse needs --database-url")
    options = {
        "startups": args.startups,
        "corporates": args.corporates,
        "introductions": round(1.5 * args.corporates)
        if args.introductions is None
        else args.introductions,
        "reuse": args.reuse,
    }

    with tempfile.TemporaryDirectory(prefix="matchmaker-pages-") as folder:
        url = args.database_url or f"sqlite:///{Path(folder) / 'pages.sqlite3'}"
        with multiprocessing.get_context("spawn").Pool(1) as pool:
            prepared = pool.apply(prepare, (url, folder, options))
        if prepared.problem:
            parser.error(prepared.problem)
        print(prepared.summary)
        pages = [page for page in prepared.pages if not args.only or args.only in page.name]
        app = make_app(url, Path(folder))
        results = time_pages(app, pages, args.repeat)
        with app.app_context():
            db.engine.dispose()
    print_table(results, args.slow_ms)
    for line in prepared.untimed_known:
        print(f"not timed: {line}")
    for line in prepared.untimed_unknown:
        print(f"NOT TIMED, unknown to bench/pages.py: {line}")
    failed = [result for result in results if not result.ok]
    for result in failed:
        print(f"FAILED: {result.page.name} ({result.page.role}) answered {result.status}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
