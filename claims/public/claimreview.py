"""A fact document as schema.org ClaimReview JSON-LD, for search engines and fact-check
aggregators."""

from __future__ import annotations

from typing import Any

from ..models import Fact


def claim_review(document: dict[str, Any], *, organisation: str) -> dict[str, Any]:
    """The fact as schema.org ClaimReview JSON-LD."""
    appearances = [_appearance(citation["article"]) for citation in document["citations"]]
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearances}
    if appearances:
        item["firstAppearance"] = appearances[0]
    rating = (
        {"ratingValue": 1, "alternateName": "Retracted"}
        if document["status"] == Fact.Status.RETRACTED
        else {"ratingValue": 5, "alternateName": f"Verified: {document['value']}"}
    )
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": document["url"],
        "claimReviewed": f"{document['subject']}: {document['value']}",
        "author": {"@type": "Organization", "name": organisation},
        "reviewRating": {"@type": "Rating", "bestRating": 5, "worstRating": 1, **rating},
        "itemReviewed": item,
    }
    if document["published_at"]:
        review["datePublished"] = document["published_at"][:10]  # an ISO date-time: its day
    return review


def _appearance(article: dict[str, Any]) -> dict[str, Any]:
    appearance: dict[str, Any] = {"@type": "CreativeWork", "headline": article["title"]}
    if article["url"]:
        appearance["url"] = article["url"]
    if article["published"]:
        appearance["datePublished"] = article["published"]
    if article["outlet"]:
        appearance["publisher"] = {"@type": "Organization", "name": article["outlet"]}
    return appearance
