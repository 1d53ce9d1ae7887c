"""Importing a WordPress export: posts (and pages) become articles, the old addresses redirect to them.

The export is read twice as a stream (``wxr.read``): first whole, to refuse a malformed, cut-off or hostile
file before anything is written and to learn its attachments (a featured image may come after its post);
then item by item, writing as it goes, in one transaction: an error leaves nothing half-imported, and the
files stored so far are removed again. ``dry_run`` does the same and rolls back, so the report is the plan.

Decisions, documented in the README:

- Authors (``dc:creator``) become the byline when a ``people.Person`` of exactly that name exists (case and
  spacing aside). Others are reported, and only made with ``create_authors``.
- A category or tag whose name is exactly that of a person, organisation, partnership or City Deal links the
  article to it (and its old address leads there); other categories and tags become tags, except a category
  named after a kind of article (“Interviews”, “Nieuws”...), which sets the kind. Names of such records in a
  title are only suggested in the report: nothing is created or linked on a guess.
- Statuses: publish → published, future → published at its (future) moment, i.e. scheduled; draft and
  private → draft (a private post stays unpublished); pending → in review. Trash and auto-drafts are skipped.
- The body has no images: the featured image (or else the first image in the text) becomes the main image,
  others are reported. The first document linked from the text becomes the attachment.
- Rerunning updates the articles whose WordPress data changed and leaves the rest alone; the slug an article
  got is never changed by a later run (an editor may have renamed it). An article deleted after an import is
  not brought back.
"""

import copy
import datetime
import hashlib
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from taggit.models import Tag

from articles import workflow
from articles.models import Article, TaggedArticle
from core import dependencies
from core.models import Redirect
from core.redirects import LEGACY_QUERY_KEYS
from core.validators import (
    ATTACHMENT_TYPES,
    IMAGE_EXTENSIONS,
    extension_of,
    validate_attachment,
    validate_image_upload,
)
from people.models import CityDeal, Organisation, Partnership, Person

from . import content, wxr
from .models import ImportedPost

SOURCE = "wordpress"
UPLOADS = "/wp-content/uploads/"
STATUSES = {
    "publish": Article.Status.PUBLISHED,
    "future": Article.Status.PUBLISHED,
    "draft": Article.Status.DRAFT,
    "private": Article.Status.DRAFT,
    "pending": Article.Status.REVIEW,
}
# WordPress's default category: it says nothing about a post.
UNCATEGORISED = {"uncategorized", "geen-categorie", "ongecategoriseerd"}
IMAGE_TYPES = {ext for extensions in IMAGE_EXTENSIONS.values() for ext in extensions}
BATCH = 1000


class ImportRefused(Exception):
    """The import cannot go ahead; nothing was written. The message is for the editor, in Dutch."""


def kind_names():
    """Return the names a category may give a kind of article: its address name, value and titles."""
    names = {}
    for kind in Article.Kind:
        for name in (kind.slug, kind.value, str(kind.label), str(kind.section_title)):
            names[name.casefold()] = kind
    names.update({"portret": Article.Kind.PORTRAIT, "achtergronden": Article.Kind.BACKGROUND})
    return names


def normal(name):
    return " ".join((name or "").split()).casefold()


@dataclass
class Attachment:
    post_id: int
    url: str
    title: str = ""
    alt: str = ""
    caption: str = ""
    parent: int = 0
    link: str = ""


@dataclass
class Report:
    """What an import did (or, in a dry run, would do), told in Dutch by ``lines()``."""

    dry_run: bool = False
    counts: Counter = field(default_factory=Counter)
    skipped: list = field(default_factory=list)  # (post id, title, reason)
    unmatched_authors: Counter = field(default_factory=Counter)  # name → posts
    created_authors: list = field(default_factory=list)
    missing_media: list = field(default_factory=list)  # (post id, path or address, reason)
    suggestions: list = field(default_factory=list)  # (post title, kind, name)
    linked: Counter = field(default_factory=Counter)
    redirects: Counter = field(default_factory=Counter)
    notes: list = field(default_factory=list)

    def changed(self):
        return (
            self.counts["created"]
            + self.counts["updated"]
            + self.redirects["created"]
            + self.redirects["updated"]
        )

    def lines(self):
        yield (
            _("WordPress import: dry run, nothing was saved.")
            if self.dry_run
            else _("WordPress import done.")
        )
        for key, label in (
            ("created", _("Articles created")),
            ("updated", _("Articles updated")),
            ("unchanged", _("Articles unchanged")),
            ("pages", _("of which pages")),
            ("images", _("Main images")),
            ("attachments", _("Attachments")),
            ("tags", _("Tags created")),
        ):
            yield f"  {label}: {self.counts[key]}"
        yield "  " + _(
            "Redirects from old addresses: %(created)s new, %(updated)s changed, %(same)s unchanged"
        ) % {
            "created": self.redirects["created"],
            "updated": self.redirects["updated"],
            "same": self.redirects["unchanged"],
        }
        for label, count in sorted(self.linked.items()):
            yield "  " + _("Linked to %(kind)s: %(count)s") % {"kind": label, "count": count}
        if self.skipped:
            yield _("Skipped (%(count)s):") % {"count": len(self.skipped)}
            for post_id, title, reason in self.skipped:
                yield f"  #{post_id} {title}: {reason}"
        if self.unmatched_authors:
            yield _("Authors without a person of that name (no byline; create the person and run again):")
            for name, posts in sorted(self.unmatched_authors.items()):
                yield "  " + _("%(name)s (%(count)s posts)") % {"name": name, "count": posts}
        if self.created_authors:
            yield _("People created for authors: %(names)s") % {"names": ", ".join(self.created_authors)}
        if self.missing_media:
            yield _("Media not imported (%(count)s):") % {"count": len(self.missing_media)}
            for post_id, where, reason in self.missing_media:
                yield f"  #{post_id} {where}: {reason}"
        if self.suggestions:
            yield _("Suggestions (named in a title, not linked; link them in the admin if they fit):")
            for title, kind, name in self.suggestions:
                yield f"  {title} → {kind} {name}"
        yield from self.notes


class Importer:
    def __init__(self, path, user, media=None, pages=False, dry_run=False, create_authors=False):
        self.path = Path(path)
        self.user = user
        self.media = Path(media).resolve() if media else None
        self.post_types = {"post", "page"} if pages else {"post"}
        self.dry_run = dry_run
        self.create_authors = create_authors
        self.report = Report(dry_run=dry_run)
        self.stored_files = []

    # The two passes ------------------------------------------------------------------------------------

    def run(self):
        if self.media is not None and not self.media.is_dir():
            raise ImportRefused(_("The media folder %(path)s does not exist.") % {"path": self.media})
        self.export, self.attachments = self.survey()
        try:
            with transaction.atomic():
                self.load()
                for item in wxr.read(self.path, wxr.Export()):
                    if item.post_type in self.post_types:
                        self.import_item(item)
                    elif item.post_type not in ("attachment", "nav_menu_item", "revision"):
                        self.skip(item, _("type “%(type)s” is not imported") % {"type": item.post_type})
                self.flush()
                self.old_addresses()
                self.write_redirects()
                if self.dry_run:
                    transaction.set_rollback(True)
        except BaseException:
            for name in self.stored_files:
                default_storage.delete(name)
            raise
        if self.media is None:
            self.report.notes.append(_("No --media folder given: images and attachments were not imported."))
        return self.report

    def survey(self):
        """Read the whole export once: refuse it if it is not sound; return its header and attachments."""
        export, attachments = wxr.Export(), {}
        for item in wxr.read(self.path, export):
            if item.post_type == "attachment" and item.post_id:
                attachments[item.post_id] = Attachment(
                    item.post_id,
                    item.attachment_url or item.guid,
                    item.title,
                    item.meta.get("_wp_attachment_image_alt", "").strip(),
                    content.plain(item.excerpt),
                    item.post_parent,
                    item.link,
                )
        return export, attachments

    def load(self):
        """Load once what every item is compared with: earlier imports, slugs, tags, names, redirects."""
        self.site = (self.export.base_site_url or self.export.base_blog_url or "")[:200]
        self.imported = {row.post_id: row for row in ImportedPost.objects.filter(site=self.site)}
        self.slugs = set(Article.objects.values_list("slug", flat=True))
        self.tags = {tag.name: tag for tag in Tag.objects.all()}
        self.kinds = kind_names()
        self.scopes = {}
        for model in (Person, Organisation, Partnership, CityDeal):
            for obj in model.objects.only("pk", "name", "slug"):
                self.scopes.setdefault(normal(obj.name), obj)
        self.people = {normal(person.name): person for person in Person.objects.only("pk", "name", "slug")}
        self.first_words = {}
        for name, obj in self.scopes.items():
            self.first_words.setdefault(name.split(" ")[0], []).append((name, obj))
        self.content_types = {
            model: ContentType.objects.get_for_model(model)
            for model in (Article, Tag, Person, Organisation, Partnership, CityDeal)
        }
        self.redirects = {
            row[0]: row[1:]
            for row in Redirect.objects.values_list("old_path", "content_type_id", "object_id", "new_path")
        }
        self.new_redirects = {}
        self.article_of_post = {}
        self.terms_used = {}  # (domain, nicename) → the object its old address leads to
        self.new_records, self.changed_records = [], []
        self.reset_relations, self.relations = (
            [],
            {"tags": [], "authors": [], "people": [], "organisations": []},
        )

    # One item --------------------------------------------------------------------------------------------

    def skip(self, item, reason):
        self.report.skipped.append((item.post_id, content.plain(item.title)[:80], reason))

    def import_item(self, item):
        if not item.post_id:
            return self.skip(item, _("no post id"))
        if item.too_large:
            return self.skip(item, _("the field %(field)s is too large") % {"field": item.too_large})
        status = STATUSES.get(item.status)
        if status is None:
            return self.skip(item, _("status “%(status)s” is not imported") % {"status": item.status})
        if item.post_id in self.article_of_post:
            return self.skip(item, _("the export holds this post twice"))
        record = self.imported.get(item.post_id)
        if record is not None and record.article_id is None:
            return self.skip(item, _("its article was deleted after an earlier import"))
        body = content.clean(item.content)
        plan = self.plan(item, body, status)
        digest = hashlib.sha256(
            json.dumps(plan.fingerprint, sort_keys=True, default=str).encode()
        ).hexdigest()
        if record is not None and record.content_hash == digest:
            self.report.counts["unchanged"] += 1
            article_id = record.article_id
        else:
            article_id = self.save(item, plan, record, digest)
        if item.post_type == "page":
            self.report.counts["pages"] += 1
        self.article_of_post[item.post_id] = article_id
        self.post_addresses(item, article_id, plan)

    def plan(self, item, body, status):
        plan = Plan(item=item, body=body, status=status)
        plan.title = content.plain(item.title)[:255] or _("Untitled (WordPress #%(id)s)") % {
            "id": item.post_id
        }
        plan.lead = content.plain(item.excerpt)
        if status == Article.Status.PUBLISHED:
            plan.published_at = item.date(timezone.get_default_timezone())
        plan.kind = Article.Kind.BACKGROUND if item.post_type == "page" else Article.Kind.NEWS
        for term in item.terms:
            if not term.name or term.nicename in UNCATEGORISED:
                continue
            key = (term.domain, term.nicename)
            if term.domain == "category" and (kind := self.kinds.get(term.name.casefold())):
                plan.kind = kind
                self.terms_used[key] = kind
            elif scope := self.scopes.get(normal(term.name)):
                plan.scopes.append(scope)
                self.terms_used[key] = scope
            else:
                plan.tag_names.append(term.name[:100])
        for obj in self.mentions(plan.title):
            if obj not in plan.scopes:
                self.report.suggestions.append((plan.title, obj._meta.verbose_name, obj.name))
        plan.authors = self.authors(item)
        plan.hero = self.hero(item, body)
        plan.document = self.document(item, body)
        plan.fingerprint = {
            "item": [item.title, item.post_name, item.content, item.excerpt, item.status, item.post_date_gmt],
            "date": item.post_date if not item.post_date_gmt.strip("0-: ") else "",
            "kind": plan.kind,
            "tags": sorted(plan.tag_names),
            "scopes": sorted(f"{obj._meta.label}:{obj.pk}" for obj in plan.scopes),
            "authors": sorted(person.pk for person in plan.authors if person.pk),
            "hero": plan.hero.key if plan.hero else "",
            "document": plan.document.key if plan.document else "",
        }
        return plan

    def mentions(self, title):
        text = normal(title)
        words = set(re.findall(r"[\w'’-]+", text))
        for word in words:
            for name, obj in self.first_words.get(word, ()):
                if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text):
                    yield obj

    def authors(self, item):
        author = self.export.authors.get(item.creator)
        name = author.display_name if author else item.creator
        if not name:
            return []
        person = self.people.get(normal(name))
        if person is not None:
            return [person]
        if self.create_authors:
            person = Person.objects.create(name=name[:200])
            self.people[normal(name)] = person
            self.report.created_authors.append(person.name)
            return [person]
        self.report.unmatched_authors[name] += 1
        return []

    # Media -----------------------------------------------------------------------------------------------

    def upload_path(self, url):
        """Return the file in the media folder that ``url`` (an address under /wp-content/uploads/) names,
        or raise ``ValueError`` with the reason it cannot be used."""
        path = unquote(urlsplit(url).path)
        if UPLOADS not in path:
            raise ValueError(_("not under /wp-content/uploads/"))
        relative = path.split(UPLOADS, 1)[1]
        parts = relative.split("/")
        if (
            not relative
            or relative.startswith("/")
            or "\\" in relative
            or any(p in ("", ".", "..") for p in parts)
        ):
            raise ValueError(_("refused: the path leaves the media folder"))
        if self.media is None:
            raise ValueError(_("no --media folder given"))
        candidate = (self.media / relative).resolve()
        if not candidate.is_relative_to(self.media):
            raise ValueError(_("refused: the path leaves the media folder"))
        if not candidate.is_file():
            raise ValueError(_("file missing"))
        return candidate

    def media_file(self, post_id, url, allowed):
        """Return a ``MediaFile`` for ``url``, or None (the reason is reported)."""
        try:
            path = self.upload_path(url)
        except ValueError as reason:
            self.report.missing_media.append((post_id, unquote(urlsplit(url).path)[:200], str(reason)))
            return None
        if extension_of(path.name) not in allowed:
            self.report.missing_media.append((post_id, path.name, _("not a type the e-zine accepts")))
            return None
        stat = path.stat()
        return MediaFile(
            path=path, url=url, key=f"{path.relative_to(self.media)}|{stat.st_size}|{stat.st_mtime_ns}"
        )

    def hero(self, item, body):
        attachment = self.attachments.get(_int(item.meta.get("_thumbnail_id")))
        if attachment is not None:
            image = content.Image(attachment.url, attachment.alt or "", attachment.caption)
            title = attachment.title
        elif body.images:
            image, title = body.images[0], ""
            body.images = body.images[1:]
        else:
            return None
        for extra in body.images:
            if not attachment or _basename(extra.src) != _basename(attachment.url):
                self.report.missing_media.append(
                    (item.post_id, _basename(extra.src), _("image in the text (the body holds no images)"))
                )
        found = self.media_file(item.post_id, image.src, IMAGE_TYPES)
        if found is None:
            return None
        found.caption, found.credit = content.split_credit(image.caption)
        found.alt = image.alt or title or found.caption
        return found

    def document(self, item, body):
        documents = [
            (href, text)
            for href, text in body.links
            if UPLOADS in href and extension_of(href) in ATTACHMENT_TYPES
        ]
        if not documents:
            return None
        for href, _text in documents[1:]:
            self.report.missing_media.append(
                (item.post_id, _basename(href), _("only one attachment per article"))
            )
        href, text = documents[0]
        found = self.media_file(item.post_id, href, ATTACHMENT_TYPES)
        if found is not None:
            found.title = text[:200]
        return found

    def store(self, field_file, found, validator, post_id):
        """Store ``found`` in ``field_file`` after checking it as an upload; return whether it was stored."""
        with found.path.open("rb") as handle:
            upload = File(handle, name=found.path.name)
            try:
                validator(upload)
            except ValidationError as error:
                self.report.missing_media.append((post_id, found.path.name, " ".join(error.messages)))
                return False
            if not self.dry_run:
                field_file.save(found.path.name, upload, save=False)
                self.stored_files.append(field_file.name)
        return True

    # Writing ---------------------------------------------------------------------------------------------

    def save(self, item, plan, record, digest):
        if record is None:
            before, article = None, Article(created_by=self.user)
            article.slug = self.slug(item, plan.title)
        else:
            article = Article.objects.get(pk=record.article_id)
            before = copy.copy(article)
        article.title, article.lead, article.kind = plan.title, plan.lead, plan.kind
        article.status, article.published_at = plan.status, plan.published_at
        article.body = plan.body.html
        article.updated_by = self.user
        scope_fields = {"partnership": None, "city_deal": None}
        for scope in plan.scopes:
            if isinstance(scope, Partnership):
                scope_fields["partnership"] = scope
            elif isinstance(scope, CityDeal):
                scope_fields["city_deal"] = scope
        for name, value in scope_fields.items():
            setattr(article, name, value)
        media_changed = record is None or record.media_key != self.media_key_of(plan)
        if media_changed:
            self.attach_media(article, plan, item.post_id)
        if plan.document and article.attachment:
            # The link in the text leads to the file where it is now.
            article.body = article.body.replace(
                f'href="{plan.document.url}"', f'href="{article.attachment.url}"'
            )
        if reason := workflow.refusal(self.user, before, article):
            raise PermissionDenied(reason)
        article.save()
        self.report.counts["created" if record is None else "updated"] += 1
        if record is None:
            record = ImportedPost(site=self.site, post_id=item.post_id, article=article)
            self.new_records.append(record)
        else:
            self.changed_records.append(record)
            self.reset_relations.append(article.pk)
        record.post_type, record.guid, record.content_hash = item.post_type, item.guid[:500], digest
        record.media_key = self.media_key_of(plan)
        self.relate(article, plan)
        if plan.document and article.attachment:
            self.ensure_redirect(_path(plan.document.url), new_path=article.attachment.url)
        return article.pk

    @staticmethod
    def media_key_of(plan):
        return f"{plan.hero.key if plan.hero else ''}#{plan.document.key if plan.document else ''}"[:1000]

    def attach_media(self, article, plan, post_id):
        article.hero_image, article.hero_alt, article.hero_caption, article.hero_credit = "", "", "", ""
        if plan.hero and self.store(article.hero_image, plan.hero, validate_image_upload, post_id):
            article.hero_alt = plan.hero.alt[:255] or article.title[:255]
            article.hero_caption = plan.hero.caption[:255]
            article.hero_credit = plan.hero.credit[:200]
            self.report.counts["images"] += 1
        article.attachment, article.attachment_title = "", ""
        if plan.document and self.store(article.attachment, plan.document, validate_attachment, post_id):
            article.attachment_title = plan.document.title
            self.report.counts["attachments"] += 1

    def slug(self, item, title):
        base = slugify(unquote(item.post_name)) or slugify(title) or "artikel"
        base = base[:190].strip("-")
        slug, n = base, 2
        while slug in self.slugs:
            slug, n = f"{base}-{n}", n + 1
        self.slugs.add(slug)
        return slug

    def tag(self, name):
        tag = self.tags.get(name)
        if tag is None:
            tag = Tag.objects.create(name=name)
            self.tags[name] = tag
            self.report.counts["tags"] += 1
        return tag

    def relate(self, article, plan):
        tags = {self.tag(name).pk for name in plan.tag_names}
        self.relations["tags"] += [TaggedArticle(content_object_id=article.pk, tag_id=pk) for pk in tags]
        through = Article.authors.through
        self.relations["authors"] += [through(article_id=article.pk, person_id=p.pk) for p in plan.authors]
        for scope in plan.scopes:
            if isinstance(scope, Person):
                self.relations["people"].append(
                    Article.people.through(article_id=article.pk, person_id=scope.pk)
                )
            elif isinstance(scope, Organisation):
                self.relations["organisations"].append(
                    Article.organisations.through(article_id=article.pk, organisation_id=scope.pk)
                )
            self.report.linked[str(scope._meta.verbose_name)] += 1
        if len(self.relations["tags"]) + len(self.new_records) >= BATCH:
            self.flush()

    def flush(self):
        """Write what is gathered for many articles at once: their relations and import records."""
        relations = {
            "tags": TaggedArticle.objects.filter(content_object__in=self.reset_relations),
            "authors": Article.authors.through.objects.filter(article__in=self.reset_relations),
            "people": Article.people.through.objects.filter(article__in=self.reset_relations),
            "organisations": Article.organisations.through.objects.filter(article__in=self.reset_relations),
        }
        changed = bool(self.reset_relations) or any(self.relations.values())
        for name, rows in self.relations.items():
            if self.reset_relations:
                relations[name].delete()
            if rows:
                type(rows[0]).objects.bulk_create(rows, batch_size=BATCH, ignore_conflicts=True)
        if changed:
            # Links written without model signals: which pages show them is not worked out one by one.
            dependencies.changed_in_bulk.send(sender=type(self), keys={dependencies.ALL})
        ImportedPost.objects.bulk_create(self.new_records, batch_size=BATCH)
        ImportedPost.objects.bulk_update(
            self.changed_records,
            ["post_type", "guid", "content_hash", "media_key", "updated_at"],
            batch_size=BATCH,
        )
        self.reset_relations, self.new_records, self.changed_records = [], [], []
        self.relations = {name: [] for name in self.relations}

    # Old addresses ---------------------------------------------------------------------------------------

    def ensure_redirect(self, old_path, target=None, new_path=""):
        if not old_path or old_path == "/" or len(old_path) > 500:
            return
        if target is not None:
            model, pk = target
            wanted = (self.content_types[model].pk, pk, "")
        else:
            wanted = (None, None, new_path)
        if old_path in self.new_redirects:
            return
        current = self.redirects.get(old_path)
        if current == wanted:
            self.report.redirects["unchanged"] += 1
            return
        self.new_redirects[old_path] = wanted
        self.report.redirects["created" if current is None else "updated"] += 1

    def post_addresses(self, item, article_id, plan):
        target = (Article, article_id)
        key = "page_id" if item.post_type == "page" else "p"
        self.ensure_redirect(f"/?{urlencode({key: item.post_id})}", target)
        self.ensure_redirect(_path(item.link), target)

    def old_addresses(self):
        """Redirect the addresses of the attachments' pages, categories, tags, authors and feeds."""
        for attachment in self.attachments.values():
            article_id = self.article_of_post.get(attachment.parent)
            if article_id:
                self.ensure_redirect(f"/?attachment_id={attachment.post_id}", (Article, article_id))
                self.ensure_redirect(_path(attachment.link), (Article, article_id))
        for (domain, nicename), target in self.terms_used.items():
            if domain == "category":
                old = f"/category/{self.category_path(nicename)}/"
            else:
                old = f"/tag/{nicename}/"
            if isinstance(target, Article.Kind):
                self.ensure_redirect(old, new_path=target.get_absolute_url())
                self.ensure_redirect(
                    f"{old}feed/", new_path=reverse("articles:kind_feed", kwargs={"kind": target})
                )
            else:
                self.ensure_redirect(old, (type(target), target.pk))
        for (domain, nicename), term in self.export.terms.items():
            if (domain, nicename) not in self.terms_used and term.name in self.tags:
                old = (
                    f"/category/{self.category_path(nicename)}/"
                    if domain == "category"
                    else f"/tag/{nicename}/"
                )
                self.ensure_redirect(old, (Tag, self.tags[term.name].pk))
        for login, author in self.export.authors.items():
            person = self.people.get(normal(author.display_name))
            if person is not None:
                self.ensure_redirect(f"/author/{login}/", (Person, person.pk))
        for old, name in (
            ("/feed/", "articles:feed"),
            ("/feed/atom/", "articles:feed_atom"),
            ("/?feed=rss2", "articles:feed"),
            ("/?feed=atom", "articles:feed_atom"),
        ):
            self.ensure_redirect(old, new_path=reverse(name))

    def category_path(self, nicename, depth=0):
        term = self.export.terms.get(("category", nicename))
        if term is None or not term.parent or depth > 10:
            return nicename
        return f"{self.category_path(term.parent, depth + 1)}/{nicename}"

    def write_redirects(self):
        existing = set(self.redirects) & set(self.new_redirects)
        for old_path in existing:
            content_type_id, object_id, new_path = self.new_redirects[old_path]
            Redirect.objects.filter(old_path=old_path).update(
                content_type_id=content_type_id, object_id=object_id, new_path=new_path, source=SOURCE
            )
        Redirect.objects.bulk_create(
            [
                Redirect(old_path=old, content_type_id=ct, object_id=pk, new_path=new, source=SOURCE)
                for old, (ct, pk, new) in self.new_redirects.items()
                if old not in existing
            ],
            batch_size=BATCH,
        )


@dataclass
class Plan:
    item: object
    body: object
    status: str
    title: str = ""
    lead: str = ""
    kind: str = ""
    published_at: datetime.datetime | None = None
    tag_names: list = field(default_factory=list)
    scopes: list = field(default_factory=list)
    authors: list = field(default_factory=list)
    hero: object = None
    document: object = None
    fingerprint: dict = field(default_factory=dict)


@dataclass
class MediaFile:
    path: Path
    url: str
    key: str
    alt: str = ""
    caption: str = ""
    credit: str = ""
    title: str = ""


def _int(value):
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return 0


def _basename(url):
    return os.path.basename(unquote(urlsplit(url).path))


def _path(url):
    """Return the address of ``url`` on this site: its path, or ``/?key=value`` for a query-style one."""
    if not url:
        return ""
    parts = urlsplit(url)
    path = unquote(parts.path) or "/"
    if path == "/" and parts.query:
        query = dict(parse_qsl(parts.query))
        for key in LEGACY_QUERY_KEYS:
            if query.get(key):
                return f"/?{urlencode({key: query[key]})}"
        return ""
    return path
