from __future__ import annotations

from datetime import date
from decimal import Decimal

from claims import facts
from claims.models import Claim, ExchangeRate, Fact
from tests.claims.stories import claim, publish


def test_euros_agree_with_dollars_converted_at_the_rate_of_the_day(make_article):
    # given
    first = publish(
        make_article,
        "Orbis Capital will invest €15 million in Nuvola Labs, the Lisbon start-up.",
        outlet="Deal Street",
        published=date(2024, 2, 26),
    )

    # when
    second = publish(
        make_article,
        "Orbis Capital is investing $16.2 million in Nuvola Labs.",
        outlet="Tech Ledger",
        published=date(2024, 2, 27),
    )

    # then
    fact = claim(first, "€15 million").fact
    assert claim(second, "$16.2 million").fact == fact
    assert fact.agreement == Fact.Agreement.CONSISTENT
    assert "2 mentions agree" in fact.explanation
    assert "EUR 15 million (Deal Street, 26 Feb 2024)" in fact.explanation


def test_rounded_and_qualified_figures_agree(make_article):
    # given
    texts = [
        ("Harlow Motors will invest about $16.2 million in its Tarvik battery plant.", "A"),
        ("Harlow Motors is investing $16 million in the Tarvik battery plant.", "B"),
        ("Harlow Motors plans to invest more than $15 million in its Tarvik battery plant.", "C"),
    ]

    # when
    articles = [
        publish(make_article, text, outlet=outlet, published=date(2024, 3, day))
        for day, (text, outlet) in enumerate(texts, start=4)
    ]

    # then
    fact = articles[0].claims.get().fact
    assert {a.claims.get().fact_id for a in articles} == {fact.pk}
    assert fact.agreement == Fact.Agreement.CONSISTENT


def test_a_wrong_stated_conversion_disputes_the_fact_and_says_so(make_article):
    # given
    first = publish(
        make_article,
        "Orbis Capital will put €15 million ($25 million) into Nuvola Labs.",
        outlet="Deal Street",
        published=date(2024, 2, 26),
    )

    # when
    publish(
        make_article,
        "Orbis Capital is investing €15 million in Nuvola Labs.",
        outlet="Tech Ledger",
        published=date(2024, 2, 27),
    )

    # then
    fact = claim(first, "€15 million").fact
    assert fact.claim_count == 3
    # the amounts agree, but readers of Deal Street see a dollar figure that does not
    assert fact.agreement == Fact.Agreement.DISPUTED
    assert "stated conversion $25 million for EUR 15 million is off by" in fact.explanation
    assert "ECB reference rate of 2024-02-26" in fact.explanation


def test_a_conversion_next_to_a_disputed_amount_says_the_amount_disagrees(make_article):
    # given
    publish(
        make_article,
        "Orbis Capital will invest €15 million in Nuvola Labs.",
        outlet="Deal Street",
        published=date(2024, 2, 26),
    )

    # when
    second = publish(
        make_article,
        "Orbis Capital invested €2 billion ($2.1 billion) in Nuvola Labs.",
        outlet="Tech Ledger",
        published=date(2024, 2, 27),
    )

    # then
    fact = claim(second, "€2 billion").fact
    assert fact.agreement == Fact.Agreement.DISPUTED
    assert "133 times larger" in fact.explanation
    assert (
        "stated conversion $2.1 billion for EUR 2 billion matches the ECB reference rate"
        in fact.explanation
    )
    assert "the amount itself disagrees" in fact.explanation


def test_an_agreement_change_is_recorded_as_an_event(make_article):
    # given
    first = publish(
        make_article,
        "Harlow Motors will invest €40 million in its Tarvik battery plant.",
        outlet="Northern Post",
        published=date(2024, 3, 4),
    )

    # when
    publish(
        make_article,
        "Harlow Motors is investing €400 million in its Tarvik battery plant.",
        outlet="Motor Weekly",
        published=date(2024, 3, 5),
    )

    # then
    fact = claim(first, "€40 million").fact
    change = fact.events.get(action="agreement_changed")
    assert (change.before, change.after) == ({"agreement": "single"}, {"agreement": "disputed"})
    assert change.actor is None


def test_rejected_claims_do_not_count(make_article):
    # given
    first = publish(
        make_article,
        "Harlow Motors will invest €40 million in its Tarvik battery plant.",
        outlet="Northern Post",
        published=date(2024, 3, 4),
    )
    outlier = publish(
        make_article,
        "Harlow Motors is investing €400 million in its Tarvik battery plant.",
        outlet="Motor Weekly",
        published=date(2024, 3, 5),
    )
    fact = claim(first, "€40 million").fact
    # (no review service exists yet: the reviewer's rejection is set directly)
    Claim.objects.filter(pk=claim(outlier, "€400 million").pk).update(status=Claim.Status.REJECTED)

    # when
    facts.recompute_agreement(fact)

    # then
    fact.refresh_from_db()
    assert fact.agreement == Fact.Agreement.SINGLE
    assert (fact.claim_count, fact.article_count) == (1, 1)


def test_a_reviewers_exchange_rate_is_used_before_the_ecb_rate(make_article, reviewer):
    # given
    first = publish(
        make_article,
        "Orbis Capital will invest €15 million in Nuvola Labs, the Lisbon start-up.",
        outlet="Deal Street",
        published=date(2024, 2, 26),
    )
    publish(
        make_article,
        "Orbis Capital is investing $16.2 million in Nuvola Labs.",
        outlet="Tech Ledger",
        published=date(2024, 2, 27),
    )

    # when
    facts.save_exchange_rate(
        ExchangeRate(from_currency="EUR", to_currency="USD", rate=Decimal("1.5"), note="test"),
        actor=reviewer,
    )

    # then
    fact = Fact.objects.get(pk=claim(first, "€15 million").fact_id)
    assert fact.agreement == Fact.Agreement.DISPUTED
    assert "reviewer override" in fact.explanation
    assert ExchangeRate.objects.get().created_by == reviewer


def test_deleting_a_reviewers_exchange_rate_in_the_admin_compares_again(
    make_article, reviewer, admin_client
):
    # given a rate that put two reports in dispute
    first = publish(
        make_article,
        "Orbis Capital will invest €15 million in Nuvola Labs, the Lisbon start-up.",
        outlet="Deal Street",
        published=date(2024, 2, 26),
    )
    publish(
        make_article,
        "Orbis Capital is investing $16.2 million in Nuvola Labs.",
        outlet="Tech Ledger",
        published=date(2024, 2, 27),
    )
    facts.save_exchange_rate(
        ExchangeRate(from_currency="EUR", to_currency="USD", rate=Decimal("1.5")), actor=reviewer
    )
    rate = ExchangeRate.objects.get()

    # when it is deleted in the admin
    from django.urls import reverse

    admin_client.post(reverse("admin:claims_exchangerate_delete", args=[rate.pk]), {"post": "yes"})

    # then the ECB rate applies again and the reports agree
    fact = Fact.objects.get(pk=claim(first, "€15 million").fact_id)
    assert not ExchangeRate.objects.exists()
    assert fact.agreement == Fact.Agreement.CONSISTENT


def test_an_undated_conversion_of_an_earlier_fine_is_read_at_the_rates_of_its_storys_days(
    make_article,
):
    # given a dated report of a regulator's new fine, and two undated outlets recalling an
    # earlier fine, one of them converting its €620 million to $1 billion (1.61 $/€: no
    # rate of the years around the story)
    publish(
        make_article,
        "The Velmar privacy authority fined Quorix €900 million on Tuesday.",
        outlet="Harbour Post",
        published=date(2024, 3, 12),
    )
    converting = publish(
        make_article,
        "The Velmar privacy authority fined Quorix €900 million. The record had been the"
        " €620 million ($1 billion) fine the Velmar authority gave Dunmore Bank.",
        outlet="Ledger Weekly",
        published=None,
    )
    publish(
        make_article,
        "The Velmar privacy authority's €900 million fine on Quorix tops the €620 million fine"
        " the Velmar authority gave Dunmore Bank.",
        outlet="Civic Wire",
        published=None,
    )

    # then the earlier fine is disputed: the dollar figure fits no rate of those days
    fact = claim(converting, "€620 million").fact
    fact.refresh_from_db()
    assert claim(converting, "$1 billion").fact == fact
    assert fact.agreement == Fact.Agreement.DISPUTED
    assert "(undated) is off by" in fact.explanation
