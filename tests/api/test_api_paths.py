"""Path templates: parameters and malformed segments."""

from __future__ import annotations

import pytest

from studio.model.api_paths import normalise_path, path_parameters, path_problems


def test_parameters() -> None:
    assert path_parameters("/users/{userId}/orders/{id}") == ["userId", "id"]
    assert path_parameters("/users/:id") == ["id"]
    assert normalise_path("/users/:id/orders") == "/users/{id}/orders"


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("users", "start with '/'"),
        ("/users/{id", "malformed parameter"),
        ("/a/{1x}", "malformed parameter"),
        ("/a/{id}/b/{id}", "appears twice"),
        ("/a//b", "empty"),
        ("/a b", "cannot hold"),
        ("/x{id}", "malformed"),
    ],
)
def test_problems(path: str, words: str) -> None:
    assert any(words in p for p in path_problems(path))


def test_good_paths_have_no_problems() -> None:
    for path in ("/", "/users/", "/users/{id}", "/users/:userId/orders", "/v1/items.json"):
        assert path_problems(path) == []


def test_duplicate_payload_field_is_a_problem(ecommerce) -> None:  # type: ignore[no-untyped-def]
    from studio.model import PayloadField
    from studio.ui.api.problems import endpoint_problems

    ecommerce.api.endpoints[0].request.fields.append(PayloadField(name="email", required=False))
    (problem,) = endpoint_problems(ecommerce)
    assert (
        problem.endpoint_id == "ep-register" and "request field 'email' is defined twice" in problem.message
    )
