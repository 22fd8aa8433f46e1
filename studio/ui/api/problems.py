"""Problems of the REST endpoints, shown live in the API dock. Qt-free, so it is cheap to test.

Duplicate routes are compared with parameter names erased (``/users/{id}`` and
``/users/{userId}`` are the same route to a router).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from studio.model import AuthLevel, ComponentKind, DesignDocument, Endpoint
from studio.model.api_paths import normalise_path, path_parameters, path_problems

#: Components an endpoint can belong to.
OWNER_KINDS = frozenset(
    {ComponentKind.SERVICE, ComponentKind.WORKER, ComponentKind.API_GATEWAY, ComponentKind.EXTERNAL}
)


@dataclass(frozen=True)
class EndpointProblem:
    endpoint_id: str
    severity: str  # "error" | "warning"
    message: str


@lru_cache(maxsize=8192)
def _path_facts(path: str) -> tuple[tuple[str, ...], str]:
    """(problems, route with parameter names erased) of a path; paths repeat, so memoised."""
    normal = normalise_path(path.strip())
    route = normal
    for name in path_parameters(normal):
        route = route.replace(f"{{{name}}}", "{}")
    return tuple(path_problems(normal)), route.rstrip("/") or "/"


def route_key(endpoint: Endpoint) -> tuple[str, str]:
    return endpoint.method.value, _path_facts(endpoint.path)[1]


def looks_admin(endpoint: Endpoint) -> bool:
    """An administrative operation by its path, tags or rate-limit class."""
    segments = {s.lower() for s in endpoint.path.split("/")}
    return (
        "admin" in segments
        or "admin" in {t.lower() for t in endpoint.tags}
        or endpoint.rate_limit_class.lower() == "admin"
    )


def endpoint_problems(document: DesignDocument) -> list[EndpointProblem]:
    out: list[EndpointProblem] = []
    first_of: dict[tuple[str, str], Endpoint] = {}
    components = {c.id: c for c in document.components}
    auth_kind = document.security.auth_kind.strip().lower()
    tables = {t.name for t in document.schema.tables}
    for endpoint in document.api.endpoints:
        label = f"{endpoint.method.value} {endpoint.path}"
        for problem in _path_facts(endpoint.path)[0]:
            out.append(EndpointProblem(endpoint.id, "error", f"{label}: {problem}"))
        key = route_key(endpoint)
        if key in first_of:
            other = first_of[key]
            out.append(
                EndpointProblem(
                    endpoint.id,
                    "error",
                    f"{label}: same method and path as {other.method.value} {other.path}",
                )
            )
        else:
            first_of[key] = endpoint
        if not endpoint.service:
            out.append(EndpointProblem(endpoint.id, "warning", f"{label}: owned by no service"))
        elif endpoint.service not in components:
            out.append(
                EndpointProblem(endpoint.id, "error", f"{label}: unknown service {endpoint.service!r}")
            )
        elif components[endpoint.service].kind not in OWNER_KINDS:
            kind = components[endpoint.service].kind.value.replace("_", " ")
            out.append(EndpointProblem(endpoint.id, "warning", f"{label}: owned by a {kind}, not a service"))
        if looks_admin(endpoint) and endpoint.auth != AuthLevel.ADMIN:
            out.append(
                EndpointProblem(
                    endpoint.id,
                    "error",
                    f"{label}: admin endpoint without admin authentication (auth is {endpoint.auth.value})",
                )
            )
        if endpoint.auth != AuthLevel.PUBLIC and auth_kind in ("", "none"):
            out.append(
                EndpointProblem(
                    endpoint.id,
                    "error",
                    f"{label}: needs {endpoint.auth.value} auth but the security section has none",
                )
            )
        for side, payload in (("request", endpoint.request), ("response", endpoint.response)):
            names = [f.name for f in payload.fields]
            for name in sorted({n for n in names if names.count(n) > 1}):
                out.append(
                    EndpointProblem(endpoint.id, "error", f"{label}: {side} field {name!r} is defined twice")
                )
            if payload.table and payload.table not in tables:
                out.append(
                    EndpointProblem(
                        endpoint.id,
                        "warning",
                        f"{label}: {side} model table {payload.table!r} is not in the schema",
                    )
                )
    return out
