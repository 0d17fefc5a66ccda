"""The claims app; on start it connects the extraction pipeline to the articles app's
`extraction_requested` signal."""

from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "claims"

    def ready(self) -> None:
        from articles import signals

        from . import pipeline, tasks

        signals.extraction_requested.connect(
            tasks.extraction_requested, dispatch_uid="claims.tasks"
        )
        signals.details_changed.connect(
            pipeline.article_details_changed, dispatch_uid="claims.pipeline.details"
        )
        signals.deleting.connect(
            pipeline.release_article_claims, dispatch_uid="claims.pipeline.deleting"
        )
