"""Writes again the public records of published and retracted facts (claims.public.records)."""

from django.core.management.base import BaseCommand

from claims.public.records import rebuild_all_records


class Command(BaseCommand):
    help = (
        "Write again the public record of every published or retracted fact (the API's data); "
        "with --missing, only of those without one (run after migrating)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--missing", action="store_true", help="only the public facts that have no record"
        )

    def handle(self, *args, missing: bool = False, **options) -> None:
        count = rebuild_all_records(missing=missing)
        self.stdout.write(f"rebuilt the public records of {count} fact(s)")
