from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from wordpress import wxr
from wordpress.importer import Importer, ImportRefused


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR, Tools → Export): posts become articles, the old addresses redirect "
        "to them. All or nothing; running it again updates what changed. A Dutch report at the end."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help="The WXR file WordPress exported")
        parser.add_argument("--user", required=True, help="The user name the articles are created by")
        parser.add_argument(
            "--media", help="The old site's wp-content/uploads folder, copied next to the export"
        )
        parser.add_argument("--pages", action="store_true", help="Also import pages (as background articles)")
        parser.add_argument("--dry-run", action="store_true", help="Show what would happen; save nothing")
        parser.add_argument(
            "--create-authors",
            action="store_true",
            help="Create a person for each author that has none of that name (otherwise only reported)",
        )

    def handle(self, export, user, media, pages, dry_run, create_authors, **options):
        try:
            account = get_user_model().objects.get(username=user)
        except get_user_model().DoesNotExist:
            raise CommandError(_("There is no user named %(name)s.") % {"name": user}) from None
        importer = Importer(
            export, account, media=media, pages=pages, dry_run=dry_run, create_authors=create_authors
        )
        try:
            report = importer.run()
        except (wxr.WXRError, ImportRefused, PermissionDenied, OSError) as error:
            raise CommandError(_("Nothing was imported. %(reason)s") % {"reason": error}) from error
        self.stdout.write("\n".join(report.lines()))
