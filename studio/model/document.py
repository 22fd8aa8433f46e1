"""The whole design document: what a design file holds, section for section."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from studio.model.agent_config import AgentConfig
from studio.model.api import Api
from studio.model.base import DocModel
from studio.model.schema import Schema
from studio.model.sections import (
    Architecture,
    Caching,
    Consideration,
    Decision,
    MetricGroup,
    Milestone,
    Overview,
    PerformanceTarget,
    ScalingPhase,
    Security,
    StackItem,
)
from studio.model.system import Component, Connection, Group

FORMAT_NAME = "backend-architect-studio"
FORMAT_VERSION = 1

#: The languages the exported document's headings and labels come in (see
#: ``studio.export.i18n``, which holds the words; the model only knows the codes).
DocumentLanguage = Literal["en", "ko"]


class DesignDocument(DocModel):
    """A whole design, as one design file holds it.

    ``language`` is the language of the exported document's headings and labels, chosen
    per design so every machine exports a design the same way (the user's interface
    language is a separate, per-user setting). Files written before it existed have no
    ``language`` key and load as English through the default: the key was added without
    a format version change, so no migration is needed.
    """

    format: Literal["backend-architect-studio"] = FORMAT_NAME
    version: int = FORMAT_VERSION
    overview: Overview = Field(default_factory=Overview)
    language: DocumentLanguage = "en"
    architecture: Architecture = Field(default_factory=Architecture)
    components: list[Component] = Field(default_factory=list)
    connections: list[Connection] = Field(default_factory=list)
    groups: list[Group] = Field(default_factory=list)
    schema_: Schema = Field(default_factory=Schema, alias="schema")
    api: Api = Field(default_factory=Api)
    caching: Caching = Field(default_factory=Caching)
    scaling_phases: list[ScalingPhase] = Field(default_factory=list)
    security: Security = Field(default_factory=Security)
    monitoring: list[MetricGroup] = Field(default_factory=list)
    stack: list[StackItem] = Field(default_factory=list)
    roadmap: list[Milestone] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)
    considerations: list[Consideration] = Field(default_factory=list)
    performance_targets: list[PerformanceTarget] = Field(default_factory=list)
    agent_config: AgentConfig = Field(default_factory=AgentConfig)

    @property
    def schema(self) -> Schema:  # type: ignore[override]
        return self.schema_

    def component(self, component_id: str) -> Component | None:
        return next((c for c in self.components if c.id == component_id), None)
