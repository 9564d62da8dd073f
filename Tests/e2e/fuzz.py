#!/usr/bin/env python3
"""Fuzzes the real normtui binary: generated `compute` inputs and command-line options.

    Tests/e2e/fuzz.py PATH/TO/normtui [--seed S] [--scale F] [--jobs J]

Every process must end within its timeout with
  - status 0 (and, for compute --format json, one valid JSON object on stdout), or
  - status 2, nothing on stdout and exactly one line on stderr, starting "error: ", or
  - for `train` only, status 3 and one line starting "diverged: " (a run that blew up).
A status >= 128 (a signal: trap, segfault, OOM kill), "Fatal error" anywhere in the output,
a timeout, or any other shape of output is a failure. Prints `N passed, M failed`.
--scale multiplies the number of cases (default 1: ~300 compute inputs and ~300 command
lines, about a minute on two cores). Standard library only.
"""
import argparse
import concurrent.futures
import json
import math
import os
import random
import resource
import subprocess
import sys
import tempfile

VARIANTS = ["batch", "layer", "instance", "group", "rms", "none"]


# ---------------------------------------------------------------------------------------
# compute inputs

def number(rng, extreme=0.05):
    if rng.random() < extreme:
        return rng.choice([
            "3.4028235e38", "-3.4028235e38", "1.17549435e-38", "1e-45", "-0.0", "0", "3.5e38", "1e39",
            "1e308", "1e400", "-1e400", "4.9e-324", "123456789012345678901234567890", "16777217",
        ])
    return repr(rng.uniform(-4, 4) * rng.choice([1, 1, 1, 1e-6, 1e3, 1e6]))


def numbers(rng, count, extreme=0.05):
    return "[" + ",".join(number(rng, extreme) for _ in range(count)) + "]"


def valid_fields(rng, backward=True):
    variant = rng.choice(VARIANTS)
    n, c, h, w = rng.randint(1, 4), rng.randint(1, 6), rng.randint(1, 4), rng.randint(1, 4)
    groups = 1
    if variant == "batch" and n * h * w < 2:
        n = 2
    if variant == "instance" and h * w < 2:
        h = 2
    if variant == "group":
        c = rng.choice([2, 4, 6])
        groups = rng.choice([1, 2, c])
    count = n * c * h * w
    fields = [("variant", json.dumps(variant)), ("shape", f"[{n},{c},{h},{w}]"), ("x", numbers(rng, count, 0.01))]
    if variant == "group":
        fields.append(("groups", str(groups)))
    if rng.random() < 0.3:
        fields.append(("eps", rng.choice(["1e-5", "0.001", "1e-12", "1"])))
    if rng.random() < 0.3:
        fields.append(("eps_placement", rng.choice(['"inside"', '"outside"'])))
    if rng.random() < 0.2:
        fields.append(("variance_algorithm", rng.choice(['"two-pass"', '"welford"', '"naive"'])))
    if variant == "batch" and rng.random() < 0.3:
        fields.append(("mode", rng.choice(['"train"', '"eval"'])))
    if variant != "none" and rng.random() < 0.3:
        fields.append(("gamma", numbers(rng, c, 0)))
    if variant not in ("none", "rms") and rng.random() < 0.3:
        fields.append(("beta", numbers(rng, c, 0)))
    if backward and rng.random() < 0.4:
        fields.append(("dy", numbers(rng, count, 0)))
    return fields


def obj(fields):
    return "{" + ",".join(f'"{k}":{v}' for k, v in fields) + "}"


def wrong_value(rng, depth=0):
    choices = ["null", "true", '""', '"batch"', '"💥"', "[]", "{}", '["1"]', "[null]", number(rng, 0.5)]
    if depth < 2:
        choices += ["[" + wrong_value(rng, depth + 1) + "]", '{"a":' + wrong_value(rng, depth + 1) + "}"]
    return rng.choice(choices)


def compute_input(rng):
    """One input as bytes, and a short name of the family it came from."""
    family = rng.choice(["valid", "truncated", "wrong-type", "shape", "extreme", "eps0-constant", "enormous",
                         "nesting", "junk", "byte-flip"])
    if family == "valid":
        return obj(valid_fields(rng)).encode(), family
    if family == "truncated":
        text = obj(valid_fields(rng)).encode()
        return text[: rng.randrange(len(text))], family
    if family == "wrong-type":
        fields = valid_fields(rng)
        name = rng.choice(["variant", "shape", "x", "groups", "eps", "eps_placement", "mode", "momentum", "gamma",
                           "beta", "running_mean", "running_var", "dy", "variance_algorithm"])
        fields = [f for f in fields if f[0] != name] + [(name, wrong_value(rng))]
        return obj(fields).encode(), family
    if family == "shape":
        dims = rng.choice([
            [], [2], [2, 3, 4], [1, 1, 1, 1, 1], ["0", 1, 1, 1], [-1, 2, 2, 2], ["1.5", 2, 2, 2],
            ["1e300", 1, 1, 1], [65536, 65536, 65536, 65536], [9223372036854775807, 2, 1, 1],
            [1, 1, 16384, 16384], [2, 2, 16384, 16384], ['"2"', 2, 2, 2], [4096, 4096, 4, 4],
        ])
        variant = rng.choice(VARIANTS)
        fields = [("variant", json.dumps(variant)), ("shape", "[" + ",".join(map(str, dims)) + "]"),
                  ("x", rng.choice(["[]", "[1]", "[1,2,3,4]"]))]
        if variant == "group":
            fields.append(("groups", "1"))
        return obj(fields).encode(), family
    if family == "extreme":
        fields = valid_fields(rng)
        count = fields[2][1].count(",") + 1
        values = [rng.choice(["3.4028235e38", "-3.4028235e38", "1e-45", "-1e-45", "0", "1e38", "-1e38", "1e-38"])
                  for _ in range(count)]
        fields[2] = ("x", "[" + ",".join(values) + "]")
        return obj(fields).encode(), family
    if family == "eps0-constant":
        fields = [f for f in valid_fields(rng) if f[0] not in ("eps",)]
        count = fields[2][1].count(",") + 1
        constant = rng.choice(["0", "1", "-2.5", "1e30", "3.4028235e38"])
        fields[2] = ("x", "[" + ",".join([constant] * count) + "]")
        fields.append(("eps", rng.choice(["0", "0.0", "1e-45", "4.9e-324"])))
        return obj(fields).encode(), family
    if family == "enormous":
        fields = valid_fields(rng)
        count = fields[2][1].count(",") + 1
        values = fields[2][1][1:-1].split(",")
        values[rng.randrange(count)] = rng.choice(["1e39", "1e308", "1e400", "-1e400", "1" + "0" * 400])
        fields[2] = ("x", "[" + ",".join(values) + "]")
        if rng.random() < 0.3:
            fields.append(("eps", rng.choice(["1e308", "1e400", "3.4e38"])))
        return obj(fields).encode(), family
    if family == "nesting":
        depth = rng.choice([100, 513, 5000, 100000])
        inner = "[" * depth + "1" + "]" * depth
        return ('{"variant":"layer","shape":' + inner + ',"x":[1]}').encode(), family
    if family == "junk":
        kind = rng.randrange(4)
        if kind == 0:
            return bytes(rng.randrange(256) for _ in range(rng.randrange(200))), family
        if kind == 1:
            junk = rng.choice(["\u0000", "\ufeff", "💥", "\u202ebatch", "ｂａｔｃｈ", "\\ud800"])
            return ('{"variant":"' + junk + '","shape":[1,1,1,2],"x":[1,2]}').encode(), family
        if kind == 2:
            data = bytearray(obj(valid_fields(rng)).encode())
            data[rng.randrange(len(data)):rng.randrange(len(data))] = rng.choice([b"\xff", b"\xc0\x80", b"\xed\xa0\x80"])
            return bytes(data), family
        return rng.choice([b'{"variant":"layer","shape":[1,1,1,2],"x":[NaN,1]}', b"", b" ", b"{'a':1}",
                           b'{"variant":"layer","shape":[1,1,1,2],"x":[1,2]} trailing']), family
    data = bytearray(obj(valid_fields(rng)).encode())
    for _ in range(rng.randint(1, 3)):
        data[rng.randrange(len(data))] = rng.choice(b'{}[],:"0123456789.-e ')
    return bytes(data), "byte-flip"


# ---------------------------------------------------------------------------------------
# command lines

# (option, bad values): every value here must be refused.
BAD_EXPERIMENT = {
    "--variant": ["batchy", "", "BATCH", "batch ", "💥", "none,batch"],
    "--groups": ["0", "-1", "abc", "1.5", "99999999999999999999", "3", "1e3"],
    "--shape": ["0x1x1x1", "32x16x8", "axbxcxd", "1000000x1000000x1000000x1000000", "99999999999999999999x1",
                "-1x2x2x2", "2x2x2x2x2", "", "x", "1024x512x16x16", "9223372036854775807x2x1x1", "8x4x1x1"],
    "--model": ["cnn", "", "MLP"],
    "--depth": ["0", "13", "-1", "three", "1000000000000", "99999999999999999999"],
    "--dataset": ["mnist", "", "../../etc/passwd", "digits\n", "💥"],
    "--lr": ["0", "-1", "nan", "inf", "-inf", "1e400", "abc", "", "0x"],
    "--momentum": ["1", "-0.1", "nan", "inf", "2", "x"],
    "--weight-decay": ["-1", "inf", "nan", "y"],
    "--bn-momentum": ["2", "-1", "nan", "inf"],
    "--eps": ["-1", "nan", "inf", "-0.1", "e"],
    "--eps-placement": ["middle", "", "INSIDE"],
    "--variance": ["three-pass", "", "kahan"],
    "--seed": ["-1", "18446744073709551616", "abc", "1.5", ""],
}
# A valid value for every option, small and fast.
GOOD_EXPERIMENT = {
    "--variant": VARIANTS,
    "--groups": ["1", "2", "4"],
    "--shape": ["8x4x4x4", "4x4x3x3", "6x8x2x2"],
    "--depth": ["1", "2"],
    "--dataset": ["blobs", "stripes", "contrast", "digits"],
    "--lr": ["0.01", "0.1", "1e-4"],
    "--momentum": ["0", "0.5", "0.9"],
    "--weight-decay": ["0", "1e-4"],
    "--bn-momentum": ["0", "0.1", "1"],
    "--eps": ["1e-5", "0.001", "0"],
    "--eps-placement": ["inside", "outside"],
    "--variance": ["two-pass", "welford", "naive"],
    "--seed": ["0", "1", "18446744073709551615"],
}
# Shapes bench must refuse: malformed, or too large to allocate (refused up front, with the limit).
BENCH_BAD_SHAPES = ["0x1x1x1", "32x16x8", "99999999999999999999x1", "-1x2x2x2", "16384x16384x1x1", "1024x1024x16x16"]
BAD_COMMAND = {
    "train": {"--steps": ["0", "-5", "abc", "99999999999999999999", "1.5", ""], "--format": ["xml", ""],
              "--eval-every": ["-1", "x", "99999999999999999999"]},
    "snapshot": {"--width": ["0", "1001", "-5", "99999999999999999999", "w"], "--height": ["0", "1001", "-1", "h"],
                 "--steps": ["-1", "1000001", "x"], "--keys": ["Hyper", "F13", "ab", "C-x"]},
    "bench": {"--threads": ["0", "65", "-1", "x"], "--format": ["yaml", ""],
              "--shape": ["0x1x1x1", "99999999999999999999x1", "1x1x1"]},
    "ui": {},
}
GOOD_COMMAND = {
    "train": {"--steps": ["1", "2", "3"], "--format": ["csv", "jsonl"], "--eval-every": ["0", "1", "2"]},
    "snapshot": {"--width": ["1", "20", "80", "120", "250"], "--height": ["1", "5", "24", "40", "80"],
                 "--steps": ["0", "1", "2"], "--keys": ["", "] x", "e Down 5 Enter", "? Escape", "Tab z q"]},
    "bench": {"--shape": ["2x2x2x2", "4x4x2x2"], "--format": ["text", "json"], "--threads": ["1", "2"]},
    "ui": {"--ascii": [None], "--no-color": [None]},
}


def command_line(rng, command, options_present):
    """A command line for `command` (None for the bare UI), and whether it should be accepted."""
    args = [] if command == "ui" else [command]
    if command == "train":
        args += ["--steps", "2"]
    if command == "bench":
        args += ["--variant", rng.choice(VARIANTS[:5]), "--shape", "2x4x2x2"]
    if command in ("train", "snapshot"):
        args += ["--shape", "8x4x4x4", "--depth", "1", "--dataset", "blobs"]
    valid = rng.random() < 0.25
    mutations = rng.randint(1, 3)
    for _ in range(mutations):
        command_options = dict(GOOD_COMMAND[command])
        if not valid and rng.random() < 0.5 and BAD_COMMAND[command]:
            name = rng.choice(sorted(BAD_COMMAND[command]))
            args += [name, rng.choice(BAD_COMMAND[command][name])]
            continue
        if not valid:
            kind = rng.random()
            if kind < 0.7:
                if command == "bench":
                    # bench applies the training options only with --train; the kernels read these.
                    name = rng.choice(["--variant", "--eps", "--eps-placement", "--variance", "--bn-momentum",
                                       "--shape"])
                    values = BENCH_BAD_SHAPES[:-2] if name == "--shape" else BAD_EXPERIMENT[name]
                else:
                    name = rng.choice(sorted(BAD_EXPERIMENT))
                    values = BAD_EXPERIMENT[name]
                if name == "--groups":
                    args += ["--variant", "group"]  # other variants ignore the number of groups
                args += [name, rng.choice(values)]
            elif kind < 0.8:
                args.append(rng.choice(["--unknown", "-z", "--steps=", "extra-argument", "--lr=--lr"]))
            elif kind < 0.9:
                args.append(rng.choice(sorted(BAD_EXPERIMENT)))  # an option with its value missing, at the end
                return args, False
            else:
                args += ["--seed", "1", "--seed", "x"]
            continue
        # valid
        if command_options and rng.random() < 0.5:
            name = rng.choice(sorted(command_options))
            value = rng.choice(command_options[name])
            args += [name] if value is None else [name, value]
        elif command != "bench":
            name = rng.choice(["--variant", "--eps", "--eps-placement", "--variance", "--seed", "--lr",
                               "--momentum", "--weight-decay", "--bn-momentum"])
            args += [name, rng.choice(GOOD_EXPERIMENT[name])]
    if valid and "--variant" in args:
        # group norm needs C divisible by G: give it one that always divides.
        i = len(args) - 1 - args[::-1].index("--variant")
        if args[i + 1] == "group":
            args += ["--groups", "1"]
    return args, valid


# ---------------------------------------------------------------------------------------
# running and judging

class Case:
    def __init__(self, name, args, stdin=None, expect=None, timeout=20.0, says=None):
        self.name, self.args, self.stdin, self.expect, self.timeout = name, args, stdin, expect, timeout
        self.says = says  # a fragment the error line must contain


def judge(case, returncode, out, err):
    """None if the outcome is acceptable, else what is wrong."""
    text = out.decode("utf-8", "replace") + err.decode("utf-8", "replace")
    if returncode is None:
        return f"no exit within {case.timeout:.0f} s"
    if returncode < 0 or returncode >= 128:
        return f"killed by a signal / crashed (status {returncode})"
    if "Fatal error" in text or "Current stack trace" in text or "Crash" in text:
        return "a trap: " + text.strip().splitlines()[0][:200]
    lines = err.decode("utf-8", "replace").splitlines()
    if returncode == 2:
        if out:
            return f"status 2 but stdout is not empty: {out[:120]!r}"
        if len(lines) != 1 or not lines[0].startswith("error: ") or len(lines[0]) < 10:
            return f"status 2 needs one `error: …` line on stderr, got {len(lines)} lines: {err[:300]!r}"
        if case.expect == "accept":
            return f"a valid command line was refused: {lines[0]}"
        if case.says and case.says not in lines[0]:
            return f"the error does not say {case.says!r}: {lines[0]}"
        return None
    if returncode == 3 and case.args and case.args[0] == "train":
        if len(lines) != 1 or not lines[0].startswith("diverged: "):
            return f"status 3 needs one `diverged: …` line, got {err[:300]!r}"
        return None
    if returncode != 0:
        return f"status {returncode}: {text[:300]!r}"
    if case.expect == "refuse":
        return "invalid input was accepted (status 0)"
    if case.args[:1] == ["compute"] and "json" in case.args:
        try:
            value = json.loads(out)
        except ValueError as error:
            return f"stdout is not valid JSON ({error}): {out[:200]!r}"
        if not isinstance(value, dict) or "y" not in value:
            return f"JSON output has no y: {out[:200]!r}"
        for key, values in value.items():
            if any(not isinstance(v, (int, float)) or not math.isfinite(v) for v in values):
                return f"JSON output {key} has a non-number"
    if case.args[:1] == ["snapshot"] and case.expect == "accept":
        heights = [case.args[i + 1] for i, arg in enumerate(case.args[:-1]) if arg == "--height"]
        height = int(heights[-1]) if heights else 40  # the last one counts
        if len(out.decode("utf-8", "replace").splitlines()) != height:
            return f"snapshot printed {len(out.splitlines())} lines, not {height}"
    return None


# A process may not use more than this much address space: a shape too large for memory must
# be refused up front, not discovered by the kernel's OOM killer (or by the other jobs here).
ADDRESS_SPACE_LIMIT = 3 << 30


def limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_LIMIT, ADDRESS_SPACE_LIMIT))


def run_case(binary, case):
    env = dict(os.environ, SWIFT_BACKTRACE="enable=no", LANG="C.UTF-8")
    try:
        process = subprocess.run([binary] + case.args, input=case.stdin, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, timeout=case.timeout, env=env, preexec_fn=limit_memory,
                                 stdin=None if case.stdin is not None else subprocess.DEVNULL)
        return judge(case, process.returncode, process.stdout, process.stderr)
    except subprocess.TimeoutExpired as expired:
        return judge(case, None, expired.stdout or b"", expired.stderr or b"")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary", nargs="?", default=".build/debug/normtui")
    parser.add_argument("--seed", type=int, default=int(os.environ.get("FUZZ_SEED", "20240607")))
    parser.add_argument("--scale", type=float, default=float(os.environ.get("FUZZ_SCALE", "1")))
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    options = parser.parse_args()
    binary = os.path.realpath(options.binary)
    if not os.access(binary, os.X_OK):
        print(f"no binary at {binary}")
        return 2
    rng = random.Random(options.seed)
    has_bench = subprocess.run([binary, "bench", "--help"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL).returncode == 0
    tmp = tempfile.mkdtemp(prefix="normtui-fuzz-")
    cases = []
    families = {}
    for i in range(int(300 * options.scale)):
        data, family = compute_input(rng)
        families[family] = families.get(family, 0) + 1
        path = os.path.join(tmp, f"case-{i}.json")
        with open(path, "wb") as file:
            file.write(data)
        form = rng.choice(["json", "json", "text"])
        if rng.random() < 0.2:
            cases.append(Case(f"compute/{family}/{i} (stdin)", ["compute", "--input", "-", "--format", form], stdin=data))
        else:
            cases.append(Case(f"compute/{family}/{i}", ["compute", "--input", path, "--format", form]))
    cases.append(Case("compute/missing file", ["compute", "--input", os.path.join(tmp, "none.json")], expect="refuse"))
    cases.append(Case("compute/a directory", ["compute", "--input", tmp], expect="refuse"))
    cases.append(Case("compute/no --input", ["compute"], expect="refuse"))
    cases.append(Case("compute/--input without a value", ["compute", "--input"], expect="refuse"))
    commands = {"train": 90, "snapshot": 90, "ui": 70}
    if has_bench:
        commands["bench"] = 40
    for command, count in commands.items():
        for i in range(int(count * options.scale)):
            args, valid = command_line(rng, command, None)
            # The UI refuses to start without a terminal, after checking its options.
            expect = "refuse" if command == "ui" or not valid else "accept"
            if command == "ui" and not valid:
                expect = "refuse"
            case = Case(f"{command}/{i}", args, expect=expect, timeout=60.0 if command == "bench" else 20.0)
            if command == "train" and valid:
                case.expect = None  # a valid run may still diverge (status 3): judged by its output
            cases.append(case)
    # Every bad value once, through `train` (all commands share the experiment options).
    for name, values in sorted(BAD_EXPERIMENT.items()):
        for value in values:
            extra = ["--variant", "group"] if name == "--groups" else []
            cases.append(Case(f"train {name} {value!r}", ["train", "--steps", "1"] + extra + [name, value],
                              expect="refuse"))
    if has_bench:
        for shape in BENCH_BAD_SHAPES:
            cases.append(Case(f"bench --shape {shape}", ["bench", "--variant", "layer", "--shape", shape],
                              expect="refuse", timeout=60.0, says="limit" if shape.startswith("1024") else None))
    # A shape too large for memory is refused up front, naming the limit.
    for command in (["train", "--steps", "1"], ["snapshot"], []):
        cases.append(Case(f"{command[:1]} shape over the limit", command + ["--shape", "1024x512x16x16"],
                          expect="refuse", says="limit"))
        cases.append(Case(f"{command[:1]} mlp shape over the limit", command + ["--model", "mlp", "--shape", "100000x100"],
                          expect="refuse", says="limit"))
    passed = failed = 0
    print(f"fuzz: seed {options.seed}, {len(cases)} processes, compute families {families}"
          + ("" if has_bench else "; no bench command in this binary"), flush=True)
    with concurrent.futures.ThreadPoolExecutor(max_workers=options.jobs) as pool:
        futures = {pool.submit(run_case, binary, case): case for case in cases}
        for future in concurrent.futures.as_completed(futures):
            case = futures[future]
            problem = future.result()
            if problem is None:
                passed += 1
            else:
                failed += 1
                print(f"not ok - {case.name}: {problem}\n    args: {case.args}"
                      + (f"\n    input: {case.stdin[:200]!r}" if case.stdin else ""), flush=True)
    for name in os.listdir(tmp):
        os.remove(os.path.join(tmp, name))
    os.rmdir(tmp)
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
