"""What an article is (its text, where it came from, its processing status) and the events
recording each status change.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse


class Story(models.Model):
    """Articles about one event. Grouping, its order and its locks work within a story."""

    title = models.CharField(max_length=300)
    # Entity keys the story's articles name most (claims.about.entity_key), for new articles
    # to be matched against; bounded.
    names = models.JSONField(default=list, blank=True)
    # The publication dates of its articles, first and last: a story is found near them.
    first_published = models.DateField(null=True, blank=True)
    last_published = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-id"]
        verbose_name_plural = "stories"

    def __str__(self) -> str:
        return self.title


class Article(models.Model):
    class Status(models.TextChoices):
        RECEIVED = "received", "Received"
        EXTRACTING = "extracting", "Extracting"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    class Format(models.TextChoices):
        TEXT = "text", "Plain text"
        MARKDOWN = "markdown", "Markdown"
        HTML = "html", "HTML"

    title = models.CharField(max_length=300)
    outlet = models.CharField(max_length=200, blank=True)
    author = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    published = models.DateField(null=True, blank=True, db_index=True)
    # The text figures are extracted from; claim offsets index into it.
    body = models.TextField()
    # What the editor gave us, as given (an HTML page stays HTML here).
    original = models.TextField()
    original_format = models.CharField(max_length=16, choices=Format.choices)
    original_filename = models.CharField(max_length=255, blank=True)
    # sha256 of the body with case and white space folded: one article per text.
    text_hash = models.CharField(max_length=64, unique=True)
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.RECEIVED, db_index=True
    )
    status_reason = models.TextField(blank=True)
    # The story the article is about; set by articles.stories when it is extracted.
    story = models.ForeignKey(
        Story, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    status_changed_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["received", "extracting", "done", "failed"]),
                name="article_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("articles:detail", args=[self.pk])

    @property
    def is_settled(self) -> bool:
        """Whether the worker has finished with this article, for better or worse."""
        return self.status in (self.Status.DONE, self.Status.FAILED)


class ArticleEvent(models.Model):
    """One change of an article's processing state: who or what, when, from, to, why."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=16, blank=True)
    to_status = models.CharField(max_length=16)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    note = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.article_id}: {self.from_status or '-'} -> {self.to_status}"
