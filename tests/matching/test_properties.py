"""Property tests: whatever people type, the matcher neither crashes nor leaves [0, 1]."""

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matchmaker.matching import Matcher, Profile
from matchmaker.matching.matcher import _clause_spans, _quoted

from .conftest import corporate

# Latin, German, Japanese, emoji and control characters, in short and very long texts.
ALPHABET = st.sampled_from([*"abcxyz äöüß 電池自動車バッテリー、。 😀🚗🔋 \n\t.,;:-_", "\x00"])
TEXT = st.one_of(
    st.text(ALPHABET, max_size=60),
    st.text(max_size=40),
    st.builds(
        lambda word, n: (word + " ") * n,
        st.sampled_from(["battery", "電池", "🔋"]),
        st.integers(500, 3000),
    ),
)
TAGS = st.lists(st.text(max_size=12), max_size=3).map(tuple)
LANGUAGES = st.lists(st.sampled_from(["en", "de", "ja", "fr", ""]), max_size=3).map(tuple)


def profiles(kind: str):
    return st.builds(
        Profile,
        id=st.uuids().map(str),
        kind=st.just(kind),
        name=TEXT,
        description=TEXT,
        offers=TEXT,
        seeks=TEXT,
        industries=TAGS,
        technologies=TAGS,
        languages=LANGUAGES,
    )


def check(ranking_matches):
    for match in ranking_matches:
        assert math.isfinite(match.score) and 0 <= match.score <= 1
        assert all(math.isfinite(v) and 0 <= v <= 1 for v in match.features.values())
        assert match.reasons and all(reason.strip() for reason in match.reasons)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(query=profiles("corporate"), lang=st.sampled_from(["en", "de", "ja"]))
def test_any_query_against_a_fitted_pool(matcher, query, lang):
    ranking = matcher.rank_one(query, top_k=6, lang=lang)

    check(ranking.matches)
    assert len({m.startup_id for m in ranking.matches}) == len(ranking.matches)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pool=st.lists(profiles("startup"), max_size=6), query=profiles("corporate"))
def test_any_pool(pool, query):
    matcher = Matcher(n_components=4).fit(pool)

    check(matcher.rank_one(query, top_k=3).matches)
    check(matcher.score_startups(query, pool))


@settings(max_examples=20, deadline=None)
@given(seeks=TEXT)
def test_same_input_same_output(matcher, seeks):
    need = corporate(seeks)

    assert matcher.rank_one(need) == matcher.rank_one(need)


QUOTED_WORDS = st.sampled_from(
    [
        *["die", "Die", "mit", "denen", "und", "sowie", "which", "Partner", "Batterien"],
        *["自治体からは", "向けに", "制作し", "読み取って", "電池", "Lauf-", "-"],
    ]
)
QUOTED_TEXT = st.lists(
    st.one_of(
        QUOTED_WORDS,
        st.sampled_from([",", ".", ":", " und ", "、", "。", "\uff01", "\uff1f", "・", "("]),
        st.text(max_size=8),
    ),
    max_size=60,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(text=QUOTED_TEXT)
def test_a_quoted_clause_is_whole_never_longer_than_its_limit_and_never_empty(text):
    # The clauses are the ones the matcher cuts a need's text into.
    for start, end in _clause_spans(text):
        clause = text[start:end]
        if len(clause) > 2:
            quote = _quoted(text, (start, end))
            assert 0 < len(quote) <= 90
            assert quote.strip() == quote and "\n" not in quote
            # The clause itself is quoted whole, unless it alone is too long.
            whole = " ".join(clause.split())
            assert whole in quote or len(whole) > 80
