"""Split an SQL file into statements, each with the line it starts on.

sqlglot's tokenizer for the file's dialect finds the semicolons that really end
statements: not the ones inside strings, quoted identifiers, comments or PostgreSQL
dollar-quoted bodies. Two client-side conventions are handled first: SQL Server's ``GO``
batch separator and the MySQL client's ``DELIMITER`` command (mysqldump wraps triggers in
it). When the tokenizer gives up (an unterminated string), the text is cut at lines that
end with a semicolon instead, so one broken statement cannot swallow the rest of the file.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

import sqlglot
from sqlglot.errors import TokenError
from sqlglot.tokens import Token, TokenType


@dataclass(frozen=True)
class Statement:
    text: str
    line: int
    #: The first keywords, upper-cased (``("CREATE", "TABLE")``), for classification.
    keywords: tuple[str, ...]
    #: A note for the importer about this piece (a GO line, a MySQL conditional comment).
    note: str = ""
    #: The statement's tokens and the text their offsets point into, so the parser does
    #: not tokenize it again (None when the statement was cut without the tokenizer).
    tokens: tuple[Token, ...] | None = field(default=None, compare=False, repr=False)
    source: str = field(default="", compare=False, repr=False)


_GO = re.compile(r"^[ \t]*GO[ \t]*(?:\d+[ \t]*)?$", re.IGNORECASE | re.MULTILINE)
#: psql meta-commands such as pg_dump's ``\restrict KEY`` (a whole line starting with a backslash).
_META = re.compile(r"^[ \t]*\\([A-Za-z]+)[^\n]*$", re.MULTILINE)
_DELIMITER = re.compile(r"^[ \t]*DELIMITER[ \t]+(\S+)[ \t]*$", re.IGNORECASE | re.MULTILINE)
_CONDITIONAL = re.compile(r"/\*![0-9]*\s*(.*?)\*/", re.DOTALL)


@lru_cache(maxsize=4)
def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


def _line_of(text: str, offset: int) -> int:
    """1-based line of ``offset`` (a binary search: dumps have thousands of statements)."""
    return bisect_right(_line_starts(text), offset)


def split_statements(text: str, dialect: str) -> list[Statement]:
    """The statements of ``text`` in order; empty ones are dropped."""
    out: list[Statement] = []
    for chunk, offset, delimiter, note in _client_chunks(text):
        if note:
            out.append(Statement("", _line_of(text, offset), (), note))
            continue
        if delimiter != ";":  # a routine body full of semicolons: each piece is one statement
            for piece, start in _split_on(chunk, delimiter):
                out.extend(_whole(piece, offset + start, text))
            continue
        out.extend(_tokenized(chunk, offset, text, dialect))
    return out


def _client_chunks(text: str) -> list[tuple[str, int, str, str]]:
    """(chunk, offset, delimiter, note): the text cut at GO, psql meta-command and DELIMITER lines."""
    marks: list[tuple[int, int, str]] = []  # (start, end, "DELIMITER x" or the note of a client command)
    for m in _GO.finditer(text):
        marks.append((m.start(), m.end(), "GO batch separator (a client command)"))
    for m in _META.finditer(text):
        marks.append((m.start(), m.end(), f"psql meta-command \\{m.group(1)}"))
    for m in _DELIMITER.finditer(text):
        marks.append((m.start(), m.end(), "DELIMITER " + m.group(1)))
    marks.sort()
    chunks: list[tuple[str, int, str, str]] = []
    position, delimiter = 0, ";"
    for start, end, mark in marks:
        if start < position:
            continue
        chunks.append((text[position:start], position, delimiter, ""))
        if mark.startswith("DELIMITER "):
            delimiter = mark.split(" ", 1)[1]
        else:
            chunks.append(("", start, delimiter, mark))
        position = end
    chunks.append((text[position:], position, delimiter, ""))
    return chunks


def _split_on(chunk: str, delimiter: str) -> list[tuple[str, int]]:
    pieces, position = [], 0
    while True:
        index = chunk.find(delimiter, position)
        if index < 0:
            pieces.append((chunk[position:], position))
            return pieces
        pieces.append((chunk[position:index], position))
        position = index + len(delimiter)


def _tokenized(chunk: str, offset: int, text: str, dialect: str) -> list[Statement]:
    try:
        tokens = sqlglot.Dialect.get_or_raise(dialect).tokenize(chunk)
    except TokenError:
        return _fallback(chunk, offset, text, dialect)
    out: list[Statement] = []
    current: list[Token] = []
    gap_start = 0
    for token in tokens:
        if token.token_type == TokenType.SEMICOLON:
            if current:
                out.append(_statement(chunk, current, offset, text))
            else:
                out.extend(_conditional(chunk[gap_start : token.start], offset + gap_start, text))
            current = []
            gap_start = token.end + 1
            continue
        if not current:
            out.extend(_conditional(chunk[gap_start : token.start], offset + gap_start, text))
        current.append(token)
    if current:
        out.append(_statement(chunk, current, offset, text))
    else:
        out.extend(_conditional(chunk[gap_start:], offset + gap_start, text))
    return out


def _conditional(gap: str, offset: int, text: str) -> list[Statement]:
    """MySQL ``/*!40101 SET ... */`` comments, which the server executes: report them."""
    out = []
    for m in _CONDITIONAL.finditer(gap):
        body = " ".join(m.group(1).split())
        if body:
            out.append(
                Statement(
                    "", _line_of(text, offset + m.start()), (), f"MySQL conditional comment ({body[:60]})"
                )
            )
    return out


def _statement(chunk: str, tokens: list[Token], offset: int, text: str) -> Statement:
    start, end = tokens[0].start, tokens[-1].end + 1
    if tokens[-1].token_type in (TokenType.STRING, TokenType.IDENTIFIER, TokenType.HEREDOC_STRING):
        end = _closing_quote(chunk, end)
    keywords = tuple(t.text.upper() for t in tokens[:4])
    return Statement(
        chunk[start:end], _line_of(text, offset + start), keywords, tokens=tuple(tokens), source=chunk
    )


def _closing_quote(chunk: str, end: int) -> int:
    """A token's ``end`` points at its last character inside the quotes; include the quote."""
    while end < len(chunk) and chunk[end] in "'\"`]$":
        end += 1
        if chunk[end - 1] == "$":
            while end < len(chunk) and chunk[end] != "$" and not chunk[end].isspace() and chunk[end] != ";":
                end += 1
            if end < len(chunk) and chunk[end] == "$":
                end += 1
            break
        break
    return end


def _fallback(chunk: str, offset: int, text: str, dialect: str) -> list[Statement]:
    """Cut at lines ending with ';' and tokenize each piece; a piece that still fails is one statement."""
    out: list[Statement] = []
    position = 0
    for m in re.finditer(r";[ \t]*(?:--[^\n]*)?$", chunk, re.MULTILINE):
        piece = chunk[position : m.end()]
        out.extend(_piece(piece, offset + position, text, dialect))
        position = m.end()
    if chunk[position:].strip():
        out.extend(_piece(chunk[position:], offset + position, text, dialect))
    return out


def _piece(piece: str, offset: int, text: str, dialect: str) -> list[Statement]:
    try:
        sqlglot.Dialect.get_or_raise(dialect).tokenize(piece)
    except TokenError:
        return _whole(piece, offset, text)
    return _tokenized(piece, offset, text, dialect)


def _whole(piece: str, offset: int, text: str) -> list[Statement]:
    """``piece`` as one statement, without tokenizing it."""
    stripped = piece.strip().rstrip(";").strip()
    if not stripped:
        return []
    lead = len(piece) - len(piece.lstrip())
    words = tuple(w.upper() for w in re.findall(r"[A-Za-z_]+", stripped)[:4])
    return [Statement(stripped, _line_of(text, offset + lead), words)]
