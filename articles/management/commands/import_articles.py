from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.corpus import CorpusError, read_corpus
from articles.importing import import_documents


class Command(BaseCommand):
    help = "Import a corpus folder (NAME.txt with optional NAME.json sidecars) as articles."

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument("--user", help="username recorded as the uploader")

    def handle(self, *args, folder: str, user: str | None, **options):
        uploader = None
        if user:
            uploader = get_user_model().objects.filter(username=user).first()
            if uploader is None:
                raise CommandError(f"no user named {user!r}")
        try:
            documents = list(read_corpus(folder))
        except CorpusError as exc:
            raise CommandError(str(exc)) from exc
        if not documents:
            raise CommandError(f"{folder} holds no .txt files")
        with tqdm(total=len(documents), unit="article", disable=options["verbosity"] == 0) as bar:
            summary = import_documents(
                documents, uploaded_by=uploader, progress=lambda _: bar.update()
            )
        for name, reason in summary.failed:
            self.stderr.write(f"{name}: {reason}")
        self.stdout.write(self.style.SUCCESS(str(summary)))
