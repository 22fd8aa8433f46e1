"""OpenAPI 3.1 from the design, checked by openapi-spec-validator's 3.1 validator."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openapi_spec_validator import OpenAPIV31SpecValidator, validate

from studio.export.openapi import build_openapi, openapi_yaml, schema_name, sql_type_schema
from studio.model import AuthLevel, DesignDocument, Endpoint, HttpMethod, Payload, PayloadField


def test_ecommerce_document_is_valid_openapi_31(ecommerce: DesignDocument) -> None:
    spec = build_openapi(ecommerce)
    validate(spec, cls=OpenAPIV31SpecValidator)
    assert spec["openapi"] == "3.1.0"
    assert set(spec["paths"]) >= {
        "/auth/register",
        "/users/{id}",
        "/users/{userId}/orders",
        "/orders/{id}/status",
    }
    user = spec["components"]["schemas"]["User"]
    assert user["properties"]["id"] == {"type": "string", "format": "uuid", "readOnly": True}
    assert user["properties"]["email"]["maxLength"] == 255
    assert user["properties"]["password_hash"]["writeOnly"] is True
    product = spec["components"]["schemas"]["Product"]["properties"]
    assert product["price"]["type"] == "number" and product["description"]["type"] == ["string", "null"]


def test_auth_levels_and_path_parameters(ecommerce: DesignDocument) -> None:
    paths = build_openapi(ecommerce)["paths"]
    assert paths["/products"]["get"]["security"] == []
    assert paths["/products"]["post"]["security"] == [{"bearerAuth": ["admin"]}]
    assert "403" in paths["/products"]["post"]["responses"]
    assert paths["/orders/{id}"]["get"]["security"] == [{"bearerAuth": []}]
    params = paths["/users/{userId}/orders"]["get"]["parameters"]
    assert params == [
        {"name": "userId", "in": "path", "required": True, "schema": {"type": "string", "format": "uuid"}}
    ]
    listing = paths["/products"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert listing == {"type": "array", "items": {"$ref": "#/components/schemas/Product"}}


def test_yaml_round_trips_and_escapes_user_text(ecommerce: DesignDocument) -> None:
    ecommerce.overview.title = 'Shop: "quotes" & #hash\nnew line: yes'
    ecommerce.api.endpoints[0].summary = "- not: a list"
    text = openapi_yaml(ecommerce)
    assert yaml.safe_load(text) == build_openapi(ecommerce)
    assert "&id" not in text and "*id" not in text  # no YAML anchors


def test_security_schemes_follow_auth_kind(ecommerce: DesignDocument) -> None:
    for kind, expected in [
        ("oauth2", "oauth2"),
        ("session", "apiKey"),
        ("oidc", "openIdConnect"),
        ("api-key", "apiKey"),
    ]:
        ecommerce.security.auth_kind = kind
        spec = build_openapi(ecommerce)
        validate(spec, cls=OpenAPIV31SpecValidator)
        (scheme,) = spec["components"]["securitySchemes"].values()
        assert scheme["type"] == expected


def test_bad_endpoints_are_skipped_and_spec_stays_valid() -> None:
    doc = DesignDocument()
    doc.api.endpoints = [
        Endpoint(id="a", method=HttpMethod.GET, path="/things/{id", auth=AuthLevel.PUBLIC),
        Endpoint(id="b", method=HttpMethod.GET, path="/things/:id"),
        Endpoint(id="c", method=HttpMethod.GET, path="/things/{id}"),
        Endpoint(
            id="d",
            method=HttpMethod.POST,
            path="/things",
            request=Payload(table="missing"),
            response=Payload(
                fields=[PayloadField(name="n", type="BIGINT"), PayloadField(name="o", type="object")]
            ),
        ),
    ]
    spec = build_openapi(doc)
    validate(spec, cls=OpenAPIV31SpecValidator)
    assert spec["x-skipped-endpoints"] == ["GET /things/{id", "GET /things/{id}"]
    body = spec["paths"]["/things"]["post"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert body["properties"]["n"] == {"type": "integer", "format": "int64"}


def test_sql_type_mapping() -> None:
    assert sql_type_schema("VARCHAR(50)") == {"type": "string", "maxLength": 50}
    assert sql_type_schema("timestamp with time zone") == {"type": "string", "format": "date-time"}
    assert sql_type_schema("INTEGER[]") == {"type": "array", "items": {"type": "integer", "format": "int32"}}
    assert sql_type_schema("order_status", {"order_status": ["new", "paid"]}) == {
        "type": "string",
        "enum": ["new", "paid"],
    }
    assert sql_type_schema("GEOGRAPHY")["type"] == "string"
    assert (schema_name("order_items"), schema_name("categories"), schema_name("address")) == (
        "OrderItem",
        "Category",
        "Address",
    )


def test_yaml_fragments_equal_a_full_dump(ecommerce: DesignDocument) -> None:
    from studio.export.openapi import YamlFragments, spec_yaml

    fragments = YamlFragments()
    assert fragments.render(build_openapi(ecommerce)) == openapi_yaml(ecommerce)
    ecommerce.api.endpoints[2].summary = "multi\nline: 'quoted' \"text\" " + "long " * 40
    ecommerce.schema.tables[1].columns[1].comment = "ünïcode ✓"
    spec = build_openapi(ecommerce)
    assert fragments.render(spec) == spec_yaml(spec)
    assert yaml.safe_load(fragments.render(spec)) == spec


@pytest.mark.parametrize("template", ["ecommerce", "migration", "blank"])
def test_every_template_is_valid(template: str) -> None:
    from studio.export.graphql import check_sdl
    from studio.io.gallery import load_template

    document = load_template(template)
    validate(build_openapi(document), cls=OpenAPIV31SpecValidator)
    assert check_sdl(document.api.graphql_sdl) == []


_segment = st.one_of(
    st.text(alphabet="abcxyz-_.0123456789{}:/ é", min_size=0, max_size=8),
    st.from_regex(r"\{[a-zA-Z_][a-zA-Z0-9_]{0,5}\}", fullmatch=True),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(list(HttpMethod)),
            st.lists(_segment, min_size=0, max_size=4).map(lambda parts: "/" + "/".join(parts)),
            st.text(max_size=30),
            st.sampled_from(list(AuthLevel)),
            st.sampled_from(["", "users", "orders", "missing"]),
            st.lists(
                st.tuples(
                    st.text(min_size=1, max_size=8), st.sampled_from(["string", "BIGINT", "users", "x y"])
                ),
                max_size=3,
            ),
        ),
        max_size=6,
    ),
    st.sampled_from(["jwt", "oauth2", "session", "oidc", "api-key", "saml", "weird"]),
)
def test_any_endpoints_give_a_valid_document(rows: list, auth_kind: str) -> None:  # type: ignore[type-arg]
    from studio.io.gallery import load_template

    ecommerce = load_template("ecommerce")
    ecommerce.security.auth_kind = auth_kind
    ecommerce.api.endpoints = [
        Endpoint(
            id=f"e{i}",
            method=method,
            path=path,
            summary=summary,
            auth=auth,
            response=Payload(table=table, fields=[PayloadField(name=n, type=t) for n, t in fields]),
        )
        for i, (method, path, summary, auth, table, fields) in enumerate(rows)
    ]
    spec = build_openapi(ecommerce)
    validate(spec, cls=OpenAPIV31SpecValidator)
    assert yaml.safe_load(openapi_yaml(ecommerce)) == spec
