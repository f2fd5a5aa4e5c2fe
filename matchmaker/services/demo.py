"""Demo data, so that a fresh installation can be tried at once: the demo accounts (one per
role), ~40 Japanese corporates with their needs, ~300 startups, stored rankings and
introductions at every stage of the pipeline.

Everything goes through the real services (profiles, matching, introductions), so the
demo world is consistent; only the timestamps are moved back afterwards, so that ages,
reminders and due dates look like a desk that has been running for a while. The content
comes from `demo_data` with a fixed seed: every installation gets the same world.
"""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from random import Random

import sqlalchemy as sa
from flask import current_app

from matchmaker.extensions import db
from matchmaker.models import (
    DecisionPath,
    DecisionReason,
    Introduction,
    IntroductionEvent,
    IntroductionStatus,
    Match,
    Meeting,
    Need,
    NeedStatus,
    Notification,
    Organization,
    OrganizationKind,
    Outcome,
    ProfileStatus,
    Role,
    TimeHorizon,
    User,
    utcnow,
)
from matchmaker.services import demo_data as data
from matchmaker.services import introductions as intros
from matchmaker.services.accounts import get_user_by_email, hash_password
from matchmaker.services.errors import DomainError
from matchmaker.services.matching import matchable_needs_query, rebuild_matches
from matchmaker.services.profiles import (
    NeedData,
    ProfileData,
    save_need,
    set_need_review_status,
    set_review_status,
    update_profile,
)

# A local demo database only; `matchmaker demo` refuses to run in production.
DEMO_PASSWORD = "demo-matchmaker-2026"
SEED = 2026
STARTUPS_PER_SECTOR = 20
STARTUP_DOMAIN = "startups.demo.example"
CORPORATE_DOMAIN = "companies.demo.example"

S = IntroductionStatus


@dataclass(frozen=True)
class DemoLogin:
    role: str
    email: str
    password: str


DEMO_ACCOUNTS = (
    (Role.ADMIN, "admin@demo.japandesk.example", "Aiko Admin", None),
    (Role.STAFF, "staff@demo.japandesk.example", "Stefan Staff", None),
    (Role.STARTUP, "founder@demo-startup.example", "Lena Founder", "VoltCell Robotics GmbH"),
    (Role.CORPORATE, "manager@demo-corporate.example", "Kenji Tanaka", "Kansai Precision Europe"),
)
DEMO_EMAILS = frozenset(
    [email for _, email, *_ in DEMO_ACCOUNTS] + [email for email, _ in data.EXTRA_STAFF]
)


class DemoRefused(DomainError):
    """The database holds data that is not demo data."""


def ensure_demo_accounts() -> list[DemoLogin]:
    """Create whatever demo account is missing (running twice changes nothing) and return
    the logins."""
    for role, email, full_name, organization_name in DEMO_ACCOUNTS:
        if get_user_by_email(email) is not None:
            continue
        organization = None
        if organization_name:
            kind = OrganizationKind.STARTUP if role is Role.STARTUP else OrganizationKind.CORPORATE
            organization = Organization(name=organization_name, kind=kind)
        db.session.add(
            User(
                email=email,
                full_name=full_name,
                role=role,
                organization=organization,
                password_hash=hash_password(DEMO_PASSWORD),
                email_confirmed_at=utcnow(),
            )
        )
    db.session.commit()
    return demo_logins()


def demo_logins() -> list[DemoLogin]:
    return [DemoLogin(role.value, email, DEMO_PASSWORD) for role, email, *_ in DEMO_ACCOUNTS]


# --- the plan: what the demo world holds, independent of the database ------------------------


@dataclass
class OrganizationPlan:
    kind: OrganizationKind
    email: str
    full_name: str
    locale: str | None
    profile: ProfileData
    status: ProfileStatus = ProfileStatus.APPROVED
    review_comment: str = ""
    sector: str = ""
    # (NeedData, review status, need status)
    needs: list[tuple[NeedData, ProfileStatus, NeedStatus]] = field(default_factory=list)


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def _weighted(rng: Random, rows: tuple) -> tuple:
    return rng.choices(rows, weights=[row[-1] for row in rows])[0]


def _person(rng: Random, country: str) -> str:
    origin = data.NAME_ORIGIN.get(country, "en")
    return f"{rng.choice(data.FIRST_NAMES[origin])} {rng.choice(data.LAST_NAMES[origin])}"


def _phone(rng: Random, country: str) -> str:
    return f"{data.PHONE_PREFIXES[country]} {rng.randint(1000, 9999)} {rng.randint(100, 999)}"


def _stage(rng: Random, founded: int) -> str:
    age = 2026 - founded
    if age <= 1:
        options = ("idea", "pre_seed", "pre_seed", "seed")
    elif age <= 3:
        options = ("pre_seed", "seed", "seed", "series_a")
    elif age <= 6:
        options = ("seed", "series_a", "series_a", "series_b_plus")
    else:
        options = ("series_a", "series_b_plus", "growth", "growth")
    return rng.choice(options)


# Decisions sit at headquarters more often than not.
DECISION_PATHS = (
    DecisionPath.LOCAL,
    DecisionPath.HEADQUARTERS,
    DecisionPath.HEADQUARTERS,
    DecisionPath.JOINT,
)
TEAM_SIZES = {
    "idea": (2, 4),
    "pre_seed": (2, 9),
    "seed": (5, 24),
    "series_a": (14, 60),
    "series_b_plus": (40, 180),
    "growth": (60, 420),
}
# Startup stages from the earliest to the latest.
STAGES = tuple(TEAM_SIZES)


def _startup_text(rng: Random, sector: dict, lang: str, brand: str, team: int) -> tuple:
    words = sector[lang]
    product, technology = rng.choice(words["products"])
    customer = rng.choice(words["customers"])
    method = rng.choice(words["methods"])
    proof = rng.choice(words["proofs"])
    if lang == "de":
        team_line = f"Unser Team aus {team} Personen vereint {words['team']}."
        description = (
            f"{brand} entwickelt {product}. Zu unseren Kunden zählen {customer}. "
            f"{method} {proof} {team_line}"
        )
    else:
        team_line = f"Our team of {team} brings together {words['team']}."
        description = (
            f"{brand} develops {product}. Our customers are {customer}. "
            f"{method} {proof} {team_line}"
        )
    offers = " ".join(rng.sample(words["offers"], 2))
    seeks = " ".join(rng.sample(words["seeks"], rng.choice((1, 2))))
    return description, offers, seeks, technology


def _startup_plans(rng: Random) -> list[OrganizationPlan]:
    plans: list[OrganizationPlan] = []
    brands: set[str] = set()
    japanese = {sector: [] for sector in data.SECTORS}
    for startup in data.JAPANESE_STARTUPS:
        japanese[startup["sector"]].append(startup)
    for key, sector in data.SECTORS.items():
        german_slots = set(rng.sample(range(STARTUPS_PER_SECTOR), 3))
        for index in range(STARTUPS_PER_SECTOR - len(japanese[key])):
            while True:
                base = rng.choice(sector["stems"]) + rng.choice(data.NAME_ENDINGS)
                if base.lower() not in brands:
                    brands.add(base.lower())
                    break
            brand = base
            if rng.random() < 0.25:
                brand = f"{base} {rng.choice(data.NAME_SECOND_WORDS)}"
            lang = "de" if index in german_slots else "en"
            city, country, _ = _weighted(rng, data.STARTUP_CITIES)
            while (lang == "de" and country != "DE") or (
                lang == "en" and country == "JP" and rng.random() < 0.5
            ):
                city, country, _ = _weighted(rng, data.STARTUP_CITIES)
            plans.append(_startup_plan(rng, key, sector, brand, lang, city, country))
        for startup in japanese[key]:
            plans.append(_japanese_startup_plan(rng, key, sector, startup))
    # A few profiles wait for staff or were sent back: the review queue has work.
    for plan in rng.sample(plans, 14):
        plan.status = ProfileStatus.PENDING
    for plan in rng.sample([p for p in plans if p.status is ProfileStatus.APPROVED], 6):
        plan.status = ProfileStatus.CHANGES_REQUESTED
        plan.review_comment = rng.choice(
            (
                "Please describe what you offer in more concrete terms (product, price range).",
                "Add your website and a contact person, then submit again.",
                "The description reads like an advert; please say what the product does.",
            )
        )
    return plans


def _startup_plan(
    rng: Random,
    key: str,
    sector: dict,
    brand: str,
    lang: str,
    city: str,
    country: str,
) -> OrganizationPlan:
    founded = rng.randint(2012, 2025)
    stage = _stage(rng, founded)
    team = rng.randint(*TEAM_SIZES[stage])
    legal_forms = data.LEGAL_FORMS[country]
    if stage not in ("idea", "pre_seed", "seed"):
        # The mini-GmbH is for young companies.
        legal_forms = tuple(form for form in legal_forms if not form.startswith("UG"))
    name = f"{brand} {rng.choice(legal_forms)}"
    description, offers, seeks, technology = _startup_text(rng, sector, lang, brand, team)
    others = [term for term in sector["technologies"] if term != technology]
    technologies = [technology, *rng.sample(others, rng.choice((1, 2)))]
    languages = list(data.COUNTRY_LANGUAGES[country])
    if "en" not in languages:
        languages.append("en")
    if country != "JP" and rng.random() < 0.08:
        languages.append("ja")
    partnership_types = rng.sample(sector["partnerships"], 2)
    if country != "JP" and rng.random() < 0.3:
        partnership_types.append("market_entry_japan")
    slug = _slug(brand)
    contact = _person(rng, "DE" if lang == "de" else country)
    email = f"contact@{slug}.{STARTUP_DOMAIN}"
    profile = ProfileData(
        name=name,
        website=f"https://{slug}.example",
        country=country,
        city=city,
        description=description,
        offers=offers,
        seeks=seeks,
        text_language=lang,
        founded_year=founded,
        team_size=team,
        stage=stage,
        funding_status=rng.choice(data.FUNDING_BY_STAGE[stage]),
        accepts_proposals=rng.random() > 0.02,
        contact_name=contact,
        contact_role=rng.choice(data.STARTUP_ROLES),
        contact_email=email,
        contact_phone=_phone(rng, country),
        industries=tuple(rng.sample(sector["industries"], rng.choice((1, 2)))),
        technologies=tuple(technologies),
        partnership_types=tuple(partnership_types),
        languages=tuple(languages),
    )
    locale = "de" if lang == "de" else None
    return OrganizationPlan(OrganizationKind.STARTUP, email, contact, locale, profile, sector=key)


def _japanese_startup_plan(rng: Random, key: str, sector: dict, startup: dict) -> OrganizationPlan:
    founded = rng.randint(2015, 2023)
    stage = _stage(rng, founded)
    slug = _slug(startup["name"].rsplit(" ", 1)[0])
    contact = _person(rng, "JP")
    email = f"contact@{slug}.{STARTUP_DOMAIN}"
    profile = ProfileData(
        name=startup["name"],
        website=f"https://{slug}.example",
        country="JP",
        city=startup["city"],
        description=startup["description"],
        offers=startup["offers"],
        seeks=startup["seeks"],
        text_language="ja",
        founded_year=founded,
        team_size=rng.randint(*TEAM_SIZES[stage]),
        stage=stage,
        funding_status=rng.choice(data.FUNDING_BY_STAGE[stage]),
        contact_name=contact,
        contact_role=rng.choice(data.STARTUP_ROLES),
        contact_email=email,
        contact_phone=_phone(rng, "JP"),
        industries=tuple(rng.sample(sector["industries"], 2)),
        technologies=startup["technologies"],
        partnership_types=("pilot", "market_entry_europe"),
        languages=("ja", "en"),
    )
    return OrganizationPlan(OrganizationKind.STARTUP, email, contact, "ja", profile, sector=key)


def _need_data(rng: Random, sector: str, index: int, lang: str, site: str) -> NeedData:
    need = data.NEEDS[sector][index]
    title, description = need[lang]
    if lang == "ja":
        site = data.PLACES_JA.get(site, site)
    return NeedData(
        title=title,
        description=description.format(site=site),
        text_language=lang,
        time_horizon=rng.choice(tuple(TimeHorizon)),
        technologies=need["technologies"],
        partnership_types=need["partnerships"],
    )


def _target_stages(
    business: dict, offers: str, team: int, decision_path: DecisionPath
) -> tuple[str, ...]:
    """The startup stages a demo company works with: its business's usual ones, one stage
    earlier too when it offers co-development with its R&D centre (but never a mere idea:
    that is for accelerators), none at all for a small office whose decisions sit at
    headquarters (it leaves the question to Japan)."""
    if team <= 25 and decision_path is DecisionPath.HEADQUARTERS:
        return ()
    stages = business["stages"]
    first = STAGES.index(stages[0])
    if offers in data.RESEARCH_OFFERS and first > STAGES.index("pre_seed"):
        stages = (STAGES[first - 1], *stages)
    return stages


def _corporate_plans(rng: Random) -> list[OrganizationPlan]:
    families = list(data.CORPORATE_FAMILIES)
    rng.shuffle(families)
    businesses = list(data.BUSINESSES) * 3
    rng.shuffle(businesses)
    languages = ["de"] * 7 + ["ja"] * 7 + ["en"] * (len(families) - 14)
    rng.shuffle(languages)
    plans = []
    for family, business_key, lang in zip(families, businesses, languages, strict=False):
        business = data.BUSINESSES[business_key]
        city, country, _ = _weighted(rng, data.CORPORATE_CITIES)
        word = business["word"]
        if country == "NL":
            name = f"{family} {word} Europe B.V."
        elif country == "BE":
            name = f"{family} {word} Europe NV"
        else:
            name = f"{family} {word} {rng.choice(('Europe', 'Europe', 'Deutschland'))} GmbH"
        parent = f"{family} {word} {rng.choice(('Co., Ltd.', 'Corporation', 'Industries, Ltd.'))}"
        hq = rng.choice(data.HQ_CITIES)
        founded = rng.randint(1972, 2019)
        team = rng.choice((18, 25, 40, 60, 85, 120, 150, 240, 380, 650))
        site = rng.choice(data.SITES)
        if lang == "de":
            description = (
                f"{name} ist die europäische Tochtergesellschaft der {parent} mit Sitz in {hq}. "
                f"Die Gruppe {business['de']}. Von {city} aus betreuen wir mit rund {team} "
                "Beschäftigten Kunden in ganz Europa."
            )
        elif lang == "ja":
            parent_ja = f"{data.CORPORATE_FAMILIES_JA[family]}{business['ja_word']}株式会社"
            description = (
                f"{name}は、{data.HQ_CITIES_JA[hq]}に本社を置く{parent_ja}の欧州子会社です。"
                f"グループでは{business['ja']}を手がけています。"
                f"{data.PLACES_JA.get(city, city)}を拠点に、約{team}名で欧州全域のお客様を"
                "支えています。"
            )
            parent = f"{parent} ({parent_ja})"
        else:
            description = (
                f"{name} is the European subsidiary of {parent}, headquartered in {hq}. The "
                f"group {business['en']}. From {city}, around {team} people serve customers "
                "across Europe."
            )
        contact = _person(rng, "JP" if rng.random() < 0.7 else country)
        slug = _slug(f"{family} {word}")
        email = f"contact@{slug}.{CORPORATE_DOMAIN}"
        offers = rng.choice(data.CORPORATE_OFFERS[lang])
        decision_path = rng.choice(DECISION_PATHS)
        profile = ProfileData(
            name=name,
            website=f"https://{slug}.example",
            country=country,
            city=city,
            description=description,
            offers=offers,
            seeks=data.CORPORATE_SEEKS[lang],
            text_language=lang,
            founded_year=founded,
            team_size=team,
            parent_company=parent[:200],
            decision_path=decision_path,
            is_name_public=rng.random() < 0.6,
            contact_name=contact,
            contact_role=rng.choice(data.CORPORATE_ROLES),
            contact_email=email,
            contact_phone=_phone(rng, country),
            industries=business["industries"][:2],
            technologies=tuple(rng.sample(business["technologies"], 2)),
            languages=tuple(dict.fromkeys(("en", lang, "ja"))),
            stages=_target_stages(business, offers, team, decision_path),
        )
        plan = OrganizationPlan(
            OrganizationKind.CORPORATE,
            email,
            contact,
            lang if lang != "en" else None,
            profile,
            sector=business_key,
        )
        sectors = rng.sample(business["sectors"], rng.choice((1, 2, 2, 3)))
        for sector in sectors:
            need = _need_data(rng, sector, rng.randrange(3), lang, site)
            plan.needs.append((need, ProfileStatus.APPROVED, NeedStatus.OPEN))
        plans.append(plan)
    # Some needs wait for staff, one company waits for validation, two needs are paused.
    for plan in rng.sample(plans, 5):
        need, _, status = plan.needs[-1]
        plan.needs[-1] = (need, ProfileStatus.PENDING, status)
    for plan in rng.sample(plans, 2):
        need, review, _ = plan.needs[0]
        plan.needs[0] = (need, review, NeedStatus.PAUSED)
    plans[-1].status = ProfileStatus.PENDING
    return plans


def demo_plan() -> list[OrganizationPlan]:
    """The generated organisations (without the demo accounts' two), always the same."""
    rng = Random(SEED)
    return _corporate_plans(rng) + _startup_plans(rng)


# --- the database's state ---------------------------------------------------------------------


def _is_demo_user():
    return sa.or_(
        User.email.in_(DEMO_EMAILS),
        User.email.like(f"%.{STARTUP_DOMAIN}"),
        User.email.like(f"%.{CORPORATE_DOMAIN}"),
    )


@dataclass(frozen=True)
class DatabaseState:
    users: int
    foreign_users: int
    foreign_organizations: int
    generated_users: int
    demo_introductions: int

    @property
    def is_empty(self) -> bool:
        return self.users == 0 and self.foreign_organizations == 0

    @property
    def is_foreign(self) -> bool:
        return self.foreign_users > 0 or self.foreign_organizations > 0


def database_state() -> DatabaseState:
    """Who is in the database: demo accounts only, or anyone else too."""
    count = sa.select(sa.func.count()).select_from(User)
    organizations_without_demo_user = (
        sa.select(sa.func.count())
        .select_from(Organization)
        .where(~sa.exists().where(User.organization_id == Organization.id, _is_demo_user()))
    )
    generated = sa.or_(
        User.email.like(f"%.{STARTUP_DOMAIN}"), User.email.like(f"%.{CORPORATE_DOMAIN}")
    )
    demo_corporates = sa.select(User.organization_id).where(
        User.email.like(f"%.{CORPORATE_DOMAIN}")
    )
    return DatabaseState(
        users=db.session.scalar(count),
        foreign_users=db.session.scalar(count.where(~_is_demo_user())),
        foreign_organizations=db.session.scalar(organizations_without_demo_user),
        generated_users=db.session.scalar(count.where(generated)),
        demo_introductions=db.session.scalar(
            sa.select(sa.func.count())
            .select_from(Introduction)
            .where(Introduction.corporate_id.in_(demo_corporates))
        ),
    )


@dataclass(frozen=True)
class DemoSummary:
    created: bool
    corporates: int
    startups: int
    needs: int
    matches: int
    introductions: int
    users: int
    seconds: float = 0.0

    def line(self) -> str:
        return (
            f"Demo data: {self.corporates} companies with {self.needs} needs, "
            f"{self.startups} startups, {self.matches} ranked matches, "
            f"{self.introductions} introductions, {self.users} users."
        )


def demo_summary(created: bool = False, seconds: float = 0.0) -> DemoSummary:
    def count(model, *where) -> int:
        return db.session.scalar(sa.select(sa.func.count()).select_from(model).where(*where))

    return DemoSummary(
        created=created,
        corporates=count(Organization, Organization.kind == OrganizationKind.CORPORATE),
        startups=count(Organization, Organization.kind == OrganizationKind.STARTUP),
        needs=count(Need),
        matches=count(Match),
        introductions=count(Introduction),
        users=count(User),
        seconds=seconds,
    )


# --- building ---------------------------------------------------------------------------------


def create_demo_data(force: bool = False) -> DemoSummary:
    """Fill an empty (or demo-only) database with the demo world; a database that already
    holds it is left alone. Refuses a database with other users or organisations unless
    `force` is set. Runs inside a request context (the services render mail links)."""
    started = datetime.now(UTC)
    plans = demo_plan()
    state = database_state()
    if state.generated_users >= len(plans) and state.demo_introductions > 0:
        ensure_demo_accounts()
        return demo_summary()
    if state.is_foreign and not force:
        raise DemoRefused(
            f"The database holds {state.foreign_users} users and "
            f"{state.foreign_organizations} organisations that are not demo data; use an "
            "empty database, or run `matchmaker demo --force` to add the demo data anyway."
        )
    with _mail_kept_back(), _quick_sqlite_writes():
        _build(plans, skip_introductions=state.demo_introductions > 0)
    seconds = (datetime.now(UTC) - started).total_seconds()
    return demo_summary(created=True, seconds=seconds)


@contextmanager
def _mail_kept_back() -> Iterator[None]:
    """The services mail every step; the demo's thousand steps go to a temporary outbox
    that is thrown away, never to SMTP or the real outbox."""
    config = current_app.config
    saved = {key: config.get(key) for key in ("MAIL_SERVER", "MAIL_OUTBOX_DIR")}
    folder = tempfile.mkdtemp(prefix="matchmaker-demo-mail-")
    config["MAIL_SERVER"] = None
    config["MAIL_OUTBOX_DIR"] = folder
    # Nor is every thrown-away mail logged to the console.
    mail_log = logging.getLogger("matchmaker.services.mail")
    level = mail_log.level
    mail_log.setLevel(logging.WARNING)
    try:
        yield
    finally:
        mail_log.setLevel(level)
        config.update(saved)
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def _quick_sqlite_writes() -> Iterator[None]:
    """The services commit every step, and SQLite waits for the disk at each commit: for
    the demo's few thousand commits it need not (the worst case is a demo to build again)."""
    if db.engine.dialect.name != "sqlite":
        yield
        return
    db.session.execute(sa.text("PRAGMA synchronous = OFF"))
    try:
        yield
    finally:
        db.session.rollback()
        db.session.execute(sa.text("PRAGMA synchronous = FULL"))
        db.session.commit()


@dataclass
class World:
    """The demo's organisations and people, by id: the services commit after every step,
    and a commit expires every object the session holds, so the session is kept small."""

    rng: Random
    admin_id: int
    staff_ids: list[int]
    user_of: dict[int, int] = field(default_factory=dict)  # organisation id → its user's id
    corporate_ids: list[int] = field(default_factory=list)
    startup_ids: list[int] = field(default_factory=list)
    kansai_id: int | None = None
    voltcell_id: int | None = None

    def user(self, user_id: int) -> User:
        return db.session.get(User, user_id)


def _build(plans: list[OrganizationPlan], skip_introductions: bool) -> None:
    rng = Random(SEED + 1)
    ensure_demo_accounts()
    staff = [get_user_by_email("staff@demo.japandesk.example")]
    for email, full_name in data.EXTRA_STAFF:
        user = get_user_by_email(email)
        if user is None:
            user = User(
                email=email,
                full_name=full_name,
                role=Role.STAFF,
                password_hash=staff[0].password_hash,
                email_confirmed_at=utcnow(),
            )
            db.session.add(user)
        staff.append(user)
    db.session.commit()
    admin = get_user_by_email("admin@demo.japandesk.example")
    world = World(rng, admin.id, [user.id for user in staff])

    password_hash = admin.password_hash  # hashed once: scrypt is slow on purpose
    existing = set(db.session.scalars(sa.select(User.email).where(_is_demo_user())))
    for plan in plans:
        if plan.email in existing:
            user = get_user_by_email(plan.email)
            organization_id = user.organization_id
        else:
            organization_id, user = _create_organization(plan, password_hash)
        world.user_of[organization_id] = user.id
        if plan.kind is OrganizationKind.STARTUP:
            world.startup_ids.append(organization_id)
        else:
            world.corporate_ids.append(organization_id)
        db.session.expunge_all()
    world.kansai_id = _complete_demo_account_profile(world, "manager@demo-corporate.example")
    world.voltcell_id = _complete_demo_account_profile(world, "founder@demo-startup.example")
    db.session.commit()

    admin = world.user(world.admin_id)
    for index, corporate_id in enumerate(world.corporate_ids):
        corporate = db.session.get(Organization, corporate_id)
        # Most companies have an account manager; a few wait for one.
        if corporate.account_manager_id is None and index % 9 != 4:
            manager = world.user(world.staff_ids[index % len(world.staff_ids)])
            intros.assign_account_manager(corporate, admin, manager)
    db.session.expunge_all()

    rebuild_matches()
    db.session.expunge_all()
    if not skip_introductions:
        _create_introductions(world)
    _age_profiles(world)
    db.session.commit()


def _create_organization(plan: OrganizationPlan, password_hash: str) -> tuple[int, User]:
    organization = Organization(name=plan.profile.name, kind=plan.kind)
    role = Role.STARTUP if plan.kind is OrganizationKind.STARTUP else Role.CORPORATE
    user = User(
        email=plan.email,
        full_name=plan.full_name,
        role=role,
        organization=organization,
        password_hash=password_hash,
        email_confirmed_at=utcnow(),
        locale=plan.locale,
    )
    db.session.add(user)
    db.session.flush()  # the column defaults: update_profile compares the text before and after
    update_profile(organization, plan.profile)
    for need_data, review_status, need_status in plan.needs:
        need = save_need(organization, need_data)
        set_need_review_status(need, review_status)
        need.status = need_status
    _set_review(organization, plan.status, plan.review_comment)
    db.session.commit()
    return organization.id, user


def _set_review(organization: Organization, status: ProfileStatus, comment: str = "") -> None:
    set_review_status(organization, status)
    organization.review_comment = comment
    if status in (ProfileStatus.APPROVED, ProfileStatus.CHANGES_REQUESTED):
        organization.reviewed_at = utcnow()
        organization.reviewed_by_id = get_user_by_email("staff@demo.japandesk.example").id


def _complete_demo_account_profile(world: World, email: str) -> int | None:
    """The demo founder's and manager's organisations get a full profile (once: a profile
    someone has edited since is left as it is)."""
    user = get_user_by_email(email)
    organization = user.organization if user else None
    if organization is None:
        return None
    world.user_of[organization.id] = user.id
    is_startup = organization.kind is OrganizationKind.STARTUP
    (world.startup_ids if is_startup else world.corporate_ids).insert(0, organization.id)
    if organization.status is not ProfileStatus.DRAFT or organization.description:
        return organization.id
    values = dict(data.VOLTCELL_PROFILE if is_startup else data.KANSAI_PROFILE)
    values.pop("sector", None)
    values.pop("business", None)
    values["is_name_public"] = not is_startup
    needs = values.pop("needs", ())
    if "decision_path" in values:
        values["decision_path"] = DecisionPath(values["decision_path"])
    update_profile(
        organization,
        ProfileData(name=organization.name, contact_email=email, text_language="en", **values),
    )
    for sector, index in needs:
        need = save_need(organization, _need_data(world.rng, sector, index, "en", "Krefeld"))
        set_need_review_status(need, ProfileStatus.APPROVED)
    _set_review(organization, ProfileStatus.APPROVED)
    db.session.commit()
    return organization.id


# --- introductions ------------------------------------------------------------------------------

# How many introductions end (for now) in each state, and how they got there.
TARGETS = (
    (S.PROPOSED, 9),
    (S.APPROVED, 10),
    (S.STARTUP_ACCEPTED, 7),
    (S.CORPORATE_ACCEPTED, 5),
    (S.INTRODUCED, 8),
    (S.MEETING_HELD, 7),
    (S.CONCLUDED, 14),
    (S.REJECTED, 12),
    (S.DECLINED, 8),
    (S.EXPIRED, 5),
)
OUTCOMES = (
    [Outcome.PILOT] * 5
    + [Outcome.CONTRACT] * 3
    + [Outcome.INVESTMENT] * 2
    + [Outcome.JOINT_DEVELOPMENT]
    + [Outcome.NO_FIT] * 3
)
OPEN_PER_CORPORATE = 5  # well below the cap: companies have room to request more


@dataclass
class Candidates:
    """The stored matches the demo draws its pairs from: per need (id, corporate id), the
    ranked startup ids."""

    needs: list[tuple[int, int]]
    ranked: dict[int, list[int]]
    used: set[tuple[int, int]] = field(default_factory=set)
    startup_uses: Counter = field(default_factory=Counter)


def _candidates(world: World) -> Candidates:
    corporate_ids = set(world.corporate_ids)
    startup_ids = set(world.startup_ids)
    needs = [
        (need_id, corporate_id)
        for need_id, corporate_id in db.session.execute(
            matchable_needs_query().with_only_columns(Need.id, Need.organization_id)
        )
        if corporate_id in corporate_ids
    ]
    ranked: dict[int, list[int]] = defaultdict(list)
    rows = db.session.execute(
        sa.select(Match.need_id, Match.startup_id)
        .join(Match.startup)
        .where(
            Match.need_id.in_([need_id for need_id, _ in needs]),
            Organization.status == ProfileStatus.APPROVED,
            Organization.accepts_proposals.is_(True),
        )
        .order_by(Match.need_id, Match.score.desc(), Match.id)
    )
    for need_id, startup_id in rows:
        if startup_id in startup_ids:
            ranked[need_id].append(startup_id)
    return Candidates(needs, ranked)


def _pick(
    world: World,
    candidates: Candidates,
    good: bool,
    corporate_id: int | None = None,
    startup_id: int | None = None,
) -> tuple[int, int] | None:
    """An unused (need id, startup id) from the stored matches: good pairs from the top of
    a ranking, weaker ones (for rejections and declines) from further down."""
    rng = world.rng
    needs = [need for need in candidates.needs if corporate_id in (None, need[1])]
    rng.shuffle(needs)
    for need_id, owner_id in needs:
        ranked = candidates.ranked.get(need_id, [])
        window = ranked[:6] if good else ranked[4:16]
        options = [
            candidate
            for candidate in window
            if (owner_id, candidate) not in candidates.used
            and candidates.startup_uses[candidate] < 3
            and startup_id in (None, candidate)
        ]
        if options and intros.open_introduction_count(owner_id) < OPEN_PER_CORPORATE:
            chosen = rng.choice(options)
            candidates.used.add((owner_id, chosen))
            candidates.startup_uses[chosen] += 1
            return need_id, chosen
    return None


def _pick_any_need(candidates: Candidates, startup_id: int) -> tuple[int, int] | None:
    """A need for the demo startup even when no ranking lists it high."""
    for need_id, owner_id in candidates.needs:
        if (owner_id, startup_id) not in candidates.used and (
            intros.open_introduction_count(owner_id) < OPEN_PER_CORPORATE
        ):
            candidates.used.add((owner_id, startup_id))
            return need_id, startup_id
    return None


def _create_introductions(world: World) -> None:
    candidates = _candidates(world)
    plans: list[tuple[IntroductionStatus, tuple[int, int]]] = []
    # The demo accounts see their side of the pipeline at once: the manager's company has
    # a request waiting, a startup waiting for its answer, a sent introduction and a
    # concluded pilot; the founder's startup has a proposal to answer and a meeting behind it.
    if world.kansai_id is not None:
        for status in (S.PROPOSED, S.STARTUP_ACCEPTED, S.INTRODUCED, S.CONCLUDED):
            pair = _pick(world, candidates, True, corporate_id=world.kansai_id)
            if pair:
                plans.append((status, pair))
    if world.voltcell_id is not None:
        for status in (S.APPROVED, S.MEETING_HELD):
            pair = _pick(world, candidates, True, startup_id=world.voltcell_id)
            pair = pair or _pick_any_need(candidates, world.voltcell_id)
            if pair:
                plans.append((status, pair))
    made = Counter(status for status, _ in plans)
    for status, count in TARGETS:
        good = status not in (S.REJECTED, S.DECLINED, S.EXPIRED)
        for _ in range(count - made[status]):
            pair = _pick(world, candidates, good)
            if pair:
                plans.append((status, pair))

    outcomes = list(OUTCOMES)
    world.rng.shuffle(outcomes)
    created: list[tuple[int, IntroductionStatus]] = []
    for number, (status, (need_id, startup_id)) in enumerate(plans):
        need = db.session.get(Need, need_id)
        startup = db.session.get(Organization, startup_id)
        introduction = _advance(world, need, startup, status, number, outcomes)
        created.append((introduction.id, status))
        db.session.expunge_all()

    # Expiry happens as it would in production: the opt-in was asked long ago, and the
    # periodic job notices.
    expiry = current_app.config["INTRODUCTION_EXPIRY_DAYS"]
    ids = [introduction_id for introduction_id, _ in created]
    expiring = [introduction_id for introduction_id, status in created if status is S.EXPIRED]
    others = db.session.scalar(
        sa.select(sa.func.count()).select_from(Introduction).where(Introduction.id.not_in(ids))
    )
    # With --force beside real data the job would act on real pairs too: then these pairs
    # stay asked-long-ago and the next `introductions tick` expires them.
    if expiring and not others:
        db.session.execute(
            sa.update(Introduction)
            .where(Introduction.id.in_(expiring))
            .values(asked_at=utcnow() - timedelta(days=expiry + 1))
            .execution_options(synchronize_session=False)
        )
        db.session.commit()
        intros.tick()
        db.session.expunge_all()
    _handle(world, ids)
    _age_introductions(world, ids)


def _staff_for(world: World, corporate: Organization) -> User:
    manager = corporate.account_manager
    return manager if manager is not None else world.user(world.rng.choice(world.staff_ids))


def _advance(
    world: World,
    need: Need,
    startup: Organization,
    target: IntroductionStatus,
    number: int,
    outcomes: list[Outcome],
) -> Introduction:
    """Walk one pair through the real services up to `target`."""
    rng = world.rng
    corporate = need.organization
    staff = _staff_for(world, corporate)
    corporate_user = world.user(world.user_of[corporate.id])
    startup_actor = (
        intros.Actor.via_link(startup)
        if rng.random() < 0.6
        else intros.Actor.of(world.user(world.user_of[startup.id]))
    )
    corporate_actor = (
        intros.Actor.of(corporate_user) if rng.random() < 0.6 else intros.Actor.via_link(corporate)
    )
    requested = target is S.PROPOSED or rng.random() < 0.3

    if target is S.REJECTED:
        code, comment = data.REJECT_REASONS[number % len(data.REJECT_REASONS)]
        if requested:
            intros.request_introduction(
                need, startup, corporate_user, rng.choice(data.REQUEST_MESSAGES)
            )
        return intros.reject_pair(need, startup, staff, DecisionReason(code), comment)

    if requested:
        introduction = intros.request_introduction(
            need, startup, corporate_user, rng.choice(data.REQUEST_MESSAGES)
        )
        if target is S.PROPOSED:
            return introduction
        intros.approve_introduction(introduction, staff, rng.choice(data.APPROVE_COMMENTS))
    else:
        introduction = intros.approve_pair(need, startup, staff, rng.choice(data.APPROVE_COMMENTS))
    if target in (S.APPROVED, S.EXPIRED) or (target is S.DECLINED and number % 3 != 0):
        if target is S.DECLINED:
            _decline(introduction, OrganizationKind.STARTUP, startup_actor, rng)
        return introduction

    intros.answer_introduction(introduction, OrganizationKind.STARTUP, True, startup_actor)
    if target is S.STARTUP_ACCEPTED:
        return introduction
    if target is S.DECLINED:
        _decline(introduction, OrganizationKind.CORPORATE, corporate_actor, rng)
        return introduction
    intros.answer_introduction(introduction, OrganizationKind.CORPORATE, True, corporate_actor)
    if target is S.CORPORATE_ACCEPTED:
        return introduction

    lang = intros.shared_language(introduction)
    intros.send_introduction(
        introduction, staff, intros.draft_introduction_text(introduction, lang), lang
    )
    if target is S.INTRODUCED:
        if number % 2 == 0:
            intros.save_meeting(introduction, intros.Actor.of(staff), _meeting(rng, corporate, 1))
        return introduction

    held_meeting = target is S.MEETING_HELD or rng.random() < 0.8
    if held_meeting:
        intros.save_meeting(introduction, intros.Actor.of(staff), _meeting(rng, corporate, -1))
        intros.mark_meeting_held(introduction, intros.Actor.of(staff))
    if target is S.MEETING_HELD:
        if number % 2 == 0:
            intros.record_feedback(
                introduction,
                corporate_actor,
                Outcome.IN_DISCUSSION,
                rng.choice(data.FEEDBACK_COMMENTS),
            )
        return introduction

    outcome = outcomes.pop() if outcomes else Outcome.PILOT
    intros.record_outcome(introduction, staff, outcome, data.OUTCOME_COMMENTS[outcome.value])
    if outcome is not Outcome.NO_FIT and rng.random() < 0.5:
        intros.record_feedback(
            introduction, startup_actor, outcome, rng.choice(data.FEEDBACK_COMMENTS)
        )
    return introduction


def _meeting(rng: Random, corporate: Organization, direction: int) -> intros.MeetingData:
    """A meeting in the future (direction 1) or the past (-1); past ones are moved to
    their real date when the timestamps are aged."""
    day = date.today() + timedelta(days=direction * rng.randint(2, 12))
    start = datetime(day.year, day.month, day.day, rng.choice((9, 10, 11, 14, 15, 16)))
    place = rng.choice(data.MEETING_PLACES)
    japanese = corporate.text_language == "ja"
    return intros.MeetingData(
        local_start=start,
        timezone="Europe/Berlin",
        duration_minutes=rng.choice((45, 60, 60, 90)),
        location=place,
        video_url="" if place else f"https://meet.example/jd-{rng.randint(10000, 99999)}",
        needs_interpreter=japanese,
        interpreter_languages=("ja", "de") if japanese else (),
    )


def _handle(world: World, introduction_ids: list[int]) -> None:
    """Next actions and notes, as the desk would keep them: some due today, some overdue."""
    rng = world.rng
    today = date.today()
    active = list(
        db.session.scalars(
            sa.select(Introduction.id)
            .where(
                Introduction.id.in_(introduction_ids),
                Introduction.status.not_in(intros.FINAL_STATUSES),
            )
            .order_by(Introduction.id)
        )
    )
    for index, introduction_id in enumerate(active):
        if index % 3 == 2:
            continue
        introduction = db.session.get(Introduction, introduction_id)
        due = today + timedelta(days=(0, 0, -2, 3, 7, 14)[index % 6])
        intros.update_handling(
            introduction,
            _staff_for(world, introduction.corporate),
            introduction.owner,
            rng.choice(data.NEXT_ACTIONS),
            due,
            rng.choice(data.NOTES),
        )
        db.session.expunge_all()


# --- ages ---------------------------------------------------------------------------------------

# Days ago (from, to) that a pair in each state was created and last moved.
AGES = {
    S.PROPOSED: ((1, 12), (0, 0)),
    S.APPROVED: ((6, 25), (1, 5)),
    S.STARTUP_ACCEPTED: ((10, 35), (1, 6)),
    S.CORPORATE_ACCEPTED: ((12, 40), (1, 4)),
    S.INTRODUCED: ((25, 70), (3, 20)),
    S.MEETING_HELD: ((35, 110), (5, 40)),
    S.CONCLUDED: ((70, 320), (10, 140)),
    S.REJECTED: ((5, 240), (0, 0)),
    S.DECLINED: ((12, 200), (0, 0)),
    S.EXPIRED: ((25, 160), (0, 0)),
}


def _update(model, row_id: int, **values: object) -> None:
    db.session.execute(
        sa.update(model)
        .where(model.id == row_id)
        .values(**values)
        .execution_options(synchronize_session=False)
    )


def _age_introductions(world: World, introduction_ids: list[int]) -> None:
    """Move each pair's history back in time (plain UPDATEs: no service changes history),
    so that the pipeline shows real ages, reminders fall due and feedback rounds line up."""
    rng = world.rng
    now = utcnow()
    config = current_app.config
    feedback_days = config["INTRODUCTION_FEEDBACK_DAYS"]
    fresh_reminders = 0
    for introduction_id in introduction_ids:
        introduction = db.session.get(Introduction, introduction_id)
        status = introduction.status
        (first_from, first_to), (last_from, last_to) = AGES[status]
        created = now - timedelta(days=rng.randint(first_from, first_to), hours=rng.randint(0, 9))
        if status is S.APPROVED and fresh_reminders < 4:
            # Asked five days ago and not reminded yet: `introductions tick` reminds.
            last = now - timedelta(days=5, hours=2)
            fresh_reminders += 1
        elif last_to:
            last = now - timedelta(days=rng.randint(last_from, last_to), hours=rng.randint(1, 8))
        else:
            last = created + timedelta(days=rng.randint(1, 4) if status is not S.PROPOSED else 0)
        if status is S.EXPIRED:
            last = created + timedelta(days=config["INTRODUCTION_EXPIRY_DAYS"], hours=1)
        last = min(max(last, created), now)
        events = list(
            db.session.scalars(
                sa.select(IntroductionEvent)
                .where(IntroductionEvent.introduction_id == introduction.id)
                .order_by(IntroductionEvent.id)
            )
        )
        transitions = [event for event in events if event.to_status is not None]
        times = _spread(created, last, len(transitions))
        at = {event.id: moment for event, moment in zip(transitions, times, strict=True)}
        moment = times[0]
        for event in events:
            moment = min(at.get(event.id, moment + timedelta(minutes=rng.randint(20, 600))), now)
            at[event.id] = moment
            _update(IntroductionEvent, event.id, at=moment)
        reached = {event.to_status: at[event.id] for event in transitions}
        updated = max(at.values())
        values: dict[str, object] = {"created_at": created, "updated_at": updated}
        if introduction.asked_at is not None:
            values["asked_at"] = times[-1]
            values["reminders_sent"] = 0
        if S.INTRODUCED in reached:
            values["introduced_at"] = reached[S.INTRODUCED]
        held = reached.get(S.MEETING_HELD) or (
            reached.get(S.CONCLUDED) if introduction.meeting_held_at else None
        )
        if held is not None:
            values["meeting_held_at"] = held
            age = now - held
            due = sum(1 for days in feedback_days if age >= timedelta(days=days))
            # Rounds already sent, except for some recent meetings whose feedback request
            # the next `introductions tick` sends.
            sent_all = status is S.CONCLUDED or rng.random() < 0.7
            values["feedback_rounds_sent"] = due if sent_all else 0
            if introduction.meeting is not None:
                _update(
                    Meeting,
                    introduction.meeting.id,
                    starts_at=held - timedelta(hours=3),
                    updated_at=held - timedelta(days=4),
                )
        _update(Introduction, introduction.id, **values)
        db.session.execute(
            sa.update(Notification)
            .where(Notification.introduction_id == introduction.id)
            .values(
                created_at=updated, read_at=updated if now - updated > timedelta(days=3) else None
            )
            .execution_options(synchronize_session=False)
        )
        db.session.expunge_all()
    db.session.commit()


def _spread(first: datetime, last: datetime, count: int) -> list[datetime]:
    if count <= 1:
        return [last] * count
    step = (last - first) / (count - 1)
    return [first + step * index for index in range(count)]


def _age_profiles(world: World) -> None:
    """Organisations, users and needs registered over the past two years, each before its
    first introduction."""
    rng = world.rng
    now = utcnow()
    first_introduction: dict[int, datetime] = {}
    for column in (Introduction.startup_id, Introduction.corporate_id):
        for organization_id, earliest in db.session.execute(
            sa.select(column, sa.func.min(Introduction.created_at)).group_by(column)
        ):
            # SQLite hands back aggregates as naive values (written as UTC).
            if isinstance(earliest, str):
                earliest = datetime.fromisoformat(earliest)
            first_introduction[organization_id] = (
                earliest if earliest.tzinfo else earliest.replace(tzinfo=UTC)
            )
    rows = db.session.execute(
        sa.select(Organization.id, Organization.kind, Organization.status, Organization.reviewed_at)
        .where(Organization.id.in_(world.corporate_ids + world.startup_ids))
        .order_by(Organization.id)
    )
    needs = defaultdict(list)
    for need_id, organization_id, review_status in db.session.execute(
        sa.select(Need.id, Need.organization_id, Need.review_status).order_by(Need.id)
    ):
        needs[organization_id].append((need_id, review_status))
    for organization_id, kind, status, reviewed_at in rows.all():
        if status is ProfileStatus.PENDING:
            created = now - timedelta(days=rng.randint(1, 9), hours=rng.randint(0, 20))
        else:
            low, high = (400, 720) if kind is OrganizationKind.CORPORATE else (20, 600)
            created = now - timedelta(days=rng.randint(low, high), hours=rng.randint(0, 20))
        earliest = first_introduction.get(organization_id)
        if earliest is not None:
            created = min(created, earliest - timedelta(days=rng.randint(5, 30)))
        reviewed = created + timedelta(days=rng.randint(1, 4)) if reviewed_at else None
        _update(
            Organization,
            organization_id,
            created_at=created,
            updated_at=reviewed or created,
            submitted_at=created + timedelta(hours=rng.randint(1, 30)),
            reviewed_at=reviewed,
        )
        db.session.execute(
            sa.update(User)
            .where(User.organization_id == organization_id)
            .values(created_at=created)
            .execution_options(synchronize_session=False)
        )
        for need_id, review_status in needs[organization_id]:
            need_created = created + timedelta(days=rng.randint(2, 20))
            if earliest is not None:
                need_created = min(need_created, earliest - timedelta(days=1))
            if review_status is ProfileStatus.PENDING:
                need_created = now - timedelta(days=rng.randint(1, 6))
            _update(Need, need_id, created_at=need_created, updated_at=need_created)
    db.session.commit()


def _decline(introduction, side: OrganizationKind, actor, rng) -> None:
    """One side says no, with one of the demo's reasons."""
    code, comment = rng.choice(data.DECLINE_REASONS)
    intros.answer_introduction(introduction, side, False, actor, DecisionReason(code), comment)
