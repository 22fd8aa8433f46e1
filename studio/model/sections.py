"""The prose sections of the design document, each a small typed form."""

from __future__ import annotations

from pydantic import Field

from studio.model.base import DocModel

KNOWN_ARCHITECTURE_STYLES = (
    "monolith",
    "modular-monolith",
    "microservices",
    "serverless",
    "event-driven",
    "layered",
    "hexagonal",
    "cqrs",
)


class Overview(DocModel):
    title: str = "Untitled design"
    summary: str = ""
    users_at_launch: int = Field(default=0, ge=0)
    users_target: int = Field(default=0, ge=0)


class Architecture(DocModel):
    style: str = "modular-monolith"
    rationale: list[str] = Field(default_factory=list)


class CacheLayer(DocModel):
    id: str
    name: str = ""
    key_pattern: str = ""
    ttl_seconds: int = Field(default=300, ge=0)
    purpose: str = ""


class Caching(DocModel):
    technology: str = ""
    pattern: str = ""
    layers: list[CacheLayer] = Field(default_factory=list)


class ScalingPhase(DocModel):
    id: str
    name: str = ""
    user_threshold: int = Field(default=0, ge=0)
    actions: list[str] = Field(default_factory=list)
    #: Ids of the components this phase adds to the system.
    adds_components: list[str] = Field(default_factory=list)


class RateLimit(DocModel):
    id: str
    role: str
    requests: int = Field(ge=0)
    per: str = "hour"


class Cors(DocModel):
    origins: list[str] = Field(default_factory=list)
    methods: list[str] = Field(default_factory=list)
    credentials: bool = False


class Security(DocModel):
    auth_kind: str = "jwt"
    access_token_minutes: int = Field(default=15, ge=0)
    refresh_token_days: int = Field(default=7, ge=0)
    token_claims: list[str] = Field(default_factory=list)
    rate_limits: list[RateLimit] = Field(default_factory=list)
    cors: Cors = Field(default_factory=Cors)
    request_size_limit_mb: float = Field(default=10.0, ge=0)
    protections: list[str] = Field(default_factory=list)


class MetricGroup(DocModel):
    id: str
    name: str
    metrics: list[str] = Field(default_factory=list)


class StackItem(DocModel):
    id: str
    layer: str
    choice: str
    alternatives: list[str] = Field(default_factory=list)


class Task(DocModel):
    id: str
    title: str
    done: bool = False


class Milestone(DocModel):
    id: str
    name: str
    start_week: int = Field(default=1, ge=0)
    end_week: int = Field(default=1, ge=0)
    tasks: list[Task] = Field(default_factory=list)


class Decision(DocModel):
    id: str
    title: str
    rationale: str = ""


class Consideration(DocModel):
    id: str
    title: str
    detail: str = ""


class PerformanceTarget(DocModel):
    id: str
    metric: str
    target: str
