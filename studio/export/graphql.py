"""GraphQL SDL: validated by graphql-core, problems reported at their line and column."""

from __future__ import annotations

from dataclasses import dataclass

from graphql import GraphQLError, GraphQLSchema, build_ast_schema, parse, validate_schema
from graphql.validation.validate import validate_sdl


@dataclass(frozen=True)
class SdlProblem:
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}, column {self.column}: {self.message}" if self.line else self.message


def _problems(errors: list[GraphQLError]) -> list[SdlProblem]:
    out: list[SdlProblem] = []
    for error in errors:
        # The last location is the offending one (a duplicate, not the first definition).
        if error.locations:
            loc = error.locations[-1]
            out.append(SdlProblem(loc.line, loc.column, error.message))
        else:
            out.append(SdlProblem(0, 0, error.message))
    return sorted(out, key=lambda p: (p.line, p.column))


def check_sdl(sdl: str) -> list[SdlProblem]:
    """Every problem of an SDL document (syntax, then definitions, then the schema as a whole).

    An empty document is fine: GraphQL is optional in a design.
    """
    if not sdl.strip():
        return []
    try:
        document = parse(sdl, no_location=False)
    except GraphQLError as error:  # GraphQLSyntaxError
        return _problems([error])
    errors = validate_sdl(document)
    if errors:
        return _problems(list(errors))
    try:
        schema = build_ast_schema(document, assume_valid_sdl=True)
    except (GraphQLError, TypeError) as error:
        return [SdlProblem(0, 0, str(error))]
    return _problems(list(validate_schema(schema)))


def build_sdl_schema(sdl: str) -> GraphQLSchema:
    """The schema of a valid SDL; raises ValueError naming the first problem."""
    problems = check_sdl(sdl)
    if problems:
        raise ValueError(str(problems[0]))
    return build_ast_schema(parse(sdl))
