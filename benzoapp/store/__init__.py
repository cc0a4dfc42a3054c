"""Persistence: SQLAlchemy models and repositories. The only package that touches SQLAlchemy."""
