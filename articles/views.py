"""The newsroom's article pages: the list, one article with its figures marked, the upload
form and asking for an extraction again (both through articles.services).
"""

from __future__ import annotations

from collections import Counter

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from claims import selectors

from . import importing, services, tasks
from .forms import ArticleUploadForm, duplicate_error
from .highlight import highlight_segments
from .models import Article, ImportBatch

PAGE_SIZE = 50


@login_required
@permission_required("articles.view_article", raise_exception=True)
@require_GET
def article_list(request: HttpRequest) -> HttpResponse:
    live = ~Q(claims__status="rejected")
    articles = (
        Article.objects.only(
            "id", "title", "outlet", "published", "status", "status_reason", "created_at"
        )
        .annotate(
            figures=Count("claims", filter=live),
            disputed=Count("claims", filter=Q(claims__status="disputed")),
            corrected=Count("claims", filter=live & Q(claims__corrected_at__isnull=False)),
        )
        .order_by(*Article._meta.ordering)
    )  # an aggregate query drops Meta.ordering
    page = Paginator(articles, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "articles/list.html", {"page": page})


@login_required
@permission_required("articles.view_article", raise_exception=True)
@require_GET
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("uploaded_by"), pk=pk)
    claims = list(article.claims.select_related("fact"))
    notes = selectors.reviewer_notes(claims)
    for claim in claims:
        claim.reviewer_note = notes.get(claim.pk, "")
    context = {
        "article": article,
        "claims": claims,
        "segments": highlight_segments(article.body, claims),
        "events": article.events.select_related("actor"),
    }
    return render(request, "articles/detail.html", context)


@login_required
@permission_required("articles.view_article", raise_exception=True)
@require_GET
def article_states(request: HttpRequest) -> JsonResponse:
    """Processing states of the articles a page shows, for its refresh script."""
    ids = [
        int(part)
        for part in request.GET.get("ids", "").split(",")[:200]
        if part.isdigit() and len(part) < 19  # beyond a 64-bit id nothing can match
    ]
    rows = Article.objects.filter(pk__in=ids).values("id", "status", "status_reason")
    return JsonResponse(
        {
            "articles": [
                {
                    "id": row["id"],
                    "status": row["status"],
                    "label": Article.Status(row["status"]).label,
                    "reason": row["status_reason"],
                }
                for row in rows
            ]
        }
    )


@login_required
@permission_required("articles.add_article", raise_exception=True)
def article_upload(request: HttpRequest) -> HttpResponse:
    form = ArticleUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            article = services.create_article(uploaded_by=request.user, **form.article_fields())
        except services.DuplicateArticle as duplicate:
            # Another upload of the same text won the race since validation: the same answer.
            form.add_error(None, duplicate_error(duplicate.existing))
        else:
            messages.success(
                request, f"“{article.title}” was received; its figures are being read."
            )
            return redirect(article)
    return render(request, "articles/upload.html", {"form": form})


@login_required
@permission_required("articles.change_article", raise_exception=True)
@require_POST
def article_reextract(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    if services.request_extraction(article, actor=request.user):
        messages.success(request, "Extraction will run again.")
    else:
        messages.warning(
            request, "The article is still being processed; try again once it is done."
        )
    return redirect(article)


@login_required
@permission_required("articles.add_article", raise_exception=True)
def import_start(request: HttpRequest) -> HttpResponse:
    """Pick a folder's files (or a zip) to import; the worker stores them."""
    error = ""
    if request.method == "POST":
        picked = request.FILES.getlist("files") + request.FILES.getlist("folder")
        files = {upload.name: upload.read() for upload in picked}
        try:
            with transaction.atomic():
                batch = importing.start_batch(files, uploaded_by=request.user)
                tasks.enqueue_import(batch.pk)
        except importing.ImportRefused as exc:
            error = str(exc)
        else:
            return redirect(batch)
    context = {
        "error": error,
        "max_files": settings.IMPORT_MAX_FILES,
        "max_megabytes": settings.IMPORT_MAX_BYTES // 2**20,
        "recent": ImportBatch.objects.filter(uploaded_by=request.user)[:5],
    }
    return render(request, "articles/import.html", context, status=400 if error else 200)


@login_required
@permission_required("articles.add_article", raise_exception=True)
@require_GET
def import_progress(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_object_or_404(ImportBatch.objects.defer("files"), pk=pk)
    if request.headers.get("Accept") == "application/json":
        return JsonResponse({"status": batch.status, "done": batch.done, "total": batch.file_count})
    counts = Counter(result["outcome"] for result in batch.results)
    return render(request, "articles/import_progress.html", {"batch": batch, "counts": counts})
