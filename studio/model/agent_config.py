"""The ``backend-architect`` section of ``.agentconfig.json``.

Known values are offered as choices by the UI but any text is accepted, and keys this
studio does not know are kept (``extra="allow"``) so that saving back loses nothing.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

SECTION_KEY = "backend-architect"

KNOWN_VALUES: dict[str, tuple[str, ...]] = {
    "preferredFramework": ("express", "nestjs", "fastapi", "django", "spring-boot", "rails", "gin", "aspnet-core"),
    "database": ("postgresql", "mysql", "mariadb", "sqlite", "sqlserver", "duckdb", "oracle", "mongodb"),
    "caching": ("redis", "memcached", "cdn", "none"),
    "authentication": ("jwt", "oauth2", "session", "saml", "oidc", "api-key"),
    "documentation": ("openapi", "graphql", "asyncapi", "markdown"),
    "architectureStyle": ("monolith", "modular-monolith", "microservices", "serverless", "event-driven"),
}


class AgentConfig(BaseModel):
    model_config = ConfigDict(extra="allow", validate_assignment=True, populate_by_name=True)

    preferred_framework: str = Field(default="express", alias="preferredFramework")
    database: str = "postgresql"
    caching: str = "redis"
    authentication: str = "jwt"
    documentation: str = "openapi"
    architecture_style: str = Field(default="modular-monolith", alias="architectureStyle")

    def section(self) -> dict[str, object]:
        """The section as it appears in ``.agentconfig.json`` (camelCase, extras kept)."""
        return self.model_dump(mode="json", by_alias=True)
