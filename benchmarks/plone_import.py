"""Plone import benchmark: items per second on a large export, in each layout Plone writes.

Copies the Plone 6 export in tests/fixtures/plone/ (39 items: folders, news, documents, an
event, a link, PDF and text files, PNG images, with resolveuid links, related items, local
roles, ordering and a default page) under enough numbered top-level folders to reach the wanted
size, every copy with UIDs of its own. The same items are then written in each layout: the
fixture's own file names, collective.exportimport's one content file and one file per item
(blobs as base-64), and plone.exportimport's folders (blobs as files). Each layout is imported
into a fresh SQLite database that holds the demo site, in a process of its own; the table shows
the wall time of the import, items per second and the process's peak memory.

    .venv/bin/python benchmarks/plone_import.py [--items 2000] [--format NAME]
"""

import argparse
import base64
import cProfile
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "plone"
sys.path.insert(0, str(REPO))
SITE = "https://intranat.example.org"
# Copies are not committees' folders: every copy becomes a section of its own, and news
# outside committees belong to the City Executive Office, as a city would configure it.
CONFIG = 'match_committees = false\ndefault_committee = "stadsledningskontoret"\n'


def load(name):
    return json.loads((FIXTURE / f"dev-{name}.json").read_text(encoding="utf-8"))


def new_uid(copy, uid):
    return hashlib.md5(f"{copy}:{uid}".encode(), usedforsecurity=False).hexdigest()


def generate(wanted):
    """The scaled export as the fixture's files hold it: kind → content."""
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
    return out


def write_json(path, value):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value), encoding="utf-8")


def write_fixture_names(directory, out):
    """dev-export.json and dev-<kind>.json, as in tests/fixtures/plone/."""
    for kind, value in out.items():
        write_json(directory / f"dev-{kind}.json", value)


def write_companions(directory, out):
    """collective.exportimport's default download names: export_relations.json, …"""
    for kind, value in out.items():
        if kind != "export":
            write_json(directory / f"export_{kind}.json", value)


def write_collective_file(directory, out):
    write_json(directory / "Plone.json", out["export"])
    write_companions(directory, out)


def write_collective_items(directory, out):
    """One numbered file per item in a folder named after the site, 1000 to a subfolder."""
    for number, item in enumerate(out["export"], start=1):
        write_json(directory / "Plone" / str(number // 1000) / f"{number}.json", item)
    write_companions(directory, out)


def write_plone_exportimport(directory, out):
    """content/<uid>/data.json with blobs as files beside it, __metadata__.json, and
    principals.json, relations.json, redirects.json, translations.json."""
    content = directory / "content"
    root_uid = out["export"][0]["UID"]
    data_files, blob_files = [], []
    for item in out["export"]:
        uid = "plone_site_root" if item["UID"] == root_uid else item["UID"]
        item = {**item, "UID": uid, "@id": _site_relative(item["@id"])}
        item.pop("parent", None)
        for key, value in list(item.items()):
            if (
                isinstance(value, dict)
                and value.get("encoding") == "base64"
                and "filename" in value
            ):
                blob_path = f"{uid}/{key}/{value['filename']}"
                data = base64.b64decode(value["data"])
                (content / blob_path).parent.mkdir(parents=True, exist_ok=True)
                (content / blob_path).write_bytes(data)
                blob_files.append(blob_path)
                item[key] = {
                    "blob_path": blob_path,
                    "content-type": value["content-type"],
                    "filename": value["filename"],
                    "size": len(data),
                }
        write_json(content / uid / "data.json", item)
        data_files.append(f"{uid}/data.json")
    metadata = {
        "_data_files_": data_files,
        "_blob_files_": blob_files,
        "default_page": {
            e["uuid"]: {
                "default_page": e["default_page"],
                "default_page_uuid": e.get("default_page_uuid"),
            }
            for e in out["defaultpages"]
        },
        "local_roles": {
            e["uuid"]: {
                "local_roles": e.get("localroles", {}),
                **({"block": 1} if e.get("block") else {}),
            }
            for e in out["localroles"]
        },
        "ordering": {e["uuid"]: e["order"] for e in out["ordering"]},
        "relations": [],
    }
    write_json(content / "__metadata__.json", metadata)
    write_json(directory / "principals.json", out["members"])
    relations = [
        {"from_attribute": e.get("relationship", "relatedItems"), "from_uuid": e["from_uuid"],
         "to_uuid": e["to_uuid"]}
        for e in out["relations"]
    ]  # fmt: skip
    write_json(directory / "relations.json", relations)
    write_json(directory / "redirects.json", out["redirects"])
    write_json(directory / "translations.json", [])


def _site_relative(url):
    return url.removeprefix(SITE) or "/fixture"


FORMATS = {
    "fixture names": write_fixture_names,
    "collective, one file": write_collective_file,
    "collective, file per item": write_collective_items,
    "plone.exportimport": write_plone_exportimport,
}


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


def setup_django(work):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.dev")
    os.environ.setdefault("DEBUG", "false")
    os.environ["DATABASE_URL"] = f"sqlite:///{work / 'benchmark.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(work / "media")
    import django

    django.setup()
    from django.conf import settings

    # The pending items notify moderators; the benchmark has no mail server.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def run_format(name, wanted, profile=None):
    """Import the export written in layout `name` into a fresh database; the measurements."""
    work = Path(tempfile.mkdtemp(prefix="plone-import-benchmark-"))
    setup_django(work)
    from django.core.management import call_command

    from strategy_pages.plone_import.config import load_config
    from strategy_pages.plone_import.importer import PloneImporter
    from strategy_pages.plone_import.reader import read_export

    export_dir = work / "export"
    out = generate(wanted)
    FORMATS[name](export_dir, out)
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    (work / "plone.toml").write_text(CONFIG, encoding="utf-8")
    config = load_config(work / "plone.toml")
    profiler = cProfile.Profile() if profile else None
    started = time.perf_counter()
    if profiler:
        profiler.enable()
    export = read_export(export_dir)
    report = PloneImporter(export, config).run()
    seconds = time.perf_counter() - started
    if profiler:
        profiler.disable()
        profiler.dump_stats(profile)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    again = PloneImporter(read_export(export_dir), config).run()
    return {
        "format": name,
        "layout": export.layout,
        "items": len(out["export"]),
        "seconds": seconds,
        "peak_mib": peak_mib,
        "summary": report.summary(),
        "rerun": again.summary(),
        "rerun_seconds": time.perf_counter() - started,
        "work": str(work),
    }


def print_table(results):
    print(f"{'format':<27} {'items':>6} {'seconds':>8} {'items/s':>8} {'peak MiB':>9} rerun s")
    for r in results:
        rate = r["items"] / r["seconds"]
        print(
            f"{r['format']:<27} {r['items']:>6} {r['seconds']:>8.1f} {rate:>8.1f} "
            f"{r['peak_mib']:>9.0f} {r['rerun_seconds']:>7.1f}"
        )
    for r in results:
        print(f"{r['format']}: read as {r['layout']}")
        print(
            f"  {r['summary']}\n  second run: {r['rerun']}\n  (database and media in {r['work']})"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=2_000, help="Items per format.")
    parser.add_argument("--format", choices=FORMATS, help="Only this layout (default: all).")
    parser.add_argument("--profile", help="Write a cProfile of the import to this file.")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.json:
        print(json.dumps(run_format(args.format, args.items, args.profile)))
        return
    results = []
    for name in [args.format] if args.format else FORMATS:
        # A process of its own per layout: a fresh database and an honest peak memory.
        command = [sys.executable, __file__, "--items", str(args.items), "--format", name, "--json"]
        command += ["--profile", args.profile] if args.profile else []
        finished = subprocess.run(command, check=True, capture_output=True, text=True)  # noqa: S603 - this script
        results.append(json.loads(finished.stdout.strip().splitlines()[-1]))
        print(f"{name}: {results[-1]['summary']}", file=sys.stderr)
    print_table(results)


if __name__ == "__main__":
    main()
