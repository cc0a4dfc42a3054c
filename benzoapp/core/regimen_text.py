"""Reading a regimen as people write it, and writing one back the same way.

Accepted, besides the strict "clonazepam 0.5mg 08:00; clonazepam 1mg 22:00":

- doses separated by ";", new lines, commas, "and", "&", "+" or "plus": the drug named
  once is carried to the doses after it ("clonazepam 0.5 mg morning and 1 mg at night");
- a dose named once is carried to a time that follows alone ("1 mg morning and night");
- clock times "08:00", "8.00", "22h30", "8am", "8:30 pm", "10 p.m.";
- words for times of day (``WORD_TIMES``: "morning", "noon", "bedtime", "AM", "PM",
  "qhs", "with dinner"), for how often a day (``TIMES_A_DAY``: "twice a day", "three
  times daily", "bd", "tds") and for intervals (``EVERY_HOURS``: "every 8 hours", "q12h");
- "2 x 5mg", "half a tablet of 1 mg", ".5mg", "0.5mg of clonazepam";
- brand names ("Klonopin") and modified-release products ("Xanax XR"), and form words
  after the name that change nothing ("Klonopin ODT", "temazepam capsules").

The default clock times for words are BenzoApp's convention, not a clinical rule: they
are shown as rows to confirm and can be changed. "Once a day" without a time is refused
because the time matters (a sleeping tablet in the morning is a different regimen), and
so is "as needed" (no fixed time to plan from).

Every refusal is a ``RegimenTextError`` whose message is one full sentence saying what to
change; nothing else is ever raised for any text (a property test holds this).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from benzoapp.core.decimals import fmt
from benzoapp.core.dose_parse import parse_dose
from benzoapp.core.dose_sanity import check_doses
from benzoapp.core.errors import InputError, RegimenTextError
from benzoapp.core.model import Regimen, RegimenDose

if TYPE_CHECKING:
    from benzoapp.core.drugs import Drug, DrugCatalog, ReleaseForm

# The clock time each word stands for. Chosen so the day's doses spread out: morning on
# waking, noon, early afternoon, early evening, night at bedtime.
WORD_TIMES: dict[str, str] = {
    "morning": "08:00",
    "mornings": "08:00",
    "mane": "08:00",
    "breakfast": "08:00",
    "noon": "12:00",
    "midday": "12:00",
    "lunch": "12:00",
    "lunchtime": "12:00",
    "afternoon": "14:00",
    "afternoons": "14:00",
    "evening": "18:00",
    "evenings": "18:00",
    "night": "22:00",
    "nights": "22:00",
    "nightly": "22:00",
    "nocte": "22:00",
    "tonight": "22:00",
    "bedtime": "22:00",
    "bed": "22:00",
    "sleep": "22:00",
    "midnight": "00:00",
    # Prescription shorthand and meals
    "am": "08:00",
    "qam": "08:00",
    "waking": "08:00",
    "wake": "08:00",
    "pm": "20:00",
    "qpm": "20:00",
    "dinner": "18:00",
    "supper": "18:00",
    "tea": "18:00",
    "teatime": "18:00",
    "hs": "22:00",
    "qhs": "22:00",
    "h.s": "22:00",
    "q.h.s": "22:00",
}
# "Every N hours": evenly spaced, so the clock times differ from "N times a day".
EVERY_HOURS: dict[int, tuple[str, ...]] = {
    12: ("08:00", "20:00"),
    8: ("06:00", "14:00", "22:00"),
    6: ("00:00", "06:00", "12:00", "18:00"),
}
# "N times a day": the clock times used. Twice a day is twelve hours apart; three and four
# times spread over the waking day, the last dose at 20:00.
TIMES_A_DAY: dict[int, tuple[str, ...]] = {
    2: ("08:00", "20:00"),
    3: ("08:00", "14:00", "20:00"),
    4: ("08:00", "12:00", "16:00", "20:00"),
}
EXAMPLE = '"clonazepam 0.5 mg morning and 1 mg at night"'
_ONE_WORD_TIME = {"morning": "08:00", "noon": "12:00", "evening": "18:00", "night": "22:00"}

_NUMBER = r"\d+(?:[.,]\d+)?"
_UNIT = r"mg|milligrams?|mcg|micrograms?|µg|μg|ug"
_DOSE_RE = re.compile(
    rf"(?<![\w.,/])-?(?:(?:\d+\s*/\s*\d+|{_NUMBER}|half(?:\s+an?)?|a|one)\s*(?:x\s*)?"
    rf"(?:tablets?|tabs?|pills?)\s+(?:of\s+)?{_NUMBER}\s*(?:{_UNIT})"
    rf"|(?:\d+\s*[x×]\s*)?{_NUMBER}\s*(?:{_UNIT}))(?![a-zµμ])",
    re.IGNORECASE,
)
_COUNT_RE = re.compile(rf"^(?P<count>\d+)\s*[x×]\s*(?P<amount>{_NUMBER}\s*(?:{_UNIT}))$", re.I)
_LEADING_DOT_RE = re.compile(r"(?<![\w.,])\.(\d)")  # ".5 mg" is "0.5 mg"
_BARE_NUMBER_RE = re.compile(rf"^-?{_NUMBER}$")
_SPLIT_PART_RE = re.compile(r"[;\n]+")
_SPLIT_ITEM_RE = re.compile(r",(?!\d)|(?<!\d),|&|\+|\band\b|\bplus\b", re.IGNORECASE)
_FORM_WORDS = {
    "odt", "tablet", "tablets", "tab", "tabs", "capsule", "capsules", "cap", "caps", "wafer",
    "wafers", "oral", "liquid", "solution", "suspension", "drops", "elixir", "syrup",
    "concentrate", "intensol", "generic",
}  # fmt: skip
_FILLER = {
    "at", "in", "the", "every", "each", "a", "an", "before", "around", "about", "by",
    "on", "taken", "take", "then", "to", "go", "going", "of", "time", "o'clock", "with",
    "after", "upon", "when", "i", "up", "my", "just", "right",
}  # fmt: skip
_INTERVAL_RE = re.compile(r"^(?:(?:every|each)\s+)?(?P<h>\d+)\s*(?:hours?|hrs?|h)$|^q(?P<q>\d+)h$")
_AS_NEEDED_RE = re.compile(r"\b(?:prn|p\.r\.n|as needed|when needed|if needed|as required)\b")
_COUNTS = {"once": 1, "one": 1, "twice": 2, "two": 2, "thrice": 3, "three": 3, "four": 4}
_COUNTS.update(five=5, six=6, seven=7, eight=8)
_ABBREVIATIONS = {"od": 1, "qd": 1, "bd": 2, "bid": 2, "tds": 3, "tid": 3, "qds": 4, "qid": 4}
_FREQUENCY_RE = re.compile(
    r"^(?:(?P<word>once|twice|thrice)|(?P<n>one|two|three|four|five|six|seven|eight|\d+)\s*(?:x|times?))"
    r"\s*(?:(?:a|per|each|every)\s+)?(?:day|daily)$"
    r"|^(?P<daily>daily|(?:every|each|a|per)\s+day)$",
)
_CLOCK_RE = re.compile(r"^(?P<h>\d{1,2})[:.h](?P<m>\d{2})$")
_AMPM_RE = re.compile(r"^(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?(?P<half>am|pm)$")


def _fail(message: str) -> RegimenTextError:
    return RegimenTextError(message)


@dataclass(frozen=True)
class _Item:
    """One dose as read: the drug (and product), the dose text and its times."""

    drug: Drug
    release: ReleaseForm | None
    dose_text: str
    times: tuple[str, ...]
    written: str


def read_regimen(
    text: str,
    catalog: DrugCatalog,
    *,
    default_drug: str | None = None,
    confirmed: bool = False,
) -> Regimen:
    """Read a regimen as people write it; see the module docstring for what is accepted.

    ``default_drug`` is the drug of doses written without one (an editor with the drug
    already chosen). Implausible doses raise ``DoseConfirmationError`` unless
    ``confirmed`` (see ``benzoapp.core.dose_sanity``).
    """
    cleaned = text.strip()
    if not cleaned:
        raise _fail(f"The regimen is empty: write what you take now, like {EXAMPLE}.")
    if len(cleaned) > 2000:
        raise _fail("Shorten the regimen to under 2000 characters: one line per dose is enough.")
    carried: tuple[Drug, ReleaseForm | None] | None = None
    if default_drug is not None:
        carried = (_drug(default_drug, catalog), catalog.release_of(default_drug))
    last_dose: str | None = None
    items: list[_Item] = []
    for part in _SPLIT_PART_RE.split(cleaned):
        for raw in _SPLIT_ITEM_RE.split(part):
            written = _LEADING_DOT_RE.sub(r"0.\1", " ".join(raw.split()))
            if not written:
                continue
            item = _read_item(written, carried, last_dose, catalog)
            carried, last_dose = (item.drug, item.release), item.dose_text
            items.append(item)
    if not items:
        raise _fail(f"The regimen is empty: write what you take now, like {EXAMPLE}.")
    doses = _doses(items)
    regimen = Regimen(doses=tuple(sorted(doses, key=lambda d: (d.time, d.drug))))
    check_doses(regimen, catalog, confirmed=confirmed)
    return regimen


def _doses(items: list[_Item]) -> list[RegimenDose]:
    doses: list[RegimenDose] = []
    seen: dict[tuple[str, str], str] = {}
    for item in items:
        try:
            mg = parse_dose(item.dose_text, item.drug, item.release)
        except RegimenTextError:
            raise
        except InputError as error:
            raise _fail(str(error)) from error
        for time in item.times:
            key = (item.drug.id, time)
            if key in seen:
                raise _fail(
                    f"Give one total for {item.drug.id} at {time}: it is listed twice "
                    f'("{seen[key]}" and "{item.written}").'
                )
            seen[key] = item.written
            release = item.release.id if item.release else ""
            doses.append(RegimenDose(drug=item.drug.id, time=time, mg=mg, release=release))
    return doses


def _read_item(
    written: str,
    carried: tuple[Drug, ReleaseForm | None] | None,
    last_dose: str | None,
    catalog: DrugCatalog,
) -> _Item:
    """One dose: [drug] [time] DOSE [drug] [time], the drug on one side of the dose at most."""
    match = _DOSE_RE.search(written)
    if match is None:
        return _time_only_item(written, carried, last_dose, catalog)
    before = written[: match.start()].strip()
    after = re.sub(r"^of\s+", "", written[match.end() :].strip(), flags=re.IGNORECASE)
    named, before_time = _split_leading(before, catalog)
    if named is None:
        named, after_time = _split_leading(after, catalog)
    else:
        after_time = after
    if before_time and not _reads_as_time(before_time):
        if named is None:
            _drug(before_time, catalog)  # "klonopn 1mg 8am": a misspelt drug, with a hint
        _read_times(before_time, written)  # says which word is not a time
    if before_time and after_time:
        raise _fail(
            f'Give "{written}" one time of day, before or after the dose, like '
            f'"{match.group(0).strip()} at 08:00".'
        )
    drug = named or carried
    if drug is None:
        raise _fail(
            f'Say which drug "{written}" is, like "clonazepam {written}": every dose needs '
            "a drug, a dose and a time."
        )
    if not (before_time or after_time):
        raise _fail(
            f'Add the time of day to "{written}" (every dose needs a drug, a dose and a '
            f'time), like "{written} at 08:00", "{written} at 8am" or "{written} at night".'
        )
    times = _read_times(before_time or after_time, written)
    return _Item(drug[0], drug[1], _dose_text(match.group(0)), times, written)


def _dose_text(found: str) -> str:
    """The dose as ``parse_dose`` reads it: "2 x 5mg" is two tablets of 5 mg."""
    count = _COUNT_RE.match(found.strip())
    if count is None:
        return re.sub(r"^half\s+an?\s+", "half ", found.strip(), flags=re.IGNORECASE)
    return f"{count['count']} tablets of {count['amount']}"


def _split_leading(
    text: str, catalog: DrugCatalog
) -> tuple[tuple[Drug, ReleaseForm | None] | None, str]:
    """A drug named at the start of ``text`` (if any) and the rest, form words dropped."""
    if not text:
        return None, ""
    found = _leading_drug(text, catalog)
    if found is None:
        return None, text
    return found


def _reads_as_time(text: str) -> bool:
    try:
        _read_times(text, text)
    except RegimenTextError:
        return False
    return True


def _time_only_item(
    written: str,
    carried: tuple[Drug, ReleaseForm | None] | None,
    last_dose: str | None,
    catalog: DrugCatalog,
) -> _Item:
    """An item with no dose: a time following a dose ("and night"), else a clear refusal."""
    for word in written.split():
        if _BARE_NUMBER_RE.match(word) and not _is_time_word(word):
            raise _fail(
                f'Add a unit to {word} in "{written}": write {word.lstrip("-")} mg '
                f"or {word.lstrip('-')} mcg."
            )
    found = _leading_drug(written, catalog)
    if found is not None:
        raise _fail(
            f'Add the dose to "{written}": it needs a drug, a dose and a time, '
            f'like "{found[0][0].id} 0.5 mg {found[1] or "08:00"}".'
        )
    times = _read_times(written, written)
    if carried is None or last_dose is None:
        raise _fail(
            f'Add the drug and dose to "{written}": every dose needs a drug, a dose and a '
            f"time, like {EXAMPLE}."
        )
    return _Item(carried[0], carried[1], last_dose, times, written)


def _is_time_word(word: str) -> bool:
    return _CLOCK_RE.match(word) is not None


def _leading_drug(
    text: str, catalog: DrugCatalog
) -> tuple[tuple[Drug, ReleaseForm | None], str] | None:
    """A drug named at the start of ``text`` (up to three words) and what follows it."""
    words = text.split()
    for size in range(min(3, len(words)), 0, -1):
        name = " ".join(words[:size])
        if name.casefold() in catalog.names or name.casefold() in catalog.release_names:
            rest = [w for w in words[size:] if w.casefold() not in _FORM_WORDS]
            return (catalog.get(name), catalog.release_of(name)), " ".join(rest)
    return None


def _drug(name: str, catalog: DrugCatalog) -> Drug:
    key = " ".join(name.split()).casefold()
    if key in catalog.names:
        return catalog.get(key)
    close = difflib.get_close_matches(key, list(catalog.names), n=3, cutoff=0.75)
    hint = f" (did you mean {' or '.join(close)}?)" if close else ""
    raise _fail(
        f'Check the drug name "{" ".join(name.split())}": it is not a benzodiazepine or '
        f"Z-drug BenzoApp knows{hint}."
    )


def _normalise_time_text(text: str) -> list[str]:
    # Commas left in a time phrase separate times ("8:00,22:00"): the dose is read already.
    lowered = text.casefold().replace(",", " ").replace("a.m.", "am").replace("p.m.", "pm")
    lowered = re.sub(r"\b(a|p)\.?m\b\.?", r"\1m", lowered)
    lowered = re.sub(r"(\d)\s+(am|pm)\b", r"\1\2", lowered)
    lowered = lowered.replace("bed time", "bedtime").replace("lunch time", "lunchtime")
    return [w.strip(".!") for w in lowered.split() if w.strip(".!")]


def _read_times(text: str, written: str) -> tuple[str, ...]:
    """Clock times from a time phrase: "at night", "8am 10pm", "twice a day"."""
    words = _normalise_time_text(text)
    joined = " ".join(w for w in words if w not in {"taken", "take"})
    if _AS_NEEDED_RE.search(joined):
        raise _fail(
            f'Write the times you usually take "{written}" (like "at 8am" or "at night"): a '
            "dose taken as needed has no fixed time to plan from."
        )
    interval = _INTERVAL_RE.match(joined)
    if interval is not None:
        hours = int(interval["h"] or interval["q"])
        if hours not in EVERY_HOURS:
            raise _fail(
                f'Write the times of "{written}" one by one (like "at 08:00 and 20:00"): '
                "BenzoApp reads every 6, 8 or 12 hours."
            )
        return EVERY_HOURS[hours]
    frequency = _FREQUENCY_RE.match(joined)
    count = _ABBREVIATIONS.get(joined)
    if frequency is not None:
        if frequency["daily"]:
            count = 1
        elif frequency["word"]:
            count = _COUNTS[frequency["word"]]
        else:
            n = frequency["n"]
            count = _COUNTS.get(n) or (int(n) if len(n) < 3 else 99)
    if count is not None:
        if count == 1:
            raise _fail(
                f'Say when you take the dose in "{written}", like "at 8am", "at night" or '
                '"at 22:00", because the time of day matters.'
            )
        if count not in TIMES_A_DAY:
            raise _fail(
                f'Write the times of "{written}" one by one (like "at 08:00, 12:00, '
                '16:00 and 20:00"): BenzoApp reads two to four times a day.'
            )
        return TIMES_A_DAY[count]
    times = [_one_time(w, written) for w in words if w not in _FILLER]
    if not times:
        raise _fail(f'Add the time of day to "{written}", like "at 08:00", "at 8am" or "at night".')
    return tuple(times)


def _one_time(word: str, written: str) -> str:
    if word in WORD_TIMES:
        return WORD_TIMES[word]
    clock = _CLOCK_RE.match(word)
    if clock is not None and int(clock["h"]) <= 23 and int(clock["m"]) <= 59:
        return f"{int(clock['h']):02d}:{clock['m']}"
    ampm = _AMPM_RE.match(word)
    if ampm is not None:
        hour, minute = int(ampm["h"]), int(ampm["m"] or 0)
        if 1 <= hour <= 12 and minute <= 59:
            hour = hour % 12 + (12 if ampm["half"] == "pm" else 0)
            return f"{hour:02d}:{minute:02d}"
        raise _fail(
            f'Write "{word}" in "{written}" as a time that exists, like 8am, 12pm or 10:30pm.'
        )
    if re.fullmatch(r"\d{1,2}", word):
        raise _fail(
            f'Say whether {word} in "{written}" is morning or evening: write {word}am, '
            f"{word}pm or {int(word):02d}:00."
        )
    raise _fail(
        f'Write the time "{word}" in "{written}" as a clock time or a word, like 08:00, '
        "8am, 10pm, morning, noon, evening or night."
    )


# ---- writing a regimen back ---------------------------------------------------------


def time_words(time: str, style: str) -> str:
    """A "HH:MM" time in one of the accepted styles: "clock", "ampm" or "words".

    "words" falls back to the clock time when no word stands for it.
    """
    if style == "words":
        for word, at in _ONE_WORD_TIME.items():
            if at == time:
                return f"in the {word}" if word in ("morning", "evening") else f"at {word}"
        return time
    if style == "ampm":
        hour, minute = int(time[:2]), time[3:]
        half = "am" if hour < 12 else "pm"
        shown = hour % 12 or 12
        return f"{shown}{half}" if minute == "00" else f"{shown}:{minute}{half}"
    return time


def format_regimen(regimen: Regimen, style: str = "clock") -> str:
    """The regimen as text that reads back as the same regimen.

    One part per drug (or product), its doses joined by commas: "clonazepam 0.5 mg
    08:00, 1 mg 22:00; diazepam 5 mg 12:00". A product is written by its id
    ("alprazolam-xr"), which names it exactly.
    """
    groups: dict[str, list[RegimenDose]] = {}
    for dose in regimen.doses:
        groups.setdefault(dose.release or dose.drug, []).append(dose)
    parts = []
    for name, doses in groups.items():
        written = ", ".join(f"{fmt(d.mg)} mg {time_words(d.time, style)}" for d in doses)
        parts.append(f"{name} {written}")
    return "; ".join(parts)


def describe_times() -> str:
    """The word defaults in one line, for help texts and docs."""
    words = ", ".join(f"{w} {WORD_TIMES[w]}" for w in ("morning", "noon", "afternoon"))
    late = ", ".join(f"{w} {WORD_TIMES[w]}" for w in ("evening", "night", "bedtime"))
    counts = "; ".join(f"{n} times a day {' '.join(t)}" for n, t in TIMES_A_DAY.items())
    return f"{words}, {late}; {counts}"
