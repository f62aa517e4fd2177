"""Side-by-side benchmark with Plone 6.2 on the same generated news items.

    .venv/bin/python benchmarks/plone_compare.py [--news 10000 --requests 20 --rounds 3]

`make benchmark-plone` starts the search engine first, so the intranet is measured on the
database backend and on the engine. The first run generates a news-only corpus (SQLite under
.cache/benchmarks/), installs Plone from PyPI into its own virtual environment under
.cache/plone/, creates a Classic UI site there and loads the same news items into it (title,
summary, body text, date; published, left out of the navigation). Later runs reuse all of it.
PLONE_PYTHON names the interpreter for Plone's environment (default python3.11).

Every server is served the same way: waitress with 4 threads on loopback, one process each.
The intranet is asked as a logged-in member of staff, Plone anonymously. Each round times, per
request kind, N requests to Plone and then N to each intranet server, one at a time over a
keep-alive connection; the table shows the medians over the rounds of each round's p50 and p95,
the ratio Plone p50 / ours p50 (above 1: ours is faster) and each server's resident memory.
"""

import argparse
import http.client
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CACHE = REPO / ".cache" / "benchmarks"
PLONE_HOME = REPO / ".cache" / "plone"
PLONE_VENV = PLONE_HOME / "venv"
PLONE_INSTANCE = PLONE_HOME / "instance"
PLONE_VERSION = "6.2.2"
PLONE_SITE = "Plone"
PLONE_HELPERS = Path(__file__).resolve().parent / "plone"
STAFF_USER = "medarbetare"
SERVER_THREADS = 4
INDEX_PREFIX = "benchmark_plone_"


def run(command, **kwargs):
    subprocess.run(command, check=True, **kwargs)  # noqa: S603 - fixed commands of this script


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def load_average():
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def resident_mib(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


# The intranet side ---------------------------------------------------------------------------


def intranet_environment(news, engine_url=""):
    environment = dict(os.environ)
    environment.update(
        DJANGO_SETTINGS_MODULE="intranet.settings.dev",
        DEBUG="false",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=f"sqlite:///{CACHE / f'plone-compare-{news}.sqlite3'}",
        MEDIA_ROOT=str(CACHE / "media"),
        SEARCH_URL=engine_url,
        SEARCH_INDEX_PREFIX=INDEX_PREFIX,
        LOG_LEVEL="WARNING",
    )
    return environment


def manage(news, *arguments, engine_url=""):
    run(
        [sys.executable, "manage.py", *arguments],
        cwd=REPO,
        env=intranet_environment(news, engine_url),
    )


def export_news(news, target):
    """Writes the generated news items as JSON for Plone, generating the corpus if needed."""
    if target.exists():
        return
    manage(news, "migrate", "--noinput", "--verbosity", "0")
    manage(news, "generate_corpus", "--showcases", "0", "--news", str(news))
    script = (
        "import json, sys, django; django.setup()\n"
        "from strategy_pages.models import NetworkNewsPage\n"
        "pages = NetworkNewsPage.objects.live().filter(slug__startswith='korpus-')\n"
        "items = [{'id': p.slug, 'title': p.title, 'description': p.summary,\n"
        "          'text': ''.join(str(block.value) for block in p.body),\n"
        "          'date': p.date.isoformat()} for p in pages.order_by('pk')]\n"
        "json.dump(items, open(sys.argv[1], 'w', encoding='utf-8'), ensure_ascii=False)\n"
    )
    partial = target.with_suffix(".partial")
    run(
        [sys.executable, "-c", script, str(partial)],
        cwd=REPO,
        env=intranet_environment(news),
    )
    partial.rename(target)


def ensure_waitress():
    """The production extra names no WSGI server; the benchmark serves with waitress like Plone."""
    probe = subprocess.run([sys.executable, "-c", "import waitress"], capture_output=True)  # noqa: S603
    if probe.returncode:
        run([sys.executable, "-m", "pip", "install", "--quiet", "waitress"])


def start_intranet(news, port, engine_url):
    command = [sys.executable, "-m", "waitress", f"--threads={SERVER_THREADS}"]
    command += [f"--listen=127.0.0.1:{port}", "intranet.wsgi:application"]
    log = (CACHE / f"plone-compare-ours-{port}.log").open("w")
    return subprocess.Popen(  # noqa: S603
        command,
        cwd=REPO,
        env=intranet_environment(news, engine_url),
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def log_in(port):
    """Logs in through the login form once; returns the Cookie header for later requests."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", "/logga-in/")
    response = connection.getresponse()
    page = response.read().decode()
    cookies = cookie_jar(response)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    password = os.environ.get("DEMO_PASSWORD", "international-2040")
    body = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": STAFF_USER, "password": password}
    )
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": cookie_header(cookies),
        "Referer": f"http://127.0.0.1:{port}/logga-in/",
    }
    connection.request("POST", "/logga-in/", body=body, headers=headers)
    response = connection.getresponse()
    response.read()
    cookies.update(cookie_jar(response))
    if response.status != 302 or "sessionid" not in cookies:
        sys.exit(f"Logging in as {STAFF_USER} failed (HTTP {response.status}).")
    return cookie_header(cookies)


def cookie_jar(response):
    jar = {}
    for header in response.headers.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        jar[name.strip()] = rest.split(";", 1)[0]
    return jar


def cookie_header(jar):
    return "; ".join(f"{name}={value}" for name, value in jar.items())


# The Plone side ------------------------------------------------------------------------------


def install_plone():
    marker = PLONE_VENV / f".installed-{PLONE_VERSION}"
    if marker.exists():
        return
    print(f"Installing Plone {PLONE_VERSION} from PyPI into {PLONE_VENV.relative_to(REPO)}")
    run([os.environ.get("PLONE_PYTHON", "python3.11"), "-m", "venv", str(PLONE_VENV)])
    pip = [str(PLONE_VENV / "bin" / "pip"), "install", "--quiet"]
    run([*pip, "--upgrade", "pip"])
    run([*pip, "-c", str(PLONE_HELPERS / "constraints.txt"), "setuptools", "Plone", "waitress"])
    marker.touch()


def make_plone_instance(port):
    zope_conf = PLONE_INSTANCE / "etc" / "zope.conf"
    if not zope_conf.exists():
        run(
            [str(PLONE_VENV / "bin" / "mkwsgiinstance"), "-d", str(PLONE_INSTANCE)]
            + ["-u", "admin:admin"]
        )
        conf = zope_conf.read_text()
        conf = re.sub(
            r"^( *)path \$INSTANCE/var/Data.fs$",
            r"\g<0>\n\1blob-dir $INSTANCE/var/blobstorage",
            conf,
            flags=re.MULTILINE,
        )
        zope_conf.write_text(conf)
    zope_ini = PLONE_INSTANCE / "etc" / "zope.ini"
    ini = re.sub(r"^threads = \d+\n", "", zope_ini.read_text(), flags=re.MULTILINE)
    ini = re.sub(
        r"^port = \d+$", f"port = {port}\nthreads = {SERVER_THREADS}", ini, flags=re.MULTILINE
    )
    zope_ini.write_text(ini)
    return zope_conf, zope_ini


def load_plone(zope_conf, news_json, news):
    marker = PLONE_HOME / f".loaded-{news}"
    if marker.exists():
        return
    print(f"Loading {news} news items into Plone (a few minutes on the first run)")
    environment = dict(os.environ, PLONE_NEWS_JSON=str(news_json), PLONE_SITE_ID=PLONE_SITE)
    started = time.perf_counter()
    run(
        [str(PLONE_VENV / "bin" / "zconsole"), "run", str(zope_conf)]
        + [str(PLONE_HELPERS / "load_news.py")],
        env=environment,
    )
    print(f"Loaded in {time.perf_counter() - started:.0f} s")
    marker.touch()


def start_plone(zope_ini):
    log = (PLONE_HOME / "server.log").open("w")
    return subprocess.Popen(  # noqa: S603
        [str(PLONE_VENV / "bin" / "runwsgi"), str(zope_ini)],
        cwd=PLONE_HOME,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


# Measuring -----------------------------------------------------------------------------------


class Server:
    def __init__(self, label, process, port, headers):
        self.label, self.process, self.port, self.headers = label, process, port, headers
        self.connection = None

    def get(self, path, headers=None):
        """One request over the kept-alive connection; returns (status, body, milliseconds)."""
        if self.connection is None:
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        started = time.perf_counter()
        try:
            self.connection.request("GET", path, headers={**self.headers, **(headers or {})})
            response = self.connection.getresponse()
            body = response.read()
        except (http.client.HTTPException, OSError):
            self.connection.close()
            self.connection = None
            raise
        elapsed = (time.perf_counter() - started) * 1000
        if response.getheader("Connection", "").lower() == "close":
            self.connection.close()
            self.connection = None
        return response.status, body, elapsed

    def wait_until_ready(self, path, seconds=180):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"{self.label} stopped while starting (see its log).")
            try:
                if self.get(path)[0] < 500:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        sys.exit(f"{self.label} did not answer within {seconds} s.")

    def stop(self):
        if self.connection:
            self.connection.close()
        self.process.terminate()
        self.process.wait(timeout=30)


def request_kinds(broad, rare, news):
    """(label, Plone request, intranet request); a request is (path, extra headers)."""
    json_accept = {"Accept": "application/json"}
    last_news = f"korpus-{news - 1}"
    kinds = [
        ("news page", (f"/{PLONE_SITE}/nyheter/{last_news}", {}), (f"/nyheter/{last_news}/", {})),
        ("start page", (f"/{PLONE_SITE}", {}), ("/", {})),
    ]
    for word, kind in ((broad, "broad"), (rare, "rare")):
        quoted = urllib.parse.quote(word)
        kinds.append(
            (
                f"HTML search, {kind} '{word}'",
                (f"/{PLONE_SITE}/@@search?SearchableText={quoted}", {}),
                (f"/sok/?q={quoted}", {}),
            )
        )
        kinds.append(
            (
                f"JSON search, {kind} '{word}'",
                (f"/{PLONE_SITE}/@search?SearchableText={quoted}", json_accept),
                (f"/api/search/?q={quoted}", {}),
            )
        )
    return kinds


def pairs(plone, plone_request, ours, ours_request):
    return [(plone, plone_request)] + [(server, ours_request) for server in ours]


def check_and_count(plone, ours, kinds):
    """Every request answers 200; prints how many hits each side's JSON search reports."""
    for label, plone_request, ours_request in kinds:
        for server, request in pairs(plone, plone_request, ours, ours_request):
            status, body, _ = server.get(*request)
            if status != 200:
                sys.exit(f"{server.label}: {request[0]} answered HTTP {status}")
            if label.startswith("JSON"):
                data = json.loads(body)
                hits = data.get("items_total", data.get("total"))
                print(f"  {label:38} {server.label:16} {hits:>6} hits")


def percentile(sorted_values, share):
    return sorted_values[max(0, round(share * len(sorted_values)) - 1)]


def time_requests(server, request, count):
    timings = sorted(server.get(*request)[2] for _ in range(count))
    return statistics.median(timings), percentile(timings, 0.95)


def measure(plone, ours, kinds, requests, rounds, warm_up):
    """{(kind label, server label): [(p50, p95) per round]}, rounds interleaved across servers."""
    results = {}
    for _label, plone_request, ours_request in kinds:
        for server, request in pairs(plone, plone_request, ours, ours_request):
            for _ in range(warm_up):
                server.get(*request)
    for number in range(1, rounds + 1):
        started = time.perf_counter()
        for label, plone_request, ours_request in kinds:
            for server, request in pairs(plone, plone_request, ours, ours_request):
                results.setdefault((label, server.label), []).append(
                    time_requests(server, request, requests)
                )
        print(f"  round {number} of {rounds}: {time.perf_counter() - started:.0f} s")
    return results


def print_table(plone, ours, kinds, results, memory):
    def cell(label, server):
        rounds = results[(label, server.label)]
        p50 = statistics.median(p for p, _ in rounds)
        p95 = statistics.median(p for _, p in rounds)
        return p50, p95

    columns = [plone.label] + [server.label for server in ours]
    print()
    print(
        f"{'request (p50 / p95 ms; ratio Plone/ours p50)':42}"
        + "".join(f"{c:>26}" for c in columns)
    )
    for label, _, _ in kinds:
        plone_p50, plone_p95 = cell(label, plone)
        row = f"{label:42}{f'{plone_p50:.1f} / {plone_p95:.1f}':>26}"
        for server in ours:
            p50, p95 = cell(label, server)
            row += f"{f'{p50:.1f} / {p95:.1f} ({plone_p50 / p50:.2f}×)':>26}"
        print(row)
    plone_rss = memory[plone.label]
    row = f"{'resident memory (MiB; ratio ours/Plone)':42}{f'{plone_rss:.0f}':>26}"
    for server in ours:
        row += f"{f'{memory[server.label]:.0f} ({memory[server.label] / plone_rss:.2f}×)':>26}"
    print(row)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", type=int, default=10000)
    parser.add_argument("--requests", type=int, default=20, help="per kind, server and round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--warm-up", type=int, default=3)
    parser.add_argument("--broad", default="stadsdelsnämnd", help="a word on thousands of items")
    parser.add_argument("--rare", default="Farsta", help="a word on a few hundred items")
    args = parser.parse_args()
    engine_url = os.environ.get("SEARCH_URL", "")
    CACHE.mkdir(parents=True, exist_ok=True)
    PLONE_HOME.mkdir(parents=True, exist_ok=True)

    news_json = PLONE_HOME / f"news-{args.news}.json"
    export_news(args.news, news_json)
    install_plone()
    plone_port = free_port()
    zope_conf, zope_ini = make_plone_instance(plone_port)
    load_plone(zope_conf, news_json, args.news)
    if engine_url:
        print(f"Rebuilding the engine index (prefix {INDEX_PREFIX})")
        manage(args.news, "rebuild_search_index", engine_url=engine_url)
    ensure_waitress()

    plone = Server(f"Plone {PLONE_VERSION}", start_plone(zope_ini), plone_port, {})
    ours = []
    try:
        backends = [("ours, database", "")] + ([("ours, engine", engine_url)] if engine_url else [])
        for label, url in backends:
            port = free_port()
            ours.append(Server(label, start_intranet(args.news, port, url), port, {}))
        for server in [plone, *ours]:
            server.wait_until_ready("/" if server is not plone else f"/{PLONE_SITE}")
        for server in ours:
            server.headers = {"Cookie": log_in(server.port)}
        kinds = request_kinds(args.broad, args.rare, args.news)
        print(
            f"{args.news} generated news items in both (ours also has the demo site's pages); "
            f"waitress, {SERVER_THREADS} threads each; ours logged in as {STAFF_USER}, "
            "Plone anonymous"
        )
        check_and_count(plone, ours, kinds)
        print(f"CPU cores: {os.cpu_count()}; load average before: {load_average()}")
        results = measure(plone, ours, kinds, args.requests, args.rounds, args.warm_up)
        memory = {server.label: resident_mib(server.process.pid) for server in [plone, *ours]}
        print(f"load average after: {load_average()}")
        print(
            f"{args.requests} sequential requests per kind, server and round; "
            f"medians of {args.rounds} rounds"
        )
        print_table(plone, ours, kinds, results, memory)
    finally:
        for server in [plone, *ours]:
            server.stop()


if __name__ == "__main__":
    main()
