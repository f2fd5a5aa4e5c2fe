"""Need-level ranking on the demo world: does each need find the startups of its own field?

The real-data benchmark ranks whole companies (its corporates have no needs). The app ranks
needs, and a company's needs often lie outside its own industries (a medical company's need
for access management). The demo world knows the answer: every demo startup is written for
one sector, and every demo need is taken from one sector's needs
(`services/demo_data.py`). This script builds the demo world in a temporary SQLite
database, reads the startups and open needs the way the app does
(`organization_profile`, `matchable_need_queries`), fits the matcher on the startups and
ranks each need: a startup is relevant when its sector is the need's.

    make bench-needs
    python bench/needs.py

Prints P@10 and NDCG@10 over all needs and NDCG@10 per language of the need. The texts are
our own and tidy; read the numbers as a check of how needs are ranked, not as quality on
real data.
"""

from __future__ import annotations

import math
import sys
import tempfile
from pathlib import Path

from flask_migrate import upgrade

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.pages import make_app
from matchmaker import matching
from matchmaker.extensions import db
from matchmaker.models import OrganizationKind
from matchmaker.services import demo, demo_data
from matchmaker.services import matching as stored

TOP = 10


def demo_profiles(folder: Path) -> tuple[list[matching.Profile], list[matching.Query]]:
    """The matchable startups and needs of a freshly built demo world."""
    app = make_app(f"sqlite:///{folder / 'needs.sqlite3'}", folder)
    with app.test_request_context(base_url=app.config["PUBLIC_URL"]):  # mails link back
        upgrade()
        demo.create_demo_data()
        startups = [
            stored.organization_profile(organization)
            for organization in db.session.scalars(stored.matchable_startups_query())
        ]
        _, queries = stored.matchable_need_queries()
        db.session.remove()
        db.engine.dispose()
    return startups, queries


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="matchmaker-needs-") as folder:
        startups, queries = demo_profiles(Path(folder))
    plans = demo.demo_plan()
    sector_of = {
        plan.profile.name: plan.sector for plan in plans if plan.kind is OrganizationKind.STARTUP
    }
    need_of = {
        need[lang][0]: (sector, lang)
        for sector, needs in demo_data.NEEDS.items()
        for need in needs
        for lang in ("en", "de", "ja")
    }
    startup_sector = {startup.id: sector_of.get(startup.name) for startup in startups}
    rankings = matching.Matcher().fit(startups).rank(queries, top_k=TOP)

    precision, ndcg, by_language = [], [], {}
    for query, ranking in zip(queries, rankings, strict=True):
        sector, lang = need_of[query.need.title]
        gains = [int(startup_sector[match.startup_id] == sector) for match in ranking.matches]
        relevant = sum(1 for value in startup_sector.values() if value == sector)
        dcg = sum(gain / math.log2(rank + 2) for rank, gain in enumerate(gains))
        ideal = sum(1 / math.log2(rank + 2) for rank in range(min(TOP, relevant)))
        precision.append(sum(gains) / TOP)
        ndcg.append(dcg / ideal if ideal else 0.0)
        by_language.setdefault(lang, []).append(ndcg[-1])

    def mean(values: list[float]) -> float:
        return sum(values) / len(values)

    print(
        f"demo needs={len(queries)} startups={len(startups)} "
        f"p@10={mean(precision):.3f} ndcg@10={mean(ndcg):.3f}"
    )
    for lang, values in sorted(by_language.items()):
        print(f"  {lang} needs={len(values)} ndcg@10={mean(values):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
