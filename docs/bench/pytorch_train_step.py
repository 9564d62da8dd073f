#!/usr/bin/env python3
"""PyTorch's time for normtui's training step, for the side-by-side table in
docs/PERFORMANCE.md. Not a test dependency: run it by hand where torch is installed.

The network is normtui's conv model (docs/DESIGN.md, "The toy network"): depth D blocks of
conv3×3 (same padding; bias only without normalization) → norm → ReLU on [N, C, H, W], global
average pool, linear head to 10 classes, softmax cross-entropy, SGD (lr 0.05) — the forward
pass, the backward pass and the update, without normtui's probes (histograms, statistics),
which PyTorch has no counterpart of. Inputs are random [N, 1, H, W] images and labels:
the time does not depend on their values.

    python3 docs/bench/pytorch_train_step.py --shape 32x16x8x8 --depth 3 --variant batch
    python3 docs/bench/pytorch_train_step.py --shape 64x32x16x16 --depth 4 --threads 2

Prints one JSON line: {"torch": version, "threads": T, "shape": .., "depth": D, "variant": ..,
"train_step_ms": median, "min_ms": .., "max_ms": .., "steps": .., "cpu_ms": median CPU time of
the calling thread (the whole step's with --threads 1)}.
"""
import argparse
import json
import statistics
import time

import torch
from torch import nn


def norm_layer(variant: str, channels: int, groups: int) -> nn.Module:
    if variant == "batch":
        return nn.BatchNorm2d(channels)
    if variant == "layer":
        return nn.GroupNorm(1, channels)  # normtui's layer norm: over C,H,W with per-channel γ, β
    if variant == "instance":
        return nn.GroupNorm(channels, channels)  # = InstanceNorm2d(affine=True)
    if variant == "group":
        return nn.GroupNorm(groups, channels)
    if variant == "rms":
        return nn.RMSNorm([channels, 1, 1], elementwise_affine=True)  # see note in the table
    return nn.Identity()


def make_model(variant: str, channels: int, depth: int, groups: int) -> nn.Module:
    layers = []
    for index in range(depth):
        layers += [
            nn.Conv2d(1 if index == 0 else channels, channels, 3, padding=1, bias=variant == "none"),
            norm_layer(variant, channels, groups),
            nn.ReLU(),
        ]
    return nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(channels, 10))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shape", default="32x16x8x8")
    parser.add_argument("--depth", type=int, default=3)
    parser.add_argument("--variant", default="batch")
    parser.add_argument("--groups", type=int, default=4)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--steps", type=int, default=0, help="timed steps (default: about 2 s worth)")
    args = parser.parse_args()
    n, c, h, w = (int(part) for part in args.shape.lower().split("x"))
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    model = make_model(args.variant, c, args.depth, args.groups).train()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
    loss_function = nn.CrossEntropyLoss()
    images = torch.randn(n, 1, h, w)
    labels = torch.randint(0, 10, (n,))

    def step() -> None:
        optimizer.zero_grad(set_to_none=True)
        loss = loss_function(model(images), labels)
        loss.backward()
        optimizer.step()

    for _ in range(20):  # warm-up: allocator, oneDNN primitive caches
        step()
    start = time.perf_counter()
    step()
    first = time.perf_counter() - start
    count = args.steps or max(20, min(2000, int(2.0 / max(first, 1e-5))))
    times, cpu_times = [], []
    for _ in range(count):
        start, cpu_start = time.perf_counter(), time.thread_time()
        step()
        cpu_times.append((time.thread_time() - cpu_start) * 1000)
        times.append((time.perf_counter() - start) * 1000)
    print(json.dumps({
        "torch": torch.__version__, "threads": args.threads, "shape": args.shape, "depth": args.depth,
        "variant": args.variant, "train_step_ms": round(statistics.median(times), 4),
        "min_ms": round(min(times), 4), "max_ms": round(max(times), 4), "steps": count,
        # This thread's CPU time: the whole step's on 1 thread (intra-op work runs on the
        # calling thread then), steadier than wall-clock time on a busy machine.
        "cpu_ms": round(statistics.median(cpu_times), 4),
    }))


if __name__ == "__main__":
    main()
