"""The newsroom's article pages: the list, one article with its figures marked, the upload
form and asking for an extraction again (both through articles.services).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from . import services
from .forms import ArticleUploadForm, duplicate_error
from .highlight import highlight_segments
from .models import Article

PAGE_SIZE = 50


@login_required
@permission_required("articles.view_article", raise_exception=True)
@require_GET
def article_list(request: HttpRequest) -> HttpResponse:
    articles = Article.objects.only(
        "id", "title", "outlet", "published", "status", "status_reason", "created_at"
    )
    page = Paginator(articles, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "articles/list.html", {"page": page})


@login_required
@permission_required("articles.view_article", raise_exception=True)
@require_GET
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("uploaded_by"), pk=pk)
    claims = list(article.claims.all())
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
