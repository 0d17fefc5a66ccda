"""Every record the writer builds is a document the published API schema allows: the fact
document has one definition, and nothing drifts between what is stored and what is promised."""

from __future__ import annotations

import jsonschema
import pytest

from claims import pipeline, review
from claims.models import Fact
from claims.public.document import fact_documents
from claims.public.queries import fact_rows, public_facts

STORIES = [
    ("Harlow Motors will invest about €40 million in its Tarvik plant.", "Northern Post"),
    ("Harlow Motors is investing roughly €40 million in the Tarvik plant.", ""),
    ("Between 300 and 350 people will work at the Tarvik plant.", "Baltic Wire"),
    ("Between 300 and 350 people are to work at the Tarvik plant.", "Tarvik Herald"),
    ("The Tarvik plant opens on 4 March 2025, the company said.", "Baltic Wire"),
    ("The Tarvik plant will open on 4 March 2025.", "Coast FM"),
]


def open_api_to_json_schema(node):
    """OpenAPI 3.0 schema objects as JSON Schema: `nullable` as a null type, and no property
    beyond those the schema names."""
    if isinstance(node, list):
        return [open_api_to_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: open_api_to_json_schema(value) for key, value in node.items()}
    if node.pop("nullable", False):
        node = {"anyOf": [node, {"type": "null"}]}
    elif node.get("type") == "object" and "properties" in node:
        node["additionalProperties"] = False
    return node


@pytest.fixture
def public_records(make_article, reviewer) -> list[dict]:
    """Published facts of every shape (a money figure, a range, a date; with and without a
    primary source), one of them retracted."""
    for number, (text, outlet) in enumerate(STORIES):
        article = make_article(original=text, outlet=outlet, title=f"Story {number}")
        pipeline.propose_claims(article)
    facts = []
    for fact in Fact.objects.all():
        for claim in fact.claims.all():
            review.confirm_claim(claim, reviewer=reviewer, version=0)
        fact.refresh_from_db()
        fact = review.verify_fact_from_confirmed(fact, reviewer=reviewer, version=fact.version)
        facts.append(review.publish_fact(fact, reviewer=reviewer, version=fact.version))
    assert {fact.kind for fact in facts} == {"money", "count", "date"}
    first, last = facts[0], facts[-1]
    review.attach_primary_source(
        first,
        reviewer=reviewer,
        version=first.version,
        url="https://harlow.example/report.pdf",
        title="Annual report",
        quote="",
    )
    review.retract_fact(last, reviewer=reviewer, version=last.version, note="the date moved")
    return fact_documents(fact_rows(public_facts()), address="https://example.test/facts/")


def test_every_built_record_is_a_document_the_published_schema_allows(client, public_records):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    components = open_api_to_json_schema(schema["components"])
    fact_schema = {**components["schemas"]["Fact"], "components": components}

    assert len(public_records) == 3
    assert {document["status"] for document in public_records} == {"published", "retracted"}
    for document in public_records:
        jsonschema.validate(document, fact_schema)
