"""Vocabularies of the design document: the palette, protocols, boundaries, auth levels."""

from __future__ import annotations

from enum import StrEnum


class ComponentKind(StrEnum):
    """The palette of DESIGN.md."""

    CLIENT = "client"
    CDN = "cdn"
    LOAD_BALANCER = "load_balancer"
    API_GATEWAY = "api_gateway"
    SERVICE = "service"
    WORKER = "worker"
    DATABASE = "database"
    CACHE = "cache"
    QUEUE = "queue"
    OBJECT_STORAGE = "object_storage"
    SEARCH = "search"
    EXTERNAL = "external"


COMPONENT_KIND_LABELS: dict[ComponentKind, str] = {
    ComponentKind.CLIENT: "Client",
    ComponentKind.CDN: "CDN",
    ComponentKind.LOAD_BALANCER: "Load balancer",
    ComponentKind.API_GATEWAY: "API gateway",
    ComponentKind.SERVICE: "Service / module",
    ComponentKind.WORKER: "Worker",
    ComponentKind.DATABASE: "Database",
    ComponentKind.CACHE: "Cache",
    ComponentKind.QUEUE: "Queue / stream",
    ComponentKind.OBJECT_STORAGE: "Object storage",
    ComponentKind.SEARCH: "Search",
    ComponentKind.EXTERNAL: "External system",
}


class Protocol(StrEnum):
    REST = "rest"
    GRAPHQL = "graphql"
    GRPC = "grpc"
    WEBSOCKET = "websocket"
    ASYNC_MESSAGE = "async_message"
    DB_READ = "db_read"
    DB_WRITE = "db_write"
    CACHE = "cache"


PROTOCOL_LABELS: dict[Protocol, str] = {
    Protocol.REST: "REST",
    Protocol.GRAPHQL: "GraphQL",
    Protocol.GRPC: "gRPC",
    Protocol.WEBSOCKET: "WebSocket",
    Protocol.ASYNC_MESSAGE: "Async message",
    Protocol.DB_READ: "Database read",
    Protocol.DB_WRITE: "Database write",
    Protocol.CACHE: "Cache",
}

#: Protocols that are asynchronous unless the user says otherwise.
ASYNC_PROTOCOLS = frozenset({Protocol.ASYNC_MESSAGE})


class GroupKind(StrEnum):
    BOUNDED_CONTEXT = "bounded_context"
    ZONE = "zone"


class AuthLevel(StrEnum):
    PUBLIC = "public"
    USER = "user"
    ADMIN = "admin"


class HttpMethod(StrEnum):
    GET = "GET"
    POST = "POST"
    PUT = "PUT"
    PATCH = "PATCH"
    DELETE = "DELETE"
    HEAD = "HEAD"
    OPTIONS = "OPTIONS"


class FkAction(StrEnum):
    NO_ACTION = "NO ACTION"
    RESTRICT = "RESTRICT"
    CASCADE = "CASCADE"
    SET_NULL = "SET NULL"
    SET_DEFAULT = "SET DEFAULT"
