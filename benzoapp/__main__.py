"""Allows ``python -m benzoapp``."""

from benzoapp.main import main

raise SystemExit(main())
