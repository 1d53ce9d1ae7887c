from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.models import Article


class ImportedPost(models.Model):
    """A WordPress post or page brought in by ``import_wordpress``, and the article it became.

    Keyed on the old site and the post's id, so that running the import again updates what changed
    (``content_hash`` is that of everything the article was made from) and never makes a second article.
    An article deleted by an editor leaves this row with no article: a later import does not bring it back.
    """

    site = models.CharField(_("old site"), max_length=200, help_text=_("The export's base_site_url."))
    post_id = models.PositiveBigIntegerField(_("WordPress post id"))
    post_type = models.CharField(_("WordPress type"), max_length=20, default="post")
    guid = models.CharField(_("GUID"), max_length=500, blank=True)
    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        related_name="wordpress_posts",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    content_hash = models.CharField(_("content hash"), max_length=64)
    media_key = models.CharField(
        _("media"),
        max_length=1000,
        blank=True,
        help_text=_("Which files the main image and attachment came from."),
    )
    imported_at = models.DateTimeField(_("first imported at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last imported at"), auto_now=True)

    class Meta:
        verbose_name = _("imported WordPress post")
        verbose_name_plural = _("imported WordPress posts")
        ordering = ["site", "post_id"]
        constraints = [
            models.UniqueConstraint(fields=["site", "post_id"], name="imported_post_unique"),
        ]

    def __str__(self):
        return f"{self.site} #{self.post_id}"
