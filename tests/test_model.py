"""The data model, the stage registry and the pipeline's order check."""

from typing import ClassVar

import pytest

from riwaya import registry
from riwaya.model import Article, Span
from riwaya.pipeline import Pipeline, PipelineError

TEXT = "نفت الرئاسة السورية التقرير.\nوأوضحت مديرية الإعلام أن ما ورد ادعاءات."


def test_spans_point_into_the_original_text() -> None:
    a = Article(TEXT, "x")
    a.add("orgs", Span(4, 19, "ORG"))
    assert a.spans("orgs")[0].text_of(a) == "الرئاسة السورية"
    with pytest.raises(ValueError, match="beyond text"):
        a.add("orgs", Span(0, len(TEXT) + 1))
    with pytest.raises(ValueError, match="bad span"):
        Span(5, 2)


def test_article_id_is_stable_and_content_keyed() -> None:
    one = Article(TEXT, "/a/x.txt", outlet="عربي21")
    assert one.id == Article(TEXT, "/elsewhere/x.txt", outlet="عربي21").id  # the same page moved
    assert one.id != Article(TEXT, "/a/x.txt", outlet="سانا").id  # the same wire copy, another outlet
    assert one.id != Article(TEXT, "/a/x.txt", part=1, outlet="عربي21").id


class Needs:
    name: ClassVar[str] = "needs-sentences"
    requires: ClassVar[tuple[str, ...]] = ("sentences",)
    assigns: ClassVar[tuple[str, ...]] = ("claims",)

    def __call__(self, article: Article) -> Article:
        return article


class Gives:
    name: ClassVar[str] = "gives-sentences"
    requires: ClassVar[tuple[str, ...]] = ("text",)
    assigns: ClassVar[tuple[str, ...]] = ("sentences",)

    def __call__(self, article: Article) -> Article:
        for i, line in enumerate(article.text.split("\n")):
            start = sum(len(x) + 1 for x in article.text.split("\n")[:i])
            article.add("sentences", Span(start, start + len(line)))
        return article


def test_pipeline_checks_stage_order() -> None:
    with pytest.raises(PipelineError, match="'needs-sentences' requires sentences"):
        Pipeline([Needs(), Gives()])
    pipe = Pipeline([Gives(), Needs()])
    out = pipe(Article(TEXT, "x"))
    assert [s.text_of(out) for s in out.spans("sentences")] == TEXT.split("\n")
    assert out.has("claims") and out.has("sentences") and out.done == ["sentences", "claims"]


def test_registry_builds_default_stages_and_names_unknown_ones() -> None:
    assert {"outlet", "published", "dates"} <= set(registry.names())
    assert Pipeline.from_names().names[:2] == ["outlet", "published"]
    with pytest.raises(KeyError, match="unknown stage 'nope'"):
        registry.create("nope")


def test_a_batch_through_the_pipeline_equals_each_article_alone(seeds_dir) -> None:
    """`Pipeline.pipe` (the engines' path: the tagger decodes a batch's sentences together) gives every
    layer exactly as one article at a time does — on the seeds and, when present, 60 ANT articles."""
    import json

    from riwaya.clean import make_articles
    from riwaya.ingest import discover

    def read() -> list[Article]:
        out = [a for inp in discover([str(seeds_dir)]) for doc in inp.read() for a in make_articles(doc)]
        ant = seeds_dir.parent / "data" / "ant_sample" / "articles.jsonl"
        if ant.is_file():
            with ant.open(encoding="utf-8") as f:
                out += [Article(json.loads(line)["text"], f"ant#{i}") for i, line in zip(range(60), f, strict=False)]
        return out

    pipe = Pipeline.from_names()
    alone = [pipe(a) for a in read()]
    together = list(pipe.pipe(read(), batch_size=25))
    assert len(together) == len(alone) > 6
    for one, batched in zip(alone, together, strict=True):
        assert batched.done == one.done
        assert batched.layers == one.layers, one.source
    assert sum(len(a.spans("entities")) for a in alone) > 500
