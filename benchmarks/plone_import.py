"""Plone import benchmark: items per second on a large export in the real fixture's shape.

Copies the Plone 6 export in tests/fixtures/plone/ (39 items: folders, news, documents, an
event, a link, PDF and text files, PNG images, with resolveuid links, related items, local
roles, ordering and a default page) under enough numbered top-level folders to reach the wanted
size, every copy with UIDs of its own, and imports it into a fresh SQLite database that holds
the demo site. Prints the wall time, items per second and the peak memory.

    .venv/bin/python benchmarks/plone_import.py [--items 10000] [--keep DIR]
"""

import argparse
import cProfile
import hashlib
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "plone"
sys.path.insert(0, str(REPO))
WORK = Path(tempfile.mkdtemp(prefix="plone-import-benchmark-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.dev")
os.environ.setdefault("DEBUG", "false")
os.environ["DATABASE_URL"] = f"sqlite:///{WORK / 'benchmark.sqlite3'}"
os.environ["MEDIA_ROOT"] = str(WORK / "media")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

# The pending items notify moderators; the benchmark has no mail server.
settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

from django.core.management import call_command  # noqa: E402

from strategy_pages.plone_import.config import load_config  # noqa: E402
from strategy_pages.plone_import.importer import PloneImporter  # noqa: E402
from strategy_pages.plone_import.reader import read_export  # noqa: E402

SITE = "https://intranat.example.org"
# Copies are not committees' folders: every copy becomes a section of its own, and news
# outside committees belong to the City Executive Office, as a city would configure it.
CONFIG = 'match_committees = false\ndefault_committee = "stadsledningskontoret"\n'


def load(name):
    return json.loads((FIXTURE / f"dev-{name}.json").read_text(encoding="utf-8"))


def new_uid(copy, uid):
    return hashlib.md5(f"{copy}:{uid}".encode(), usedforsecurity=False).hexdigest()


def generate(directory, wanted):
    items = load("export")
    root, content = items[0], items[1:]
    copies = -(-(wanted - 1) // (len(content) + 1))
    out = {"export": [root], "relations": [], "localroles": [], "ordering": []}
    out["defaultpages"], out["redirects"] = [], {}
    for copy in range(copies):
        out["export"] += list(copy_tree(copy, root, content))
        out["relations"] += remap_entries(copy, load("relations"), "from_uuid", "to_uuid")
        out["localroles"] += remap_entries(copy, load("localroles"), "uuid")
        out["ordering"] += remap_entries(copy, load("ordering"), "uuid")
        out["ordering"].append({"uuid": new_uid(copy, "folder"), "order": copy})
        out["defaultpages"] += remap_entries(
            copy, load("defaultpages"), "uuid", "default_page_uuid"
        )
        for old, new in load("redirects").items():
            prefix = f"/fixture/avdelning-{copy}"
            out["redirects"][old.replace("/fixture", prefix)] = new.replace("/fixture", prefix)
    out["members"] = load("members")
    for name, value in out.items():
        (directory / f"dev-{name}.json").write_text(json.dumps(value), encoding="utf-8")
    return len(out["export"])


def copy_tree(copy, root, content):
    prefix = f"{SITE}/avdelning-{copy}"
    folder = json.loads(json.dumps(content[0]))
    folder.update(
        {"@id": prefix, "UID": new_uid(copy, "folder"), "id": f"avdelning-{copy}"},
        title=f"Avdelning {copy}",
        parent={"@id": SITE, "@type": "Plone Site", "UID": root["UID"]},
    )
    folder.pop("exportimport.constrains", None)
    yield folder
    for item in content:
        text = json.dumps(item).replace(SITE, prefix)
        for uid in uids(content):
            text = text.replace(uid, new_uid(copy, uid))
        copied = json.loads(text)
        if copied["parent"]["@id"] == prefix:
            copied["parent"]["UID"] = folder["UID"]
        yield copied


def uids(content):
    return [item["UID"] for item in content]


def remap_entries(copy, entries, *keys):
    remapped = []
    for entry in entries:
        if entry.get("uuid") == "<Portal>":
            continue
        remapped.append({**entry, **{key: new_uid(copy, entry[key]) for key in keys}})
    return remapped


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--profile", help="Write a cProfile of the import to this file.")
    args = parser.parse_args()
    export_dir = WORK / "export"
    export_dir.mkdir()
    count = generate(export_dir, args.items)
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    (WORK / "plone.toml").write_text(CONFIG, encoding="utf-8")
    profiler = cProfile.Profile() if args.profile else None
    started = time.perf_counter()
    if profiler:
        profiler.enable()
    export = read_export(export_dir)
    report = PloneImporter(export, load_config(WORK / "plone.toml")).run()
    seconds = time.perf_counter() - started
    if profiler:
        profiler.disable()
        profiler.dump_stats(args.profile)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(report.summary())
    rate = count / seconds
    print(f"{count} items in {seconds:.1f} s: {rate:.1f} items/s; peak memory {peak_mib:.0f} MiB")
    started = time.perf_counter()
    again = PloneImporter(read_export(export_dir), load_config(WORK / "plone.toml")).run()
    print(f"second run: {again.summary()} in {time.perf_counter() - started:.1f} s")
    print(f"(database and media in {WORK})")


if __name__ == "__main__":
    main()
