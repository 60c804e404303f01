"""Building and running a pipeline of per-article stages, with the stage order checked up front."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from . import registry
from .model import BASE_FIELDS, Article, Stage

DEFAULT_STAGES: tuple[str, ...] = ("outlet", "published", "sentences", "dates", "entities", "attributions")
PIPE_BATCH = 25  # articles the engines send through `Pipeline.pipe` together


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
        return self.pipe([article])[0]

    def pipe(self, articles: list[Article]) -> list[Article]:
        """The stages over a batch of articles, stage by stage. A stage with a `pipe` method takes the whole
        batch at once (the entity tagger decodes many sentences together); the others go article by
        article. The result is the same as running each article alone."""
        for stage in self.stages:
            batch = getattr(stage, "pipe", None)
            articles = batch(articles) if batch is not None else [stage(a) for a in articles]
            for article in articles:
                article.done.extend(n for n in stage.assigns if n not in article.done)
        return articles
