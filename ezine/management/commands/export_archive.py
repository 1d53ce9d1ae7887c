from django.core.management.base import BaseCommand

from ezine import archive


class Command(BaseCommand):
    help = "Write all content (database rows and uploaded files) into one zip archive."

    def add_arguments(self, parser):
        parser.add_argument("path", help="Where to write the archive, e.g. backup-2026-11-28.zip")

    def handle(self, path, **options):
        manifest = archive.export(path)
        rows = sum(manifest["counts"].values())
        self.stdout.write(f"Wrote {path}: {rows} rows, {len(manifest['files'])} files.")
