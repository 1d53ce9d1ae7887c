from django.core.management.base import BaseCommand, CommandError

from ezine import archive


class Command(BaseCommand):
    help = "Restore an archive made by export_archive into an empty, migrated database."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The archive to restore")

    def handle(self, path, **options):
        try:
            manifest = archive.restore(path)
        except (archive.ArchiveError, OSError, ValueError) as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["counts"].values())
        self.stdout.write(f"Restored {path}: {rows} rows, {len(manifest['files'])} files.")
