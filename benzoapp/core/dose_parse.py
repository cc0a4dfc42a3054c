"""Reading doses and regimens as people type them: "0,5mg", "500 mcg", "1/2 tablet of 1 mg".

Anything that is not clearly one of the accepted shapes is refused with a plain message:
guessing at a dose is never safe.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from benzoapp.core.decimals import fmt, tidy
from benzoapp.core.drugs import SWALLOW_WHOLE, Tablet
from benzoapp.core.errors import InputError
from benzoapp.core.formulation import Formulation
from benzoapp.core.model import Form, Regimen, TabletStrength

if TYPE_CHECKING:
    from benzoapp.core.drugs import Drug, DrugCatalog, ReleaseForm

# The finest dose the app records: a tenth of a microgram (a quarter of a 0.25 mg tablet
# is 0.0625 mg). Finer figures are refused rather than silently rounded.
DOSE_RESOLUTION = Decimal("0.0001")
_NUMBER = r"\d+(?:[.,]\d+)?"
_FRACTION = r"\d+\s*/\s*\d+"
_UNITS = {
    "mg": Decimal(1),
    "milligram": Decimal(1),
    "milligrams": Decimal(1),
    "mcg": Decimal("0.001"),
    "µg": Decimal("0.001"),
    "μg": Decimal("0.001"),
    "ug": Decimal("0.001"),
    "microgram": Decimal("0.001"),
    "micrograms": Decimal("0.001"),
}
_UNIT = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
_AMOUNT_RE = re.compile(rf"^(?P<num>{_NUMBER})\s*(?P<unit>{_UNIT})$", re.IGNORECASE)
_TABLET_RE = re.compile(
    rf"^(?P<count>{_FRACTION}|{_NUMBER}|half|a|one)\s*(?:x\s*)?"
    rf"(?:tablets?|tabs?|pills?)\s+(?:of\s+)?(?P<strength>{_NUMBER}\s*(?:{_UNIT}))$",
    re.IGNORECASE,
)
_TIME_RE = re.compile(r"^(?P<h>\d{1,2})[:.h](?P<m>\d{2})$")
# "1,000" or "1,500": a comma before exactly three digits may be a thousands separator
# (1000) or a decimal comma (1.0). "0,125" cannot be a thousands separator, so it is read.
_AMBIGUOUS_COMMA_RE = re.compile(r"^0*[1-9]\d*,\d{3}$")
# Every message is one full sentence: it names what was typed and what to write instead.
HELP = 'write a dose like "0.5 mg", "0,5mg", "500 mcg" or "1/2 tablet of 1 mg"'
_MAX_DIGITS = 15  # no dose needs more; longer numbers would overflow exact arithmetic


def _number(text: str) -> Decimal:
    cleaned = re.sub(r"\s+", "", text)
    if sum(c.isdigit() for c in cleaned) > _MAX_DIGITS:
        raise InputError(f'"{text}" has too many digits to be a dose: {HELP}.')
    if "/" in cleaned:
        top, bottom = cleaned.split("/")
        if int(bottom) == 0:
            raise InputError(f'"{text}" divides by zero: {HELP}.')
        return Decimal(top) / Decimal(bottom)
    try:
        return Decimal(cleaned.replace(",", "."))
    except InvalidOperation as error:  # the patterns make this unreachable, kept as a guard
        raise InputError(f'"{text}" is not a number: {HELP}.') from error


def refuse_ambiguous_comma(text: str, number: str, unit: str) -> None:
    """Refuse "1,000 mcg": read as a decimal it is 1 mcg, as a thousands separator 1000 mcg.

    A thousandfold misreading of a dose is never safe to guess at, so the person is asked
    to write it without the comma or with a point.
    """
    if _AMBIGUOUS_COMMA_RE.match(number):
        suffix = f" {unit}" if unit else ""
        whole = number.replace(",", "") + suffix
        point = number.replace(",", ".") + suffix
        raise InputError(
            f'"{text}" is ambiguous because the comma could mark thousands or decimals: '
            f"write {whole} or {point} (without the comma)."
        )


def _amount(text: str) -> Decimal:
    match = _AMOUNT_RE.match(text.strip())
    if not match:
        if text.strip().startswith("-"):
            raise InputError(f'"{text.strip()}": a dose cannot be below zero, so {HELP}.')
        raise InputError(f'"{text.strip()}" is not a dose I can read: {HELP}.')
    refuse_ambiguous_comma(text.strip(), match["num"], match["unit"])
    return _number(match["num"]) * _UNITS[match["unit"].lower()]


def parse_dose(text: str, drug: Drug | None = None, release: ReleaseForm | None = None) -> Decimal:
    """A dose in exact milligrams; raises InputError with an example for anything else.

    ``drug``, when given, lets a tablet form be checked against the known strengths (of
    the modified-release product ``release``, when that is what is taken).
    """
    cleaned = " ".join(text.strip().split())
    if not cleaned:
        raise InputError(f"The dose is empty: {HELP}.")
    tablet = _TABLET_RE.match(cleaned)
    if tablet:
        count_text = tablet["count"].lower()
        count = {"half": Decimal("0.5"), "a": Decimal(1), "one": Decimal(1)}.get(count_text)
        if count is None:
            refuse_ambiguous_comma(cleaned, count_text, "tablets")
            count = _number(count_text)
        strength = _amount(tablet["strength"])
        if release is not None and count != count.to_integral_value():
            made = ", ".join(fmt(t.mg) for t in release.tablets)
            raise InputError(
                f'"{cleaned}": {release.title} tablets {SWALLOW_WHOLE}, so a part of one '
                f"cannot be taken; write the whole tablets you take (it is made in {made} mg "
                "tablets), as a smaller step is a choice to make with your prescriber."
            )
        listed = release.tablets if release is not None else _every_solid(drug) if drug else None
        if listed is not None and all(t.mg != strength for t in listed):
            known = ", ".join(f"{fmt(mg)} mg" for mg in sorted({t.mg for t in listed}))
            name = release.label if release is not None else drug.id if drug else ""
            raise InputError(
                f"{name} is not listed in {strength} mg tablets (listed: {known}), so "
                "give the dose in mg instead."
            )
        mg = count * strength
    else:
        if re.fullmatch(_NUMBER, cleaned):
            raise InputError(f'"{cleaned}" has no unit: write "{cleaned} mg" or "{cleaned} mcg".')
        mg = _amount(cleaned)
    if mg <= 0:
        raise InputError(f'"{cleaned}" is not more than zero: {HELP}.')
    if release is not None and not _whole(release).can_make(mg):
        made = ", ".join(fmt(t.mg) for t in release.tablets)
        raise InputError(
            f'"{cleaned}": {release.title} is made in {made} mg tablets, which '
            f"{SWALLOW_WHOLE}; {fmt(mg)} mg is not a number of whole tablets, so write the "
            "dose you take in whole tablets, as a smaller step is a choice to make with your "
            "prescriber."
        )
    if mg != mg.quantize(DOSE_RESOLUTION):
        raise InputError(
            f'"{cleaned}" cannot be written exactly to 0.1 microgram, so give the dose in mg.'
        )
    return tidy(mg)


def _every_solid(drug: Drug) -> tuple[Tablet, ...]:
    """The common strengths and every tablet, capsule or ODT sold in some country."""
    sold = tuple(Tablet(p.mg, p.max_split) for p in drug.products if p.form != "liquid")
    return drug.tablets + sold


def _whole(release: ReleaseForm) -> Formulation:
    """The product's own strengths, whole tablets only: what the taper engine plans with."""
    tablets = tuple(TabletStrength(release.drug, t.mg, 1) for t in release.tablets)
    return Formulation(release.drug, Form.TABLET, tablets)


def parse_time(text: str) -> str:
    """A time of day as "HH:MM" (24-hour); accepts "8:00", "08.00" and "22h30"."""
    match = _TIME_RE.match(text.strip())
    if not match or int(match["h"]) > 23 or int(match["m"]) > 59:
        raise InputError(f'"{text.strip()}" is not a time of day; write it like 08:00 or 22:00.')
    return f"{int(match['h']):02d}:{match['m']}"


def parse_regimen(
    text: str, catalog: DrugCatalog, *, confirmed: bool = False, default_drug: str | None = None
) -> Regimen:
    """Read "clonazepam 0.5mg 08:00; clonazepam 1mg 22:00" (or "0.5 mg morning and 1 mg
    at night") into a Regimen; see ``benzoapp.core.regimen_text`` for every accepted shape.

    The same drug twice at the same time is refused: it is almost always a typing slip.
    An implausible dose raises ``DoseConfirmationError`` unless ``confirmed``.
    """
    from benzoapp.core.regimen_text import read_regimen

    return read_regimen(text, catalog, default_drug=default_drug, confirmed=confirmed)
