"""Who may do what with an article: the editorial roles as rules the admin enforces.

Writers (group “Redacteur”) write and edit articles that are not yet public and submit them for review.
Chief editors (group “Eindredacteur”, or anyone with ``articles.publish_article``) also publish, schedule,
withdraw and delete. Superusers may do everything.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Article, PreviewRevocation

PUBLISH_PERMISSION = "articles.publish_article"
WRITER_STATUSES = {Article.Status.DRAFT, Article.Status.REVIEW}

REFUSED_PUBLISH = _(
    "Only a chief editor may publish, schedule or withdraw an article. "
    "Set it to “in review” so a chief editor can publish it."
)
REFUSED_EDIT_LIVE = _("Only a chief editor may change an article that is or has been published.")
REFUSED_DELETE_PUBLISHED = _("Only a chief editor may delete an article that has been published.")


def can_publish(user):
    return user.has_perm(PUBLISH_PERMISSION)


def may_edit(user, article):
    """Return whether ``user`` may change ``article`` (None: a new article)."""
    return article is None or can_publish(user) or article.status in WRITER_STATUSES


def may_delete(user, article):
    """Return whether ``user`` may delete ``article``: writers only what never reached readers."""
    return can_publish(user) or not article.was_ever_published


def revoke_preview_links(user, article):
    """Make every preview link of ``article`` shared so far stop working, if ``user`` may edit it."""
    if not may_edit(user, article):
        raise PermissionDenied(REFUSED_EDIT_LIVE)
    PreviewRevocation.objects.update_or_create(article=article, defaults={"revoked_at": timezone.now()})


def allowed_statuses(user):
    """Return the statuses ``user`` may give an article."""
    return set(Article.Status) if can_publish(user) else WRITER_STATUSES


def refusal(user, before, after):
    """Return why ``user`` may not turn ``before`` (None: new) into ``after``, or None when allowed."""
    if can_publish(user):
        return None
    if before is not None and before.status not in WRITER_STATUSES:
        return REFUSED_EDIT_LIVE
    if after.status not in WRITER_STATUSES:
        return REFUSED_PUBLISH
    if after.published_at != (before.published_at if before is not None else None):
        return REFUSED_PUBLISH
    return None


# The transitions. Each changes one article's status (and publication moment) through ``transition``, the
# one guarded function: the admin's list actions call these; the change form and the history (revert,
# recover) check the same ``refusal``.

KEEP = object()


def transition(user, article, status, published_at=KEEP):
    """Give ``article`` the ``status`` (and ``published_at``) on behalf of ``user``, saved as ``user``.

    Raises ``PermissionDenied`` when the role does not allow it and ``ValidationError`` when the result is
    not a valid article (a published one without alternative text, ...). Compares with the row as it is
    in the database, locked until the caller's transaction ends.
    """
    with transaction.atomic():
        before = Article.objects.select_for_update().get(pk=article.pk)
        article.status = status
        if published_at is not KEEP:
            article.published_at = published_at
        if reason := refusal(user, before, article):
            raise PermissionDenied(reason)
        article.full_clean()
        article.updated_by = user
        article.save()
    return article


def submit_for_review(user, article):
    return transition(user, article, Article.Status.REVIEW)


def publish_now(user, article, now=None):
    return transition(user, article, Article.Status.PUBLISHED, now or timezone.now())


def schedule(user, article, moment):
    return transition(user, article, Article.Status.PUBLISHED, moment)


def withdraw(user, article):
    return transition(user, article, Article.Status.WITHDRAWN)


def back_to_draft(user, article):
    """Set ``article`` back to draft; a chief editor taking back a scheduled one also cancels its moment,
    and, as readers never saw it, every trace of a publication (a draft again, its saves concern no
    reader and its preview links keep working)."""
    cancel = can_publish(user) and not article.has_reached_readers
    if cancel:
        article.first_published_at = None
    return transition(user, article, Article.Status.DRAFT, None if cancel else KEEP)
