"""The database schema: tables owned by services, with columns, indexes, keys and checks.

Types and default expressions are kept as the user wrote them (``VARCHAR(255)``,
``gen_random_uuid()``); ``studio.sql`` maps them to each dialect.
"""

from __future__ import annotations

from pydantic import Field

from studio.model.base import DocModel
from studio.model.kinds import FkAction


class Column(DocModel):
    id: str
    name: str
    type: str
    nullable: bool = True
    default: str | None = None
    primary_key: bool = False
    unique: bool = False
    comment: str = ""


class Index(DocModel):
    id: str
    name: str
    columns: list[str]
    unique: bool = False
    #: A partial index's predicate, SQL text without the WHERE keyword.
    where: str = ""
    #: Access method such as ``btree``, ``hash`` or ``gin``; empty for the dialect's default.
    method: str = ""


class ForeignKey(DocModel):
    id: str
    name: str = ""
    columns: list[str]
    ref_table: str
    ref_columns: list[str]
    on_delete: FkAction = FkAction.NO_ACTION
    on_update: FkAction = FkAction.NO_ACTION


class Check(DocModel):
    id: str
    name: str = ""
    expression: str


class EnumType(DocModel):
    id: str
    name: str
    values: list[str] = Field(default_factory=list)


class Table(DocModel):
    id: str
    name: str
    #: Id of the owning service component, or empty.
    service: str = ""
    comment: str = ""
    columns: list[Column] = Field(default_factory=list)
    indexes: list[Index] = Field(default_factory=list)
    foreign_keys: list[ForeignKey] = Field(default_factory=list)
    checks: list[Check] = Field(default_factory=list)

    def column(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.name == name), None)

    @property
    def primary_key(self) -> list[str]:
        return [c.name for c in self.columns if c.primary_key]


class Schema(DocModel):
    tables: list[Table] = Field(default_factory=list)
    enums: list[EnumType] = Field(default_factory=list)

    def table(self, name: str) -> Table | None:
        return next((t for t in self.tables if t.name == name), None)
