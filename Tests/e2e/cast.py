#!/usr/bin/env python3
"""Reads an asciicast v2 recording for Tests/e2e/record.sh.

  cast.py check FILE           every line is JSON: a v2 header, then [time, "o"|"r", data]
                               events with times that never decrease; prints the event codes
  cast.py screen W H [FILE]    plays terminal output (a file, or stdin: what `asciinema cat`
                               printed) on a W×H terminal emulator (pyte) and prints the final
                               screen, trailing blanks removed
  cast.py play FILE            the same for a recording's events, resizes included
"""
import json
import sys


def check(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if not text.endswith("\n"):
        sys.exit("the file does not end with a newline")
    lines = text.split("\n")[:-1]
    header = json.loads(lines[0])
    for key in ("version", "width", "height", "timestamp", "title"):
        if key not in header:
            sys.exit(f"the header has no {key}")
    if header["version"] != 2:
        sys.exit("not version 2")
    last = 0.0
    codes = []
    for number, line in enumerate(lines[1:], start=2):
        event = json.loads(line)
        if not (isinstance(event, list) and len(event) == 3 and event[1] in ("o", "r") and isinstance(event[2], str)):
            sys.exit(f"line {number} is not an event: {line[:80]}")
        if event[0] < last:
            sys.exit(f"line {number}: time runs backwards")
        last = event[0]
        codes.append(event[1] + (":" + event[2] if event[1] == "r" else ""))
    print(" ".join(codes))


def screen(width, height, path):
    import pyte

    data = open(path, encoding="utf-8").read() if path else sys.stdin.read()
    emulator = pyte.Screen(width, height)
    pyte.Stream(emulator).feed(data)
    for line in emulator.display:
        print(line.rstrip())


def play(path):
    import pyte

    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")[:-1]
    header = json.loads(lines[0])
    emulator = pyte.Screen(header["width"], header["height"])
    stream = pyte.Stream(emulator)
    for line in lines[1:]:
        _, code, data = json.loads(line)
        if code == "o":
            stream.feed(data)
        else:
            width, height = data.split("x")
            emulator.resize(int(height), int(width))
    for line in emulator.display:
        print(line.rstrip())


if __name__ == "__main__":
    if sys.argv[1] == "check":
        check(sys.argv[2])
    elif sys.argv[1] == "play":
        play(sys.argv[2])
    else:
        screen(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4] if len(sys.argv) > 4 else None)
