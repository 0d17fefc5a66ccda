"""A figure restated in another currency or unit in brackets reads like the figure it
restates. Stored through the worker's service."""

from __future__ import annotations

from datetime import date

import pytest

from tests.claims.stories import claim, publish

pytestmark = pytest.mark.django_db


def test_a_bracketed_conversion_shows_the_subject_of_the_figure_it_restates(make_article):
    article = publish(
        make_article,
        "A magnitude 6.1 earthquake struck Tarn province on Monday. The epicentre was"
        " 30 km north of the provincial capital, Velda, at a depth of 12 kilometres"
        " (7.5 miles).",
        outlet="Tarn Courier",
        published=date(2025, 3, 4),
    )

    original, converted = claim(article, "12 kilometres"), claim(article, "7.5 miles")

    assert converted.converts_id == original.pk
    assert converted.subject == original.subject
    assert "depth" in original.subject
