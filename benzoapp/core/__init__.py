"""Pure-Python domain logic: drugs, taper engine, cautions, journal. No Qt, no SQLAlchemy."""
