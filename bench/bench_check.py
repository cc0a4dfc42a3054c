"""Caution checker speed: a check per keystroke on the real knowledge base, on 50,000
synthetic names, and a keystroke in the Check page, each beside a plain dictionary look-up."""

from __future__ import annotations

import os
import random
import statistics
import time
from collections.abc import Callable, Iterable

from bench.harness import Figure
from benzoapp.core.cautions import Checker, load_knowledge_base, parse_knowledge_base
from benzoapp.core.cautions.kb import read_knowledge_files
from benzoapp.core.drugs import load_catalog

# What people type, letter by letter: brands, phrases, typos and made-up words.
TYPED = (
    "Valium",
    "Epsom salt bath",
    "gabapentn",
    "deep tissue massage",
    "Tylenol PM",
    "klonidine",
    "qwertyuiop",
    "magnesium glycinate",
    "chamomile tea",
    "medication",
    "xyzazolam",
    "acupuncture for anxiety",
)
SYNTHETIC_NAMES = 50_000
REPEAT = 5
_SYLLABLES = (
    "ba",
    "ce",
    "di",
    "fo",
    "gu",
    "la",
    "me",
    "ni",
    "po",
    "ru",
    "sa",
    "te",
    "vo",
    "xa",
    "zi",
)


def keystroke_queries() -> list[str]:
    """Every prefix of every typed query, as the page sees them while typing."""
    return [text[:n] for text in TYPED for n in range(1, len(text) + 1)]


def synthetic_checker(count: int = SYNTHETIC_NAMES) -> Checker:
    """The real knowledge base plus ``count`` made-up, drug-like names (not covered)."""
    kb_raw, products_raw, known_raw = read_knowledge_files()
    rng = random.Random(20261122)
    seen: set[str] = set()
    while len(seen) < count:
        word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(3, 5)))
        seen.add(word + rng.choice(("pam", "lam", "done", "mine", "zol", "fen")))
    kb_raw["entries"].extend(
        {
            "id": f"synthetic-{n}",
            "kind": "ingredient",
            "names": [name],
            "class": "a made-up name",
            "categories": ["synthetic"],
            "level": "not_covered",
            "reasons": [],
        }
        for n, name in enumerate(sorted(seen))
    )
    return Checker(parse_knowledge_base(kb_raw, products_raw, known_raw, catalog=load_catalog()))


def _median_per_call(fn: Callable[[str], object], queries: Iterable[str]) -> float:
    """Median milliseconds of one call over all queries (each repeated, warm)."""
    return statistics.median(_samples(fn, queries)) * 1000


def _p95_per_call(fn: Callable[[str], object], queries: Iterable[str]) -> float:
    """95th percentile in milliseconds: the slow keystrokes, where fuzzy matching runs."""
    return statistics.quantiles(_samples(fn, queries), n=20)[-1] * 1000


def _samples(fn: Callable[[str], object], queries: Iterable[str]) -> list[float]:
    samples = []
    for query in queries:
        fn(query)
        for _ in range(REPEAT):
            start = time.perf_counter()
            fn(query)
            samples.append(time.perf_counter() - start)
    return samples


def _dict_baseline(checker: Checker, queries: list[str]) -> float:
    names = {name.casefold(): name for name in checker.completions()}
    return _median_per_call(lambda q: names.get(q.casefold()), queries)


def _gui_keystroke_ms(checker: Checker, *, every_keystroke: bool = False) -> list[float]:
    """Milliseconds for each typed letter to update the Check page, offscreen.

    The page shows the answers list at once and the full answer beside it when typing
    pauses; ``every_keystroke`` rebuilds the full answer on each letter too, as the page
    did before (the baseline).
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from benzoapp.gui.check_page import CheckPage

    app = QApplication.instance() or QApplication([])
    page = CheckPage(checker)
    page.resize(820, 600)
    page.show()
    page.activateWindow()
    page.search.setFocus()
    app.processEvents()
    samples = []
    for _ in range(REPEAT):
        for text in TYPED:
            page.search.clear()
            page.settle()
            app.processEvents()
            for char in text:
                start = time.perf_counter()
                QTest.keyClicks(page.search, char)
                if every_keystroke:
                    page.settle()
                app.processEvents()
                samples.append(time.perf_counter() - start)
            popup = page.completer.popup()
            if popup is not None:
                popup.hide()
    typed = page.search.text()
    page.close()
    if typed != TYPED[-1]:
        raise RuntimeError(f"the page did not receive the typing (has {typed!r})")
    return [sample * 1000 for sample in samples]


def _gui_pause_ms(checker: Checker) -> list[float]:
    """Milliseconds to show the full answer once typing pauses, for each typed prefix."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from benzoapp.gui.check_page import CheckPage

    app = QApplication.instance() or QApplication([])
    page = CheckPage(checker)
    page.resize(820, 600)
    page.show()
    page.activateWindow()
    page.search.setFocus()
    app.processEvents()
    samples = []
    for _ in range(REPEAT):
        for query in keystroke_queries():
            page.search.setText(query)  # typed (the box has focus): the answer waits
            app.processEvents()
            start = time.perf_counter()
            page.settle()
            app.processEvents()
            samples.append(time.perf_counter() - start)
    page.close()
    return [sample * 1000 for sample in samples]


def run() -> list[Figure]:
    """Real knowledge base, then 50,000 synthetic names, then the page, each with a baseline."""
    queries = keystroke_queries()
    # As the app runs it: the drug catalog's names placed, the English word list loaded.
    real = Checker(load_knowledge_base())
    assert real.english.words
    big = synthetic_checker()
    real_baseline = _dict_baseline(real, queries)
    page = _gui_keystroke_ms(real)
    page_before = _gui_keystroke_ms(real, every_keystroke=True)
    pause = _gui_pause_ms(real)
    return [
        Figure(
            name="check per keystroke, real KB (median)",
            value=_median_per_call(real.check, queries),
            baseline_name="plain dict look-up of the same query",
            baseline=real_baseline,
            unit="ms",
            max_value=1.0,
        ),
        Figure(
            name=f"check per keystroke, +{SYNTHETIC_NAMES:,} names (median)",
            value=_median_per_call(big.check, queries),
            baseline_name=f"plain dict look-up over {len(big.completions()):,} names",
            baseline=_dict_baseline(big, queries),
            unit="ms",
            max_value=10.0,
        ),
        Figure(
            name=f"check per keystroke, +{SYNTHETIC_NAMES:,} names (95th pct)",
            value=_p95_per_call(big.check, queries),
            baseline_name="plain dict look-up (median), for scale",
            baseline=real_baseline,
            unit="ms",
        ),
        Figure(
            name="Check page: keystroke to results (median)",
            value=statistics.median(page),
            baseline_name="plain dict look-up of the same query",
            baseline=real_baseline,
            unit="ms",
            max_value=16.0,
        ),
        Figure(
            name="Check page: keystroke to results (95th pct)",
            value=statistics.quantiles(page, n=20)[-1],
            baseline_name="the page rebuilding the full answer on every keystroke",
            baseline=statistics.quantiles(page_before, n=20)[-1],
            unit="ms",
            max_value=16.0,
        ),
        Figure(
            name="Check page: full answer when typing pauses (95th pct)",
            value=statistics.quantiles(pause, n=20)[-1],
            baseline_name="the page rebuilding the full answer on every keystroke",
            baseline=statistics.quantiles(page_before, n=20)[-1],
            unit="ms",
            max_value=16.0,
        ),
    ]
