"""Typed errors the core raises; the GUI and CLI decide how to show them."""

from __future__ import annotations


class BenzoAppError(Exception):
    """Base of every error meant to be shown to the person as a plain message."""


class InputError(BenzoAppError, ValueError):
    """Something the person typed cannot be understood (a dose, a unit, a date)."""


class DataError(BenzoAppError):
    """A bundled data file is malformed; the message names the bad entry."""


class RegimenTextError(InputError):
    """A regimen as typed cannot be read; the message is one sentence saying what to change."""


class DoseConfirmationError(InputError):
    """A dose is implausibly high or reads like a mg/mcg slip: refused unless confirmed.

    ``concerns`` holds one value per dose that needs confirming (see
    ``benzoapp.core.dose_sanity.DoseConcern``), so a window can list them in a confirm
    dialog and then read the regimen again with ``confirmed=True``.
    """

    def __init__(self, message: str, concerns: tuple[object, ...] = ()) -> None:
        super().__init__(message)
        self.concerns = concerns
