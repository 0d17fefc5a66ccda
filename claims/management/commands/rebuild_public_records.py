from django.core.management.base import BaseCommand

from claims.published import rebuild_all_records


class Command(BaseCommand):
    help = "Write again the public record of every published or retracted fact (the API's data)."

    def handle(self, *args, **options) -> None:
        count = rebuild_all_records()
        self.stdout.write(f"rebuilt the public records of {count} fact(s)")
