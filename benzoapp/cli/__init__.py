"""Headless command-line interface; every figure the GUI shows can be reached from here."""
