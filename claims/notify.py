"""Telling an article's editor what reviewers decided about its figures."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction

from .models import Claim

logger = logging.getLogger(__name__)


def tell_editor(claim: Claim, *, what: str, note: str) -> None:
    """Mail the editor who uploaded the claim's article, once the decision is committed.

    `what` completes "A reviewer … a figure": "disputed", "corrected to 40,000,000 EUR".
    Nobody to tell (no uploader, no address): nothing is sent. A mail server down never
    undoes the decision (robust on_commit).
    """
    article = claim.article
    editor = article.uploaded_by
    if editor is None or not editor.email:
        return
    subject = f"{settings.ORGANISATION_NAME}: a figure in “{article.title[:80]}” was {what}"
    lines = [
        f"A reviewer {what} the figure “{claim.text}” in your article “{article.title}”.",
        f"Reviewer's note: {note}" if note else "",
        "",
        f"See it on the article page: {settings.SITE_URL}{article.get_absolute_url()}#claim-{claim.pk}",
    ]
    body = "\n".join(line for line in lines if line is not None)

    def send() -> None:
        send_mail(subject, body, None, [editor.email])

    transaction.on_commit(send, robust=True)
