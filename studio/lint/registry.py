"""The rule registry: each rule is a small function registered with its id and severity."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from studio.lint.findings import Finding, Severity
from studio.model import Component, DesignDocument, Path, Table


@dataclass(frozen=True)
class Hit:
    """What a rule function yields; the registry adds the rule's id and severity."""

    path: Path
    label: str
    message: str
    #: Overrides the rule's severity for this one hit.
    severity: Severity | None = None


@dataclass
class LintContext:
    """The design under lint plus lookups that several rules share."""

    document: DesignDocument
    #: sqlglot dialect name (``postgres``, ``mysql``, ...); None lints dialect-free rules only.
    dialect: str | None = None
    _cache: dict[str, object] = field(default_factory=dict)

    @cached_property
    def tables_by_name(self) -> dict[str, Table]:
        out: dict[str, Table] = {}
        for table in self.document.schema.tables:
            out.setdefault(table.name, table)
        return out

    @cached_property
    def components(self) -> dict[str, Component]:
        return {c.id: c for c in self.document.components}

    @cached_property
    def component_ids(self) -> set[str]:
        return set(self.components)

    def component_label(self, component_id: str) -> str:
        component = self.components.get(component_id)
        return (component.name or component.id) if component else component_id


RuleFunc = Callable[[LintContext], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    summary: str
    func: RuleFunc
    #: Needs a dialect (skipped when linting without one).
    needs_dialect: bool = False

    def run(self, ctx: LintContext) -> Iterator[Finding]:
        for hit in self.func(ctx):
            yield Finding(self.id, hit.severity or self.severity, hit.message, hit.path, hit.label)


RULES: dict[str, Rule] = {}


def rule(
    rule_id: str, severity: Severity, summary: str, *, needs_dialect: bool = False
) -> Callable[[RuleFunc], RuleFunc]:
    """Register ``func`` as the rule ``rule_id``."""

    def register(func: RuleFunc) -> RuleFunc:
        if rule_id in RULES:
            raise ValueError(f"lint rule {rule_id!r} registered twice")
        RULES[rule_id] = Rule(rule_id, severity, summary, func, needs_dialect)
        return func

    return register
