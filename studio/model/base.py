"""The base of every document type: strict, assignment-validated, with a stable id helper."""

from __future__ import annotations

import uuid

from pydantic import BaseModel, ConfigDict


class DocModel(BaseModel):
    """A part of the design document.

        Unknown keys are refused so that a typo in a hand-edited design file is reported, not
        silently dropped; assignments are validated so an operation cannot store a wrong type;
    NaN and infinity are refused because JSON cannot hold them.
    """

    model_config = ConfigDict(
        extra="forbid", validate_assignment=True, populate_by_name=True, allow_inf_nan=False
    )


def new_id(prefix: str) -> str:
    """A short, stable, collision-resistant id such as ``cmp-3f9a1c2e``."""
    return f"{prefix}-{uuid.uuid4().hex[:10]}"
