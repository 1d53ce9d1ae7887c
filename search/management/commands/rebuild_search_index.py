import time

from django.core.management.base import BaseCommand

from search import index


class Command(BaseCommand):
    help = (
        "Rebuild the search index of all articles, people, organisations, partnerships and City Deals. "
        "Saving an object keeps its entry up to date; use this after a bulk import or an analyser change."
    )

    def add_arguments(self, parser):
        parser.add_argument("--chunk-size", type=int, default=1000, help="Objects indexed per transaction.")

    def handle(self, *args, chunk_size, verbosity, **options):
        started = time.monotonic()

        def progress(model, done, total):
            if verbosity >= 2:
                self.stdout.write(f"{model._meta.verbose_name_plural}: {done}/{total}")

        counts = index.rebuild(chunk_size=chunk_size, progress=progress)
        for model, count in counts.items():
            self.stdout.write(f"{model._meta.verbose_name_plural}: {count} indexed")
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt in {time.monotonic() - started:.1f} s."))
