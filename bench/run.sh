#!/usr/bin/env bash
# Flotilla benchmark: throughput and latency of the math service computing (no HTTP cache), direct,
# behind nginx as a reverse proxy and through the gateway (past its edge cache and from it), against
# anchors in the same run: nginx's fixed body (the ceiling), nginx proxying to math, and a Flask app
# under gunicorn with 3 workers (bench/flask/app.py); start-to-ready time; resident memory; big computations end to end;
# the inventory portal page cold and warm with 2 and 100 rows, and its throughput; the menu relay's
# cached answer direct and through the gateway against nginx serving the same body, and how often
# the relay called the upstream under load; the microblog's tweet writes per second, timeline and
# search throughput with 100,000 tweets indexed, and the time from a write to its being searchable;
# and how unrelated requests fare while one client floods logins and big factorials (isolation).
#
# Usage: bench/run.sh [-h|--help]
#
# Environment:
#   BENCH_SYSTEM=launcher|cluster|jars
#                               launcher (default): java -jar launcher/target/flotilla-launcher.jar,
#                                     as ./flotilla up
#                               cluster: a JVM per service on this machine's PostgreSQL, MariaDB
#                                     and Redis, as ./flotilla cluster, in databases of the run's
#                                     own (flotilla_bench_*, dropped first; needs psql and mysql)
#                               jars: services/math/target/flotilla-math-exec.jar and
#                                     gateway/target/flotilla-gateway-exec.jar as two JVMs
#   BENCH_LAUNCHER_JAR          another launcher jar (with its lib/ and services/ beside it), to
#                               compare two builds
#   BENCH_MATH_JAR, BENCH_GATEWAY_JAR  other jars for BENCH_SYSTEM=jars (to compare two builds)
#   BENCH_PORT_OFFSET=0         BENCH_SYSTEM=jars: add this to every port (8080 -> 8080+offset)
#   BENCH_DURATION=15           seconds of each measured wrk run
#   BENCH_CONNECTIONS=20        wrk connections (-c), warm-up and measurement
#   BENCH_WARMUP=60             seconds of wrk warm-up per target before measuring, at least
#   BENCH_WARMUP_MAX=300        at most: warm-up goes on in 10 s rounds until two rounds agree
#                               within 5 % (the JIT has finished), up to this many seconds
#   BENCH_START_TIMEOUT=180     seconds to wait for both /ping endpoints
#   BENCH_BUILD=0               1: run the Maven build even if the jars exist
#   BENCH_JAVA_OPTS=            extra JVM options for the services, e.g. "-Xmx512m"
#   BENCH_KEEP=0                1: keep the temp dir (logs, wrk output) after a successful run
#   BENCH_PARTS=math,inventory,menu,microblog,isolation  which parts to run (launcher, cluster);
#                               math also measures the big computations
#   BENCH_TWEETS=100000         microblog: tweets in the system (and the search index) before the
#                               timeline and search are measured
#   BENCH_MIX_USERS=50          microblog: users of the mix (bench/lua/mix.lua), each with a token
#   BENCH_GROWTH_TWEETS=1000000 growth (opt-in, BENCH_PARTS=growth alone): the large size, compared
#                               with 10,000 tweets
#   JAVA_HOME                   JDK to use if it is >= 21; otherwise the newest under /usr/lib/jvm
#
# Needs ports 8080, 8081, 8090-8092 free (and 8082, 8086, 8087, 8089 for the launcher's other
# services). Installs wrk, nginx, gunicorn and python3-flask from Debian if missing.
# Informational: exits 0 whether or not the throughput goals are met.
set -euo pipefail
export LC_ALL=C

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

BENCH_SYSTEM=${BENCH_SYSTEM:-launcher}
BENCH_DURATION=${BENCH_DURATION:-15}
BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-20}
BENCH_WARMUP=${BENCH_WARMUP:-60}
BENCH_WARMUP_MAX=${BENCH_WARMUP_MAX:-300}
BENCH_START_TIMEOUT=${BENCH_START_TIMEOUT:-180}
BENCH_BUILD=${BENCH_BUILD:-0}
BENCH_KEEP=${BENCH_KEEP:-0}
BENCH_PARTS=${BENCH_PARTS:-math,inventory,menu,microblog,isolation}
BENCH_TWEETS=${BENCH_TWEETS:-100000}
BENCH_MIX_USERS=${BENCH_MIX_USERS:-50}
BENCH_GROWTH_TWEETS=${BENCH_GROWTH_TWEETS:-1000000}
read -r -a JAVA_OPTS <<<"${BENCH_JAVA_OPTS:-}"

BENCH_PORT_OFFSET=${BENCH_PORT_OFFSET:-0}
GATEWAY_PORT=$((8080 + BENCH_PORT_OFFSET))
MATH_PORT=$((8081 + BENCH_PORT_OFFSET))
NGINX_PORT=$((8090 + BENCH_PORT_OFFSET))
NGINX_PROXY_PORT=$((8091 + BENCH_PORT_OFFSET))
FLASK_PORT=$((8092 + BENCH_PORT_OFFSET))
GATEWAY=http://127.0.0.1:$GATEWAY_PORT
MATH=http://127.0.0.1:$MATH_PORT
NGINX=http://127.0.0.1:$NGINX_PORT
NGINX_PROXY=http://127.0.0.1:$NGINX_PROXY_PORT
FLASK=http://127.0.0.1:$FLASK_PORT
# What the math service answers for /factorial?n=20; nginx returns it verbatim as the ceiling.
EXPECTED_BODY='{"algo":"factorial","result":2432902008176640000,"status":"success"}'
READY_LINE='Flotilla is ready'

LAUNCHER_JAR=${BENCH_LAUNCHER_JAR:-$ROOT/launcher/target/flotilla-launcher.jar}
MATH_JAR=${BENCH_MATH_JAR:-$ROOT/services/math/target/flotilla-math-exec.jar}
GATEWAY_JAR=${BENCH_GATEWAY_JAR:-$ROOT/gateway/target/flotilla-gateway-exec.jar}

WORK_DIR=""
NGINX_PID=""
FLASK_PID=""
JVM_PIDS=()
JVM_NAMES=()
JVM_LOGS=()

# ---------------------------------------------------------------------------------------------
# Helpers

log() { printf '==> %s\n' "$*"; }
warn() { printf 'bench: warning: %s\n' "$*" >&2; }
fail() {
  printf 'bench: error: %s\n' "$*" >&2
  exit 1
}

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; }

positive_int() { [[ $2 =~ ^[1-9][0-9]*$ ]] || fail "$1 must be a positive integer, got '$2'"; }

now_ms() {
  if [[ -n ${EPOCHREALTIME:-} ]]; then
    local t=${EPOCHREALTIME//[!0-9]/}
    echo $((10#$t / 1000))
  else
    date +%s%3N
  fi
}

# HTTP status of a GET, 000 if there is no answer.
http_code() { curl -s -o /dev/null --max-time 2 -w '%{http_code}' "$1" || true; }

alive() {
  local state
  kill -0 "$1" 2>/dev/null || return 1
  state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null || echo X)
  [[ $state != Z && $state != X ]]
}

# Prints the last lines of a log and fails, naming the kept temp dir.
fail_with_log() {
  local message=$1 file=$2
  printf 'bench: error: %s\n--- last lines of %s ---\n' "$message" "$file" >&2
  tail -n 40 "$file" >&2 || true
  printf -- '---\n' >&2
  exit 1
}

port_owner() {
  if command -v ss >/dev/null 2>&1; then
    ss -Hltnp "sport = :$1" 2>/dev/null || true
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && echo "something answers on 127.0.0.1:$1"
    true
  fi
}

part() { [[ ",$BENCH_PARTS," == *",$1,"* ]]; }

ms_to_s() { awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1000 }'; }
kib_to_mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
at_least() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 >= b + 0) }'; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# ---------------------------------------------------------------------------------------------
# Cleanup: stop everything this script started, by pid; keep the logs if something went wrong.

stop_pid() {
  local pid=$1 i
  alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 600; i++)); do
    alive "$pid" || return 0
    sleep 0.05
  done
  warn "pid $pid did not stop within 30 s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$? i
  trap - EXIT INT TERM
  for ((i = ${#JVM_PIDS[@]} - 1; i >= 0; i--)); do
    stop_pid "${JVM_PIDS[i]}"
  done
  if [[ -n $NGINX_PID ]]; then
    stop_pid "$NGINX_PID"
  fi
  if [[ -n $FLASK_PID ]]; then
    stop_pid "$FLASK_PID"
  fi
  if [[ -n $WORK_DIR ]]; then
    if ((rc != 0)); then
      printf 'bench: failed (exit %d); logs kept in %s\n' "$rc" "$WORK_DIR" >&2
    elif [[ $BENCH_KEEP == 1 ]]; then
      log "logs kept in $WORK_DIR"
    else
      rm -rf "$WORK_DIR"
    fi
  fi
  exit "$rc"
}

# ---------------------------------------------------------------------------------------------
# Tools and JDK

ensure_tools() {
  local missing=() sudo=()
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  command -v gunicorn >/dev/null 2>&1 || missing+=(gunicorn)
  # Flask must be importable by the Python that gunicorn runs on, not just the first on PATH:
  # Debian's, when gunicorn is still to be installed from Debian.
  local python=/usr/bin/python3
  command -v gunicorn >/dev/null 2>&1 && python=$(sed -n '1s/^#! *//p' "$(command -v gunicorn)")
  ${python:-python3} -c 'import flask' >/dev/null 2>&1 || missing+=(python3-flask)
  ((${#missing[@]} == 0)) && return 0
  if ((EUID != 0)); then
    command -v sudo >/dev/null 2>&1 || fail "missing ${missing[*]} and not root (no sudo to install them)"
    sudo=(sudo)
  fi
  log "installing ${missing[*]} from Debian"
  if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"; then
    "${sudo[@]}" apt-get update
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" ||
      fail "could not install ${missing[*]}"
  fi
}

java_major() {
  local v
  v=$("$1" -version 2>&1 | awk -F'"' '/version/ { print $2; exit }') || true
  v=${v#1.}
  v=${v%%[.+-]*}
  [[ $v =~ ^[0-9]+$ ]] && echo "$v" || echo 0
}

# Sets JDK_HOME: $JAVA_HOME if it is a JDK >= 21, else the newest JDK >= 21 under /usr/lib/jvm.
find_jdk() {
  local dir major best="" best_major=0
  if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java && -x $JAVA_HOME/bin/javac ]]; then
    major=$(java_major "$JAVA_HOME/bin/java")
    if ((major >= 21)); then
      JDK_HOME=$JAVA_HOME
      return
    fi
  fi
  for dir in /usr/lib/jvm/*/; do
    dir=${dir%/}
    [[ -x $dir/bin/java && -x $dir/bin/javac ]] || continue
    major=$(java_major "$dir/bin/java")
    if ((major >= 21 && major > best_major)); then
      best=$dir
      best_major=$major
    fi
  done
  [[ -n $best ]] || fail "no JDK >= 21 found (set JAVA_HOME or install one under /usr/lib/jvm)"
  JDK_HOME=$best
}

build() {
  log "building: JAVA_HOME=$JDK_HOME ./mvnw -B -q -DskipTests package"
  (cd "$ROOT" && JAVA_HOME=$JDK_HOME ./mvnw -B -q -DskipTests package) ||
    fail "the Maven build failed"
}

ensure_jars() {
  local jars=()
  case $BENCH_SYSTEM in
    launcher | cluster) jars=("$LAUNCHER_JAR") ;;
    jars) jars=("$MATH_JAR" "$GATEWAY_JAR") ;;
  esac
  local jar need=$BENCH_BUILD
  for jar in "${jars[@]}"; do
    [[ -f $jar ]] || need=1
  done
  [[ $need == 1 ]] && build
  for jar in "${jars[@]}"; do
    [[ -f $jar ]] && continue
    if [[ $BENCH_SYSTEM != jars ]]; then
      fail "$jar is missing after the build (no launcher module in this checkout?); BENCH_SYSTEM=jars runs the two service jars instead"
    fi
    fail "$jar is missing after the build"
  done
}

# ---------------------------------------------------------------------------------------------
# nginx: a private instance, the local ceiling

start_nginx() {
  local dir=$WORK_DIR/nginx bin user_line=""
  bin=$(command -v nginx || echo /usr/sbin/nginx)
  mkdir -p "$dir"
  if ((EUID == 0)); then
    if id www-data >/dev/null 2>&1; then user_line="user www-data;"; else user_line="user nobody nogroup;"; fi
  fi
  cat >"$dir/nginx.conf" <<EOF
# Private nginx of bench/run.sh: a static copy of the math service's answer for n=20.
$user_line
worker_processes auto;
daemon off;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $dir/client_body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
  # The hop a user would otherwise deploy in front of math: a reverse proxy keeping its
  # connections to the service open.
  upstream math {
    server 127.0.0.1:$MATH_PORT;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$NGINX_PROXY_PORT;
    location / {
      proxy_pass http://math;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location = /factorial {
      default_type application/json;
      return 200 '$EXPECTED_BODY';
    }
    # The relay's answer for /restaurant/dufva, written here once the system is up.
    location /restaurant/ {
      root $dir/static;
      default_type application/json;
    }
  }
}
EOF
  "$bin" -t -q -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" 2>"$dir/test.log" ||
    fail_with_log "nginx rejected its config $dir/nginx.conf" "$dir/test.log"
  "$bin" -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" >"$dir/stdout.log" 2>&1 &
  NGINX_PID=$!
  await_ok nginx "$NGINX/factorial" "$NGINX_PID" "$dir/error.log"
}

# Waits (10 s at most) until a GET of the url answers 200, failing if the process exits first.
await_ok() {
  local name=$1 url=$2 pid=$3 logfile=$4 i
  for ((i = 0; i < 200; i++)); do
    [[ $(http_code "$url") == 200 ]] && return 0
    alive "$pid" || fail_with_log "$name exited at start" "$logfile"
    sleep 0.05
  done
  fail_with_log "$name does not answer on $url" "$logfile"
}

# The Flask anchor: the math API as it was before Flotilla, on gunicorn with 3 sync workers.
start_flask() {
  gunicorn --workers 3 --bind "127.0.0.1:$FLASK_PORT" --chdir "$ROOT/bench/flask" app:app \
    >"$WORK_DIR/gunicorn.log" 2>&1 &
  FLASK_PID=$!
  await_ok gunicorn "$FLASK/factorial?n=20" "$FLASK_PID" "$WORK_DIR/gunicorn.log"
}

# ---------------------------------------------------------------------------------------------
# The system under test

start_jvm() {
  local name=$1
  shift
  start_process "$name" "$JDK_HOME/bin/java" "$@"
}

start_process() {
  local name=$1 logfile=$WORK_DIR/$1.log
  shift
  "$@" >"$logfile" 2>&1 &
  JVM_PIDS+=("$!")
  JVM_NAMES+=("$name")
  JVM_LOGS+=("$logfile")
}

CLUSTER_DB_PREFIX=flotilla_bench_

# The cluster's databases from an earlier run would hold its tweets and accounts: drop them.
fresh_cluster_databases() {
  command -v psql >/dev/null && command -v mysql >/dev/null ||
    fail "BENCH_SYSTEM=cluster needs psql and mysql to start from empty databases"
  local db
  for db in users tweets; do
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $CLUSTER_DB_PREFIX$db WITH (FORCE)" ||
      fail "could not drop $CLUSTER_DB_PREFIX$db on PostgreSQL at 127.0.0.1:5432"
  done
  mysql -h 127.0.0.1 -u root -e "DROP DATABASE IF EXISTS ${CLUSTER_DB_PREFIX}hardware" ||
    fail "could not drop ${CLUSTER_DB_PREFIX}hardware on MariaDB at 127.0.0.1:3306"
}

# Starts the system, waits until both /ping answer 200; sets START_MS and READY_MS.
start_system() {
  local launcher_ready_ms="" math_ok=0 gateway_ok=0 i now deadline
  START_MS=$(now_ms)
  case $BENCH_SYSTEM in
    launcher | cluster)
      # As a user starts it: the checkout's ./flotilla up or cluster (its JVM options and caches,
      # a build of what changed), which execs the JVM; a launcher jar from elsewhere without that
      # script, with java -jar (launcher mode only).
      local checkout command=up settings=(JAVA_HOME="$JDK_HOME" FLOTILLA_JAVA_OPTS="${JAVA_OPTS[*]}")
      checkout=$(cd "$(dirname "$LAUNCHER_JAR")/../.." && pwd)
      if [[ $BENCH_SYSTEM == cluster ]]; then
        [[ -x $checkout/flotilla ]] || fail "BENCH_SYSTEM=cluster runs ./flotilla cluster, not in $checkout"
        fresh_cluster_databases
        command=cluster
        # The second menu would take 8092, Flask's port here.
        settings+=(MENU_2_PORT=8098 FLOTILLA_DATABASE_PREFIX="$CLUSTER_DB_PREFIX")
      fi
      if [[ -x $checkout/flotilla ]]; then
        start_process "$BENCH_SYSTEM" env "${settings[@]}" "$checkout/flotilla" "$command"
        # The script builds first when a source is newer than its last build: the start is timed
        # from its last line before the JVM.
        until grep -qs '^Starting Flotilla' "${JVM_LOGS[0]}"; do
          alive "${JVM_PIDS[0]}" || fail_with_log "./flotilla $command ended before it started the JVM" "${JVM_LOGS[0]}"
          sleep 0.05
        done
        START_MS=$(now_ms)
      else
        start_jvm launcher "${JAVA_OPTS[@]}" -jar "$LAUNCHER_JAR"
      fi
      ;;
    jars)
      MATH_PORT=$MATH_PORT start_jvm math "${JAVA_OPTS[@]}" -jar "$MATH_JAR"
      GATEWAY_PORT=$GATEWAY_PORT MATH_URL=$MATH start_jvm gateway "${JAVA_OPTS[@]}" -jar "$GATEWAY_JAR"
      ;;
  esac
  deadline=$((START_MS + BENCH_START_TIMEOUT * 1000))
  while :; do
    for ((i = 0; i < ${#JVM_PIDS[@]}; i++)); do
      alive "${JVM_PIDS[i]}" || fail_with_log "${JVM_NAMES[i]} exited before it was ready" "${JVM_LOGS[i]}"
    done
    if ((!math_ok)) && [[ $(http_code "$MATH/ping") == 200 ]]; then math_ok=1; fi
    if ((!gateway_ok)) && [[ $(http_code "$GATEWAY/ping") == 200 ]]; then gateway_ok=1; fi
    now=$(now_ms)
    if [[ $BENCH_SYSTEM != jars && -z $launcher_ready_ms ]] &&
      grep -q "$READY_LINE" "${JVM_LOGS[0]}"; then
      launcher_ready_ms=$now
    fi
    # The cluster's gateway and math answer before its other services are ready: wait for its line.
    if ((math_ok && gateway_ok)) && [[ $BENCH_SYSTEM != cluster || -n $launcher_ready_ms ]]; then
      READY_MS=$now
      break
    fi
    ((now < deadline)) ||
      fail_with_log "not ready after ${BENCH_START_TIMEOUT} s (math /ping ok=$math_ok, gateway /ping ok=$gateway_ok)" "${JVM_LOGS[-1]}"
    sleep 0.05
  done
  if [[ $BENCH_SYSTEM != jars ]]; then
    if [[ -z $launcher_ready_ms ]] && grep -q "$READY_LINE" "${JVM_LOGS[0]}"; then launcher_ready_ms=$(now_ms); fi
    if [[ -n $launcher_ready_ms ]]; then
      LAUNCHER_NOTE="launcher printed '$READY_LINE' after $(ms_to_s $((launcher_ready_ms - START_MS))) s"
    else
      LAUNCHER_NOTE="launcher has not printed '$READY_LINE' although both /ping answer"
      warn "$LAUNCHER_NOTE"
    fi
  fi
}

# Every pid started plus its descendants.
all_pids() {
  local queue=("${JVM_PIDS[@]}") pid child
  while ((${#queue[@]} > 0)); do
    pid=${queue[0]}
    queue=("${queue[@]:1}")
    alive "$pid" || continue
    echo "$pid"
    if command -v pgrep >/dev/null 2>&1; then
      for child in $(pgrep -P "$pid" || true); do queue+=("$child"); done
    fi
  done
}

rss_kib() { awk '/^VmRSS:/ { print $2; found = 1 } END { if (!found) print 0 }' "/proc/$1/status" 2>/dev/null || echo 0; }

# Sets RSS_TOTAL_MIB and RSS_DETAIL ("math 250 + gateway 300" in jars mode).
measure_rss() {
  local pid total=0 kib i parts=()
  for pid in $(all_pids); do
    kib=$(rss_kib "$pid")
    total=$((total + kib))
  done
  for ((i = 0; i < ${#JVM_PIDS[@]}; i++)); do
    parts+=("${JVM_NAMES[i]} $(kib_to_mib "$(rss_kib "${JVM_PIDS[i]}")")")
  done
  RSS_TOTAL_MIB=$(kib_to_mib "$total")
  RSS_DETAIL=$(
    IFS=+
    echo "${parts[*]}"
  )
  RSS_DETAIL=${RSS_DETAIL//+/ + }
}

# ---------------------------------------------------------------------------------------------
# Load

# "rps p50_ms p99_ms errors" from a wrk --latency output file.
parse_wrk() {
  awk '
    function ms(v,   n, u) {
      n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
      if (u == "us") return n / 1000
      if (u == "ms") return n
      if (u == "s") return n * 1000
      if (u == "m") return n * 60000
      if (u == "h") return n * 3600000
      return -1
    }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /^Requests\/sec:/ { rps = $2 }
    /Non-2xx or 3xx responses:/ { errors += $NF }
    /Socket errors:/ {
      for (i = 3; i <= NF; i++) { x = $i; gsub(/,/, "", x); if (x ~ /^[0-9]+$/) errors += x }
    }
    END {
      if (rps == "" || p50 == "" || p99 == "") exit 1
      printf "%.0f %.3f %.3f %d\n", rps, p50, p99, errors
    }
  ' "$1"
}

MENU=http://127.0.0.1:8082
LUNCH=http://127.0.0.1:8089
declare -A URL=(
  [nginx]="$NGINX/factorial?n=20"
  [math]="$MATH/factorial?n=20"
  [nginx_proxy]="$NGINX_PROXY/factorial?n=20"
  [flask]="$FLASK/factorial?n=20"
  [gateway]="$GATEWAY/factorial?n=20"
  [nginx_menu]="$NGINX/restaurant/dufva"
  [menu]="$MENU/restaurant/dufva"
  [gateway_menu]="$GATEWAY/restaurant/dufva"
  [gateway_proxy]="$GATEWAY/factorial?n=20"
  [gateway_menu_proxy]="$GATEWAY/restaurant/dufva"
)
# Past every HTTP cache: the service computes (from its result cache for a repeated n), which is
# what a client with a new question gets.
declare -A HEADER=(
  [math]="Cache-Control: no-cache"
  [nginx_proxy]="Cache-Control: no-cache"
  [gateway_proxy]="Cache-Control: no-cache"
  [gateway_menu_proxy]="Cache-Control: no-cache"
)
declare -A LABEL=(
  [nginx]="nginx, static body (ceiling)"
  [math]="math direct, no-cache (computes)"
  [nginx_proxy]="nginx proxy -> math, no-cache"
  [flask]="Flask, gunicorn 3 workers"
  [gateway]="gateway -> math, edge cache"
  [gateway_proxy]="gateway -> math, no-cache"
  [nginx_menu]="nginx, static menu body (ceiling)"
  [menu]="menu relay direct (:8082), cached"
  [gateway_menu]="gateway -> menu relay, cached"
  [gateway_menu_proxy]="gateway -> relay, no-cache (proxied)"
)
declare -A GOAL=([math]=0.35 [gateway]=0.35 [menu]=0.5 [gateway_menu]=0.35)
# Goals against another anchor than nginx's fixed body: target=anchor:ratio.
PAIR_GOALS=("math=flask:10" "gateway_proxy=nginx_proxy:0.6")
declare -A RPS P50 P99 ERRORS RATIO VERDICT
MATH_TARGETS=(nginx math nginx_proxy flask gateway gateway_proxy)
MENU_TARGETS=(nginx_menu menu gateway_menu gateway_menu_proxy)

check_bodies() {
  local target body
  for target in "${MATH_TARGETS[@]}"; do
    body=$(curl -sS --max-time 10 "${URL[$target]}" | tr -d '\n') || fail "GET ${URL[$target]} failed"
    [[ $body == "$EXPECTED_BODY" ]] ||
      warn "$target answers '$body' for n=20, not the nginx body '$EXPECTED_BODY'"
  done
}

# Loads one target for BENCH_WARMUP seconds, then in 10 s rounds until two rounds in a row agree
# within 5 % or BENCH_WARMUP_MAX has passed: the gateway's C2 compilation alone can take minutes on
# a busy 2-core machine, and a fixed minute measured it half-compiled.
warm_up() { # target wrk-args...
  local target=$1 previous=0 rps elapsed out
  shift
  out=$WORK_DIR/warmup-$target.txt
  log "warm-up: wrk -t$THREADS -c$BENCH_CONNECTIONS -d${BENCH_WARMUP}s $*, then until steady"
  wrk -t"$THREADS" -c"$BENCH_CONNECTIONS" -d"${BENCH_WARMUP}s" "$@" >"$out" 2>&1 ||
    fail "wrk warm-up against $target failed, see $out"
  elapsed=$BENCH_WARMUP
  while ((elapsed < BENCH_WARMUP_MAX)); do
    wrk -t"$THREADS" -c"$BENCH_CONNECTIONS" -d10s "$@" >"$out" 2>&1 ||
      fail "wrk warm-up against $target failed, see $out"
    rps=$(awk '/^Requests\/sec:/ { print int($2) }' "$out")
    elapsed=$((elapsed + 10))
    if ((previous > 0 && rps * 100 >= previous * 95 && rps * 100 <= previous * 105)); then
      log "  $target steady at $rps req/s after ${elapsed} s"
      return
    fi
    previous=$rps
  done
  warn "$target still changing after ${BENCH_WARMUP_MAX} s of warm-up (last round $rps req/s)"
}

# Warms up and measures the given targets; the first is the ceiling the others are compared with.
run_load() {
  local target out values header targets=("$@")
  for target in "${targets[@]}"; do
    header=()
    [[ -z ${HEADER[$target]:-} ]] || header=(-H "${HEADER[$target]}")
    warm_up "$target" "${header[@]}" "${URL[$target]}"
  done
  for target in "${targets[@]}"; do
    out=$WORK_DIR/wrk-$target.txt
    header=()
    [[ -z ${HEADER[$target]:-} ]] || header=(-H "${HEADER[$target]}")
    log "measure: wrk -t$THREADS -c$BENCH_CONNECTIONS -d${BENCH_DURATION}s --latency ${header[*]} ${URL[$target]} (load $(loadavg))"
    wrk -t"$THREADS" -c"$BENCH_CONNECTIONS" -d"${BENCH_DURATION}s" --latency "${header[@]}" "${URL[$target]}" \
      >"$out" 2>&1 || fail "wrk against $target failed, see $out"
    values=$(parse_wrk "$out") || fail "could not parse the wrk output $out"
    read -r "RPS[$target]" "P50[$target]" "P99[$target]" "ERRORS[$target]" <<<"$values"
    ((ERRORS[$target] == 0)) || warn "$target: ${ERRORS[$target]} non-2xx answers or socket errors (see $out)"
  done
  for target in "${targets[@]}"; do
    RATIO[$target]=$(ratio "${RPS[$target]}" "${RPS[${targets[0]}]}")
    if [[ -n ${GOAL[$target]:-} ]]; then
      if at_least "${RATIO[$target]}" "${GOAL[$target]}"; then VERDICT[$target]=PASS; else VERDICT[$target]=BELOW; fi
    fi
  done
}

print_load_table() {
  local target targets=("$@")
  echo
  printf '%-34s %10s %9s %9s %9s %7s\n' target req/s "p50 ms" "p99 ms" "x nginx" errors
  for target in "${targets[@]}"; do
    printf '%-34s %10s %9.2f %9.2f %9s %7s\n' "${LABEL[$target]}" "${RPS[$target]}" \
      "${P50[$target]}" "${P99[$target]}" "${RATIO[$target]}" "${ERRORS[$target]}"
  done
  echo
  echo "Goals (informational):"
  for target in "${targets[@]:1}"; do
    [[ -n ${GOAL[$target]:-} ]] || continue
    printf '  %-34s >= %.2f x nginx: %s x  %s\n' "${LABEL[$target]}" "${GOAL[$target]}" \
      "${RATIO[$target]}" "${VERDICT[$target]}"
  done
  pair_goals | sed 's/^/  /'
  echo
}

# "label >= goal x anchor: ratio x  PASS|BELOW" for each PAIR_GOALS entry that was measured.
pair_goals() {
  local pair target anchor goal r verdict
  for pair in "${PAIR_GOALS[@]}"; do
    target=${pair%%=*}
    anchor=${pair#*=}
    goal=${anchor#*:}
    anchor=${anchor%%:*}
    [[ -n ${RPS[$target]:-} && -n ${RPS[$anchor]:-} ]] || continue
    r=$(ratio "${RPS[$target]}" "${RPS[$anchor]}")
    if at_least "$r" "$goal"; then verdict=PASS; else verdict=BELOW; fi
    printf '%-34s >= %s x %s: %s x  %s\n' "${LABEL[$target]}" "$goal" "${LABEL[$anchor]}" "$r" "$verdict"
  done
}

# ---------------------------------------------------------------------------------------------
# Big computations through the gateway: the first request after start is cold (the service
# caches results), the second is cached.

declare -A BIG
big_request() {
  local key=$1 path=$2 out code seconds
  out=$(curl -sS -o /dev/null --max-time 600 -w '%{http_code} %{time_total}' "$GATEWAY$path") ||
    fail "GET $GATEWAY$path failed"
  code=${out%% *}
  seconds=$(awk -v s="${out#* }" 'BEGIN { printf "%.3f", s }')
  if [[ $code == 200 ]]; then
    BIG[$key]="$seconds s"
  else
    BIG[$key]="HTTP $code after $seconds s"
    warn "GET $path answered HTTP $code"
  fi
  printf '  %-28s %-7s %s\n' "$path" "$3" "${BIG[$key]}"
}

run_big() {
  log "big computations through the gateway (curl, no compression)"
  big_request fib_cold "/fibonacci?n=1000000" cold
  big_request fib_cached "/fibonacci?n=1000000" cached
  big_request fact_cold "/factorial?n=100000" cold
  big_request fact_cached "/factorial?n=100000" cached
  echo
}

# ---------------------------------------------------------------------------------------------
# Inventory (launcher mode): the portal page through the gateway, cold (hardware checks every
# row's availability, 5 s) and warm (cached), with the seed's 2 rows and with 100; then the warm
# page's throughput. Hardware is private; the script adds rows on its own port, as an operator would,
# with a service token from the command line (`flotilla token hardware`, the run's secret).

HARDWARE=http://127.0.0.1:8086
PORTAL_PAGE=$GATEWAY/portal/
declare -A PAGE

page_time() { # label -> seconds for one GET of the portal page through the gateway
  local code time
  read -r code time < <(curl -s -o /dev/null --max-time 60 -w '%{http_code} %{time_total}\n' "$PORTAL_PAGE")
  [[ $code == 200 ]] || fail "GET $PORTAL_PAGE answered $code"
  PAGE[$1]="$(printf '%.3f' "$time") s"
  printf '  %-28s %s\n' "$1" "${PAGE[$1]}"
}

add_rows() { # count
  local i code token cli=$ROOT/cli/target/flotilla-cli.jar
  [[ -f $cli ]] || fail "$cli is missing: the build makes it (module cli)"
  token=$("$JDK_HOME/bin/java" -jar "$cli" token hardware) || fail "flotilla token hardware failed"
  for ((i = 1; i <= $1; i++)); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$HARDWARE/hardware/" \
      -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' -d "{\"provider\":\"Bench\",\"name\":\"node-$i\"}")
    [[ $code == 201 ]] || fail "adding hardware row $i answered $code"
  done
}

run_inventory() {
  if [[ $BENCH_SYSTEM == jars ]]; then
    log "inventory: skipped (BENCH_SYSTEM=jars starts math and gateway only)"
    return
  fi
  log "inventory: portal page through the gateway ($PORTAL_PAGE)"
  page_time "2 rows, cold"
  page_time "2 rows, warm"
  add_rows 98
  page_time "100 rows, cold"
  page_time "100 rows, warm"
  local out=$WORK_DIR/wrk-portal.txt values
  warm_up portal "$PORTAL_PAGE"
  log "measure: wrk -t$THREADS -c$BENCH_CONNECTIONS -d${BENCH_DURATION}s --latency $PORTAL_PAGE"
  wrk -t"$THREADS" -c"$BENCH_CONNECTIONS" -d"${BENCH_DURATION}s" --latency "$PORTAL_PAGE" >"$out" 2>&1 ||
    fail "wrk against the portal failed, see $out"
  values=$(parse_wrk "$out") || fail "could not parse the wrk output $out"
  read -r PORTAL_RPS PORTAL_P50 PORTAL_P99 PORTAL_ERRORS <<<"$values"
  printf '  %-28s %s req/s, p50 %.2f ms, p99 %.2f ms, %s errors\n' "warm page, 100 rows" \
    "$PORTAL_RPS" "$PORTAL_P50" "$PORTAL_P99" "$PORTAL_ERRORS"
  echo
}

# ---------------------------------------------------------------------------------------------
# Menu (launcher mode): the relay's cached GET /restaurant/dufva direct and through the gateway,
# against nginx serving the very same body; then how many times the relay called the sample
# upstream while wrk -c100 hammered one path for 30 s (one call per path per TTL is the goal).

lunch_calls() { # lunch.requests summed over outcomes, as the sample upstream counts them
  curl -sS --max-time 10 "http://127.0.0.1:9089/actuator/prometheus" |
    awk '/^lunch_requests_total\{/ { sum += $NF } END { printf "%d\n", sum }'
}

run_menu() {
  if [[ $BENCH_SYSTEM == jars ]]; then
    log "menu: skipped (BENCH_SYSTEM=jars starts math and gateway only)"
    return
  fi
  local static=$WORK_DIR/nginx/static/restaurant before out
  mkdir -p "$static"
  curl -sS --fail --max-time 30 -o "$static/dufva" "$MENU/restaurant/dufva" ||
    fail "GET $MENU/restaurant/dufva failed"
  # nginx's workers run as www-data when the script is root: let them read the file.
  chmod a+x "$WORK_DIR" "$WORK_DIR/nginx"
  chmod -R a+rX "$WORK_DIR/nginx/static"
  [[ $(curl -sS --max-time 10 "${URL[nginx_menu]}") == "$(cat "$static/dufva")" ]] ||
    fail "nginx does not serve the relay's body at ${URL[nginx_menu]}"
  log "menu: relay answer is $(wc -c <"$static/dufva") bytes; nginx serves the same file"
  run_load "${MENU_TARGETS[@]}"
  print_load_table "${MENU_TARGETS[@]}"

  local ttl=10 seconds=30
  before=$(lunch_calls)
  out=$WORK_DIR/wrk-menu-c100.txt
  log "menu: wrk -t$THREADS -c100 -d${seconds}s $GATEWAY/restaurant/dufva, counting upstream calls"
  wrk -t"$THREADS" -c100 -d"${seconds}s" --latency "$GATEWAY/restaurant/dufva" >"$out" 2>&1 ||
    fail "wrk -c100 against the relay failed, see $out"
  MENU_C100=$(parse_wrk "$out") || fail "could not parse the wrk output $out"
  UPSTREAM_CALLS=$(($(lunch_calls) - before))
  # A run of 30 s spans 3 TTLs of 10 s, or 4 when it starts part-way through one.
  UPSTREAM_GOAL="$((seconds / ttl))-$((seconds / ttl + 1))"
  printf '  upstream calls during %s s at -c100: %s (goal: one per %s s TTL, %s)\n\n' \
    "$seconds" "$UPSTREAM_CALLS" "$ttl" "$UPSTREAM_GOAL"
}

# ---------------------------------------------------------------------------------------------
# Microblog (launcher mode): tweet writes per second through the gateway; then, with BENCH_TWEETS
# tweets written and indexed, the public timeline and keyword searches through the gateway; and the
# time from a write (201) until a search finds it.

SEARCH=http://127.0.0.1:8085
LUA=$ROOT/bench/lua

tweets_total() { # X-Total-Count of the public timeline (only page=N answers it), fails without it
  local total
  total=$(curl -sS -D - -o /dev/null --max-time 30 "$GATEWAY/api/v1/tweets/?page=0&size=1" |
    awk -F': *' 'tolower($1) == "x-total-count" { gsub(/\r/, "", $2); print $2 }')
  [[ -n $total ]] || fail "the public timeline answered no X-Total-Count"
  echo "$total"
}

indexed() { # documents in the search index
  curl -sS --max-time 10 "http://127.0.0.1:9085/actuator/prometheus" |
    awk '/^search_index_documents[{ ]/ { printf "%d\n", $NF }'
}

# Search's own timer of a write's way to its index (search.index.visibility: from each change's
# time in tweets to its being searchable), over a stretch of the run: a snapshot of its counters,
# then what they gained since.
visibility_snapshot() {
  curl -sS --max-time 10 "http://127.0.0.1:9085/actuator/prometheus" | awk '
    /^search_index_visibility_seconds_count[{ ]/ { print "count", $NF }
    /^search_index_visibility_seconds_sum[{ ]/ { print "sum", $NF }
    /^search_index_visibility_seconds_bucket[{]/ && match($0, /le="[^"]*"/) { print substr($0, RSTART + 4, RLENGTH - 5), $NF }'
}

visibility_since() { # snapshot-file: "N writes, mean M ms, P % within 100 ms, Q % within 250 ms"
  visibility_snapshot >"$1.after"
  awk 'NR == FNR { before[$1] = $2; next } { gained[$1] = $2 - before[$1] }
    END { n = gained["count"]; if (n <= 0) { print "no write timed"; exit }
      printf "%d writes, mean %.0f ms, %.0f %% within 100 ms, %.0f %% within 250 ms\n",
        n, gained["sum"] * 1000 / n, gained["0.1"] * 100 / n, gained["0.25"] * 100 / n }' "$1" "$1.after"
}

sign_up() { # signs up a new account and exports TOKEN, its access token
  local user code
  user=bench_$(date +%s)
  code=$(curl -sS -o /dev/null -w '%{http_code}' -X POST "$GATEWAY/api/v1/users" \
    -H 'Content-Type: application/json' \
    -d "{\"username\":\"$user\",\"password\":\"bench-password\",\"email\":\"$user@example.com\",\"first_name\":\"Bench\",\"last_name\":\"Mark\"}")
  [[ $code == 201 ]] || fail "signing up $user answered $code"
  TOKEN=$(curl -sS -X POST "$GATEWAY/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$user\",\"password\":\"bench-password\"}" |
    sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
  [[ -n $TOKEN ]] || fail "logging in as $user gave no token"
  export TOKEN
}

run_microblog() {
  if [[ $BENCH_SYSTEM == jars ]]; then
    log "microblog: skipped (BENCH_SYSTEM=jars starts math and gateway only)"
    return
  fi
  local out values total n=20
  sign_up

  total=$(tweets_total)
  log "microblog: writing up to $BENCH_TWEETS tweets (now $total)"
  while ((total < BENCH_TWEETS)); do
    wrk -t"$THREADS" -c"$BENCH_CONNECTIONS" -d20s --timeout 10s -s "$LUA/post-tweet.lua" \
      "$GATEWAY/api/v1/tweets/" >/dev/null 2>&1 || fail "wrk writes failed"
    total=$(tweets_total)
    printf '  %s / %s tweets\n' "$total" "$BENCH_TWEETS"
  done
  # Measured after the fill, which is the write path's warm-up.
  out=$WORK_DIR/wrk-writes.txt
  log "microblog: writes, wrk -t$THREADS -c$BENCH_CONNECTIONS -d${BENCH_DURATION}s POST $GATEWAY/api/v1/tweets/"
  wrk -t"$THREADS" -c"$BENCH_CONNECTIONS" -d"${BENCH_DURATION}s" --timeout 10s --latency \
    -s "$LUA/post-tweet.lua" "$GATEWAY/api/v1/tweets/" >"$out" 2>&1 || fail "wrk writes failed, see $out"
  WRITES=$(parse_wrk "$out") || fail "could not parse the wrk output $out"
  printf '  writes: %s (req/s p50 p99 errors)\n' "$WRITES"
  total=$(tweets_total)
  TWEETS_WRITTEN=$total
  log "microblog: waiting for search to index all $total"
  deadline=$(($(now_ms) + 900000))
  while (($(indexed) < total)); do
    (($(now_ms) < deadline)) || fail "search indexed only $(indexed) of $total tweets in 15 minutes"
    printf '  %s / %s indexed\n' "$(indexed)" "$total"
    sleep 5
  done

  for target in timeline search; do
    local url=$GATEWAY/api/v1/tweets/ script=()
    [[ $target == search ]] && url=$GATEWAY && script=(-s "$LUA/search.lua")
    warm_up "$target" "${script[@]}" "$url"
    out=$WORK_DIR/wrk-$target.txt
    log "measure: wrk -t$THREADS -c$BENCH_CONNECTIONS -d${BENCH_DURATION}s --latency ${script[*]} $url"
    wrk -t"$THREADS" -c"$BENCH_CONNECTIONS" -d"${BENCH_DURATION}s" --latency "${script[@]}" "$url" \
      >"$out" 2>&1 || fail "wrk $target failed, see $out"
    values=$(parse_wrk "$out") || fail "could not parse the wrk output $out"
    printf -v "MB_${target^^}" '%s' "$values"
    printf '  %-10s %s (req/s p50 p99 errors)\n' "$target" "$values"
  done

  log "microblog: write to searchable, $n samples"
  SEARCHABLE=$(searchable_samples "$n" 60)
  printf '  write to searchable: %s\n' "$SEARCHABLE"

  run_mix
}

# The time from a tweet's 201 to search finding it (bench/searchable.py: kept-alive connections,
# search asked every 5 ms), up to n samples one after another within s seconds.
searchable_samples() { # n seconds
  /usr/bin/python3 "$ROOT/bench/searchable.py" "$GATEWAY" "$SEARCH" "$TOKEN" "$1" "$2" ||
    fail "measuring write to searchable failed"
}

# The microblog mix through the gateway (bench/lua/mix.lua: 10 % writes, 45 % a user's timeline,
# 25 % the public timeline, 20 % search) as BENCH_MIX_USERS users, each with a token of its own;
# while it runs, how long a write takes to become searchable.
run_mix() {
  local users=$WORK_DIR/mix-users.txt user token i out pid
  log "microblog mix: registering $BENCH_MIX_USERS users"
  : >"$users"
  for ((i = 0; i < BENCH_MIX_USERS; i++)); do
    user=mix$(date +%s)_$i
    curl -sS -o /dev/null -X POST "$GATEWAY/api/v1/users" -H 'Content-Type: application/json' \
      -d "{\"username\":\"$user\",\"password\":\"bench-password\",\"email\":\"$user@example.com\",\"first_name\":\"Mix\",\"last_name\":\"User\"}"
    token=$(curl -sS -X POST "$GATEWAY/api/v1/auth/login" -H 'Content-Type: application/json' \
      -d "{\"username\":\"$user\",\"password\":\"bench-password\"}" |
      sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
    [[ -n $token ]] || fail "logging in as $user gave no token"
    echo "$user $token" >>"$users"
  done
  export MIX_USERS=$users
  warm_up mix -s "$LUA/mix.lua" "$GATEWAY"
  out=$WORK_DIR/wrk-mix.txt
  log "measure: MIX_USERS=$users wrk -t$THREADS -c$BENCH_CONNECTIONS -d${BENCH_DURATION}s --latency -s $LUA/mix.lua $GATEWAY (load $(loadavg))"
  wrk -t"$THREADS" -c"$BENCH_CONNECTIONS" -d"${BENCH_DURATION}s" --latency -s "$LUA/mix.lua" \
    "$GATEWAY" >"$out" 2>&1 &
  pid=$!
  visibility_snapshot >"$WORK_DIR/visibility-mix"
  # Sampled while the mix runs, as many as fit in its time.
  MIX_SEARCHABLE=$(searchable_samples 1000 $((BENCH_DURATION - 1)))
  wait "$pid" || fail "wrk mix failed, see $out"
  MIX_VISIBILITY=$(visibility_since "$WORK_DIR/visibility-mix")
  MB_MIX=$(parse_wrk "$out") || fail "could not parse the wrk output $out"
  printf '  mix        %s (req/s p50 p99 errors)\n' "$MB_MIX"
  printf '  write to searchable under the mix: %s\n' "$MIX_SEARCHABLE"
  printf '  the same, every write of the mix, by search'"'"'s own timer: %s\n\n' "$MIX_VISIBILITY"
}

# ---------------------------------------------------------------------------------------------
# Isolation (launcher and cluster): one client floods the CPU-heavy endpoints through the gateway, 48
# failed logins 16 at a time and 16 cold factorials (n from 90,000 to 100,000) at once, twice, while
# unrelated requests are asked PROBE_RATE times a second each: math's /ping on its own port, one
# tweet and the public timeline through the gateway. Their latency (quiet, then during each flood),
# their errors, and the flood's answers by status. The goal: p99 <= 50 ms with no error; the flood
# answered 200, 401, 429 or 503, never a 502, a 504 or a timeout.

ISOLATION_GOAL_MS=50
FLOOD_CLIENT=127.0.0.2
declare -A ISO

# Enough samples that a flood of 1-2 s gives a p99 that is not just its slowest request.
PROBE_RATE=100

probe() { # url file: GETs url PROBE_RATE times a second, over one kept-alive connection as a
  # browser would, until the stop file exists: "status seconds bytes" a line. One curl process for
  # all of them: a process per request spent the two cores on starting curl while it was timed.
  local config=$2.curl i pid
  for ((i = 0; i < PROBE_RATE * 300; i++)); do printf 'url = "%s"\noutput = "/dev/null"\n' "$1"; done >"$config"
  stdbuf -oL curl -s --rate "$PROBE_RATE/s" --max-time 10 -K "$config" \
    -w '%{http_code} %{time_total} %{size_download}\n' >>"$2" &
  pid=$!
  while [[ ! -e $WORK_DIR/isolation.stop ]]; do sleep 0.2; done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# "p50 p99 max samples errors" in ms of a probe file; an error is anything but a 200 with a body.
probe_stats() {
  local errors
  errors=$(awk '$1 != 200 || $3 == 0 { e++ } END { print e + 0 }' "$1")
  awk '{ printf "%.3f\n", $2 * 1000 }' "$1" | sort -n | awk -v errors="$errors" '{ t[NR] = $1 }
    END { if (NR == 0) { print "n/a n/a n/a 0 0"; exit }
      i = int(NR * 0.99); if (i < NR * 0.99) i++
      printf "%.1f %.1f %.1f %d %d\n", t[int((NR + 1) / 2)], t[i], t[NR], NR, errors }'
}

probe_all() { # phase seconds-or-command...: probes the three targets while the phase runs
  local phase=$1 pids=() target
  shift
  rm -f "$WORK_DIR/isolation.stop"
  for target in ping tweet timeline; do
    : >"$WORK_DIR/probe-$phase-$target.txt"
    probe "${ISO_URL[$target]}" "$WORK_DIR/probe-$phase-$target.txt" &
    pids+=("$!")
  done
  "$@"
  touch "$WORK_DIR/isolation.stop"
  wait "${pids[@]}"
  for target in ping tweet timeline; do
    ISO[$phase,$target]=$(probe_stats "$WORK_DIR/probe-$phase-$target.txt")
  done
}

flood() { # phase: the two floods at once; each answer's status into flood-<phase>-*.txt
  # One curl process each, its transfers in parallel: a process per request would spend the two
  # cores on starting curl while the probes are timed, which no client elsewhere costs us.
  local phase=$1 run=$RANDOM i n logins=$WORK_DIR/flood-logins.curl factorials=$WORK_DIR/flood-factorials.curl
  : >"$logins"
  for ((i = 1; i <= 48; i++)); do
    flood_transfer "$GATEWAY/api/v1/auth/login" \
      "{\\\"username\\\":\\\"flood_${run}_$i\\\",\\\"password\\\":\\\"not-the-password\\\"}" >>"$logins"
  done
  : >"$factorials"
  for n in $(shuf -i 90000-100000 -n 16); do
    flood_transfer "$GATEWAY/factorial?n=$n" >>"$factorials"
  done
  # From a client address of its own: 127.0.0.1 is the machine itself, which the gateway's rate
  # limits never limit (flotilla.gateway.rate-limit.unlimited); any other client's are.
  curl -s --interface "$FLOOD_CLIENT" -Z --parallel-max 16 --parallel-immediate -K "$logins" \
    >"$WORK_DIR/flood-$phase-logins.txt" &
  local pid=$!
  curl -s --interface "$FLOOD_CLIENT" -Z --parallel-max 16 --parallel-immediate -K "$factorials" \
    >"$WORK_DIR/flood-$phase-factorials.txt"
  wait "$pid"
}

flood_transfer() { # url [json body]: one transfer of a curl config file (-K), its status on stdout
  printf 'next\nurl = "%s"\nsilent\nmax-time = 30\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\n' "$1"
  if [[ -n ${2:-} ]]; then
    printf 'request = "POST"\nheader = "Content-Type: application/json"\ndata = "%s"\n' "$2"
  fi
}

status_counts() { sort "$1" | uniq -c | awk '{ printf "%s%s x %s", sep, $2, $1; sep = ", " }'; }

run_isolation() {
  if [[ $BENCH_SYSTEM == jars ]]; then
    log "isolation: skipped (BENCH_SYSTEM=jars starts math and gateway only)"
    return
  fi
  local id
  id=$(curl -sS --max-time 10 "$GATEWAY/api/v1/tweets/?size=1" | sed -n 's/^\[{"id":\([0-9]*\).*/\1/p')
  if [[ -z $id ]]; then # run alone: a tweet to read
    [[ -n ${TOKEN:-} ]] || sign_up
    id=$(curl -sS --max-time 10 -X POST "$GATEWAY/api/v1/tweets/" -H "Authorization: Bearer $TOKEN" \
      -H 'Content-Type: application/json' -d '{"text":"Read while the flood runs"}' |
      sed -n 's/^{"id":\([0-9]*\).*/\1/p')
  fi
  [[ -n $id ]] || fail "the public timeline has no tweet to read"
  declare -gA ISO_URL=([ping]=$MATH/ping [tweet]=$GATEWAY/api/v1/tweets/$id [timeline]=$GATEWAY/api/v1/tweets/)
  log "isolation: warm-up of the probes (10 s)"
  probe_all warmup sleep 10
  log "isolation: quiet (10 s)"
  probe_all quiet sleep 10
  # Twice: the first flood runs paths this JVM has not compiled for (failed logins, 429s, big
  # results), and the JIT's deoptimizations and compilations take their share; the second is the
  # steady state of a system that has seen such a flood before.
  local phase target p50 p99 max n errors
  for phase in first again; do
    log "isolation: flood ($phase): 48 failed logins 16 at a time + 16 cold factorials at once, through the gateway"
    probe_all "$phase" flood "$phase"
    ISO[$phase,logins]=$(status_counts "$WORK_DIR/flood-$phase-logins.txt")
    ISO[$phase,factorials]=$(status_counts "$WORK_DIR/flood-$phase-factorials.txt")
    for target in ping tweet timeline; do
      read -r p50 p99 max n errors <<<"${ISO[$phase,$target]}"
      printf '  %-9s quiet p99 %s ms; flood p50 %s ms, p99 %s ms, max %s ms, %s requests, %s errors\n' \
        "$target" "$(cut -d' ' -f2 <<<"${ISO[quiet,$target]}")" "$p50" "$p99" "$max" "$n" "$errors"
    done
    printf '  flood answers: logins %s; factorials %s\n\n' "${ISO[$phase,logins]}" "${ISO[$phase,factorials]}"
    if [[ $phase == first ]]; then sleep 10; fi
  done
}

isolation_summary() {
  local target phase p50 p99 max n errors verdict row
  echo "Unrelated requests, each asked $PROBE_RATE times a second over a kept-alive connection, while one client"
  echo "floods 48 failed logins (16 at a time) and 16 cold factorials (n 90,000-100,000, at once) through"
  echo "the gateway; the first flood into this JVM, then the same flood 10 s later:"
  echo
  echo "| Request | quiet p50 / p99 ms | first flood p50 / p99 / max ms, requests, errors | again p50 / p99 / max ms, requests, errors | p99 <= ${ISOLATION_GOAL_MS} ms, no error (first, again) |"
  echo "|---|---:|---:|---:|---|"
  for target in ping tweet timeline; do
    row="| ${ISO_URL[$target]#http://127.0.0.1} | $(cut -d' ' -f1 <<<"${ISO[quiet,$target]}") / $(cut -d' ' -f2 <<<"${ISO[quiet,$target]}")"
    verdict=()
    for phase in first again; do
      read -r p50 p99 max n errors <<<"${ISO[$phase,$target]}"
      row+=" | $p50 / $p99 / $max, $n, $errors"
      if awk -v p="$p99" -v g="$ISOLATION_GOAL_MS" 'BEGIN { exit !(p + 0 <= g) }' && [[ $errors == 0 ]]; then
        verdict+=(PASS)
      else
        verdict+=(BELOW)
      fi
    done
    echo "$row | ${verdict[0]}, ${verdict[1]} |"
  done
  echo
  echo "Flood answers, first: logins ${ISO[first,logins]}; factorials ${ISO[first,factorials]}."
  echo "Again: logins ${ISO[again,logins]}; factorials ${ISO[again,factorials]}."
  echo
}

# ---------------------------------------------------------------------------------------------
# Growth (launcher mode, opt-in: BENCH_PARTS=growth, alone): the newest page of the public
# timeline, a user's timeline and a search through the gateway with 10,000 tweets, then the same
# with BENCH_GROWTH_TWEETS (1,000,000), loaded by `flotilla generate-tweets` (the tweets service
# writes them in batches: no HTTP loop); the load's rate, how long search takes to catch up, and the
# ratios large / small (goal >= 0.8).

GROWTH_GOAL=0.8
GROWTH_USERS=1000
declare -A GROWTH

growth_feed_head() { # the newest seq of the tweets change feed (a private endpoint: a service token)
  local token
  token=$("$JDK_HOME/bin/java" -jar "$ROOT/cli/target/flotilla-cli.jar" token tweets) || fail "flotilla token tweets failed"
  curl -sS --max-time 30 -H "Authorization: Bearer $token" \
    "http://127.0.0.1:${TWEETS_PORT:-8084}/internal/v1/changes?after=0&limit=1" |
    sed -n 's/.*"head":\([0-9]*\)}$/\1/p'
}

growth_cursor() { # the last feed seq search has applied
  curl -sS --max-time 10 "http://127.0.0.1:${SEARCH_MANAGEMENT_PORT:-9085}/actuator/prometheus" |
    awk '/^search_feed_cursor[{ ]/ { printf "%d\n", $NF }'
}

# Loads tweets until the feed has $1 changes (one per tweet: growth writes no other), then waits for search to reach the
# feed's head: GROWTH[load,size] "tweets seconds tweets/s", GROWTH[catchup,size] seconds after.
growth_load() { # size
  local size=$1 have count start_ms loaded_ms head deadline
  have=$(growth_feed_head)
  count=$((size - have))
  if ((count > 0)); then
    log "growth: generating $count tweets (flotilla generate-tweets $count --users $GROWTH_USERS)"
    start_ms=$(now_ms)
    "$JDK_HOME/bin/java" -XX:TieredStopAtLevel=1 -jar "$ROOT/cli/target/flotilla-cli.jar" \
      generate-tweets "$count" --users "$GROWTH_USERS" >"$WORK_DIR/growth-load-$size.txt" 2>&1 ||
      fail "flotilla generate-tweets failed, see $WORK_DIR/growth-load-$size.txt"
    loaded_ms=$(now_ms)
    tail -n 1 "$WORK_DIR/growth-load-$size.txt" | sed 's/^/  /'
    GROWTH[load,$size]="$count $(ms_to_s $((loaded_ms - start_ms))) $((count * 1000 / (loaded_ms - start_ms + 1)))"
  else
    loaded_ms=$(now_ms)
    GROWTH[load,$size]="0 0 0"
  fi
  head=$(growth_feed_head)
  [[ -n $head ]] || fail "the tweets change feed answered no head"
  log "growth: waiting for search to reach the feed's head ($head)"
  deadline=$(($(now_ms) + 3600000))
  while (($(growth_cursor) < head)); do
    (($(now_ms) < deadline)) || fail "search reached only $(growth_cursor) of $head in an hour"
    sleep 1
  done
  GROWTH[catchup,$size]=$(ms_to_s $(($(now_ms) - loaded_ms)))
  printf '  search caught up %s s after the load ended (feed head %s)\n' "${GROWTH[catchup,$size]}" "$head"
  GROWTH[disk,$size]="tweets $(du -sm "$FLOTILLA_DATA_DIR/tweets" | cut -f1) MiB, search index $(du -sm "$FLOTILLA_DATA_DIR/search" | cut -f1) MiB"
}

growth_measure() { # size
  local size=$1 target url script out values
  export GROWTH_USERS
  for target in public user search; do
    case $target in
      public) url=$GATEWAY/api/v1/tweets/ script=() ;;
      user) url=$GATEWAY script=(-s "$LUA/user-timeline.lua") ;;
      search) url=$GATEWAY script=(-s "$LUA/search.lua") ;;
    esac
    warm_up "growth-$target" "${script[@]}" "$url"
    out=$WORK_DIR/wrk-growth-$target-$size.txt
    log "measure ($size tweets): wrk -t$THREADS -c$BENCH_CONNECTIONS -d${BENCH_DURATION}s --latency ${script[*]} $url (load $(loadavg))"
    wrk -t"$THREADS" -c"$BENCH_CONNECTIONS" -d"${BENCH_DURATION}s" --latency "${script[@]}" "$url" \
      >"$out" 2>&1 || fail "wrk $target failed, see $out"
    values=$(parse_wrk "$out") || fail "could not parse the wrk output $out"
    GROWTH[$target,$size]=$values
    printf '  %-7s %s (req/s p50 p99 errors)\n' "$target" "$values"
  done
  measure_rss
  GROWTH[rss,$size]="$RSS_TOTAL_MIB MiB ($RSS_DETAIL)"
}

run_growth() {
  if [[ $BENCH_SYSTEM != launcher ]]; then
    log "growth: skipped (BENCH_SYSTEM=jars starts math and gateway only)"
    return
  fi
  local size target
  GROWTH[small]=10000
  GROWTH[large]=$BENCH_GROWTH_TWEETS
  if (($(growth_feed_head) > ${GROWTH[small]})); then
    warn "growth: skipped, the system already holds more than ${GROWTH[small]} tweets (run BENCH_PARTS=growth alone)"
    return
  fi
  for size in "${GROWTH[small]}" "${GROWTH[large]}"; do
    growth_load "$size"
    growth_measure "$size"
  done
  for target in public user search; do
    GROWTH[ratio,$target]=$(ratio "$(cut -d' ' -f1 <<<"${GROWTH[$target,${GROWTH[large]}]}")" \
      "$(cut -d' ' -f1 <<<"${GROWTH[$target,${GROWTH[small]}]}")")
    printf '  %-7s %s x at %s tweets of the rate at %s\n' "$target" "${GROWTH[ratio,$target]}" \
      "${GROWTH[large]}" "${GROWTH[small]}"
  done
  echo
}

growth_summary() {
  local target size small=${GROWTH[small]} large=${GROWTH[large]} verdict count seconds rate rps p50 p99 errors
  echo "Growth: the same reads with $small and with $large tweets (generated by \`flotilla generate-tweets\`,"
  echo "$GROWTH_USERS users), through the gateway; goal: at $large at least $GROWTH_GOAL x the rate at $small."
  echo
  echo "| Read | $small tweets: req/s, p50 / p99 ms | $large tweets: req/s, p50 / p99 ms | ratio | >= $GROWTH_GOAL |"
  echo "|---|---:|---:|---:|---|"
  for target in public user search; do
    verdict=BELOW
    at_least "${GROWTH[ratio,$target]}" "$GROWTH_GOAL" && verdict=PASS
    printf '| %s |' "$(case $target in public) echo 'Public timeline, newest page (`/api/v1/tweets/`)' ;;
      user) echo "A user's timeline, newest page (\`/api/v1/tweets/gen_<n>\`, random n)" ;;
      search) echo 'Search (`/api/v1/search/?keyword=`, varied words)' ;; esac)"
    for size in "$small" "$large"; do
      read -r rps p50 p99 errors <<<"${GROWTH[$target,$size]}"
      printf ' %s, %.2f / %.2f%s |' "$rps" "$p50" "$p99" "$([[ $errors == 0 ]] || echo ", $errors errors")"
    done
    printf ' %s | %s |\n' "${GROWTH[ratio,$target]}" "$verdict"
  done
  echo
  echo "| Measurement | $small tweets | $large tweets |"
  echo "|---|---|---|"
  printf '| Load (generate-tweets): tweets, seconds, tweets/s |'
  for size in "$small" "$large"; do
    read -r count seconds rate <<<"${GROWTH[load,$size]}"
    printf ' %s in %s s, %s/s |' "$count" "$seconds" "$rate"
  done
  echo
  echo "| Search caught up, after the load ended | ${GROWTH[catchup,$small]} s | ${GROWTH[catchup,$large]} s |"
  echo "| On disk | ${GROWTH[disk,$small]} | ${GROWTH[disk,$large]} |"
  echo "| Resident memory after the reads | ${GROWTH[rss,$small]} | ${GROWTH[rss,$large]} |"
  echo
}

# ---------------------------------------------------------------------------------------------
# Summary

print_summary() {
  local cpu os mem_gib jdk target goal
  cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
  os=$(awk -F= '/^PRETTY_NAME=/ { gsub(/"/, "", $2); print $2 }' /etc/os-release 2>/dev/null || true)
  os=${os:-Linux}
  mem_gib=$(awk '/^MemTotal:/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)
  jdk=$("$JDK_HOME/bin/java" -version 2>&1 | sed -n '1,2p' | paste -sd ';' - | sed 's/;/; /')
  echo "----- 8< ----- Markdown summary -----"
  echo
  local targets=()
  [[ -n ${RPS[math]:-} ]] && targets+=("${MATH_TARGETS[@]}")
  [[ -n ${RPS[menu]:-} ]] && targets+=("${MENU_TARGETS[@]}")
  echo "Measured with \`bench/run.sh\` (BENCH_SYSTEM=$BENCH_SYSTEM, parts $BENCH_PARTS) on $(date -u +%Y-%m-%d):" \
    "\`wrk -t$THREADS -c$BENCH_CONNECTIONS -d${BENCH_DURATION}s --latency\` per target after a" \
    "warm-up of each until steady (at least ${BENCH_WARMUP} s, at most ${BENCH_WARMUP_MAX} s); one run."
  echo
  ((${#targets[@]} > 0)) && echo "| Target | req/s | p50 ms | p99 ms | x nginx | Goal |" &&
    echo "|---|---:|---:|---:|---:|---|"
  for target in "${targets[@]}"; do
    goal=""
    [[ -n ${GOAL[$target]:-} ]] && goal=$(printf '>= %.2f: %s' "${GOAL[$target]}" "${VERDICT[$target]}")
    [[ ${ERRORS[$target]} == 0 ]] || goal="$goal (${ERRORS[$target]} errors)"
    printf '| %s | %s | %.2f | %.2f | %s | %s |\n' "${LABEL[$target]}" "${RPS[$target]}" \
      "${P50[$target]}" "${P99[$target]}" "${RATIO[$target]}" "$goal"
  done
  echo
  pair_goals | sed 's/^/- /'
  echo
  echo "| Measurement | Value |"
  echo "|---|---|"
  echo "| Start to ready (process start until :8080/ping and :8081/ping answer 200) | $(ms_to_s $((READY_MS - START_MS))) s |"
  [[ -n ${LAUNCHER_NOTE:-} ]] && echo "| Launcher ready line | ${LAUNCHER_NOTE#launcher } |"
  echo "| Resident memory at ready (VmRSS, all JVMs) | $RSS_READY_MIB MiB ($RSS_READY_DETAIL) |"
  echo "| Resident memory after the load runs (VmRSS, all JVMs) | $RSS_TOTAL_MIB MiB ($RSS_DETAIL) |"
  if [[ -n ${BIG[fib_cold]:-} ]]; then
    echo "| \`/fibonacci?n=1000000\` via gateway, cold / cached | ${BIG[fib_cold]} / ${BIG[fib_cached]} |"
    echo "| \`/factorial?n=100000\` via gateway, cold / cached | ${BIG[fact_cold]} / ${BIG[fact_cached]} |"
  fi
  if [[ -n ${PORTAL_RPS:-} ]]; then
    echo "| Portal page via gateway, 2 rows, cold / warm | ${PAGE[2 rows, cold]} / ${PAGE[2 rows, warm]} |"
    echo "| Portal page via gateway, 100 rows, cold / warm | ${PAGE[100 rows, cold]} / ${PAGE[100 rows, warm]} |"
    printf '| Warm portal page (100 rows) via gateway | %s req/s, p50 %.2f ms, p99 %.2f ms |\n' \
      "$PORTAL_RPS" "$PORTAL_P50" "$PORTAL_P99"
  fi
  if [[ -n ${UPSTREAM_CALLS:-} ]]; then
    local rps p50 p99 errors
    read -r rps p50 p99 errors <<<"$MENU_C100"
    printf '| Cached menu via gateway, `wrk -t2 -c100 -d30s` | %s req/s, p50 %.2f ms, p99 %.2f ms, %s errors |\n' \
      "$rps" "$p50" "$p99" "$errors"
    echo "| Upstream calls during that run (TTL 10 s) | $UPSTREAM_CALLS (goal $UPSTREAM_GOAL) |"
  fi
  if [[ -n ${SEARCHABLE:-} ]]; then
    local rps p50 p99 errors
    read -r rps p50 p99 errors <<<"$WRITES"
    printf '| Tweet writes via gateway (`POST /api/v1/tweets/`) | %s req/s, p50 %.2f ms, p99 %.2f ms, %s errors |\n' "$rps" "$p50" "$p99" "$errors"
    read -r rps p50 p99 errors <<<"$MB_TIMELINE"
    printf '| Timeline via gateway (`GET /api/v1/tweets/`, %s tweets) | %s req/s, p50 %.2f ms, p99 %.2f ms, %s errors |\n' "$TWEETS_WRITTEN" "$rps" "$p50" "$p99" "$errors"
    read -r rps p50 p99 errors <<<"$MB_SEARCH"
    printf '| Search via gateway (`GET /api/v1/search/?keyword=`, %s indexed) | %s req/s, p50 %.2f ms, p99 %.2f ms, %s errors |\n' "$TWEETS_WRITTEN" "$rps" "$p50" "$p99" "$errors"
    echo "| Write to searchable, from the 201 | $SEARCHABLE |"
    read -r rps p50 p99 errors <<<"$MB_MIX"
    printf '| Microblog mix via gateway (10 %% writes, 45 %% user timelines, 25 %% public, 20 %% search; %s users) | %s req/s, p50 %.2f ms, p99 %.2f ms, %s errors |\n' "$BENCH_MIX_USERS" "$rps" "$p50" "$p99" "$errors"
    echo "| Write to searchable under the mix, from the 201 | $MIX_SEARCHABLE |"
    echo "| The same for every write of the mix, by search's own timer (\`search.index.visibility\`, from the write's time) | $MIX_VISIBILITY |"
  fi
  echo "| CPU | $(nproc) cores (nproc), $cpu |"
  echo "| Memory, OS | $mem_gib GiB, $os, Linux $(uname -r) |"
  echo "| JDK | $jdk |"
  echo "| Load average (1/5/15 min) at start / end | $LOAD_START / $(loadavg) |"
  echo
  [[ -n ${ISO[again,logins]:-} ]] && isolation_summary
  [[ -n ${GROWTH[ratio,public]:-} ]] && growth_summary
  echo "----- >8 -----"
}

# ---------------------------------------------------------------------------------------------
# Main

main() {
  case ${1:-} in
    "") ;;
    -h | --help)
      usage
      exit 0
      ;;
    *)
      usage >&2
      exit 2
      ;;
  esac
  case $BENCH_SYSTEM in
    launcher | cluster | jars) ;;
    *) fail "BENCH_SYSTEM must be 'launcher', 'cluster' or 'jars', got '$BENCH_SYSTEM'" ;;
  esac
  positive_int BENCH_DURATION "$BENCH_DURATION"
  positive_int BENCH_CONNECTIONS "$BENCH_CONNECTIONS"
  positive_int BENCH_WARMUP "$BENCH_WARMUP"
  positive_int BENCH_WARMUP_MAX "$BENCH_WARMUP_MAX"
  positive_int BENCH_START_TIMEOUT "$BENCH_START_TIMEOUT"
  positive_int BENCH_GROWTH_TWEETS "$BENCH_GROWTH_TWEETS"
  ((BENCH_GROWTH_TWEETS > 10000)) || fail "BENCH_GROWTH_TWEETS must be more than 10000 (the small size), got $BENCH_GROWTH_TWEETS"
  [[ $BENCH_PORT_OFFSET =~ ^[0-9]+$ ]] || fail "BENCH_PORT_OFFSET must be a number, got '$BENCH_PORT_OFFSET'"
  [[ $BENCH_PORT_OFFSET == 0 || $BENCH_SYSTEM == jars ]] ||
    fail "BENCH_PORT_OFFSET needs BENCH_SYSTEM=jars (the launcher's ports are fixed)"
  THREADS=$((BENCH_CONNECTIONS < 2 ? BENCH_CONNECTIONS : 2))

  local port owner busy=0
  for port in $GATEWAY_PORT $MATH_PORT $NGINX_PORT $NGINX_PROXY_PORT $FLASK_PORT; do
    owner=$(port_owner "$port")
    if [[ -n $owner ]]; then
      printf 'bench: error: port %s is taken:\n%s\n' "$port" "$owner" >&2
      busy=1
    fi
  done
  ((busy == 0)) || fail "ports $GATEWAY_PORT, $MATH_PORT, $NGINX_PORT-$FLASK_PORT must be free; stop whatever holds them"

  LOAD_START=$(loadavg)
  if awk -v l="${LOAD_START%% *}" -v n="$(nproc)" 'BEGIN { exit !(l > n / 2) }'; then
    warn "the machine is busy (load $LOAD_START on $(nproc) cores); numbers will be disturbed. Top CPU users:"
    ps -eo pid,pcpu,etime,comm --sort=-pcpu 2>/dev/null | head -n 6 >&2 || true
  fi

  ensure_tools
  find_jdk
  log "JDK: $JDK_HOME ($("$JDK_HOME/bin/java" -version 2>&1 | head -n 1))"
  ensure_jars

  WORK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/flotilla-bench.XXXXXX")
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  log "logs in $WORK_DIR"

  log "starting nginx on $NGINX (fixed body) and $NGINX_PROXY (proxy to math)"
  start_nginx
  log "starting gunicorn (Flask, 3 workers) on $FLASK"
  start_flask

  # A data directory of the run's own: the inventory starts from the seed's rows and the rows the
  # benchmark adds do not stay in ./data.
  export FLOTILLA_DATA_DIR=$WORK_DIR/data
  # The service secret of this run, so that the inventory part can make a token for hardware's writes.
  FLOTILLA_SERVICE_SECRET=${FLOTILLA_SERVICE_SECRET:-$(head -c 48 /dev/urandom | base64 -w0)}
  export FLOTILLA_SERVICE_SECRET
  log "starting the system (BENCH_SYSTEM=$BENCH_SYSTEM)"
  start_system
  log "ready after $(ms_to_s $((READY_MS - START_MS))) s${LAUNCHER_NOTE:+ ($LAUNCHER_NOTE)}"
  measure_rss
  RSS_READY_MIB=$RSS_TOTAL_MIB
  RSS_READY_DETAIL=$RSS_DETAIL
  log "resident memory at ready: $RSS_READY_MIB MiB ($RSS_READY_DETAIL)"

  if part math; then
    check_bodies
    run_load "${MATH_TARGETS[@]}"
    print_load_table "${MATH_TARGETS[@]}"
    run_big
  fi
  part inventory && run_inventory
  part menu && run_menu
  part microblog && run_microblog
  part isolation && run_isolation
  part growth && run_growth
  measure_rss
  log "resident memory after load: $RSS_TOTAL_MIB MiB ($RSS_DETAIL)"
  print_summary
}

main "$@"
