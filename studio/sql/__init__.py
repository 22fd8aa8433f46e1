"""SQL for the schema model: DDL generation per dialect, SQL import, type mapping.

Public API (stable; the schema dock, the DDL preview, the ERD and lint build on it):

``studio.sql.dialects``
    ``DIALECTS: dict[str, Dialect]`` (postgres, mysql, sqlite, tsql, duckdb, oracle), each
    with ``.label`` (human name), ``.sqlglot`` and ``.capabilities`` (``Capabilities``:
    partial_indexes, enums ("type"|"inline"|"check"), comments ("comment_on"|"inline"|
    "extended_property"|""),
    identity, uuid_type, json_type, now_default, uuid_default, alter_add_fk,
    index_methods, array_types). ``dialect(name)`` resolves names, labels and
    ``.agentconfig.json`` database values (``CONFIG_DATABASES``); ``DEFAULT_DIALECT``.
    ``known_types(d) -> list[str]`` suggestions; ``is_known_type(type_text, d) -> bool``;
    ``is_reserved(name, d) -> bool``; ``parses(sql_expr, d) -> bool`` (partial-index WHERE).

``studio.sql.ddl``
    ``table_ddl(table, schema, dialect) -> str``: one table's statements (CREATE TABLE,
    its indexes, comments, its foreign keys) as a script.
    ``schema_ddl(schema, dialect) -> DdlScript`` (``.text``, ``.statements``, ``.notes``).
    ``DdlRenderer(schema_source, dialect)``: cached per (table content, dialect) for the
    live preview. ``schema_source`` is a callable returning the current ``Schema``. Call
    ``renderer.apply(op)`` (or ``invalidate(table_id | None)``) on each model change, then
    ``table_statements(table_id) -> list[str]``, ``table_text(table_id)``,
    ``full_script() -> str``, ``notes() -> list[ConversionNote]``; ``renderer.dialect``
    is settable (switching back is free: the cache keeps every dialect).

``studio.sql.importer``
    ``import_sql(text, dialect) -> ImportResult`` (``.tables``, ``.enums``, ``.warnings``:
    list of ``ImportWarning(line, message)``); ``merge_into(document, result) ->
    DesignDocument`` (same-named tables are replaced, keeping their ids).

``studio.sql.notes``: ``ConversionNote(table, message)`` the generator's downgrades.
"""
