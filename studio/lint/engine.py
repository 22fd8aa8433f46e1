"""Running the rules over a design: the one entry point the CLI and the window share."""

from __future__ import annotations

from collections.abc import Iterable

from studio.lint import schema_rules, system_rules  # noqa: F401 - registers the rules
from studio.lint.findings import Finding, Severity
from studio.lint.registry import RULES, LintContext, Rule
from studio.model import DesignDocument


def lint_design(
    document: DesignDocument, dialect: str | None = None, rules: Iterable[str] | None = None
) -> list[Finding]:
    """Every finding for ``document``, errors first, then in document order within a rule.

    ``dialect`` is a sqlglot dialect name; without one, the dialect-specific rules are skipped.
    ``rules`` restricts the run to those rule ids.
    """
    ctx = LintContext(document, dialect)
    selected: list[Rule] = [RULES[r] for r in rules] if rules is not None else list(RULES.values())
    findings: list[Finding] = []
    for rule in selected:
        if rule.needs_dialect and dialect is None:
            continue
        findings.extend(rule.run(ctx))
    order = {rule.id: n for n, rule in enumerate(selected)}
    findings.sort(key=lambda f: (f.severity.rank, order[f.rule_id]))
    return findings


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)
