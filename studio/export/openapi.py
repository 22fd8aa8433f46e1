"""The OpenAPI 3.1 description of a design: endpoints, the tables they use, security.

Schemas come from the tables an endpoint's request or response names (SQL types mapped
to JSON Schema), path parameters from the ``{name}`` segments of its path, security
schemes from the security section, and each endpoint's auth level becomes its
``security`` requirement. The result passes openapi-spec-validator's 3.1 validator.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml  # type: ignore[import-untyped]

from studio.export.json_schema import JSON_TYPES, sql_type_schema
from studio.model import AuthLevel, DesignDocument, Endpoint, Payload, PayloadField, Table
from studio.model.api_paths import normalise_path, path_parameters, path_problems

OPENAPI_VERSION = "3.1.0"
SCHEME_NAME = {
    "jwt": "bearerAuth",
    "oauth2": "oauth2",
    "oidc": "openIdConnect",
    "session": "sessionCookie",
    "saml": "sessionCookie",
    "api-key": "apiKey",
}


# -- names ---------------------------------------------------------------------------------
def schema_name(table_name: str) -> str:
    """``order_items`` -> ``OrderItem``: a component name for a table's rows."""
    words = [w for w in re.split(r"[^A-Za-z0-9]+", table_name) if w]
    if not words:
        return "Model"
    last = words[-1]
    if last.endswith("ies") and len(last) > 3:
        words[-1] = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith("ss") and len(last) > 1:
        words[-1] = last[:-1]
    name = "".join(w[:1].upper() + w[1:] for w in words)
    return name if name[0].isalpha() else f"Model{name}"


def _camel(name: str) -> str:
    parts = [p for p in re.split(r"[^A-Za-z0-9]+", name) if p]
    if not parts:
        return "operation"
    return parts[0][:1].lower() + parts[0][1:] + "".join(p[:1].upper() + p[1:] for p in parts[1:])


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


# -- building -----------------------------------------------------------------------------
class _Builder:
    def __init__(self, document: DesignDocument) -> None:
        self.document = document
        self.enums = {e.name.lower(): e.values for e in document.schema.enums}
        self.schemas: dict[str, Any] = {}
        self.table_schema_names: dict[str, str] = {}
        self.operation_ids: set[str] = set()
        self.scheme = SCHEME_NAME.get(document.security.auth_kind.strip().lower(), "bearerAuth")
        self.tables = {t.name: t for t in reversed(document.schema.tables)}  # first of a name wins
        self.components = {c.id: c for c in document.components}
        self._type_schemas: dict[str, dict[str, Any]] = {}

    def type_schema(self, sql_type: str) -> dict[str, Any]:
        """:func:`sql_type_schema`, memoised: a schema repeats a handful of types."""
        if sql_type not in self._type_schemas:
            self._type_schemas[sql_type] = sql_type_schema(sql_type, self.enums)
        return dict(self._type_schemas[sql_type])

    # tables
    def table_ref(self, table_name: str) -> dict[str, Any]:
        table = self.tables.get(table_name)
        if table is None:
            return {"type": "object", "description": f"table {table_name} is not in the schema"}
        if table.name not in self.table_schema_names:
            name = schema_name(table.name)
            while name in self.schemas:
                name += "_"
            self.table_schema_names[table.name] = name
            self.schemas[name] = {}
            self.schemas[name] = self.table_schema(table)
        return {"$ref": f"#/components/schemas/{self.table_schema_names[table.name]}"}

    def table_schema(self, table: Table) -> dict[str, Any]:
        properties: dict[str, Any] = {}
        required: list[str] = []
        for column in table.columns:
            prop = self.type_schema(column.type)
            if column.nullable and not column.primary_key and "type" in prop:
                prop["type"] = [prop["type"], "null"]
            if column.comment:
                prop["description"] = column.comment
            if column.primary_key and column.default:
                prop["readOnly"] = True
            if "password" in column.name.lower() or "secret" in column.name.lower():
                prop["writeOnly"] = True
            properties[column.name] = prop
            if not column.nullable or column.primary_key:
                required.append(column.name)
        schema: dict[str, Any] = {"type": "object", "properties": properties}
        if required:
            schema["required"] = required
        if table.comment:
            schema["description"] = table.comment
        return schema

    # payloads
    def field_schema(self, field: PayloadField) -> dict[str, Any]:
        kind = field.type.strip()
        if kind.lower() in JSON_TYPES:
            schema: dict[str, Any] = {"type": kind.lower()}
            if kind.lower() == "array":
                schema["items"] = {}
        elif kind in self.tables:
            schema = self.table_ref(kind)
        else:
            schema = self.type_schema(kind)
        if field.description:
            schema = (
                {**schema, "description": field.description}
                if "$ref" not in schema
                else {"allOf": [schema], "description": field.description}
            )
        return schema

    def payload_schema(self, payload: Payload) -> dict[str, Any] | None:
        if payload.empty:
            return None
        parts: list[dict[str, Any]] = []
        if payload.table:
            parts.append(self.table_ref(payload.table))
        if payload.fields:
            last = {f.name: f for f in payload.fields}  # a name given twice: its last definition
            props = {name: self.field_schema(f) for name, f in last.items()}
            inline: dict[str, Any] = {"type": "object", "properties": props}
            required = [name for name, f in last.items() if f.required]
            if required:
                inline["required"] = required
            parts.append(inline)
        schema = parts[0] if len(parts) == 1 else {"allOf": parts}
        return {"type": "array", "items": schema} if payload.is_list else schema

    # endpoints
    def parameter_schema(self, endpoint: Endpoint, name: str) -> dict[str, Any]:
        for payload in (endpoint.response, endpoint.request):
            table = self.tables.get(payload.table) if payload.table else None
            if table is None:
                continue
            column = table.column(name) or table.column(_snake(name))
            if column is not None:
                schema = self.type_schema(column.type)
                if schema.get("type") in ("string", "integer", "number", "boolean"):
                    return schema
        return {"type": "string"}

    def operation_id(self, endpoint: Endpoint, path: str) -> str:
        words = [p.strip("{}:") for p in path.split("/") if p]
        base = _camel("_".join([endpoint.method.value.lower(), *words]))
        candidate, n = base, 2
        while candidate in self.operation_ids:
            candidate, n = f"{base}{n}", n + 1
        self.operation_ids.add(candidate)
        return candidate

    def operation(self, endpoint: Endpoint, path: str) -> dict[str, Any]:
        op: dict[str, Any] = {"operationId": self.operation_id(endpoint, path)}
        if endpoint.summary:
            op["summary"] = endpoint.summary
        if endpoint.tags:
            op["tags"] = list(endpoint.tags)
        params = [
            {"name": name, "in": "path", "required": True, "schema": self.parameter_schema(endpoint, name)}
            for name in path_parameters(path)
        ]
        if params:
            op["parameters"] = params
        request = self.payload_schema(endpoint.request)
        if request is not None and endpoint.method.value not in ("GET", "HEAD", "DELETE", "OPTIONS"):
            op["requestBody"] = {"required": True, "content": {"application/json": {"schema": request}}}
        op["responses"] = self.responses(endpoint, bool(params))
        if endpoint.auth == AuthLevel.PUBLIC:
            op["security"] = []
        elif endpoint.auth == AuthLevel.ADMIN:
            op["security"] = [{self.scheme: ["admin"]}]
        else:
            op["security"] = [{self.scheme: []}]
        op["x-auth-level"] = endpoint.auth.value
        service = self.components.get(endpoint.service) if endpoint.service else None
        if service is not None:
            op["x-service"] = service.name or service.id
        if endpoint.rate_limit_class:
            op["x-rate-limit-class"] = endpoint.rate_limit_class
        return op

    def responses(self, endpoint: Endpoint, has_params: bool) -> dict[str, Any]:
        schema = self.payload_schema(endpoint.response)
        method = endpoint.method.value
        ok: dict[str, Any]
        if schema is None:
            ok_code, ok = "204", {"description": "No content"}
        else:
            # POST that answers with a table's row created it; other POSTs are actions.
            ok_code = "201" if method == "POST" and endpoint.response.table else "200"
            ok = {
                "description": "Created" if ok_code == "201" else "OK",
                "content": {"application/json": {"schema": schema}},
            }
        responses: dict[str, Any] = {ok_code: ok}
        if endpoint.request.table or endpoint.request.fields:
            responses["400"] = {"description": "Invalid request"}
        if endpoint.auth != AuthLevel.PUBLIC:
            responses["401"] = {"description": "Not authenticated"}
        if endpoint.auth == AuthLevel.ADMIN:
            responses["403"] = {"description": "Not an administrator"}
        if has_params:
            responses["404"] = {"description": "Not found"}
        if endpoint.rate_limit_class:
            responses["429"] = {"description": f"Rate limit exceeded ({endpoint.rate_limit_class})"}
        return responses

    def security_scheme(self) -> dict[str, Any]:
        kind = self.document.security.auth_kind.strip().lower()
        base = self.document.api.base_path.rstrip("/")
        if self.scheme == "oauth2":
            return {
                "type": "oauth2",
                "flows": {
                    "password": {
                        "tokenUrl": f"{base}/auth/token",
                        "scopes": {"admin": "Administrative operations"},
                    }
                },
            }
        if self.scheme == "openIdConnect":
            return {"type": "openIdConnect", "openIdConnectUrl": "/.well-known/openid-configuration"}
        if self.scheme == "sessionCookie":
            return {"type": "apiKey", "in": "cookie", "name": "session"}
        if self.scheme == "apiKey":
            return {"type": "apiKey", "in": "header", "name": "X-API-Key"}
        scheme: dict[str, Any] = {"type": "http", "scheme": "bearer"}
        if kind == "jwt":
            lifetimes = self.document.security
            scheme["bearerFormat"] = "JWT"
            scheme["description"] = (
                f"Access tokens live {lifetimes.access_token_minutes} minutes, "
                f"refresh tokens {lifetimes.refresh_token_days} days."
            )
        return scheme


def build_openapi(document: DesignDocument) -> dict[str, Any]:
    """The OpenAPI 3.1 document of the design as plain data (dicts, lists, strings)."""
    builder = _Builder(document)
    info: dict[str, Any] = {
        "title": document.overview.title or "API",
        "version": document.api.version or "1.0.0",
    }
    if document.overview.summary:
        info["description"] = document.overview.summary
    spec: dict[str, Any] = {"openapi": OPENAPI_VERSION, "info": info}
    spec["servers"] = [{"url": document.api.base_path or "/"}]
    paths: dict[str, dict[str, Any]] = {}
    skipped: list[str] = []
    for endpoint in document.api.endpoints:
        path = normalise_path(endpoint.path.strip())
        method = endpoint.method.value.lower()
        if path_problems(path) or method in paths.get(path, {}):
            skipped.append(f"{endpoint.method.value} {endpoint.path}")
            continue
        paths.setdefault(path, {})[method] = builder.operation(endpoint, path)
    tags = sorted({t for e in document.api.endpoints for t in e.tags})
    if tags:
        spec["tags"] = [{"name": t} for t in tags]
    spec["paths"] = paths
    components: dict[str, Any] = {"securitySchemes": {builder.scheme: builder.security_scheme()}}
    if builder.schemas:
        components["schemas"] = builder.schemas
    spec["components"] = components
    spec["security"] = [{builder.scheme: []}]
    if skipped:
        spec["x-skipped-endpoints"] = skipped
    return spec


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Safe YAML (libyaml's emitter when present) that never emits anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def spec_yaml(spec: dict[str, Any]) -> str:
    """An OpenAPI dict as YAML (safe dumping: plain data only, strings quoted as needed)."""
    return yaml.dump(spec, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


class YamlFragments:
    """YAML of an OpenAPI dict, re-dumping only the paths and schemas that changed.

    PyYAML's representer is pure Python (about 1 s for 300 endpoints), too slow for a
    preview that follows every edit. Each path item and schema is dumped on its own and
    kept under the compact JSON of its data (cheap to compute in C); block-style YAML can
    is line-based, so the pieces assemble into exactly the text ``spec_yaml`` gives.
    """

    def __init__(self) -> None:
        self._cache: dict[str, str] = {}

    def _piece(self, parents: tuple[str, ...], key: str, value: Any) -> str:
        ident = json.dumps([parents, key, value], separators=(",", ":"), ensure_ascii=False)
        text = self._cache.get(ident)
        if text is None:
            nested: Any = {key: value}
            for parent in reversed(parents):
                nested = {parent: nested}
            # Dumped at its real depth so line folding matches a whole-document dump.
            lines = spec_yaml(nested).splitlines(keepends=True)
            text = "".join(lines[len(parents) :])
            self._cache[ident] = text
        return text

    def render(self, spec: dict[str, Any]) -> str:
        used_before = len(self._cache)
        out: list[str] = []
        for key, value in spec.items():
            if key == "paths" and value:
                out.append("paths:\n")
                out.extend(self._piece(("paths",), k, v) for k, v in value.items())
            elif key == "components" and value.get("schemas"):
                out.append("components:\n")
                for part, content in value.items():
                    if part == "schemas":
                        out.append("  schemas:\n")
                        out.extend(self._piece(("components", "schemas"), k, v) for k, v in content.items())
                    else:
                        out.append(self._piece(("components",), part, content))
            else:
                out.append(spec_yaml({key: value}))
        if len(self._cache) > 4 * max(used_before, 256):  # forget pieces of long-gone versions
            self._cache.clear()
        return "".join(out)


def openapi_yaml(document: DesignDocument) -> str:
    """:func:`build_openapi` as YAML."""
    return spec_yaml(build_openapi(document))
