from __future__ import annotations

import os
import secrets
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.corpus import CorpusError, read_corpus
from articles.importing import import_documents
from articles.models import Article
from articles.roles import EDITORS, REVIEWERS
from claims import pipeline, review
from claims.models import Claim, Fact

DEMO_ARTICLES = Path(__file__).resolve().parents[2] / "demo"

# username -> (groups, is_staff, is_superuser)
DEMO_ACCOUNTS = {
    "editor": ([EDITORS], True, False),
    "reviewer": ([REVIEWERS], True, False),
    "admin": ([], True, True),
}


class Command(BaseCommand):
    help = (
        "Create the demo accounts (password from DEMO_PASSWORD), load the demo articles and"
        " publish the facts they agree on."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles", help="a corpus folder to load instead of the demo articles"
        )

    def handle(self, *args, articles: str | None, **options):
        self.create_accounts()
        folder = Path(articles) if articles else DEMO_ARTICLES
        try:
            summary = import_documents(
                read_corpus(folder), uploaded_by=get_user_model().objects.get(username="editor")
            )
        except CorpusError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Articles from {folder}: {summary}")
        if summary.imported:
            published = publish_agreed_facts(summary.imported)
            self.stdout.write(
                f"Published {published} fact(s) that two or more articles state alike;"
                " the others wait in the review queue."
            )

    def create_accounts(self) -> None:
        User = get_user_model()
        password = os.environ.get("DEMO_PASSWORD")
        generated = not password
        created = []
        for username, (groups, is_staff, is_superuser) in DEMO_ACCOUNTS.items():
            user, is_new = User.objects.get_or_create(
                username=username, defaults={"is_staff": is_staff, "is_superuser": is_superuser}
            )
            if is_new or not generated:
                # A generated password is set once; DEMO_PASSWORD always wins.
                password = password or secrets.token_urlsafe(12)
                user.set_password(password)
                user.save()
                created.append(username)
            user.groups.set(Group.objects.filter(name__in=groups))
        if created and generated:
            self.stdout.write(
                self.style.WARNING(
                    f"Demo accounts {', '.join(created)} have the password: {password}\n"
                    "It is shown only now. Set DEMO_PASSWORD to choose it."
                )
            )
        elif created:
            self.stdout.write(f"Demo accounts {', '.join(created)} use DEMO_PASSWORD.")


def publish_agreed_facts(articles: list[Article]) -> int:
    """Extract these articles now and publish each open fact that two or more of them state
    alike, verified by the demo reviewer and published by the demo admin (so that it also
    holds where a separate publisher is required): the API has facts to serve from the
    start, and the disputed facts are left for the review queue. Returns how many."""
    for article in articles:
        pipeline.propose_claims(article)  # the queued task then finds the article done
    users = get_user_model().objects
    reviewer, publisher = users.get(username="reviewer"), users.get(username="admin")
    agreed = Fact.objects.filter(
        status=Fact.Status.OPEN, agreement=Fact.Agreement.CONSISTENT, article_count__gte=2
    )
    published = 0
    for fact in agreed.order_by("id"):
        try:
            with transaction.atomic():  # all of it or, refused, none
                for claim in fact.claims.filter(status=Claim.Status.PROPOSED):
                    review.confirm_claim(claim, reviewer=reviewer, version=claim.version)
                fact.refresh_from_db()
                fact = review.verify_fact_from_confirmed(
                    fact, reviewer=reviewer, version=fact.version
                )
                review.publish_fact(fact, reviewer=publisher, version=fact.version)
        except review.ReviewError:  # mentions that agree only once converted: a reviewer's call
            continue
        published += 1
    return published
