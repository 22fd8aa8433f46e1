"""The system diagram: components, typed connections and boundaries."""

from __future__ import annotations

from pydantic import Field

from studio.model.base import DocModel
from studio.model.kinds import ComponentKind, GroupKind, Protocol


class Component(DocModel):
    id: str
    kind: ComponentKind = ComponentKind.SERVICE
    name: str = ""
    technology: str = ""
    description: str = ""
    tags: list[str] = Field(default_factory=list)
    instances: int = Field(default=1, ge=0)
    x: float = 0.0
    y: float = 0.0
    #: Auto-layout leaves pinned components where they are.
    pinned: bool = False


class Connection(DocModel):
    id: str
    source: str
    target: str
    protocol: Protocol = Protocol.REST
    asynchronous: bool = False
    label: str = ""
    description: str = ""


class Group(DocModel):
    """A boundary (bounded context or zone) drawn as a frame around its members."""

    id: str
    kind: GroupKind = GroupKind.BOUNDED_CONTEXT
    name: str = ""
    description: str = ""
    members: list[str] = Field(default_factory=list)
    x: float = 0.0
    y: float = 0.0
    width: float = 320.0
    height: float = 200.0
