"""What the articles app tells others: an article waits for its figures to be extracted.

Sent inside the transaction that stored the article or asked for its extraction again, and by
the stalled-article sweep; the claims app receives it (and the two below) (claims.tasks, connected in claims.apps)
and queues the extraction once that transaction commits. The articles app itself knows
nothing of claims.
"""

from django.dispatch import Signal

# Sent with `article_id`.
extraction_requested = Signal()

# Sent with `article_id` when an article's title, outlet, author, address or date changed:
# the facts citing it are compared again and their public records rewritten.
details_changed = Signal()

# Sent with `article_id` and `note` just before an article is deleted, in the same
# transaction: its claims leave their facts first.
deleting = Signal()
