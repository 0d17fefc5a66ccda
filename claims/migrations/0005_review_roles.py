from django.db import migrations

from articles.roles import sync_roles


class Migration(migrations.Migration):
    """Give the roles the review permissions (verify_fact, publish_fact, events, sources)."""

    dependencies = [
        ("articles", "0002_roles"),
        ("claims", "0004_review"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
