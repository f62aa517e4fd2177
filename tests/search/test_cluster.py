"""On a real three-node OpenSearch cluster: search keeps answering when a node stops, and after
a whole outage the index converges to the database with nothing lost or stale.

`make test` starts the cluster (scripts/search-engine.sh cluster-start) and sets
SEARCH_CLUSTER_URLS; these tests stop and start its nodes themselves.
"""

import datetime
import os
import subprocess
import time
import uuid
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import PageViewRestriction

from search.conf import engine, pages_alias
from search.indexing import rebuild
from search.models import PendingIndexUpdate
from search.reconcile import find_drift
from search.updates import apply_due_updates
from strategy_pages.models import NetworkNewsPage, ProjectShowcasePage

from .conftest import titles

pytestmark = [pytest.mark.search_cluster, pytest.mark.search_engine]
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "search-engine.sh"
LATER = datetime.timedelta(hours=1)


def engine_script(*arguments):
    return subprocess.run(  # noqa: S603 - the project's own script
        [str(SCRIPT), *arguments], check=True, capture_output=True, text=True, timeout=300
    ).stdout.strip()


@pytest.fixture
def cluster(settings):
    urls = os.environ.get("SEARCH_CLUSTER_URLS")
    if not urls:
        pytest.fail("No cluster: run `make test`, or scripts/search-engine.sh cluster-start.")
    settings.STRATEGY_SEARCH_URL = urls
    settings.STRATEGY_SEARCH_BACKEND = "opensearch2"
    settings.STRATEGY_SEARCH_REPLICAS = 1
    settings.STRATEGY_SEARCH_INDEX_PREFIX = f"cluster_{uuid.uuid4().hex[:12]}_"
    settings.TASKS = {
        **settings.TASKS,
        "strategy_search": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": ["search-index"],
        },
    }
    yield engine()
    engine_script("cluster-start", "--keep-data")  # whole again for the next test
    engine().client.indices.delete(index=f"{settings.STRATEGY_SEARCH_INDEX_PREFIX}*")


def wait_for(check, seconds=60):
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "gave up waiting"
        time.sleep(0.5)


def wait_for_health(adapter, status, nodes=None):
    params = {"wait_for_status": status, "timeout": "90s"}
    if nodes:
        params["wait_for_nodes"] = str(nodes)
    return adapter.client.cluster.health(params=params, request_timeout=100)


def node_holding_the_primary(adapter):
    """The cluster node (1-3) that holds the page index's primary shard."""
    [index] = adapter.indexes_behind(pages_alias())
    routing = adapter.client.cluster.state(metric="routing_table", index=index)
    shards = routing["routing_table"]["indices"][index]["shards"]["0"]
    node_id = next(shard["node"] for shard in shards if shard["primary"])
    address = adapter.client.nodes.info(node_id=node_id, metric="http")["nodes"][node_id]
    return int(address["http"]["publish_address"].rsplit(":", 1)[1]) - 9290


def test_search_answers_after_the_node_with_the_primary_stops(cluster, corpus, api):
    rebuild()
    wait_for_health(cluster, "green")
    before = api(q="städer")
    assert before["total"] > 0 and not before["limited"]

    engine_script("cluster-stop-node", str(node_holding_the_primary(cluster)))
    after = api(q="städer")
    assert not after["limited"]
    assert titles(after) == titles(before)
    assert api()["total"] == api()["total"] > 0
    health = wait_for_health(cluster, "yellow", nodes=2)
    assert health["number_of_nodes"] == 2 and health["status"] in ("yellow", "green")


def test_a_whole_outage_loses_no_edit(cluster, corpus, add_showcase, add_news, api):
    kept = add_showcase(title="Projekt som redigeras", summary="Före avbrottet.")
    leaving = add_showcase(title="Projekt som avpubliceras")
    removed = add_news(title="Nyhet som raderas")
    moving = add_showcase(title="Projekt som flyttas")
    rebuild()
    wait_for_health(cluster, "green")

    engine_script("cluster-stop", "--keep-data")
    saved = []

    def edit(label, change):
        change()
        saved.append(label)

    new = ProjectShowcasePage(
        title="Publicerat under avbrottet",
        committee=corpus.committees["sodermalm"],
        live=False,
    )
    edit("publish", lambda: corpus.sections["sodermalm"].add_child(instance=new))
    edit("publish", lambda: new.save_revision().publish())
    kept.title = "Projekt som redigerats under avbrottet"
    edit("edit", lambda: kept.save_revision().publish())
    edit("unpublish", lambda: ProjectShowcasePage.objects.get(pk=leaving.pk).unpublish())
    edit("delete", lambda: NetworkNewsPage.objects.get(pk=removed.pk).delete())
    restriction = PageViewRestriction.objects.create(
        page=corpus.sections["sodermalm"], restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Samordnare"))
    edit("move", lambda: moving.move(corpus.sections["sodermalm"], pos="last-child"))
    committee = corpus.committees["hagersten-liljeholmen"]
    committee.name = "Hägersten-Älvsjö stadsdelsnämnd"
    edit("snippet", committee.save)
    assert saved == ["publish", "publish", "edit", "unpublish", "delete", "move", "snippet"]

    degraded = api(q="projekt")
    assert degraded["limited"] is True
    assert "Projekt som flyttas" not in titles(degraded)  # restricted now, even from the database
    assert apply_due_updates().failed > 0
    waiting = PendingIndexUpdate.objects.count()
    assert waiting >= 6 and not PendingIndexUpdate.objects.filter(attempts=0).exists()

    engine_script("cluster-start", "--keep-data")
    wait_for_health(cluster, "yellow")
    report = apply_due_updates(now=timezone.now() + LATER)
    assert (report.applied, report.remaining) == (waiting, 0)
    cluster.refresh(pages_alias())

    assert not find_drift()  # no missing, stale or orphaned document
    wait_for(lambda: not api(q="projekt")["limited"], seconds=15)
    found = titles(api(q="projekt"))
    assert "Publicerat under avbrottet" not in found  # under the restricted section
    assert "Projekt som redigerats under avbrottet" in found
    assert "Projekt som avpubliceras" not in found and "Projekt som flyttas" not in found
    assert "Nyhet som raderas" not in titles(api(q="Nyhet som raderas"))
    renamed = api(committee="hagersten-liljeholmen", type="projectshowcase")["results"]
    assert {r["committee"]["name"] for r in renamed} == {"Hägersten-Älvsjö stadsdelsnämnd"}
