"""What a lint rule reports: a finding that names its rule, its severity and its element."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from studio.model import Path


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Lower is worse, so findings sort errors first."""
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True)
class Finding:
    """One problem in a design.

    ``element_path`` is a model path (as used by operations) so that the window can select
    the element; ``element_label`` is how a person names it (``orders.user_id``).
    """

    rule_id: str
    severity: Severity
    message: str
    element_path: Path
    element_label: str

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def format(self, file: str) -> str:
        """The ``studio lint`` line: ``file: element: rule-id: message``, always one line."""
        return (
            f"{_one_line(file)}: {_one_line(self.element_label)}: {self.rule_id}: {_one_line(self.message)}"
        )


def _one_line(text: str) -> str:
    """Control characters in user names (a newline in a table name) shown escaped."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)
