"""One entity written in different forms by the articles of one story (a long name and its
acronym, a full name and its leading word, a generic word for the institution) has one key,
whichever article arrives first; a generic word alone is never what a name is keyed as."""

from __future__ import annotations

from datetime import date
from itertools import permutations

import pytest

from articles.stories import with_name_forms
from claims import about
from tests.claims.stories import claim, publish


@pytest.mark.parametrize(
    ("name", "generic"),
    [
        ("Federal Reserve", "Reserve"),
        ("the Supreme Court", "Court"),
        ("Varnish Pension Fund", "Fund"),
        ("Orland Water Authority", "Authority"),
    ],
)
def test_an_institution_ending_in_a_common_noun_is_not_keyed_as_that_noun(name, generic):
    assert about.entity_key(name) != about.entity_key(generic)
    assert about.entity_key(name) != generic.lower()


def test_two_institutions_with_one_generic_word_keep_apart():
    assert about.entity_key("Federal Reserve") != about.entity_key("Strategic Reserve")
    assert about.entity_key("Federal Reserve") == about.entity_key("the Fed")


@pytest.mark.parametrize(
    ("short", "name", "expected"),
    [
        ("OGTC", "Organisation for Grain Trade and Cooperation", True),
        ("Tarvik", "Tarvik Capital Partners", True),
        ("Orrel", "Orrel United", True),
        ("Court", "the Supreme Court", True),
        ("Orrel", "Orrel", False),
        ("Tarvik", "Tarvik and Lune", False),
        ("Company", "Company Ventures", False),
        ("OGTC", "Tarvik Capital Partners", False),
    ],
)
def test_what_a_short_form_shortens(short, name, expected):
    assert about.shortens(short, name) is expected


def test_a_club_written_in_full_then_short_has_one_key():
    context = about.ArticleContext(
        "Orrel United paid £40m for the striker. Orrel also agreed £5m in add-ons, and Orrel's"
        " manager said the squad had 24 players."
    )

    assert context.key("Orrel United") == context.key("Orrel")


def test_a_product_named_after_its_maker_later_is_not_the_maker():
    context = about.ArticleContext(
        "Corvane raised $300m from investors on Monday. Its new model, Corvane Vega, handles"
        " 12 languages. Corvane has 90 staff."
    )

    assert context.key("Corvane") != context.key("Corvane Vega")


def test_a_person_written_by_surname_is_not_keyed_by_first_name():
    context = about.ArticleContext(
        "Jane Moss runs the 40-store chain. Moss said sales rose 5% and Jane was pleased."
    )

    assert context.key("Jane Moss") == context.key("Moss")


@pytest.mark.parametrize(
    ("names", "known", "expected"),
    [
        # An acronym the story spelled out elsewhere, either way round.
        (
            {"OGTC": "ogtc"},
            {"Organisation for Grain Trade and Cooperation": "cooperation"},
            {"ogtc": "cooperation"},
        ),
        (
            {"Organisation for Grain Trade and Cooperation": "cooperation"},
            {"OGTC": "ogtc"},
            {"cooperation": "ogtc"},
        ),
        # The same form another article keyed through its own shorter form.
        (
            {"Orrel United": "united"},
            {"Orrel United": "orrel", "Orrel": "orrel"},
            {"united": "orrel"},
        ),
        # The institution the story named in full.
        ({"Court": "court"}, {"Supreme Court": "sc"}, {"court": "sc"}),
        # A key the story already has stays; two story keys that fit leave it alone.
        (
            {"OGTC": "ogtc"},
            {"OGTC": "ogtc", "Organisation for Grain Trade and Cooperation": "x"},
            {},
        ),
        ({"Court": "court"}, {"Supreme Court": "sc", "Appeals Court": "ac"}, {}),
        # Leading words alone are no evidence across articles: a maker is not its product.
        ({"Corvane": "corvane"}, {"Corvane Vega": "vega"}, {}),
    ],
)
def test_an_article_s_keys_resolve_against_its_story_s_names(names, known, expected):
    assert about.resolve_keys(names, known) == expected


NAMED = (
    "Velmar traders gathered in Velmar on Friday. The Northern Grain Exchange reported"
    " revenue of $41 million for 2025, its Velmar office said."
)
SHORT = (
    "Velmar traders gathered in Velmar on Friday. The NGE reported revenue of $43 million"
    " for 2025, its Velmar office said."
)


@pytest.mark.parametrize("named_first", [True, False])
def test_outlets_writing_a_name_and_its_acronym_state_one_fact_in_either_order(
    make_article, named_first
):
    texts = [(NAMED, "Grain Weekly"), (SHORT, "Port Ledger")]
    if not named_first:
        texts.reverse()
    articles = {
        outlet: publish(make_article, text, outlet=outlet, published=date(2026, 3, 6))
        for text, outlet in texts
    }
    named = claim(articles["Grain Weekly"], "$41 million")
    short = claim(articles["Port Ledger"], "$43 million")

    assert named.subject_key.split("|")[0] == short.subject_key.split("|")[0] != ""
    assert named.fact == short.fact


def test_a_story_keeps_the_same_name_forms_whatever_order_its_articles_came_in():
    # Three articles' claims: one writes "Orrel United" keyed as the club, one keys it as
    # the town, one names the mayor.
    written = [
        [("Orrel United", "orrel united|attendance||||")],
        [("Orrel United", "orrel|attendance||||"), ("Orrel", "orrel|budget||||")],
        [("Dana Vell", "dana vell|votes||||"), ("Orrel", "")],
    ]

    kept = set()
    for order in permutations(written):
        forms: dict[str, str] = {}
        for claims in order:
            forms = with_name_forms(forms, claims)
        kept.add(tuple(sorted(forms.items())))

    # A name written with two keys keeps the one its claims' keys sort first by.
    assert kept == {
        (("Dana Vell", "dana vell"), ("Orrel", "orrel"), ("Orrel United", "orrel united"))
    }
