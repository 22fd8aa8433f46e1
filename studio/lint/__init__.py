"""Design lint: the architect's rules, each a small registered function (no Qt)."""

from studio.lint.engine import has_errors, lint_design
from studio.lint.findings import Finding, Severity
from studio.lint.registry import RULES, Hit, LintContext, Rule, rule

__all__ = ["RULES", "Finding", "Hit", "LintContext", "Rule", "Severity", "has_errors", "lint_design", "rule"]
