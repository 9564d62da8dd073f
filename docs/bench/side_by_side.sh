#!/usr/bin/env bash
# The side-by-side table of docs/PERFORMANCE.md: normtui's training step against PyTorch's, on
# this machine, in one run. Not a test: run it by hand on a quiet machine, from the package root.
#
#   docs/bench/side_by_side.sh                 # builds x86-64-v3 and x86-64-v4, 5 rounds
#   ROUNDS=9 docs/bench/side_by_side.sh
#   V4=.build/release/normtui V3=.build-x86-64-v3/release/normtui docs/bench/side_by_side.sh  # no build
#
# What is timed, per shape (32x16x8x8 depth 3, the default; 64x32x16x16 depth 4):
#   - normtui: `normtui bench --variant batch --train --threads T`, which reports the median
#     training step with the probes (train_step_ms, what the UI runs) and without them
#     (train_step_no_probes_ms, what PyTorch's step does), on 1 and T threads; built for
#     x86-64-v4 (AVX-512) and for x86-64-v3 (AVX2 + FMA) — the same bits, different speed.
#   - PyTorch: docs/bench/pytorch_train_step.py, the same network, batch norm, SGD, on 1 and
#     T threads (torch.set_num_threads).
# The runs are interleaved (normtui v4, PyTorch 1 thread, normtui v3, PyTorch T threads, next
# round …), so that a change in the machine's load falls on all of them alike; the table shows
# the median over the rounds of each run's median step, and the load average before and after.
# Needs python3 with torch (`pip install torch --index-url https://download.pytorch.org/whl/cpu`).
set -euo pipefail

ROUNDS=${ROUNDS:-5}
THREADS=${THREADS:-2}
cd "$(dirname "$0")/../.."

build() {  # build LEVEL → prints the binary's path
    local level=$1 scratch=".build-$1"
    NORMTUI_MARCH=$level swift build -c release --scratch-path "$scratch" >&2
    echo "$scratch/release/normtui"
}
V4=${V4:-$(build x86-64-v4)}
V3=${V3:-$(build x86-64-v3)}
python3 -c "import torch" || { echo "side_by_side.sh: PyTorch is not installed (python3 -c 'import torch')" >&2; exit 2; }

results=$(mktemp)
trap 'rm -f "$results"' EXIT
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
shapes=("32x16x8x8 3" "64x32x16x16 4")
for round in $(seq 1 "$ROUNDS"); do
    echo "round $round of $ROUNDS …" >&2
    for entry in "${shapes[@]}"; do
        read -r shape depth <<<"$entry"
        common=(--variant batch --train --shape "$shape" --depth "$depth" --threads "$THREADS" --format json)
        echo "normtui-v4 $shape $depth $("$V4" bench "${common[@]}")" >>"$results"
        echo "pytorch-1 $shape $depth $(python3 docs/bench/pytorch_train_step.py --shape "$shape" --depth "$depth" --threads 1)" >>"$results"
        echo "normtui-v3 $shape $depth $("$V3" bench "${common[@]}")" >>"$results"
        echo "pytorch-$THREADS $shape $depth $(python3 docs/bench/pytorch_train_step.py --shape "$shape" --depth "$depth" --threads "$THREADS")" >>"$results"
    done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

python3 - "$results" "$THREADS" "$ROUNDS" "$load_before" "$load_after" <<'EOF'
import json, statistics, subprocess, sys
path, threads, rounds, load_before, load_after = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
runs = {}
for line in open(path):
    name, shape, depth, payload = line.split(" ", 3)
    runs.setdefault((shape, int(depth)), {}).setdefault(name, []).append(json.loads(payload))

def median(name, key, shape):
    values = [run[key] for run in runs[shape].get(name, []) if run.get(key) is not None]
    return statistics.median(values) if values else float("nan")

model = next((line.split(":", 1)[1].strip() for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines()
              if line.startswith("Model name")), "unknown CPU")
torch_version = next(iter(runs.values()))["pytorch-1"][0]["torch"]
print(f"CPU: {model}; {rounds} rounds; load average before {load_before}, after {load_after}")
print(f"PyTorch {torch_version}; times are medians over the rounds of each run's median step, in ms;")
print("ratio = PyTorch's time / normtui's (above 1: normtui is faster); normtui without probes does what PyTorch's step does.")
print()
suffix = lambda t: "" if t == threads else "_1_thread"
header = "| shape, depth | threads | PyTorch | normtui v4, no probes | normtui v4, probes | normtui v3, no probes | normtui v3, probes | ratio v4 (no probes / probes) | ratio v3 (no probes / probes) |"
print(header)
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for shape in runs:
    for t in [1, threads] if threads > 1 else [1]:
        torch_ms = median(f"pytorch-{t}", "train_step_ms", shape)
        cells, ratios = [], []
        for level in ["v4", "v3"]:
            no_probes = median(f"normtui-{level}", f"train_step_no_probes{suffix(t)}_ms", shape)
            probes = median(f"normtui-{level}", f"train_step{suffix(t)}_ms", shape)
            cells += [f"{no_probes:.3g}", f"{probes:.3g}"]
            ratios.append(f"×{torch_ms / no_probes:.2f} / ×{torch_ms / probes:.2f}")
        print(f"| {shape[0]}, {shape[1]} | {t} | {torch_ms:.3g} | " + " | ".join(cells) + " | " + " | ".join(ratios) + " |")
print()
print("One thread, CPU time of the stepping thread (median over the rounds of each run's median, ms): on a busy")
print("machine it leaves out the waits for a core, so it is the better guess of a quiet machine's wall-clock time.")
print()
print("| shape, depth | PyTorch | normtui v4, no probes | normtui v4, probes | normtui v3, no probes | normtui v3, probes | ratio v4 (no probes / probes) | ratio v3 (no probes / probes) |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for shape in runs:
    torch_ms = median("pytorch-1", "cpu_ms", shape)
    cells, ratios = [], []
    for level in ["v4", "v3"]:
        no_probes = median(f"normtui-{level}", "train_step_no_probes_cpu_ms", shape)
        probes = median(f"normtui-{level}", "train_step_cpu_ms", shape)
        cells += [f"{no_probes:.3g}", f"{probes:.3g}"]
        ratios.append(f"×{torch_ms / no_probes:.2f} / ×{torch_ms / probes:.2f}")
    print(f"| {shape[0]}, {shape[1]} | {torch_ms:.3g} | " + " | ".join(cells) + " | " + " | ".join(ratios) + " |")
print()
for shape in runs:
    v4 = runs[shape]["normtui-v4"]
    copy = statistics.median(run["copy_ns_per_element"] for run in v4)
    forward = statistics.median(run["results"][0]["forward_ns_per_element"] for run in v4)
    both = statistics.median(run["results"][0]["forward_backward_ns_per_element"] for run in v4)
    print(f"kernels at {shape[0]} (batch norm, v4, {threads} threads): forward {forward:.3g}, forward+backward {both:.3g} ns per element; "
          f"copy floor {copy:.3g} ns per element (memcpy, read + write)")
EOF
