import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from strategy_pages.plone_import.config import ConfigError, load_config
from strategy_pages.plone_import.importer import ImportAborted, PloneImporter
from strategy_pages.plone_import.reader import ExportError, read_export


class Command(BaseCommand):
    help = (
        "Import a Plone site exported with collective.exportimport: content, images and files, "
        "users and groups, local roles, ordering, default pages and redirects. Rerunning it "
        "updates what changed and never duplicates."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "directory",
            help="The folder Plone exported to: collective.exportimport's files (Plone.json or "
            "one file per type, or a folder of numbered files, with export_relations.json, "
            "export_localroles.json, …) or plone.exportimport's (content/, principals.json, …), "
            "or a ZIP file of either, such as plone.exportimport's @export download.",
        )
        parser.add_argument(
            "--config", help="A TOML file describing how this site differs (docs/plone-import.md)."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would be done; write nothing."
        )
        parser.add_argument(
            "--verbose-items", action="store_true", help="List every item, not only those skipped."
        )

    def handle(self, *args, directory, config, dry_run, verbose_items, **options):
        try:
            export = read_export(directory)
            self.stdout.write(
                "\n".join([f"Export: {export.layout}", *(f"note: {n}" for n in export.notes)])
            )
            importer = PloneImporter(
                export, load_config(config), dry_run=dry_run, progress=self._progress_bar()
            )
            report = importer.run()
        except (ExportError, ConfigError, ImportAborted) as error:
            raise CommandError(str(error)) from error
        finally:
            if getattr(self, "_bar", None) is not None:
                self._bar.close()
        self._write_report(report, everything=verbose_items or dry_run)

    def _progress_bar(self):
        def update(done, total):
            if getattr(self, "_bar", None) is None:
                self._bar = tqdm(total=total, unit="item", file=sys.stderr, disable=None)
            self._bar.update(done - self._bar.n)

        self._bar = None
        return update

    def _write_report(self, report, *, everything):
        for outcome in report.outcomes:
            if everything or outcome.action == "skipped":
                self.stdout.write(outcome.line(report.dry_run))
        for note in report.notes:
            self.stdout.write(f"note: {note}")
        for warning in report.warnings:
            self.stdout.write(self.style.WARNING(f"warning: {warning}"))
        self.stdout.write(self.style.SUCCESS(report.summary()))
