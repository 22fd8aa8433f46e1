"""SQL syntax colouring for the DDL preview: keywords, types, identifiers, strings, comments."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

KEYWORDS = frozenset(
    "ADD ALTER AND AS ASC BY CASCADE CHECK COLLATE COMMENT CONSTRAINT CREATE DEFAULT DELETE DESC ENUM "
    "EXISTS FOREIGN FROM GENERATED IDENTITY IF IN INDEX IS KEY NO NOT NULL ON OR PRIMARY REFERENCES "
    "RESTRICT SET TABLE TYPE UNIQUE UPDATE USING WHERE WITH ALWAYS ACTION AUTO_INCREMENT AUTOINCREMENT "
    "CLUSTERED NONCLUSTERED ENGINE CHARSET EXEC GO BETWEEN LIKE TRUE FALSE".split()
)

TYPES = frozenset(
    "BIGINT BIGSERIAL BINARY BIT BLOB BOOLEAN BOOL BYTEA CHAR CLOB DATE DATETIME DATETIME2 DATETIMEOFFSET "
    "DECIMAL DOUBLE FLOAT INT INTEGER INTERVAL JSON JSONB LONGTEXT MEDIUMTEXT MONEY NCHAR NUMBER NUMERIC "
    "NVARCHAR NVARCHAR2 PRECISION RAW REAL SERIAL SMALLINT TEXT TIME TIMESTAMP TIMESTAMPTZ TINYINT "
    "UNIQUEIDENTIFIER UUID VARBINARY VARCHAR VARCHAR2 ZONE".split()
)

#: One left-to-right scan, so a ``--`` inside a quoted name or a string is not a comment.
TOKENS = re.compile(
    r"""(?P<comment>--.*)
      | (?P<string>'(?:[^']|'')*'?)
      | (?P<identifier>"(?:[^"]|"")*"?|`(?:[^`]|``)*`?|\[(?:[^\]]|\]\])*\]?)
      | (?P<number>\b\d+(?:\.\d+)?\b)
      | (?P<word>\b[A-Za-z_][A-Za-z0-9_]*\b)""",
    re.VERBOSE,
)


def _format(color: str, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontItalic(italic)
    return fmt


LIGHT = {
    "keyword": "#0033b3",
    "type": "#00808a",
    "identifier": "#871094",
    "string": "#067d17",
    "number": "#1750eb",
    "comment": "#8c8c8c",
}
DARK = {
    "keyword": "#c678dd",
    "type": "#56b6c2",
    "identifier": "#e5c07b",
    "string": "#98c379",
    "number": "#d19a66",
    "comment": "#7f848e",
}


class SqlHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, dark: bool = False) -> None:
        super().__init__(document)
        self.dark = dark
        self.formats = self._formats(dark)

    def set_dark(self, dark: bool) -> None:
        """Follow a theme switch: new colours, every line coloured again."""
        if dark != self.dark:
            self.dark = dark
            self.formats = self._formats(dark)
            self.rehighlight()

    @staticmethod
    def _formats(dark: bool) -> dict[str, QTextCharFormat]:
        colors = DARK if dark else LIGHT
        return {
            "keyword": _format(colors["keyword"], bold=True),
            "type": _format(colors["type"]),
            "identifier": _format(colors["identifier"]),
            "string": _format(colors["string"]),
            "number": _format(colors["number"]),
            "comment": _format(colors["comment"], italic=True),
        }

    def kind_of(self, match: re.Match[str]) -> str | None:
        kind = match.lastgroup
        if kind == "word":
            word = match.group().upper()
            return "keyword" if word in KEYWORDS else "type" if word in TYPES else None
        return kind

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        wide = any(ord(c) > 0xFFFF for c in text)
        for match in TOKENS.finditer(text):
            kind = self.kind_of(match)
            if kind is None:
                continue
            start, end = match.start(), match.end()
            if wide:  # Qt counts UTF-16 code units: characters beyond the BMP take two
                start, end = _utf16(text, start), _utf16(text, end)
            self.setFormat(start, end - start, self.formats[kind])


def _utf16(text: str, index: int) -> int:
    return index + sum(1 for c in text[:index] if ord(c) > 0xFFFF)
