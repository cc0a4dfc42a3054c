"""Typed errors the core raises; the GUI and CLI decide how to show them."""

from __future__ import annotations


class BenzoAppError(Exception):
    """Base of every error meant to be shown to the person as a plain message."""


class InputError(BenzoAppError, ValueError):
    """Something the person typed cannot be understood (a dose, a unit, a date)."""


class DataError(BenzoAppError):
    """A bundled data file is malformed; the message names the bad entry."""
