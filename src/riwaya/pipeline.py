"""Building and running a pipeline of per-article stages, with the stage order checked up front."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

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
        return self._batch([article])[0]

    def pipe(self, articles: Iterable[Article], batch_size: int = PIPE_BATCH) -> Iterator[Article]:
        """The stages over many articles, `batch_size` at a time (as spaCy's `nlp.pipe`): a stage with a
        `pipe` method takes a whole batch at once (the entity tagger decodes its sentences together), the
        others go article by article. Each article comes out as it would alone, in the order given."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def _batch(self, articles: list[Article]) -> list[Article]:
        for stage in self.stages:
            batch = getattr(stage, "pipe", None)
            articles = batch(articles) if batch is not None else [stage(a) for a in articles]
            for article in articles:
                article.done.extend(n for n in stage.assigns if n not in article.done)
        return articles
