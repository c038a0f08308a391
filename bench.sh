#!/usr/bin/env bash
# Whole-workload benchmarks that do not belong in the test suite.
#
#   ./bench.sh startup [RUNS]   time from `./mvnw spring-boot:run` to the first page served:
#                               one cold start (no data directory, PostgreSQL binaries not
#                               yet unpacked), then RUNS warm starts (default 3)
#   ./bench.sh geo              the address resolver on 10,000 generated addresses, one
#                               thread (JMH); prints a line starting RESULT
#   ./bench.sh import [--orders N]
#                               order import end to end (default 20,000 orders over the four
#                               platforms' files, 1 % resent, 5 % with a later status) with
#                               the heap capped at 512 MB and Farmgate's JVM options, against
#                               a plain COPY of the same lines in the same run; prints a line
#                               starting RESULT, then DETAIL lines (WRONG when a count is off)
#                               (BENCH_JAVA_OPTS adds JVM options, e.g. a JFR recording)
#   ./bench.sh routing --instance FILE [--seconds N] [--seed S]
#                               the route planner on a Solomon or Li & Lim instance (format told
#                               from the content; default 30 s) against jsprit's default
#                               algorithm with the same budget in the same run; prints a line
#                               starting RESULT, then BASELINE, GAP (to best-known.json next to
#                               the instance) and CHECK (feasibility of both plans)
#   ./bench.sh dashboard [--lines N] [--freshness-seconds S] [--chunk C]
#                               the county dashboard on a synthetic city of N order lines
#                               (default 200,000; 10 counties, two years): one dashboard view
#                               through the rollups, by plain GROUP BY over the order tables and
#                               by DuckDB over the same lines, and the freshness of the summary
#                               while 1,000 orders/s arrive (C orders a publication, default 10);
#                               prints CHECK and DETAIL lines, then a line starting RESULT
#
# Results are printed as a Markdown table; docs/benchmarks.md records them.
set -euo pipefail
cd "$(dirname "$0")"

port=${FARMGATE_BENCH_PORT:-8080}
# the JVM options Farmgate runs with (pom.xml's farmgate.jvm-options, decision 0017), for the
# benchmarks that run Farmgate in a JVM of their own; BENCH_JAVA_OPTS comes after them and
# can undo one (e.g. -XX:+G1UseAdaptiveIHOP)
farmgate_jvm_options=$(sed -n 's:.*<farmgate.jvm-options>\(.*\)</farmgate.jvm-options>.*:\1:p' pom.xml)
work=$(mktemp -d)
data=$work/postgres
trap 'rm -rf "$work"' EXIT

now_ms() { date +%s%3N; }

stop_app() {
	pkill -TERM -f 'org.farmgate.FarmgateApplication' 2>/dev/null || true
	pkill -TERM -f 'spring-boot:run' 2>/dev/null || true
	for _ in $(seq 1 100); do
		pgrep -f 'org.farmgate.FarmgateApplication' >/dev/null || break
		sleep 0.2
	done
}

# One start: prints the milliseconds from the command to the first 200 on /login.
one_start() {
	local log=$1 start end
	start=$(now_ms)
	./mvnw -q -B spring-boot:run \
		-Dspring-boot.run.arguments="--server.port=$port --farmgate.embedded-db.directory=$data" >"$log" 2>&1 &
	until curl -sf -o /dev/null "http://127.0.0.1:$port/login"; do
		sleep 0.1
		if [ $(( $(now_ms) - start )) -gt 180000 ]; then echo "no page after 180 s; see $log" >&2; exit 1; fi
	done
	end=$(now_ms)
	echo $(( end - start ))
	stop_app
}

startup() {
	local runs=${1:-3} ms started tmpdir
	./mvnw -q -B -DskipTests compile
	stop_app
	tmpdir=${TMPDIR:-/tmp}
	rm -rf "$data" "$tmpdir/embedded-pg"
	# baseline in the same run: Maven starting and checking the formatting, no application
	local t0 baseline
	t0=$(now_ms)
	./mvnw -q -B validate >/dev/null
	baseline=$(( $(now_ms) - t0 ))
	echo "| start | command → first page (ms) | Spring's 'Started … in' (s) |"
	echo "|---|---|---|"
	echo "| baseline: \`./mvnw -q validate\` (Maven alone) | $baseline | – |"
	ms=$(one_start "$work/cold.log")
	started=$(grep -o 'Started FarmgateApplication in [0-9.]*' "$work/cold.log" | awk '{print $4}')
	echo "| cold (unpack binaries, initdb, migrations, demo data) | $ms | $started |"
	for i in $(seq 1 "$runs"); do
		ms=$(one_start "$work/warm-$i.log")
		started=$(grep -o 'Started FarmgateApplication in [0-9.]*' "$work/warm-$i.log" | awk '{print $4}')
		echo "| warm $i | $ms | $started |"
	done
}

geo() {
	./mvnw -q -B -DskipTests test-compile
	./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
	java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
		org.farmgate.geo.AddressResolverBenchmark
}

import_orders() {
	local orders=20000
	if [ "${1:-}" = "--orders" ]; then orders=${2:?--orders needs a number}; fi
	./mvnw -q -B -DskipTests test-compile
	./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
	java -Xmx512m $farmgate_jvm_options ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
		org.farmgate.orders.OrderImportBenchmark "$orders" | grep '^RESULT\|^DETAIL\|^WRONG'
}

routing() {
	./mvnw -q -B -DskipTests test-compile
	./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
	java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
		org.farmgate.logistics.routing.RoutingBenchmark "$@" | grep '^RESULT\|^BASELINE\|^GAP\|^CHECK'
}

dashboard() {
	./mvnw -q -B -DskipTests test-compile
	./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
	java -Xmx3g $farmgate_jvm_options -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
		org.farmgate.statistics.DashboardBenchmark "$@" | grep '^RESULT\|^CHECK\|^DETAIL\|Exception'
}

case "${1:-}" in
	startup) shift; startup "$@" ;;
	geo) geo ;;
	import) shift; import_orders "$@" ;;
	routing) shift; routing "$@" ;;
	dashboard) shift; dashboard "$@" ;;
	*) sed -n '2,28p' "$0"; exit 2 ;;
esac
