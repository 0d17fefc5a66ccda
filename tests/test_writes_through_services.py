"""Every write of an article, a claim or a fact goes through a service module.

A walk over the project's modules: any call that saves, creates, updates or deletes
Article, Claim or Fact rows outside the modules below fails this test, so a new admin
hook, view or command cannot write them directly by accident.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.helpers import ROOT

# The modules allowed to write those rows: the services, and the migrations.
SERVICES = {
    "articles/services.py",
    "articles/stories.py",
    "claims/pipeline.py",
    "claims/facts.py",
    "claims/review.py",
    "claims/public/records.py",
}
MODELS = {"Article", "Claim", "Fact"}
# Related managers and instances, as the code names them.
INSTANCES = {"article", "claim", "fact", "claims", "articles", "facts", "obj"}
WRITES = {
    "save",
    "delete",
    "create",
    "update",
    "bulk_create",
    "bulk_update",
    "get_or_create",
    "update_or_create",
}
PROJECT = ("articles", "claims", "factcheck")


def receiver_names(node: ast.AST) -> set[str]:
    """The names a call chain starts from and passes through: Claim.objects.filter(...)."""
    names = set()
    while True:
        if isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Attribute):
            names.add(node.attr)
            node = node.value
        elif isinstance(node, ast.Subscript):
            node = node.value
        else:
            break
    if isinstance(node, ast.Name):
        names.add(node.id)
    return names


def direct_writes(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in WRITES:
            continue
        names = receiver_names(node.func.value)
        if (MODELS & names and "objects" in names) or (names & INSTANCES and len(names) <= 3):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: .{node.func.attr}()")
    return found


def project_modules() -> list[Path]:
    return [
        path
        for package in PROJECT
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts and str(path.relative_to(ROOT)) not in SERVICES
    ]


def test_nothing_outside_the_services_writes_articles_claims_or_facts():
    writes = [write for path in project_modules() for write in direct_writes(path)]

    assert writes == []


def test_the_walk_finds_a_direct_write(tmp_path):
    sample = ROOT / "claims" / "_sample_for_the_walk.py"
    try:
        sample.write_text(
            "def f(fact, request):\n"
            "    Claim.objects.filter(fact=fact).update(status='confirmed')\n"
            "    fact.save()\n"
        )
        assert len(direct_writes(sample)) == 2
    finally:
        sample.unlink()
