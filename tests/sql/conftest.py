"""Engine fixtures: a missing server skips locally, but fails in CI (CI=true)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sql.engines import (
    DuckDB,
    Engine,
    SQLite,
    mariadb_engine,
    postgres_engine,
    server_address,
)

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _absent(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: .ci/run must start it)")
    pytest.skip(f"{reason}; run `bash .ci/start-services.sh` to start it")


@pytest.fixture
def postgres() -> Iterator[Engine]:
    address = server_address("postgres")
    if address is None:
        _absent("no PostgreSQL test server configured (.ci/engines.env or STUDIO_TEST_POSTGRES)")
    try:
        context = postgres_engine(address)  # type: ignore[arg-type]
        engine = context.__enter__()
    except Exception as exc:  # the server is configured but not reachable
        _absent(f"PostgreSQL test server unreachable: {exc}")
    try:
        yield engine
    finally:
        context.__exit__(None, None, None)


@pytest.fixture
def mariadb() -> Iterator[Engine]:
    address = server_address("mariadb")
    if address is None:
        _absent("no MariaDB test server configured (.ci/engines.env or STUDIO_TEST_MARIADB)")
    try:
        context = mariadb_engine(address)  # type: ignore[arg-type]
        engine = context.__enter__()
    except Exception as exc:
        _absent(f"MariaDB test server unreachable: {exc}")
    try:
        yield engine
    finally:
        context.__exit__(None, None, None)


@pytest.fixture
def sqlite(tmp_path: Path) -> Iterator[Engine]:
    engine = SQLite(tmp_path / "test.db")
    yield engine
    engine.conn.close()


@pytest.fixture
def duckdb() -> Iterator[Engine]:
    engine = DuckDB()
    yield engine
    engine.conn.close()


ENGINE_FIXTURES = ["postgres", "mariadb", "sqlite", "duckdb"]


@pytest.fixture(params=ENGINE_FIXTURES)
def engine(request: pytest.FixtureRequest) -> Engine:
    """Each real engine in turn."""
    return request.getfixturevalue(request.param)
