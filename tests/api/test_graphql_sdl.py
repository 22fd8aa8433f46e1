"""GraphQL SDL checked by graphql-core, with line and column."""

from __future__ import annotations

import pytest
from graphql import GraphQLObjectType

from studio.export.graphql import build_sdl_schema, check_sdl
from studio.model import DesignDocument


def test_ecommerce_sdl_builds(ecommerce: DesignDocument) -> None:
    assert check_sdl(ecommerce.api.graphql_sdl) == []
    schema = build_sdl_schema(ecommerce.api.graphql_sdl)
    assert isinstance(schema.get_type("ProductConnection"), GraphQLObjectType)
    assert set(schema.mutation_type.fields) == {"createOrder", "updateOrderStatus"}  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("sdl", "line", "column", "words"),
    [
        ("type Query {\n  a: Int\n  b: [Int\n}", 4, 1, "Expected ']'"),
        ("type Query {\n  user: Usr\n}", 2, 9, "Unknown type 'Usr'"),
        ("type Query { a: Int }\ntype Query { b: Int }", 2, 6, "only one type named 'Query'"),
    ],
)
def test_problems_have_line_and_column(sdl: str, line: int, column: int, words: str) -> None:
    (problem,) = check_sdl(sdl)
    assert (problem.line, problem.column) == (line, column) and words in problem.message
    with pytest.raises(ValueError, match=f"line {line}, column {column}"):
        build_sdl_schema(sdl)


def test_empty_sdl_is_fine_and_missing_query_is_reported() -> None:
    assert check_sdl("  \n") == []
    assert "Query root type" in check_sdl("type A { x: Int }")[0].message
