"""The stage registry: stages register under a name so pipelines can be built from names."""

from __future__ import annotations

from collections.abc import Callable

from .model import Stage

_STAGES: dict[str, type] = {}


def register(cls: type) -> type:
    """Class decorator: make a stage buildable by its `name`."""
    name = getattr(cls, "name", None)
    if not name:
        raise TypeError(f"{cls.__name__} has no stage name")
    if name in _STAGES and _STAGES[name] is not cls:
        raise ValueError(f"stage name {name!r} is already taken by {_STAGES[name].__name__}")
    _STAGES[name] = cls
    return cls


def create(name: str, **config: object) -> Stage:
    _load_builtin()
    try:
        factory: Callable[..., Stage] = _STAGES[name]
    except KeyError:
        known = ", ".join(sorted(_STAGES))
        raise KeyError(f"unknown stage {name!r} (known: {known})") from None
    return factory(**config)


def names() -> list[str]:
    _load_builtin()
    return sorted(_STAGES)


def _load_builtin() -> None:
    # Importing the stage modules runs their @register decorators.
    from .attribution import stage as attribution_stage  # noqa: F401
    from .clean import metadata  # noqa: F401
    from .entities import recognize  # noqa: F401
    from .text import sentences  # noqa: F401
    from .time import stage  # noqa: F401
