"""PySide6 views, Qt models and dialogs. Shows what the core computes; holds no business logic."""
