"""A small strict reader of RFC 5545 files, independent of the icalendar package.

The writer uses icalendar; reading the file back with the same package could hide its
mistakes, so the tests read it with these few lines written from the RFC itself:
content lines end in CRLF and are at most 75 octets (section 3.1), a line starting with a
space or tab continues the one before, and TEXT escapes backslash, semicolon, comma and
newline (section 3.3.11).
"""

from __future__ import annotations

LIMIT = 75


class StrictError(AssertionError):
    """The file breaks a rule of RFC 5545."""


def unfold(data: bytes) -> list[str]:
    if not data.endswith(b"\r\n"):
        raise StrictError("the file must end with CRLF")
    raw_lines = data.split(b"\r\n")[:-1]
    lines: list[bytes] = []
    for raw in raw_lines:
        if b"\n" in raw or b"\r" in raw:
            raise StrictError(f"bare line break inside {raw!r}")
        if len(raw) > LIMIT:
            raise StrictError(f"{len(raw)} octets in {raw!r}")
        if raw[:1] in (b" ", b"\t"):
            if not lines:
                raise StrictError("a continuation with nothing to continue")
            lines[-1] += raw[1:]
        else:
            lines.append(raw)
    return [line.decode("utf-8") for line in lines]  # a fold may split a character


def unescape(value: str) -> str:
    out = []
    chars = iter(value)
    for char in chars:
        if char != "\\":
            if char in ";,":
                raise StrictError(f"unescaped {char!r} in TEXT {value!r}")
            out.append(char)
            continue
        following = next(chars, "")
        mapping = {"\\": "\\", ";": ";", ",": ",", "n": "\n", "N": "\n"}
        if following not in mapping:
            raise StrictError(f"bad escape \\{following} in {value!r}")
        out.append(mapping[following])
    return "".join(out)


def read_events(data: bytes) -> list[dict[str, str]]:
    """Each VEVENT's properties (name without parameters -> unescaped value)."""
    events: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    for line in unfold(data):
        name_part, sep, value = line.partition(":")
        if not sep:
            raise StrictError(f"no colon in {line!r}")
        name = name_part.split(";", 1)[0].upper()
        if name == "BEGIN" and value == "VEVENT":
            current = {}
        elif name == "END" and value == "VEVENT":
            if current is None:
                raise StrictError("END:VEVENT without BEGIN")
            events.append(current)
            current = None
        elif current is not None:
            text = name in {"SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT"}
            current[name] = unescape(value) if text else value
    return events
