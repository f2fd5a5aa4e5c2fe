"""The matching library: profiles in, ranked pairs with reasons out. No Flask, no ORM.

    from matchmaker.matching import Matcher, read_profiles, queries_for

    matcher = Matcher(lang="de").fit(read_profiles("startups.jsonl"))
    rankings = matcher.rank(queries_for(read_profiles("corporates.jsonl")), top_k=20)
    ranking = matcher.rank_one(Query(corporate, need), top_k=20)      # a single new need
    matches = matcher.score_startups(Query(corporate), [edited_startup])  # refresh rows

Every `Match` has a score in [0, 1], named `features` and non-empty `reasons`; store
`MODEL_VERSION` beside them.
"""

from matchmaker.matching.matcher import (
    CONTENT_FEATURES,
    DEFAULT_WEIGHTS,
    FEATURES,
    MODEL_VERSION,
    Match,
    Matcher,
    Query,
    Ranking,
    queries_for,
)
from matchmaker.matching.profiles import (
    Need,
    Profile,
    ProfileFormatError,
    profile_from_dict,
    read_profiles,
)
from matchmaker.matching.text import LANGUAGES, Glossary

__all__ = [
    "CONTENT_FEATURES",
    "DEFAULT_WEIGHTS",
    "FEATURES",
    "LANGUAGES",
    "MODEL_VERSION",
    "Glossary",
    "Match",
    "Matcher",
    "Need",
    "Profile",
    "ProfileFormatError",
    "Query",
    "Ranking",
    "profile_from_dict",
    "queries_for",
    "read_profiles",
]
