"""The API specification: REST endpoints tied to services and tables, and optional GraphQL."""

from __future__ import annotations

from pydantic import Field

from studio.model.base import DocModel
from studio.model.kinds import AuthLevel, HttpMethod


class PayloadField(DocModel):
    name: str
    type: str = "string"
    required: bool = True
    description: str = ""


class Payload(DocModel):
    """A request or response body: the columns of a table, ad-hoc fields, or both."""

    table: str = ""
    fields: list[PayloadField] = Field(default_factory=list)
    is_list: bool = False

    @property
    def empty(self) -> bool:
        return not self.table and not self.fields


class Endpoint(DocModel):
    id: str
    method: HttpMethod = HttpMethod.GET
    #: Path below the API's base path, parameters as ``{id}`` (``:id`` is accepted on import).
    path: str = "/"
    summary: str = ""
    #: Id of the owning service component, or empty.
    service: str = ""
    auth: AuthLevel = AuthLevel.USER
    rate_limit_class: str = ""
    request: Payload = Field(default_factory=Payload)
    response: Payload = Field(default_factory=Payload)
    tags: list[str] = Field(default_factory=list)


class Api(DocModel):
    base_path: str = "/api/v1"
    version: str = "1.0.0"
    endpoints: list[Endpoint] = Field(default_factory=list)
    graphql_sdl: str = ""
