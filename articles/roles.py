"""The newsroom's roles as Django groups, and what each may do.

Editors upload articles and read what the worker found, claims and facts
included. Reviewers settle claims and facts in the admin: confirm, dispute,
reject and correct claims, verify and publish facts (claims.review checks
these permissions again). A migration creates the groups; a later
migration that adds permissions calls sync_roles again.
"""

from __future__ import annotations

EDITORS = "Editors"
REVIEWERS = "Reviewers"

ROLE_PERMISSIONS: dict[str, list[str]] = {
    EDITORS: [
        "articles.view_article",
        "articles.add_article",
        "articles.change_article",
        "articles.view_outlet",
        "articles.add_outlet",
        "articles.change_outlet",
        "claims.view_claim",
        "claims.view_fact",
        "claims.view_claimevent",
        "claims.view_factevent",
        "claims.view_primarysource",
    ],
    REVIEWERS: [
        "articles.view_article",
        "claims.view_claim",
        "claims.change_claim",
        "claims.view_fact",
        "claims.change_fact",
        "claims.verify_fact",
        "claims.publish_fact",
        "claims.view_claimevent",
        "claims.view_factevent",
        "claims.view_primarysource",
        "claims.add_primarysource",
        "claims.view_exchangerate",
        "claims.add_exchangerate",
        "claims.change_exchangerate",
    ],
}


def sync_roles(apps, schema_editor=None) -> None:
    """Create the groups and give them exactly the permissions listed above."""
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations ran; a fresh
    # database needs them now.
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = []
        for code in codes:
            app_label, codename = code.split(".")
            if not _model_exists(apps, app_label, codename):
                # Added by a later migration, which calls sync_roles again.
                continue
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is None and not codename.startswith(_DEFAULT_ACTIONS):
                # A custom permission (Meta.permissions) the model gains in a later
                # migration, which calls sync_roles again.
                continue
            if permission is None:
                raise LookupError(f"no permission {code}")
            permissions.append(permission)
        group.permissions.set(permissions)


_DEFAULT_ACTIONS = ("add_", "change_", "delete_", "view_")


def _model_exists(apps, app_label: str, codename: str) -> bool:
    """Whether the model of a default permission ("view_fact") exists in this migration state."""
    _action, _, model_name = codename.partition("_")
    try:
        apps.get_model(app_label, model_name)
    except LookupError:
        return False
    return True
