"""The design model: document types, the component graph, operations and events. No Qt."""

from studio.model.agent_config import KNOWN_VALUES, SECTION_KEY, AgentConfig
from studio.model.api import Api, Endpoint, Payload, PayloadField
from studio.model.base import DocModel, new_id
from studio.model.design import Design, ModelError
from studio.model.document import FORMAT_NAME, FORMAT_VERSION, DesignDocument, DocumentLanguage
from studio.model.integrity import Problem, document_problems
from studio.model.kinds import (
    ASYNC_PROTOCOLS,
    COMPONENT_KIND_LABELS,
    PROTOCOL_LABELS,
    AuthLevel,
    ComponentKind,
    FkAction,
    GroupKind,
    HttpMethod,
    Protocol,
)
from studio.model.operations import (
    Batch,
    InsertItem,
    MoveItem,
    Operation,
    Path,
    RemoveItem,
    SetField,
    describe,
    leaves,
)
from studio.model.paths import PathError
from studio.model.schema import Check, Column, EnumType, ForeignKey, Index, Schema, Table
from studio.model.sections import (
    KNOWN_ARCHITECTURE_STYLES,
    Architecture,
    CacheLayer,
    Caching,
    Consideration,
    Cors,
    Decision,
    MetricGroup,
    Milestone,
    Overview,
    PerformanceTarget,
    RateLimit,
    ScalingPhase,
    Security,
    StackItem,
    Task,
)
from studio.model.system import Component, Connection, Group

__all__ = [name for name in dir() if not name.startswith("_")]
