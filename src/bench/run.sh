#!/usr/bin/env bash
# Start-up and memory benchmark for cis. Run from anywhere:  bash src/bench/run.sh [--no-build] [--runs N]
#
# Builds cis, a minimal picocli "hello" (the floor: what any picocli tool costs on this JVM) and
# 10x/100x synthetic knowledge bases, then times every command side by side with hyperfine and
# measures peak RSS. Prints a Markdown table of medians and ratios to the floor, measured in this
# one run, so the ratios hold on any machine even where the milliseconds do not.
set -euo pipefail
cd "$(dirname "$0")/../.."

build=1
runs=20
while [ $# -gt 0 ]; do
  case $1 in
    --no-build) build=0 ;;
    --runs) runs=$2; shift ;;
    *) echo "usage: $0 [--no-build] [--runs N]" >&2; exit 2 ;;
  esac
  shift
done

if ! command -v hyperfine >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing hyperfine from Debian's packages…" >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null
  else
    echo "hyperfine is needed: apt-get install hyperfine (or see https://github.com/sharkdp/hyperfine)" >&2
    exit 1
  fi
fi

[ "$build" = 1 ] && mvn -q -B -DskipTests package
out=target/bench
rm -rf "$out" && mkdir -p "$out/classes"
javac -d "$out/classes" -cp target/cis.jar src/bench/java/cis/bench/*.java src/bench/java/cis/store/*.java
jar cf "$out/bench.jar" -C "$out/classes" . # class-data archives take jars only
for n in 1 10 100; do
  java -cp "target/cis.jar:$out/bench.jar" cis.bench.SyntheticKb data "$out/kb-${n}x" "$n"
done

flags="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
# The floor runs the stock picocli jar from Maven Central (Java 5 bytecode), as any picocli app
# does; cis.jar has picocli compiled at release 17, which must not flatter the floor.
picocli_version=$(sed -n 's:.*<picocli.version>\(.*\)</picocli.version>.*:\1:p' pom.xml)
picocli=$HOME/.m2/repository/info/picocli/picocli/$picocli_version/picocli-$picocli_version.jar
[ -f "$picocli" ] || mvn -q -B dependency:get -Dartifact="info.picocli:picocli:$picocli_version" >/dev/null
floor="java $flags -cp $out/bench.jar:$picocli cis.bench.Hello status Turkmenistan"
# The floor with its own class-data archive: the baseline every ratio is taken against.
java -XX:ArchiveClassesAtExit="$out/floor.jsa" $flags -cp "$out/bench.jar:$picocli" cis.bench.Hello status X >/dev/null 2>&1
floor_cds="java -XX:SharedArchiveFile=$out/floor.jsa $flags -cp $out/bench.jar:$picocli cis.bench.Hello status Turkmenistan"

# cis's caches live in the benchmark's own directory: never the user's, and the same for every run.
export XDG_CACHE_HOME=$PWD/$out/cache
# The launcher trains its class-data archive in the background after the first run, and cis
# pre-parses a user's KB on its first load; let both happen before timing.
target/cis status Turkmenistan >/dev/null
for i in $(seq 600); do [ -e "$XDG_CACHE_HOME/cis/cds/training.lock" ] || break; sleep 0.1; done
for n in 1 10 100; do target/cis status Turkmenistan --data "$out/kb-${n}x" >/dev/null; done

names=(
  "floor: picocli, AppCDS (baseline)"
  "floor: picocli, no archive"
  "cis status Turkmenistan"
  "cis states --format json"
  "cis sessions --next"
  "cis --help"
  "cis completion bash"
  "cis status Turkmenistan (1x KB, --data)"
  "cis status Turkmenistan (10x KB, --data)"
  "cis status Turkmenistan (100x KB, --data)"
  "cis status Turkmenistan (no CDS)"
  "cis validate (1x KB: parse all YAML)"
  "cis validate (100x KB: parse all YAML)"
)
cmds=(
  "$floor_cds"
  "$floor"
  "target/cis status Turkmenistan"
  "target/cis states --format json"
  "target/cis sessions --next"
  "target/cis --help"
  "target/cis completion bash"
  "target/cis status Turkmenistan --data $out/kb-1x"
  "target/cis status Turkmenistan --data $out/kb-10x"
  "target/cis status Turkmenistan --data $out/kb-100x"
  "env CIS_CDS=off target/cis status Turkmenistan"
  "target/cis validate $out/kb-1x"
  "target/cis validate $out/kb-100x"
)

args=()
for i in "${!cmds[@]}"; do args+=(-n "${names[$i]}" "${cmds[$i]}"); done
hyperfine -N --warmup 3 --runs "$runs" --export-json "$out/hyperfine.json" "${args[@]}" >"$out/hyperfine.txt" 2>&1 \
  || { cat "$out/hyperfine.txt" >&2; exit 1; }

# Interleaved rounds (each command once per round, in a shuffled order), timed and measured for peak
# RSS from the kernel's rusage of the child: load on a shared machine then hits every command alike,
# so these ratios are steadier than those of hyperfine's one-command-at-a-time runs.
python3 - "$out" "$runs" "${cmds[@]}" <<'PY'
import json, os, random, shlex, statistics, subprocess, sys, time
out, rounds, cmds = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
times = [[] for _ in cmds]
rss = [[] for _ in cmds]
rng = random.Random(1)
for _ in range(rounds):
    order = list(range(len(cmds)))
    rng.shuffle(order)
    for i in order:
        start = time.perf_counter()
        p = subprocess.Popen(shlex.split(cmds[i]), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(p.pid, 0)
        times[i].append(time.perf_counter() - start)
        rss[i].append(usage.ru_maxrss / 1024)  # KiB -> MiB
results = json.load(open(f"{out}/hyperfine.json"))["results"]
floor_h = results[0]["median"]
floor_t = statistics.median(times[0])
floor_m = statistics.median(rss[0])
java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
print(f"Machine: {cpu}, {os.cpu_count()} cores; {java}; {rounds} runs each")
print()
print("Ratios are to the first row, the floor with its own AppCDS archive, measured in this run.")
print()
print("| command | hyperfine median | × floor | interleaved median | × floor | peak RSS | × floor |")
print("|---|---:|---:|---:|---:|---:|---:|")
for r, t, m in zip(results, times, rss):
    tm, mm = statistics.median(t), statistics.median(m)
    print(f"| {r['command']} | {r['median']*1000:.0f} ms | {r['median']/floor_h:.2f} "
          f"| {tm*1000:.0f} ms | {tm/floor_t:.2f} | {mm:.0f} MiB | {mm/floor_m:.2f} |")
PY

# The cost of the cache key of a user's KB, which every cached --data run pays: the digest of the
# files `status` reads, straight from disk, in fresh JVMs with the CLI's flags and a class-data
# archive of their own (as cis has); medians of 11 runs.
keycost="java -XX:SharedArchiveFile=$out/keycost.jsa $flags -cp target/cis.jar:$out/bench.jar cis.store.KeyCost"
java -XX:ArchiveClassesAtExit="$out/keycost.jsa" $flags -cp "target/cis.jar:$out/bench.jar" cis.store.KeyCost \
  "$out/kb-100x" >/dev/null 2>&1
echo
echo "| --data KB | states.yaml | cache key (read + BLAKE2b) |"
echo "|---|---:|---:|"
for n in 1 10 100; do
  python3 - "$out/kb-${n}x" "$n" "$keycost" <<'PY'
import os, shlex, statistics, subprocess, sys
kb, n, cmd = sys.argv[1], sys.argv[2], sys.argv[3]
runs = [int(subprocess.run(shlex.split(cmd) + [kb], capture_output=True, text=True, check=True).stdout)
        for _ in range(11)]
size = os.path.getsize(os.path.join(kb, "states.yaml")) / 1024
print(f"| {n}x | {size:.0f} KiB | {statistics.median(runs)/1000:.1f} ms |")
PY
done

# Pipelines: a million input rows with their own days through one JVM (`cis status -`), against
# pycountry's countries.lookup (Debian's python3-pycountry; it knows no dates) on the same names.
if [ "$(id -u)" = 0 ] && ! /usr/bin/python3 -c 'import pycountry' 2>/dev/null && command -v apt-get >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pycountry >/dev/null 2>&1 || true
fi
/usr/bin/python3 - "$out" <<'PY'
import random, sys
out = sys.argv[1]
r = random.Random(1)
# the 15 states as people write them, and ISO codes (pycountry knows some names only by their
# official form: Russia and Moldova are misses for it, as they would be in an analyst's data)
names = ["Russia", "Moldova", "Kazakhstan", "Georgia", "Belarus", "Ukraine", "Armenia", "Azerbaijan", "Kyrgyzstan",
         "Tajikistan", "Uzbekistan", "Turkmenistan", "Estonia", "Latvia", "Lithuania", "RU", "KZ", "MDA", "KGZ", "UKR"]
with open(f"{out}/rows-1m.tsv", "w") as rows, open(f"{out}/names-1m.txt", "w") as plain:
    for i in range(1_000_000):
        n = r.choice(names)
        rows.write(f"{n}\t{r.randint(1992, 2026):04d}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}\n")
        plain.write(n + "\n")
PY
head -10 "$out/rows-1m.tsv" > "$out/rows-10.tsv"
python3 - "$out" <<'PY'
import os, shlex, statistics, subprocess, sys, time
out = sys.argv[1]
def run(cmd, stdin):
    start = time.perf_counter()
    with open(stdin) as f:
        p = subprocess.Popen(shlex.split(cmd), stdin=f, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(p.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024
cis = [run("target/cis status -", f"{out}/rows-1m.tsv") for _ in range(3)]
small = [run("target/cis status -", f"{out}/rows-10.tsv") for _ in range(3)]
t = statistics.median(x[0] for x in cis)
m = statistics.median(x[1] for x in cis)
m10 = statistics.median(x[1] for x in small)
print()
print("| pipeline (1,000,000 rows) | median | rows/s | peak RSS | RSS × 10 rows |")
print("|---|---:|---:|---:|---:|")
print(f"| cis status - (a day per row) | {t:.2f} s | {1e6/t:,.0f} | {m:.0f} MiB | {m/m10:.2f} |")
probe = "import pycountry; pycountry.countries.lookup('KZ')"
if subprocess.run(["/usr/bin/python3", "-c", probe], capture_output=True).returncode == 0:
    script = ("import sys, pycountry\n"
              "for line in sys.stdin:\n"
              "    try:\n        pycountry.countries.lookup(line.strip())\n"
              "    except LookupError:\n        pass\n")
    py = [run("/usr/bin/python3 -c " + shlex.quote(script), f"{out}/names-1m.txt") for _ in range(3)]
    tp = statistics.median(x[0] for x in py)
    print(f"| pycountry countries.lookup (no dates) | {tp:.2f} s | {1e6/tp:,.0f} | "
          f"{statistics.median(x[1] for x in py):.0f} MiB | |")
    print(f"\ncis answers {tp/t:.2f}× the rows per second of pycountry, with a day per row.")
else:
    print("\n(pycountry not installed: apt-get install python3-pycountry for the comparison row)")
PY

# The first run on a fresh cache (it answers, then trains the archive in the background) against
# a warm run; each first run starts once the previous one's training has finished.
first=$PWD/$out/cache-first
hyperfine -N --runs 5 --export-json "$out/first.json" \
  --prepare "sh -c 'while [ -e $first/cis/cds/training.lock ]; do sleep 0.2; done; rm -rf $first'" \
  -n "first run" "env XDG_CACHE_HOME=$first target/cis status Turkmenistan" \
  -n "warm run" "target/cis status Turkmenistan" >/dev/null 2>&1
while [ -e "$first/cis/cds/training.lock" ]; do sleep 0.2; done
# Per query inside one JVM: cis shell reading 1,000 queries against one, the difference per query.
for i in $(seq 1000); do echo "status Turkmenistan"; done > "$out/queries-1000.txt"
echo "status Turkmenistan" > "$out/queries-1.txt"
hyperfine -N --runs 5 --export-json "$out/shell.json" \
  -n "shell, 1 query" "sh -c 'target/cis shell < $out/queries-1.txt'" \
  -n "shell, 1000 queries" "sh -c 'target/cis shell < $out/queries-1000.txt'" >/dev/null 2>&1
python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
f = {r["command"]: r["median"] for r in json.load(open(f"{out}/first.json"))["results"]}
s = {r["command"]: r["median"] for r in json.load(open(f"{out}/shell.json"))["results"]}
print()
print("| start-up | median | ratio |")
print("|---|---:|---:|")
print(f"| first run on a fresh cache | {f['first run']*1000:.0f} ms | {f['first run']/f['warm run']:.2f} × warm |")
print(f"| warm run | {f['warm run']*1000:.0f} ms | 1.00 |")
per = (s["shell, 1000 queries"] - s["shell, 1 query"]) / 999
print(f"| per query in cis shell (1,000 queries) | {per*1000:.2f} ms | |")
PY

# The newest JDK present (24 or later: an AOT cache, JEP 483, instead of a CDS archive), against
# the same stock floor on that JDK with its own AppCDS archive.
newest=
for home in /usr/lib/jvm/*/; do
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null)  || v=
  if [ -n "$v" ] && [ "$v" -ge 24 ] && [ -x "$home/bin/java" ]; then newest=${home%/}; fi
done
if [ -n "$newest" ]; then
  nj=$newest/bin/java
  "$nj" -XX:ArchiveClassesAtExit="$out/floor-new.jsa" $flags -cp "$out/bench.jar:$picocli" cis.bench.Hello status X >/dev/null 2>&1
  JAVA_HOME=$newest target/cis status Turkmenistan >/dev/null
  for i in $(seq 600); do [ -e "$XDG_CACHE_HOME/cis/cds/training.lock" ] || break; sleep 0.1; done
  hyperfine -N --warmup 3 --runs "$runs" --export-json "$out/newest.json" \
    -n "floor: picocli, AppCDS (baseline)" \
      "$nj -XX:SharedArchiveFile=$out/floor-new.jsa $flags -cp $out/bench.jar:$picocli cis.bench.Hello status Turkmenistan" \
    -n "cis status Turkmenistan" "env JAVA_HOME=$newest target/cis status Turkmenistan" \
    -n "cis --help" "env JAVA_HOME=$newest target/cis --help" \
    -n "cis completion bash" "env JAVA_HOME=$newest target/cis completion bash" >/dev/null 2>&1
  python3 - "$out" "$nj" <<'PY'
import json, subprocess, sys
out, java = sys.argv[1], sys.argv[2]
res = json.load(open(f"{out}/newest.json"))["results"]
v = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
print()
print(f"On the newest JDK here ({v}), ratios to the same floor on that JDK:")
print()
print("| command | median | × floor |")
print("|---|---:|---:|")
for r in res:
    print(f"| {r['command']} | {r['median']*1000:.0f} ms | {r['median']/res[0]['median']:.2f} |")
PY
fi
