"""The published-facts API: what anyone can read, with citations, cached and conditional."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from claims import pipeline, review
from claims.models import Fact, PrimarySource
from claims.public import cache as publication_cache
from claims.public.records import rebuild_all_records

FACTS = "/api/v1/facts/"


@pytest.fixture
def api() -> APIClient:
    return APIClient()


def publish(dispute, reviewer) -> Fact:
    """The €40 million reports confirmed, the €400 million disputed; verified and published."""
    review.confirm_claim(dispute.right, reviewer=reviewer, version=0)
    review.confirm_claim(dispute.other, reviewer=reviewer, version=0)
    review.dispute_claim(dispute.wrong, reviewer=reviewer, version=0, note="ten times off")
    fact = review.verify_fact(
        dispute.fact, reviewer=reviewer, version=0, claim=dispute.right, note="annual report"
    )
    return review.publish_fact(fact, reviewer=reviewer, version=fact.version)


@pytest.fixture
def published(dispute, reviewer) -> Fact:
    return publish(dispute, reviewer)


def fact_ids(response) -> list[int]:
    return [fact["id"] for fact in response.json()["results"]]


# --------------------------------------------------------------------------------------------
# What a reader gets
# --------------------------------------------------------------------------------------------


def test_a_published_fact_is_listed_with_its_value_verifier_and_citations(
    api, published, dispute, reviewer
):
    # when
    response = api.get(FACTS)

    # then
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    [fact] = response.json()["results"]
    assert fact["id"] == published.pk
    assert fact["url"] == f"http://testserver/api/v1/facts/{published.pk}/"
    assert (fact["kind"], fact["number"], fact["unit"], fact["qualifier"]) == (
        "money",
        "40000000",
        "EUR",
        "exact",
    )
    assert fact["value"] == "40,000,000 EUR"
    assert fact["status"] == "published"
    assert fact["verified_by"] == "reviewer"
    assert fact["verified_at"]
    assert fact["published_at"]
    assert "Harlow" in fact["subject"] or "Tarvik" in fact["subject"]
    # every confirmed mention is cited; the disputed €400 million is not
    cited = {citation["article"]["outlet"]: citation for citation in fact["citations"]}
    assert set(cited) == {"Northern Post", "Baltic Wire"}
    citation = cited["Northern Post"]
    article = dispute.right.article
    assert citation["article"] == {
        "id": article.pk,
        "title": "Northern Post story",
        "outlet": "Northern Post",
        "url": "",
        "published": "2024-03-04",
    }
    assert citation["figure"] == "€40 million"
    assert article.body[citation["start"] : citation["end"]] == "€40 million"
    assert citation["quote"] == (
        "Harlow Motors will invest €40 million in its Tarvik battery plant, the company said."
    )
    assert fact["primary_sources"] == []


def test_open_and_verified_facts_are_not_public(api, dispute, reviewer):
    review.confirm_claim(dispute.right, reviewer=reviewer, version=0)
    review.verify_fact(dispute.fact, reviewer=reviewer, version=0, claim=dispute.right)

    assert api.get(FACTS).json()["results"] == []
    response = api.get(f"{FACTS}{dispute.fact.pk}/")
    assert response.status_code == 404
    assert response.json() == {"detail": "No published fact has this id."}


def test_a_primary_source_is_cited_with_the_fact(api, published, reviewer):
    review.attach_primary_source(
        published,
        reviewer=reviewer,
        version=published.version,
        url="https://harlow.example/report-2024.pdf",
        title="Harlow Motors annual report 2024",
        quote="EUR 40m for Tarvik",
    )

    fact = api.get(f"{FACTS}{published.pk}/").json()

    assert fact["primary_sources"] == [
        {
            "url": "https://harlow.example/report-2024.pdf",
            "title": "Harlow Motors annual report 2024",
            "quote": "EUR 40m for Tarvik",
        }
    ]


def test_a_retracted_fact_leaves_the_list_but_its_link_still_answers_with_the_note(
    api, published, reviewer
):
    # when
    review.retract_fact(
        published, reviewer=reviewer, version=published.version, note="the plant was cancelled"
    )

    # then
    assert api.get(FACTS).json()["results"] == []
    fact = api.get(f"{FACTS}{published.pk}/").json()
    assert fact["status"] == "retracted"
    assert fact["retraction_note"] == "the plant was cancelled"
    assert fact["retracted_at"]
    assert len(fact["citations"]) == 2


# --------------------------------------------------------------------------------------------
# ClaimReview
# --------------------------------------------------------------------------------------------


def test_claimreview_has_the_fields_search_engines_require(api, published):
    response = api.get(f"{FACTS}{published.pk}/claimreview/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    document = response.json()
    assert document["@context"] == "https://schema.org"
    assert document["@type"] == "ClaimReview"
    assert document["url"] == f"http://testserver/api/v1/facts/{published.pk}/"
    assert document["claimReviewed"].endswith(": 40,000,000 EUR")
    rating = document["reviewRating"]
    assert rating["@type"] == "Rating"
    assert rating["alternateName"] == "Verified: 40,000,000 EUR"
    assert document["author"] == {"@type": "Organization", "name": "factcheck"}
    assert document["datePublished"] == timezone.localdate().isoformat()
    appearances = document["itemReviewed"]["appearance"]
    assert [a["publisher"]["name"] for a in appearances] == ["Northern Post", "Baltic Wire"]
    assert appearances[0]["datePublished"] == "2024-03-04"


def test_claimreview_of_a_retracted_fact_says_so(api, published, reviewer):
    review.retract_fact(published, reviewer=reviewer, version=published.version, note="wrong")

    rating = api.get(f"{FACTS}{published.pk}/claimreview/").json()["reviewRating"]

    assert rating["alternateName"] == "Retracted"


# --------------------------------------------------------------------------------------------
# Filters, search, ordering, pagination
# --------------------------------------------------------------------------------------------


REPORTS = [
    ("Orwell Water will spend £12 million on new pipes in Ipswich, the utility said.", "Coast FM"),
    ("Orwell Water plans to spend £12 million on Ipswich pipes.", "East Star"),
    ("The Lidford bypass will cost 35% more than planned, the county said.", "East Star"),
    ("Lidford's bypass now costs 35% more than first planned.", "Valley Times"),
]


@pytest.fixture
def two_facts(make_article, reviewer) -> dict[str, Fact]:
    """A money fact (Coast FM, East Star) and a percent fact (East Star, Valley Times)."""
    for number, (text, outlet) in enumerate(REPORTS):
        article = make_article(original=text, outlet=outlet, title=f"{outlet} {number}")
        pipeline.propose_claims(article)
    facts = {}
    for fact in Fact.objects.all():
        for claim in fact.claims.all():
            review.confirm_claim(claim, reviewer=reviewer, version=0)
        fact.refresh_from_db()
        fact = review.verify_fact_from_confirmed(fact, reviewer=reviewer, version=fact.version)
        fact = review.publish_fact(fact, reviewer=reviewer, version=fact.version)
        facts[fact.kind] = fact
    assert set(facts) == {"money", "percent"}
    return facts


@pytest.mark.parametrize(
    ("query", "kinds"),
    [
        ("kind=money", {"money"}),
        ("kind=percent", {"percent"}),
        ("unit=gbp", {"money"}),
        ("outlet=Coast FM", {"money"}),
        ("outlet=east star", {"money", "percent"}),
        ("outlet=Nobody", set()),
        ("subject=bypass", {"percent"}),
        ("search=Orwell", {"money"}),
        ("published_after=2000-01-01", {"money", "percent"}),
        ("published_after=2999-01-01", set()),
        ("verified_after=2000-01-01", {"money", "percent"}),
    ],
)
def test_filters_narrow_the_list(api, two_facts, query, kinds):
    response = api.get(f"{FACTS}?{query}")

    assert response.status_code == 200
    assert {fact["kind"] for fact in response.json()["results"]} == kinds


def test_the_article_filter_finds_the_facts_an_article_is_cited_for(api, two_facts):
    claim = two_facts["percent"].claims.order_by("id").first()

    response = api.get(f"{FACTS}?article={claim.article_id}")

    assert fact_ids(response) == [two_facts["percent"].pk]


@pytest.mark.parametrize(
    "query",
    [
        "kind=weather",
        "published_after=yesterday",
        "verified_after=2024-13-45",
        "article=abc",
        "article=99999999999999999999999",
        "article=-3",
        "cursor=not-a-cursor",
    ],
)
def test_bad_filter_values_are_a_clear_400_or_404(api, two_facts, query):
    response = api.get(f"{FACTS}?{query}")

    assert response.status_code in (400, 404)
    assert response.json()["detail"]


def test_newest_published_first_and_ordering_can_be_reversed(api, two_facts):
    money, percent = two_facts["money"], two_facts["percent"]
    newest_first = sorted([money, percent], key=lambda f: f.published_at, reverse=True)

    assert fact_ids(api.get(FACTS)) == [f.pk for f in newest_first]
    assert fact_ids(api.get(f"{FACTS}?ordering=published_at")) == [
        f.pk for f in reversed(newest_first)
    ]


def test_pages_follow_each_other_by_cursor_without_repeats_or_gaps(api, two_facts):
    first = api.get(f"{FACTS}?page_size=1").json()
    second = api.get(first["next"]).json()

    assert len(first["results"]) == len(second["results"]) == 1
    assert first["previous"] is None
    assert second["next"] is None
    seen = {first["results"][0]["id"], second["results"][0]["id"]}
    assert seen == {fact.pk for fact in two_facts.values()}
    assert "count" not in first  # no COUNT(*) over every fact


def walk(api, url: str, link: str = "next") -> list[list[int]]:
    """The ids of every page from `url` on, following `link`."""
    pages = []
    while url:
        body = api.get(url).json()
        pages.append([fact["id"] for fact in body["results"]])
        url = body[link]
    return pages


@pytest.fixture
def twelve_published(published) -> list[Fact]:
    """Twelve published facts, four of them published and verified at the very same moment."""
    many_published(published, 11)
    same_moment = timezone.now() - timedelta(minutes=5)
    tied = list(Fact.objects.filter(status="published").order_by("id")[3:7])
    Fact.objects.filter(pk__in=[fact.pk for fact in tied]).update(
        published_at=same_moment, verified_at=same_moment
    )
    rebuild_all_records()
    return list(Fact.objects.filter(status="published").order_by("id"))


@pytest.mark.parametrize(
    "ordering",
    ["-published_at", "published_at", "-verified_at", "verified_at", "-id", "id"],
)
def test_pages_list_every_fact_once_in_order_even_when_dates_tie(api, twelve_published, ordering):
    field = ordering.lstrip("-")
    expected = sorted(
        twelve_published,
        key=lambda fact: (getattr(fact, field), fact.pk),
        reverse=ordering.startswith("-"),
    )

    pages = walk(api, f"{FACTS}?page_size=5&ordering={ordering}")

    assert [len(page) for page in pages] == [5, 5, 2]
    assert sum(pages, []) == [fact.pk for fact in expected]


def test_previous_links_lead_back_through_the_same_pages(api, twelve_published):
    forward = walk(api, f"{FACTS}?page_size=5")
    last_page = api.get(f"{FACTS}?page_size=5").json()
    while last_page["next"]:
        last_page = api.get(last_page["next"]).json()

    backward = walk(api, last_page["previous"], link="previous")

    assert backward == list(reversed(forward[:-1]))
    assert api.get(last_page["previous"]).json()["next"]  # and forward again from there


def test_filters_and_pages_combine(api, twelve_published):
    some = twelve_published[::3]
    Fact.objects.filter(pk__in=[fact.pk for fact in some]).update(verified_unit="GBP")
    rebuild_all_records()

    pages = walk(api, f"{FACTS}?unit=gbp&page_size=2&ordering=id")

    assert pages == [[some[0].pk, some[1].pk], [some[2].pk, some[3].pk]]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL plans only")
def test_a_deep_page_is_read_from_the_index_without_sorting(api, twelve_published):
    second_page = api.get(f"{FACTS}?page_size=5").json()["next"]

    with CaptureQueriesContext(connection) as queries:
        api.get(second_page)
    [query] = queries.captured_queries
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")  # a dozen rows: the planner would scan
        cursor.execute(f"EXPLAIN {query['sql']}")
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "fact_list_by_published" in plan
    assert "Sort" not in plan


# --------------------------------------------------------------------------------------------
# Speed: a constant number of queries
# --------------------------------------------------------------------------------------------


def many_published(template: Fact, count: int) -> None:
    """`count` published copies of a fact, each with the same confirmed citations and source."""
    claims = list(template.claims.filter(status="confirmed"))
    now = timezone.now()
    for number in range(count):
        copy = Fact.objects.create(
            subject=f"{template.subject} {number}",
            kind=template.kind,
            dimension=template.dimension,
            status="published",
            verified_number=template.verified_number,
            verified_unit=template.verified_unit,
            verified_by=template.verified_by,
            verified_at=now,
            published_at=now - timedelta(seconds=number + 1),
        )
        PrimarySource.objects.create(fact=copy, url="https://example.org/r", title="Report")
        for claim in claims:
            claim.pk, claim.fact, claim.start, claim.end = None, copy, claim.start, claim.end
        # Citations are read through the claims' fact link; new rows per copy keep spans unique
        # per article by shifting them.
        for shift, claim in enumerate(claims, start=1):
            claim.start += 1000 * (number + 1) + shift
            claim.end += 1000 * (number + 1) + shift
            claim.save()
    rebuild_all_records()  # written here by hand, not through claims.review


@pytest.mark.parametrize("page_size", [1, 10, 50])
def test_a_page_of_facts_costs_one_query_whatever_its_size(api, published, page_size):
    many_published(published, 50)

    with CaptureQueriesContext(connection) as queries:
        response = api.get(f"{FACTS}?page_size={page_size}")

    assert response.status_code == 200
    page = response.json()["results"]
    assert len(page) == page_size
    assert all(len(fact["citations"]) == 2 for fact in page)
    assert all(len(fact["primary_sources"]) <= 1 for fact in page)
    assert len(queries) == 1, [q["sql"] for q in queries]


def test_one_fact_costs_one_query(api, published):
    with CaptureQueriesContext(connection) as queries:
        assert api.get(f"{FACTS}{published.pk}/").status_code == 200

    assert len(queries) == 1


# --------------------------------------------------------------------------------------------
# Caching and conditional requests
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["", "{pk}/", "{pk}/claimreview/"])
def test_an_unchanged_answer_is_a_304_without_a_query(api, published, path):
    url = FACTS + path.format(pk=published.pk)
    first = api.get(url)
    assert first["ETag"]
    assert first["Last-Modified"]
    assert "public" in first["Cache-Control"]

    with CaptureQueriesContext(connection) as queries:
        again = api.get(url, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert len(queries) == 0


def test_if_modified_since_gives_304_too(api, published):
    first = api.get(FACTS)

    again = api.get(FACTS, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert again.status_code == 304


def test_a_repeated_read_is_served_from_the_cache_without_a_query(api, published):
    first = api.get(FACTS)

    with CaptureQueriesContext(connection) as queries:
        again = api.get(FACTS)

    assert again.status_code == 200
    assert again.content == first.content
    assert len(queries) == 0


def test_with_the_answer_cache_off_every_read_is_made_again_and_nothing_is_kept(
    api, published, settings, monkeypatch
):
    settings.API_CACHE_SECONDS = 0
    cache_calls = []
    for name in ("kept_answer", "keep_answer"):
        original = getattr(publication_cache, name)
        monkeypatch.setattr(
            publication_cache, name, lambda *args, f=original: cache_calls.append(args) or f(*args)
        )
    first = api.get(FACTS)

    with CaptureQueriesContext(connection) as queries:
        again = api.get(FACTS, HTTP_IF_NONE_MATCH='"another"')

    assert again.status_code == 200
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]  # conditional requests still work
    assert len(queries) == 1
    assert cache_calls == []


# Decisions reach readers when their transaction commits; a test's transaction never does, so
# these tests run the on-commit callbacks themselves.


def test_retracting_a_fact_changes_the_etag_and_the_cached_list(
    api, two_facts, reviewer, django_capture_on_commit_callbacks
):
    before = api.get(FACTS)
    fact = two_facts["money"]
    with django_capture_on_commit_callbacks(execute=True):
        review.retract_fact(fact, reviewer=reviewer, version=fact.version, note="wrong plant")

    after = api.get(FACTS, HTTP_IF_NONE_MATCH=before["ETag"])

    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert fact.pk not in fact_ids(after)


def test_publishing_shows_at_once(api, dispute, reviewer, django_capture_on_commit_callbacks):
    empty = api.get(FACTS)
    assert empty.json()["results"] == []

    with django_capture_on_commit_callbacks(execute=True):
        fact = publish(dispute, reviewer)

    assert fact_ids(api.get(FACTS, HTTP_IF_NONE_MATCH=empty["ETag"])) == [fact.pk]


def test_a_correction_shows_at_once(api, published, reviewer, django_capture_on_commit_callbacks):
    before = api.get(f"{FACTS}{published.pk}/").json()
    with django_capture_on_commit_callbacks(execute=True):
        review.reopen_fact(published, reviewer=reviewer, version=published.version, note="redo")
        published.refresh_from_db()
        review.verify_fact(
            published, reviewer=reviewer, version=published.version, number=41_000_000, unit="EUR"
        )
        published.refresh_from_db()
        review.publish_fact(published, reviewer=reviewer, version=published.version)

    after = api.get(f"{FACTS}{published.pk}/").json()

    assert (before["number"], after["number"]) == ("40000000", "41000000")


def test_renaming_a_cited_article_in_the_admin_shows_at_once(
    published, dispute, api, client, django_capture_on_commit_callbacks
):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("boss", password="pw-for-tests-only")
    client.force_login(admin)
    article = dispute.right.article
    api.get(FACTS)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/articles/article/{article.pk}/change/",
            {
                "title": "Corrected headline",
                "outlet": article.outlet,
                "author": "",
                "url": "",
                "published": "2024-03-04",
                "events-TOTAL_FORMS": "0",
                "events-INITIAL_FORMS": "0",
            },
        )

    assert response.status_code == 302
    titles = {c["article"]["title"] for c in api.get(FACTS).json()["results"][0]["citations"]}
    assert "Corrected headline" in titles


def test_with_the_cache_down_readers_and_reviewers_carry_on_uncached(
    api, published, reviewer, settings, django_capture_on_commit_callbacks
):
    # given a cache nobody answers on
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        },
    }

    # when a reviewer retracts the fact and a reader reads
    with django_capture_on_commit_callbacks(execute=True):
        review.retract_fact(published, reviewer=reviewer, version=published.version, note="x")
    listing = api.get(FACTS)
    fact = api.get(f"{FACTS}{published.pk}/")

    # then both work, without the shared cache
    assert listing.status_code == 200
    assert listing.json()["results"] == []
    assert fact.json()["status"] == "retracted"


def test_the_verifier_is_named_by_full_name_when_the_account_has_one(api, dispute, reviewer):
    reviewer.first_name, reviewer.last_name = "Ada", "Quill"
    reviewer.save()

    fact = publish(dispute, reviewer)

    assert api.get(f"{FACTS}{fact.pk}/").json()["verified_by"] == "Ada Quill"


def test_a_claim_confirmed_after_publication_is_cited_at_once(
    api, published, dispute, reviewer, django_capture_on_commit_callbacks
):
    before = api.get(f"{FACTS}{published.pk}/")
    dispute.wrong.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        review.reopen_claim(dispute.wrong, reviewer=reviewer, version=1, note="misread")
        review.confirm_claim(dispute.wrong, reviewer=reviewer, version=2)
    after = api.get(f"{FACTS}{published.pk}/", HTTP_IF_NONE_MATCH=before["ETag"])

    assert len(before.json()["citations"]) == 2
    assert after.status_code == 200
    assert len(after.json()["citations"]) == 3


def test_a_published_fact_reopened_then_split_is_published_again_without_the_mention(
    api, published, dispute, reviewer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        fact = review.reopen_fact(
            published, reviewer=reviewer, version=published.version, note="two plants"
        )
        assert api.get(f"{FACTS}{published.pk}/").status_code == 404
        review.split_mentions(
            fact, [dispute.other], reviewer=reviewer, version=fact.version, note="another plant"
        )
        fact.refresh_from_db()
        fact = review.verify_fact(
            fact, reviewer=reviewer, version=fact.version, claim=dispute.right
        )
        review.publish_fact(fact, reviewer=reviewer, version=fact.version)

    outlets = {
        c["article"]["outlet"] for c in api.get(f"{FACTS}{published.pk}/").json()["citations"]
    }
    assert outlets == {"Northern Post"}


def test_public_records_can_be_written_again_from_the_facts(api, published):
    from django.core.management import call_command

    Fact.objects.filter(pk=published.pk).update(public_record="")
    assert api.get(f"{FACTS}{published.pk}/").status_code == 404

    call_command("rebuild_public_records")

    assert api.get(f"{FACTS}{published.pk}/").json()["value"] == "40,000,000 EUR"


def test_after_migrating_the_public_facts_without_a_record_get_one(api, published):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("rebuild_public_records", "--missing", stdout=out)
    assert "of 0 fact(s)" in out.getvalue()  # every public fact has its record
    Fact.objects.filter(pk=published.pk).update(public_record="")

    call_command("rebuild_public_records", "--missing", stdout=out)

    assert "of 1 fact(s)" in out.getvalue()
    assert api.get(f"{FACTS}{published.pk}/").json()["value"] == "40,000,000 EUR"


def test_a_change_made_through_another_web_process_reaches_readers_within_a_second(api, published):
    from django.core.cache import cache

    first = api.get(FACTS)
    # another process publishes: it replaces the shared revision, not this process's copy
    cache.set(publication_cache.REVISION_KEY, ("from-another-process", time.time()), None)

    with time_machine.travel(timezone.now(), tick=False):
        assert api.get(FACTS, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    with time_machine.travel(timezone.now() + timedelta(seconds=2), tick=False):
        later = api.get(FACTS, HTTP_IF_NONE_MATCH=first["ETag"])

    assert later.status_code == 200
    assert later["ETag"] != first["ETag"]


def test_decisions_on_facts_nobody_reads_leave_the_cached_answers_alone(
    api, published, make_article, reviewer, django_capture_on_commit_callbacks
):
    article = make_article(original=REPORTS[0][0], outlet=REPORTS[0][1])
    pipeline.propose_claims(article)
    claim = article.claims.get()
    first = api.get(FACTS)

    with django_capture_on_commit_callbacks(execute=True):
        review.dispute_claim(claim, reviewer=reviewer, version=0, note="typo")

    assert api.get(FACTS, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
