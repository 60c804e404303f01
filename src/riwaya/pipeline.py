"""Building and running a pipeline of per-article stages, with the stage order checked up front."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from . import registry
from .model import BASE_FIELDS, Article, Stage

DEFAULT_STAGES: tuple[str, ...] = ("outlet", "published", "sentences", "dates", "entities", "attributions")


class PipelineError(ValueError):
    """A pipeline whose stages cannot run in the given order."""


class Pipeline:
    def __init__(self, stages: Sequence[Stage]):
        available = set(BASE_FIELDS)
        for stage in stages:
            missing = [r for r in stage.requires if r not in available]
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier stage assigns"
                )
            available.update(stage.assigns)
        self.stages = list(stages)

    @classmethod
    def from_names(cls, names: Iterable[str] = DEFAULT_STAGES) -> Pipeline:
        return cls([registry.create(n) for n in names])

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, article: Article) -> Article:
        for stage in self.stages:
            article = stage(article)
            article.done.extend(n for n in stage.assigns if n not in article.done)
        return article
