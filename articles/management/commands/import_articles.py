from __future__ import annotations

from collections import Counter
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.importing import import_files


class Command(BaseCommand):
    help = (
        "Import a folder (NAME.txt with optional NAME.json sidecars, or zips of them) as"
        " articles; one line per file that was not stored, then a summary."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument("--user", help="username recorded as the uploader")

    def handle(self, *args, folder: str, user: str | None, **options):
        uploader = None
        if user:
            uploader = get_user_model().objects.filter(username=user).first()
            if uploader is None:
                raise CommandError(f"no user named {user!r}")
        path = Path(folder)
        if not path.is_dir():
            raise CommandError(f"{folder} is not a folder")
        files = {item.name: item.read_bytes() for item in sorted(path.iterdir()) if item.is_file()}
        if not any(name.lower().endswith((".txt", ".zip")) for name in files):
            raise CommandError(f"{folder} holds no .txt files")
        with tqdm(total=len(files), unit="file", disable=options["verbosity"] == 0) as bar:
            results = import_files(files, uploaded_by=uploader, progress=lambda _: bar.update())
        for result in results:
            if result.outcome != "stored":
                self.stderr.write(str(result))
        counts = Counter(result.outcome for result in results)
        self.stdout.write(
            self.style.SUCCESS(
                f"{counts['stored']} stored, {counts['duplicate']} already stored, "
                f"{counts['refused']} refused"
            )
        )
