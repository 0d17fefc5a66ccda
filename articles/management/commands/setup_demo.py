from __future__ import annotations

import os
import secrets
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from articles.corpus import CorpusError, read_corpus
from articles.importing import import_documents
from articles.roles import EDITORS, REVIEWERS

DEMO_ARTICLES = Path(__file__).resolve().parents[2] / "demo"

# username -> (groups, is_staff, is_superuser)
DEMO_ACCOUNTS = {
    "editor": ([EDITORS], True, False),
    "reviewer": ([REVIEWERS], True, False),
    "admin": ([], True, True),
}


class Command(BaseCommand):
    help = "Create the demo accounts (password from DEMO_PASSWORD) and load the demo articles."

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
