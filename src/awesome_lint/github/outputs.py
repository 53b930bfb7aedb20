"""The Actions environment's files: the job summary and the step outputs."""

from __future__ import annotations

import os
import uuid
from collections.abc import Mapping


def append_job_summary(markdown: str, environ: Mapping[str, str] = os.environ) -> bool:
    """Append to ``$GITHUB_STEP_SUMMARY``; False when the variable is unset."""
    target = environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return False
    with open(target, "a", encoding="utf-8") as fh:
        fh.write(markdown)
    return True


def format_outputs(values: Mapping[str, object]) -> str:
    """``name<<DELIM`` blocks, the form that stays safe whatever the value holds."""
    out = []
    for name, value in values.items():
        text = str(value)
        delim = f"ghadelimiter_{uuid.uuid4()}"
        while delim in text:  # pragma: no cover - a collision with a fresh uuid4
            delim = f"ghadelimiter_{uuid.uuid4()}"
        out.append(f"{name}<<{delim}\n{text}\n{delim}\n")
    return "".join(out)


def write_outputs(values: Mapping[str, object], environ: Mapping[str, str] = os.environ) -> bool:
    """Append step outputs to ``$GITHUB_OUTPUT``; False when the variable is unset."""
    target = environ.get("GITHUB_OUTPUT")
    if not target:
        return False
    with open(target, "a", encoding="utf-8") as fh:
        fh.write(format_outputs(values))
    return True
