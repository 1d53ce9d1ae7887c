from django.core.management.base import BaseCommand, CommandError

from ezine import archive


class Command(BaseCommand):
    help = (
        "Restore an archive made by export_archive into an empty, migrated database. Everything in it is "
        "checked before anything is written; users come along only when asked for."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The archive to restore")
        parser.add_argument(
            "--with-users",
            action="store_true",
            help="Also restore the user accounts (bylines, who edited what), without superuser rights.",
        )
        parser.add_argument(
            "--with-superusers",
            action="store_true",
            help="Also restore the user accounts with the superuser rights the archive gives them.",
        )

    def handle(self, path, with_users, with_superusers, **options):
        try:
            manifest = archive.restore(path, with_users=with_users, with_superusers=with_superusers)
        except (archive.ArchiveError, OSError) as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["counts"].values())
        self.stdout.write(f"Restored {path}: {rows} rows in the archive, {len(manifest['files'])} files.")
