"""Text analysis for English, German and Japanese profiles, and the EN/DE/JA domain glossary.

Every text becomes an `Analysis`: stemmed words (Latin script), character bigrams of its
Japanese/Chinese runs (no spaces to split on there) and the language-neutral glossary
concepts it mentions. The concepts are what lets a German or Japanese need find an
English-language startup.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from itertools import chain, pairwise, repeat

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

LANGUAGES = ("en", "de", "ja")

_CJK = "\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
_CJK_CHAR = re.compile(f"[{_CJK}]")
_CJK_RUN = re.compile(f"[{_CJK}]+")
_WORD = re.compile(r"[^\W_]+")
_ASCII_WORD = re.compile(r"[a-z0-9]+")
_SHORT_TEXT = 6  # words

# fmt: off
_GERMAN_STOP_WORDS = frozenset([
    "aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "am", "an", "andere",
    "anderen", "auch", "auf", "aus", "bei", "beim", "bin", "bis", "bist", "da", "damit", "dann",
    "das", "dass", "dem", "den", "denen", "der", "des", "dich", "die", "dies", "diese", "diesem",
    "diesen", "dieser", "dieses", "doch", "dort", "du", "durch", "ein", "eine", "einem", "einen",
    "einer", "eines", "er", "es", "etwa", "euch", "euer", "für", "gegen", "haben", "hat", "hatte",
    "hier", "hin", "ich", "ihr", "ihre", "ihrem", "ihren", "ihrer", "im", "in", "ins", "ist", "ja",
    "jede", "jedem", "jeden", "jeder", "jedes", "kann", "kein", "keine", "können", "machen", "man",
    "mehr", "mit", "muss", "nach", "neue", "neuen", "nicht", "noch", "nur", "ob", "oder", "ohne",
    "sehr", "sein", "seine", "sich", "sie", "sind", "so", "sowie", "über", "um", "und", "uns",
    "unser", "unsere", "unseren", "unserer", "unter", "viel", "vom", "von", "vor", "wann", "war",
    "was", "weil", "weiter", "wenn", "wer", "werden", "wie", "wir", "wird", "wo", "zu", "zum",
    "zur", "zwischen", "suchen", "wollen", "möchten", "bieten"
])
# Words that mark a Latin-script text as German, and words that mark it as English: a text
# is German when it has more of the first than of the second (a tie too, when two of
# them are plain German words). Counted, so that short German lists full of English
# loanwords count ("Gaming, Virtual und Augmented Reality, Musik- und Videotechnologie"),
# as do titles without a verb ("Tochter eines japanischen Telekommunikationsanbieters").
# Words of both languages ("in", "an", "so", "was", "will", "also") mark neither.
_GERMAN_MARKERS = frozenset([
    "und", "ein", "eine", "einen", "einem", "einer", "eines", "für", "wir", "unsere", "unser",
    "unseren", "unserer", "unserem", "nicht", "ist", "sind", "sowie", "zur", "zum", "bei",
    "beim", "vom", "auf", "oder", "wird", "werden", "auch", "sich", "über", "durch", "wie",
    "nach", "ihre", "ihren", "ihrer", "denn", "statt", "doch", "noch", "nur", "schon", "sehr",
    "dass", "wenn", "weil", "kann", "können", "muss", "haben", "wurde", "wurden", "unter",
    "zwischen", "ohne", "gegen", "jetzt", "heute", "mehr", "keine", "kein", "sie", "uns",
    "ihr", "sein", "seine", "seinen", "dieser", "diese", "dieses", "diesen", "jede", "jeden",
    "jeder", "alle", "sowohl", "bereits", "damit", "dabei", "dafür", "hier",
])
# German words that English texts hold as well, as words, names or acronyms ("die
# casting", MIT, "Den Haag", "von der Leyen", IM): they count beside a plain German word
# or a word with an umlaut, and two different ones in a text without English markers
# ("Enzyme, die … in der Industriereinigung"). Some are plain German where a text writes
# them in lower case ("Digitalisierung im Mittelstand", "Drohnen mit Machine Learning"),
# and so is an article after a preposition ("Blockchain in der Logistik"; not "in die",
# which English "die casting" has).
_GERMAN_LOOKALIKE_MARKERS = frozenset(
    ["der", "die", "das", "des", "dem", "den", "mit", "von", "im", "zu", "aus"]
)
_GERMAN_IN_LOWER_CASE = frozenset(["im", "mit", "aus", "das", "dem", "des"])
_GERMAN_PREPOSITIONS = frozenset(
    ["in", "auf", "für", "mit", "bei", "aus", "nach", "über", "unter", "durch", "vor"]
)
_GERMAN_ARTICLES = frozenset(["der", "den", "dem", "das", "des"])
_ENGLISH_MARKERS = (
    "the", "and", "of", "for", "with", "we", "our", "to", "is", "are", "that", "which", "by",
    "from", "on", "at", "its", "their", "this", "these", "into", "a", "who",
)
# fmt: on
# English markers count as words of their own: not inside a hyphenated loan ("Go-to-Market",
# "Point-of-Care-Diagnostik") nor in the English set phrases German business texts use.
_ENGLISH_MARKER = re.compile(rf"(?<![\w-])(?:{'|'.join(_ENGLISH_MARKERS)})(?![\w-])")
_ENGLISH_LOAN_PHRASES = re.compile(
    r"\b(?:state of the art|proofs? of concept|(?:software|platform|infrastructure|banking)"
    r" as a service|(?:go|time) to market|point of (?:care|sale)|internet of things"
    r"|business to (?:business|consumer)|direct to consumer|end to end|out of the box"
    r"|plug and play|research and development|mergers and acquisitions)\b"
)
_UMLAUT = re.compile("[äöüß]")
STOP_WORDS = ENGLISH_STOP_WORDS | _GERMAN_STOP_WORDS


def detect_language(text: str) -> str:
    """Guess whether `text` is English, German or Japanese ("en", "de", "ja")."""
    lowered = text.lower()
    runs = _CJK_RUN.findall(lowered)
    return _language(lowered, runs, _WORD.findall(_CJK_RUN.sub(" ", lowered)), text)


def _language(lowered: str, cjk_runs: list[str], words: list[str], text: str) -> str:
    """The language of `text` (`lowered` is it in lower case, `words` its Latin words)."""
    cjk = sum(map(len, cjk_runs)) if cjk_runs else 0
    if cjk and cjk * 4 >= len(lowered.replace(" ", "")):
        return "ja"
    plain = sum(map(_GERMAN_MARKERS.__contains__, words))
    lookalikes = [word for word in words if word in _GERMAN_LOOKALIKE_MARKERS]
    if lookalikes:  # as the text writes them: "im" is German, "IM" an acronym
        cased = _WORD.findall(_CJK_RUN.sub(" ", text))
        plain += sum(map(_GERMAN_IN_LOWER_CASE.__contains__, cased))
        plain += sum(
            1
            for word, after in pairwise(cased)
            if word in _GERMAN_PREPOSITIONS and after in _GERMAN_ARTICLES
        )
    surely = plain or _UMLAUT.search(lowered)
    if not surely and len(set(lookalikes)) < 2:
        return "en"
    english = len(_ENGLISH_MARKER.findall(_ENGLISH_LOAN_PHRASES.sub(" ", lowered)))
    if not surely and english:
        return "en"
    german = plain + len(lookalikes)
    # A tie is German when two of its words are plainly German ("Digital Twin of the
    # Factory für den Mittelstand"), not for one name ("Supplier to Mercedes-Benz und BMW").
    if german > english or (german == english and plain >= 2):
        return "de"
    return "en"


# German words spelt like an English glossary term, which German text does not mean.
_GERMAN_LOOKALIKES = frozenset({"plant", "stock", "brand", "chef", "fusion", "manipulation"})

# Words whose stripped form would be another word of the glossary, with the stem they get
# instead: model "training" is no "train" (rail), nor are "trained" models; a "portal" is
# no "port", "accounting" no user "account", "metering" no "meter", "sensing" no
# "sensation", and a "screen" (display) no "screening" (diagnostics).
_ENGLISH_STEMS = {
    **{form: "training" for form in ("training", "trainings")},
    **{form: "screening" for form in ("screening", "screenings")},
    **{form: "portal" for form in ("portal", "portals")},
    **{form: "university" for form in ("university", "universities")},
    # "authentic" sneakers or textures are no "authentication" (identity).
    **{form: "authenticity" for form in ("authentic", "authenticity")},
    # "securities": stocks and bonds, not security ("Kabuto Securities" is no cybersecurity);
    # "marketing" is no "market" (market data, market research).
    **{
        word: word
        for word in ("accounting", "metering", "sensing", "securities", "marketing", "trained")
    },
}


@functools.lru_cache(maxsize=200_000)
def stem_en(word: str) -> str:
    """A light English stemmer: folds plurals and the commonest derivational endings."""
    if word in _ENGLISH_STEMS:
        return _ENGLISH_STEMS[word]
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith(("ss", "us", "is", "aas")):
        word = word[:-1]
    for suffix in ("ation", "ment", "ing", "ity", "ed", "al", "ive", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


# Words whose stripped form would be another word of the glossary, with the stem they get
# instead: the verb "handeln" is no "Handel" (trade), "Müller" no "Müll" (waste),
# "Verbrauch" no "Verbraucher" (consumer), who stays one in every form.
_GERMAN_STEMS = {
    **{
        word: word
        for word in ("handeln", "müller", "pflegen", "einkaufen", "notfalls", "verbrauchen")
    },
    "verlagern": "verlagern",
    **{form: "verbraucher" for form in ("verbraucher", "verbrauchern", "verbrauchers")},
    **{form: "elektriker" for form in ("elektriker", "elektrikern", "elektrikers")},
}


@functools.lru_cache(maxsize=200_000)
def stem_de(word: str) -> str:
    """A light German stemmer: strips inflection endings, keeps compounds whole."""
    if word in _GERMAN_STEMS:
        return _GERMAN_STEMS[word]
    if len(word) <= 4 or not word.isalpha():
        return word
    if word.endswith("ungen"):
        return word[:-2]
    for suffix in ("ern", "en", "er", "es", "em", "e", "n", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True)
class Concept:
    """A glossary concept: id, kind (industry/technology/business), broader ids, labels."""

    id: str
    kind: str
    broader: tuple[str, ...]
    labels: dict[str, str]

    def label(self, lang: str) -> str:
        """The concept's display name in `lang` (`data/concept_names.tsv`), else its first
        glossary term in `lang`, else in English."""
        names = concept_names().get(self.id, {})
        return names.get(lang) or self.labels.get(lang) or self.labels["en"]


@functools.cache
def concept_names() -> dict[str, dict[str, str]]:
    """Display names of the concepts, by concept id and language.

    Read from the package's data, not kept in a fitted matcher: a better name needs no refit.
    """
    names = {}
    for line in _data_lines("concept_names.tsv"):
        cells = line.split("\t")
        if len(cells) != 1 + len(LANGUAGES) or not all(cell.strip() for cell in cells):
            raise ValueError(f"concept name line {line[:40]!r} needs {1 + len(LANGUAGES)} cells")
        names[cells[0]] = dict(zip(LANGUAGES, (cell.strip() for cell in cells[1:]), strict=True))
    return names


class Glossary:
    """The EN/DE/JA domain glossary: terms in each language mapped to concept ids.

    Latin-script terms are matched on stemmed word sequences (German terms also inside
    compounds such as "Batteriemanagementsystem"); Japanese terms on the raw text.
    """

    def __init__(
        self,
        rows: Iterable[tuple[str, str, str, str, str, str]],
        nonparts: Iterable[str] = (),
    ) -> None:
        self.concepts: dict[str, Concept] = {}
        self._phrases: dict[str, dict[tuple[str, ...], tuple[str, ...]]] = {"en": {}, "de": {}}
        self._japanese: dict[str, list[tuple[str, str]]] = {}
        self._compound_cache: dict[str, tuple[str, ...]] = {}
        compound_parts: dict[str, str | None] = {}
        for concept_id, kind, broader, en, de, ja in rows:
            terms = {"en": _split_terms(en), "de": _split_terms(de), "ja": _split_terms(ja)}
            labels = {lang: items[0] for lang, items in terms.items() if items}
            self.concepts[concept_id] = Concept(concept_id, kind, tuple(broader.split()), labels)
            for lang in ("en", "de"):
                for term in terms[lang]:
                    self._add_phrase(lang, term, concept_id)
            for term in terms["ja"]:
                if _CJK_CHAR.search(term):
                    # Looked up in lowercased text: "AI創薬" is filed under "a".
                    term = term.lower()
                    self._japanese.setdefault(term[0], []).append((term, concept_id))
                else:  # acronyms such as "IoT" or "EV" inside Japanese text
                    self._add_phrase("en", term, concept_id)
            for term in terms["de"]:
                stem = stem_de(term.lower())
                if len(stem) >= 6 and _WORD.fullmatch(stem):
                    compound_parts.setdefault(stem, concept_id)
        # Words that hold a part without being about it ("Verlagerung" holds "Verlag",
        # "Druckabfall" "Abfall"): looked up like parts, they name no concept and hide the
        # parts inside them.
        for word in nonparts:
            compound_parts.setdefault(stem_de(word.lower()), None)
        for candidates in self._japanese.values():
            candidates.sort(key=lambda item: -len(item[0]))
        # Each part with its rank (longest first) and concept; looked up by substring.
        ordered = sorted(compound_parts.items(), key=lambda item: -len(item[0]))
        self._compound_parts = {
            part: (rank, concept_id) for rank, (part, concept_id) in enumerate(ordered)
        }
        self._part_lengths = sorted({len(part) for part in compound_parts}, reverse=True)
        # For each word that starts a term, the lengths of those terms, longest first.
        self._lengths: dict[str, dict[str, list[int]]] = {"en": {}, "de": {}}
        for lang, phrases in self._phrases.items():
            for key in phrases:
                self._lengths[lang].setdefault(key[0], []).append(len(key))
            for lengths in self._lengths[lang].values():
                lengths.sort(reverse=True)
        self._index_by_word()
        for concept in self.concepts.values():
            unknown = [parent for parent in concept.broader if parent not in self.concepts]
            if unknown:
                raise ValueError(f"concept {concept.id}: unknown broader concepts {unknown}")

    def _index_by_word(self) -> None:
        # One-word terms by their word, and the words that start longer terms.
        self._single = {
            lang: {key[0]: concepts for key, concepts in phrases.items() if len(key) == 1}
            for lang, phrases in self._phrases.items()
        }
        self._multi = {
            lang: {word: [n for n in ns if n > 1] for word, ns in lengths.items() if max(ns) > 1}
            for lang, lengths in self._lengths.items()
        }
        # The first two words of the longer terms: a term can start only where they stand.
        self._openings = {
            lang: {key[:2] for key in phrases if len(key) > 1}
            for lang, phrases in self._phrases.items()
        }

    def __setstate__(self, state: dict) -> None:
        # Glossaries pickled (in stored matcher snapshots) before these indexes existed.
        self.__dict__.update(state)
        if "_openings" not in state:
            self._index_by_word()

    @classmethod
    def load(cls) -> Glossary:
        """The glossary shipped in `matchmaker/matching/data/glossary.tsv`."""
        rows = []
        for line in _data_lines("glossary.tsv"):
            cells = line.split("\t")
            if len(cells) != 6:
                raise ValueError(f"glossary line {line[:40]!r} has {len(cells)} cells, not 6")
            rows.append(tuple(cells))
        nonparts = [line.split("\t")[0] for line in _data_lines("german_nonparts.tsv")]
        return cls(rows, nonparts)

    def _add_phrase(self, lang: str, term: str, concept_id: str) -> None:
        stem = stem_de if lang == "de" else stem_en
        key = tuple(stem(word) for word in _WORD.findall(_CJK_RUN.sub(" ", term.lower())))
        if key:
            known = self._phrases[lang].get(key, ())
            if concept_id not in known:
                self._phrases[lang][key] = (*known, concept_id)

    def match_words(self, words: list[str], lang: str) -> list[str]:
        """Concept ids named by a sequence of stemmed words, longest terms first."""
        if lang != "de":
            return self._match_english(words)
        phrases, lengths = self._phrases["de"], self._lengths["de"]
        found: list[str] = []
        covered = 0  # words before this position belong to a term found already
        # German words can hide terms inside compounds, so every German word is looked at.
        for position, word in enumerate(words):
            if position < covered:
                continue
            for length in lengths.get(word, ()):
                concepts = phrases.get(tuple(words[position : position + length]))
                if concepts:
                    found.extend(concepts)
                    covered = position + length
                    break
            else:
                found.extend(self._compound_concepts(word))
        return found

    def _match_english(self, words: list[str]) -> list[str]:
        # What `match_words` does, faster: only the words that start a term of several
        # words are looked at one by one; in between, one-word terms are looked up in C.
        single, multi, phrases = self._single["en"], self._multi["en"], self._phrases["en"]
        if multi.keys().isdisjoint(words):
            return list(chain.from_iterable(map(single.get, words, repeat(()))))
        openings = self._openings["en"]
        found: list[str] = []
        done = 0  # words before this position are matched already
        pairs = pairwise(words)
        for position in [i for i, pair in enumerate(pairs) if pair in openings]:
            if position < done:
                continue
            for length in multi[words[position]]:
                concepts = phrases.get(tuple(words[position : position + length]))
                if concepts:
                    found += chain.from_iterable(map(single.get, words[done:position], repeat(())))
                    found += concepts
                    done = position + length
                    break
        found += chain.from_iterable(map(single.get, words[done:], repeat(())))
        return found

    def _compound_concepts(self, word: str) -> tuple[str, ...]:
        # German glues nouns together ("Lithiumbatteriezelle"): look for known parts inside.
        if len(word) < 9:
            return ()
        cached = self._compound_cache.get(word)
        if cached is not None:
            return cached
        # Longest parts first; a part inside one found already is that part's own word
        # ("versicherung" in "cyberversicherung"), but parts that merely overlap both count:
        # "Cyberversicherungsprodukt" names cyber insurance and an insurance product.
        # The word's substrings are looked up (cheaper than searching for every part); the
        # first occurrence of each part counts.
        starts: dict[str, int] = {}
        for length in self._part_lengths:
            for start in range(len(word) - length + 1):
                part = word[start : start + length]
                if part in self._compound_parts and part not in starts:
                    starts[part] = start
        found, spans = [], []
        for part in sorted(starts, key=lambda part: self._compound_parts[part][0]):
            concept_id, start = self._compound_parts[part][1], starts[part]
            end = start + len(part)
            if concept_id and word[:start] in _GERMAN_PREFIXES:
                continue  # "Erwartung" is not about "Wartung", nor "Abbildung" "Bildung"
            if not any(a <= start and end <= b for a, b in spans):
                spans.append((start, end))
                if concept_id:
                    found.append(concept_id)
        self._compound_cache[word] = tuple(found)
        return self._compound_cache[word]

    def match_japanese(self, text: str) -> list[str]:
        """Concept ids named in Japanese text, longest terms first, without overlaps."""
        found: list[str] = []
        text = text.lower()
        position = 0
        while position < len(text):
            for term, concept_id in self._japanese.get(text[position], ()):
                if text.startswith(term, position):
                    found.append(concept_id)
                    position += len(term)
                    break
            else:
                position += 1
        return found

    def english_words(self, concept_id: str) -> list[str]:
        """The stemmed words of a concept's English label."""
        label = self.concepts[concept_id].labels["en"]
        return [stem_en(word) for word in _WORD.findall(label.lower())]

    def with_broader(self, concept_ids: list[str]) -> list[str]:
        """The concepts plus their direct broader concepts ("payroll" also means "hr").

        Only one level: further up ("financial services") a concept says too little.
        """
        return concept_ids + [
            parent for concept_id in concept_ids for parent in self.concepts[concept_id].broader
        ]


# Prefixes that make a new word of a noun rather than a compound of two nouns.
_GERMAN_PREFIXES = frozenset(
    {"ab", "an", "auf", "aus", "be", "bei", "ein", "ent", "er", "ge", "miss"}
    | {"mit", "nach", "über", "um", "un", "unter", "ver", "vor", "zer", "zu"}
)


def _data_lines(name: str) -> list[str]:
    """The lines of a data file of the package, without blank and comment lines."""
    text = resources.files(__package__).joinpath(f"data/{name}").read_text("utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _split_terms(cell: str) -> list[str]:
    return [term.strip() for term in cell.split("|") if term.strip()]


class _Stems(dict):
    """Memo of a stemmer: a plain dict lookup per word, the stemmer only for new words."""

    def __init__(self, stemmer: Callable[[str], str]) -> None:
        super().__init__()
        self.stemmer = stemmer

    def __missing__(self, word: str) -> str:
        self[word] = stemmed = self.stemmer(word)
        return stemmed


class _ContentStems(dict):
    """Memo of a word's stem as a content word: "" for stop words and single letters."""

    def __init__(self, stems: _Stems) -> None:
        super().__init__()
        self.stems = stems

    def __missing__(self, word: str) -> str:
        self[word] = stemmed = "" if word in STOP_WORDS or len(word) < 2 else self.stems[word]
        return stemmed


@dataclass(frozen=True)
class Analysis:
    """One analysed text: stemmed content words, CJK bigrams and glossary concepts."""

    lang: str
    words: list[str]
    bigrams: list[str]
    concepts: list[str]


def is_cjk(text: str) -> bool:
    """Whether a text is Chinese, Japanese or Korean characters only (a bigram of one)."""
    return _CJK_RUN.fullmatch(text) is not None


def _runs_and_words(lowered: str) -> tuple[list[str], list[str]]:
    """The CJK runs and the other words of a lower-cased text."""
    if lowered.isascii():  # the common case, and the ASCII pattern is twice as fast
        return [], _ASCII_WORD.findall(lowered)
    runs = _CJK_RUN.findall(lowered)
    return runs, _WORD.findall(_CJK_RUN.sub(" ", lowered) if runs else lowered)


def _keep_shortest(forms: dict[str, str], word: str, stemmed: str) -> None:
    # The shortest form seen is usually the plain one ("supply", not "supplies"); of two
    # forms of equal length, the first one seen is shown.
    if len(word) < len(forms.get(stemmed, word + " ")):
        forms[stemmed] = word


class Analyzer:
    """Turns raw text into an `Analysis`."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self._stems = {"en": _Stems(stem_en), "de": _Stems(stem_de)}
        self._content = {lang: _ContentStems(stems) for lang, stems in self._stems.items()}

    def __setstate__(self, state: dict) -> None:
        # Analyzers pickled (in stored matcher snapshots) before the content-word memo, or
        # with the pool's word forms that reasons no longer show (the query's own words).
        self.__dict__.update(state)
        if "_content" not in state:
            self._content = {lang: _ContentStems(stems) for lang, stems in self._stems.items()}
        for stale in ("surface", "_seen", "learning", "first_seen"):
            self.__dict__.pop(stale, None)

    def forms(self, *texts: str) -> dict[str, str]:
        """How these texts write the stems of their content words: for each stem the
        shortest form, of equal ones the first. Reasons show a query's shared terms in the
        query's own words ("security" where a startup wrote "secured")."""
        written: dict[str, str] = {}
        for text in texts:
            lowered = text.lower()
            runs, latin = _runs_and_words(lowered)
            content = self._content["de" if _language(lowered, runs, latin, text) == "de" else "en"]
            for word in dict.fromkeys(latin):
                if stemmed := content[word]:
                    _keep_shortest(written, word, stemmed)
        return written

    def stems_of(self, text: str) -> set[str]:
        """The stems of a text's content words by either stemmer: to tell whether a word
        (a stem of either language) is one of the text's. Learns nothing."""
        _, latin = _runs_and_words(text.lower())
        return {self._content[key][word] for key in self._content for word in latin} - {""}

    def analyze(self, text: str) -> Analysis:
        """Analyse one text (any of English, German, Japanese, or a mix)."""
        if not text:
            return Analysis("en", [], [], [])
        lowered = text.lower()
        runs, latin = _runs_and_words(lowered)
        lang = _language(lowered, runs, latin, text)
        key = "de" if lang == "de" else "en"
        stems = list(map(self._stems[key].__getitem__, latin))
        words = list(filter(None, map(self._content[key].__getitem__, latin)))
        concepts = self.glossary.match_words(stems, key)
        translated = list(concepts) if lang != "en" else []
        if lang == "de":
            # English terms in German text (Software, Cloud, Machine Learning), except the
            # German words spelt like one: "plant" (plans), "Stock" (floor), "Brand" (fire).
            english = [stem_en(word) if word not in _GERMAN_LOOKALIKES else "" for word in latin]
            concepts += self.glossary.match_words(english, "en")
        elif len(latin) <= _SHORT_TEXT and not concepts:
            # Too short to tell English from German ("Batteriemanagement", a tag, a title),
            # and no English term in it: try the German ones.
            german = self.glossary.match_words([stem_de(word) for word in latin], "de")
            translated = [concept for concept in german if concept not in concepts]
            concepts += translated
        bigrams: list[str] = []
        if runs:
            japanese = self.glossary.match_japanese(lowered)
            concepts += japanese
            translated += japanese
            for run in runs:
                bigrams.extend(run[i : i + 2] for i in range(max(1, len(run) - 1)))
        # Translate through the glossary so that word overlap with English texts exists.
        for concept_id in translated:
            words.extend(self.glossary.english_words(concept_id))
        return Analysis(lang, words, bigrams, self.glossary.with_broader(concepts))
