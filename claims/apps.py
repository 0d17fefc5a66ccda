"""The claims app; on start it connects the extraction pipeline to the articles app's
`extraction_requested` signal."""

from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "claims"

    def ready(self) -> None:
        from articles.signals import extraction_requested

        from . import tasks

        extraction_requested.connect(tasks.extraction_requested, dispatch_uid="claims.tasks")
