"""Court coverage in each outlet's words: what a judge ordered against what a side sought, one
defendant's share against the sum, with interest or without, awards in other cases, and the
length of the ruling. Our own sentences; invented people, companies and courts."""

from __future__ import annotations

from datetime import date

import pytest

from tests.claims.stories import claim, publish, read_figure
from tests.claims.stories import read_in_sentence as read


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("A jury ordered Harlan Voss to pay $9 million in damages.", "$9 million"),
        ("Harlan Voss must pay more than $31 million in ill-gotten gains.", "$31 million"),
        ("The court entered a $6 million judgment against Harlan Voss.", "$6 million"),
        ("Voss Holdings faces $31 million in fines.", "$31 million"),
        (
            "The jury deliberated before ordering Voss to pay the tenants $12.4 million.",
            "$12.4 million",
        ),
        ("The regulator sought $40 million in disgorgement from Voss Holdings.", "$40 million"),
    ],
)
def test_what_a_court_orders_paid_is_a_fine(text, figure):
    assert read(text, figure, kind="money", unit="USD").measure == "fine"


@pytest.mark.parametrize(
    "text",
    [
        "Attorney General Dana Pryce had asked the court to fine Harlan Voss $40 million.",
        "Pryce was seeking $40 million in fines.",
        "Pryce had sought $40 million in penalties from the company.",
        "The tenants' counsel recommended the jurors award them $40 million.",
    ],
)
def test_what_a_prosecutor_sought_is_not_what_the_judge_ordered(text):
    found = read(text, "$40 million", kind="money", unit="USD")

    assert found.scope == "sought"
    assert "(sought)" in found.line


def test_the_total_of_amounts_sought_is_sought_too():
    text = (
        "Their counsel recommended the jurors award each of three tenants $2 million — for"
        " a total of $6 million."
    )

    assert read(text, "$6 million", kind="money", unit="USD").scope == "sought"


def test_what_a_jury_awards_each_party_is_a_fine_for_each():
    text = "After two days of talks the jury awarded each tenant $2 million over the libel."

    found = read(text, "$2 million", kind="money", unit="USD")

    assert (found.measure, found.scope) == ("fine", "each")


def test_each_defendant_s_share_is_not_the_sum():
    text = "Voss owes the bulk of the $35 million in penalties; his two partners must pay $2 million each."

    assert read(text, "$2 million", kind="money", unit="USD").scope == "each"
    assert read(text, "$35 million", kind="money", unit="USD").scope == "total"


def test_a_penalty_with_interest_is_its_own_amount():
    text = (
        "Judge Mara Vance hit Voss Holdings with $31m in fines — with interest $38.5m — on Friday."
    )

    assert read(text, "$38.5m", kind="money", unit="USD").scope == "with interest"
    assert read(text, "$31m", kind="money", unit="USD").scope == ""


def test_a_sum_of_several_awards_is_neither_of_its_parts():
    text = (
        "Combined with the $6 million judgment in the libel case, Harlan Voss has been fined"
        " about $37 million over the past five weeks."
    )

    part = read(text, "$6 million", kind="money", unit="USD")
    whole = read(text, "$37 million", kind="money", unit="USD")

    assert part.scope == ""
    assert whole.scope == "combined"
    assert whole.reference == "past five weeks"


def test_an_award_in_another_case_is_kept_apart_and_dated():
    text = "Voss was ordered to pay $2 million to a former tenant in a separate trial last year."

    found = read_figure(text, "$2 million", published=date(2025, 6, 6), kind="money", unit="USD")

    assert found.scope == "separate case"
    assert found.reference == "2024"


def test_the_payer_of_a_penalty_is_its_entity():
    text = "Judge Mara Vance fined Voss Holdings $31 million on Friday."

    assert read(text, "$31 million", kind="money", unit="USD").key.startswith("voss|fine|")


def test_the_judge_ordering_a_penalty_leads_the_line_but_is_not_keyed_as_the_payer():
    text = "Justice Mara Vance set $31 million in fines on Friday."

    found = read(text, "$31 million", kind="money", unit="USD")

    assert found.key.startswith("|fine|")
    assert "Mara Vance" in found.line.split(" fine")[0]


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Judge Mara Vance issued a blistering 43-page opinion on Friday.", "43-page"),
        ("Vance wrote in a 42-page ruling that the firm had lied.", "42-page"),
    ],
)
def test_the_length_of_the_ruling_is_the_story_s_whoever_the_clause_names(text, figure):
    found = read(text, figure, kind="count", unit="pages")

    assert found.measure == "ruling length"
    assert found.key == "|ruling length|||"


RULING = [
    (
        "Judge Mara Vance fined Harlan Voss $31 million on Friday for inflating the value of his"
        " hotels, and barred him from running a company for two years. Vance issued a blistering"
        " 43-page opinion. Attorney General Dana Pryce had asked Vance to fine Voss and his"
        " partners $40 million. The ruling caps a three-month trial.",
        "Harbour Daily",
    ),
    (
        "Harlan Voss was ordered to pay $31.2 million in penalties on Friday. Pryce was seeking"
        " $40 million in fines. Vance wrote in a 42-page ruling that Voss had lied. The trial"
        " lasted 13 weeks. His two partners must pay $2 million each.",
        "Market Wire",
    ),
    (
        "Harlan Voss must pay more than $34 million in ill-gotten gains, a judge ruled on Friday."
        " Pryce had sought $40 million in disgorgement.",
        "Courtroom Notes",
    ),
]


@pytest.fixture
def ruling(make_article):
    return [
        publish(make_article, text, outlet=outlet, published=date(2025, 6, 6))
        for text, outlet in RULING
    ]


def test_outlets_disagreeing_on_the_penalty_share_one_disputed_fact(ruling):
    facts = {
        claim(article, figure).fact
        for article, figure in zip(
            ruling, ("$31 million", "$31.2 million", "$34 million"), strict=False
        )
    }

    assert len(facts) == 1
    fact = facts.pop()
    fact.refresh_from_db()
    assert fact.agreement == fact.Agreement.DISPUTED


def test_what_the_prosecutor_sought_is_its_own_fact_without_a_dispute(ruling):
    sought = {
        claim(article, figure).fact
        for article, figure in zip(ruling, ("$40 million",) * 3, strict=False)
    }
    penalty = claim(ruling[0], "$31 million").fact
    each = claim(ruling[1], "$2 million").fact

    assert len(sought) == 1
    fact = sought.pop()
    assert fact not in (penalty, each)
    assert each != penalty
    fact.refresh_from_db()
    assert fact.agreement != fact.Agreement.DISPUTED


def test_two_page_counts_of_one_ruling_are_a_dispute(ruling):
    first, second = claim(ruling[0], "43-page").fact, claim(ruling[1], "42-page").fact

    assert first == second
    first.refresh_from_db()
    assert first.agreement == first.Agreement.DISPUTED


def test_a_trial_s_length_in_months_and_in_weeks_is_one_fact_without_a_dispute(ruling):
    months, weeks = claim(ruling[0], "three-month").fact, claim(ruling[1], "13 weeks").fact

    assert months == weeks
    months.refresh_from_db()
    assert months.agreement != months.Agreement.DISPUTED


@pytest.mark.parametrize(
    "text",
    [
        "Judge Mara Vance ordered former Senator Harlan Voss to pay $31 million on Friday.",
        "Former Senator Harlan Voss was ordered to pay $31 million on Friday.",
        "Judge Mara Vance also hit Harlan Voss with $31 million in fines.",
    ],
)
def test_the_party_ordered_to_pay_is_keyed_a_titled_person_too(text):
    assert read(text, "$31 million", kind="money", unit="USD").key.startswith("voss|fine|")


def test_a_list_line_s_party_owns_its_penalty():
    text = (
        "Judge Mara Vance ruled against Harlan Voss and Rob Voss Jr. on Friday.\n"
        "Harlan Voss: $31 million fine\n"
        "Rob Voss Jr.: $2 million fine\n"
    )

    found = read_figure(
        text, "$2 million", kind="money", unit="USD", sentence_start=text.index("Rob Voss Jr.:")
    )

    assert found.key.startswith("voss jr|fine|")


def test_parties_named_together_are_keyed_by_the_first():
    text = "His sons Rob Voss Jr. and Eli Voss were each ordered to pay $2 million."

    found = read_figure(text, "$2 million", kind="money", unit="USD")

    assert found.key == "voss jr|fine||each|"


def test_a_son_named_junior_is_not_his_father():
    from claims import about

    assert about.entity_key("Rob Voss Jr.") == "voss jr"
    assert about.entity_key("Rob Voss") == "voss"


def test_what_a_prosecutor_requested_be_paid_is_what_she_sought():
    text = "Attorney General Dana Pryce requested that Voss pay $40 million and be barred for life."

    found = read(text, "$40 million", kind="money", unit="USD")

    assert found.measure == "fine"
    assert found.scope == "sought"


def test_the_interest_on_a_penalty_is_not_the_penalty():
    text = "Harlan Voss was fined $31 million plus about $9 million in interest."

    assert read(text, "$9 million", kind="money", unit="USD").scope == "interest"
    assert read(text, "$31 million", kind="money", unit="USD").scope == ""


@pytest.mark.django_db
def test_an_amount_missing_its_scale_word_is_disputed_in_its_fact(make_article):
    texts = [
        ("Attorney General Dana Pryce had asked Vance to fine Voss $48 million.", "Harbour Daily"),
        ("Pryce requested that Voss pay $48 and be barred for life.", "Market Wire"),
    ]
    first, second = (
        publish(make_article, text, outlet=outlet, published=date(2025, 6, 6))
        for text, outlet in texts
    )

    fact = claim(first, "$48 million").fact
    assert claim(second, "$48").fact == fact
    fact.refresh_from_db()
    assert fact.agreement == fact.Agreement.DISPUTED


def test_awards_that_add_up_to_a_sum_are_no_ceiling():
    text = (
        "The jury also ordered Voss to pay the tenants $3 million in punitive damages. Those"
        " judgments add up to $9,450,000."
    )

    found = read(text, "$9,450,000", kind="money", unit="USD")

    assert found.scope != "maximum"
    assert "(maximum)" not in found.line
