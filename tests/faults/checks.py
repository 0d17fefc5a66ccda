"""What "extracted exactly once" means, checked after a fault."""

from __future__ import annotations

from django.db.models import Count

from articles.models import Article
from claims.extraction import extract_figures
from claims.models import Claim, Fact
from tests.helpers import status_history


def events(article: Article) -> list[str]:
    return status_history(article)


def clean_run_spans(article: Article) -> list[tuple[int, int]]:
    """The claims a run with no fault stores: one per figure the extractor finds."""
    figures = extract_figures(article.body, published=article.published)
    return sorted((figure.start, figure.end) for figure in figures)


def assert_extracted_once(article: Article, spans: list[tuple[int, int]] | None = None) -> None:
    """Done once, with exactly the claims of a clean run, each in a fact."""
    article.refresh_from_db()
    assert article.status == Article.Status.DONE, article.status_reason
    assert events(article).count("done") == 1
    assert events(article)[-1] == "done"
    claims = Claim.objects.filter(article=article)
    assert sorted(claims.values_list("start", "end")) == (spans or clean_run_spans(article))
    assert not claims.filter(fact=None).exists()


def assert_facts_consistent() -> None:
    """No fact without a claim, and every fact's count matches its claims."""
    counts = Fact.objects.annotate(members=Count("claims")).values_list("claim_count", "members")
    assert all(members > 0 for _, members in counts)
    assert all(claim_count == members for claim_count, members in counts)
