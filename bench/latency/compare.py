#!/usr/bin/env python3
"""Compares the wall and CPU time of several ways of running cleft's short commands.

On a shared machine the load changes from one minute to the next, so the configurations run in
turn, round after round (ROUNDS, default 10), and each gets the median of its own runs: the
ratios between rows of one run mean something, the absolute figures only as much as the load
allows. CPU time (user + system of the child) is less disturbed by other processes than wall
time.

    bench/latency/compare.py                # the configurations below, every command
    ROUNDS=5 bench/latency/compare.py check # one command

Configurations: `java -jar` as before this change (G1, tiered JIT, the JDK's default class
archive only); with this jar's class archive; with C1 and the serial collector; both (what
./cleft does for check, compile and eval); and ./cleft itself, its staleness check included.
"""
import glob
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MODELS = os.path.join(ROOT, "models/src/main/syn")
REFERENCE = os.path.join(ROOT, "models/src/test/resources/reference/jaxley/IonotropicSynapse.csv")


def main():
    os.chdir(ROOT)
    subprocess.run(["./cleft", "--version"], check=True, stdout=subprocess.DEVNULL)  # builds, archives
    jar = max(glob.glob("compiler/target/cleft-compiler-*-cli.jar"), key=os.path.getmtime)
    archives = [a for a in glob.glob(jar[:-len(".jar")] + "-*.jsa") if os.path.getmtime(a) >= os.path.getmtime(jar)]
    if not archives:
        sys.exit("no class archive next to " + jar + "; ./cleft makes one")
    cds = ["-XX:SharedArchiveFile=" + archives[0], "-Xlog:cds=off", "-Xlog:cds+dynamic=off"]
    c1 = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
    configurations = [
        ("java -jar (before)", ["java", "-jar", jar]),
        ("+ class archive", ["java"] + cds + ["-jar", jar]),
        ("+ C1, serial GC", ["java"] + c1 + ["-jar", jar]),
        ("+ both", ["java"] + cds + c1 + ["-jar", jar]),
        ("./cleft (after)", ["./cleft"]),
    ]
    # TsodyksMarkram is not in the archive's training run: the JVM has never seen it.
    commands = {
        "check": ["check", os.path.join(MODELS, "TsodyksMarkram.syn")],
        "eval": ["eval", os.path.join(MODELS, "IonotropicSynapse.syn"), "--input", REFERENCE, "--check", "1e-12"],
        "eval --interpret": ["eval", os.path.join(MODELS, "IonotropicSynapse.syn"), "--input", REFERENCE, "--check", "1e-12", "--interpret"],
        "run --tstop 100": ["run", os.path.join(MODELS, "ExpSyn.syn"), "--tstop", "100", "--compartment", "passive"],
    }
    chosen = sys.argv[1:] or list(commands)
    rounds = int(os.environ.get("ROUNDS", "10"))
    wall, cpu = {}, {}
    load_before = open("/proc/loadavg").read().split()[:3]
    for _ in range(rounds):
        for command in chosen:
            for name, prefix in configurations:
                before = os.times()
                start = time.monotonic()
                result = subprocess.run(prefix + commands[command], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                end = time.monotonic()
                after = os.times()
                if result.returncode != 0:
                    sys.exit("failed (%d): %s" % (result.returncode, " ".join(prefix + commands[command])))
                wall.setdefault((command, name), []).append(end - start)
                cpu.setdefault((command, name), []).append(
                    after.children_user - before.children_user + after.children_system - before.children_system)
    print("load average before: %s, after: %s; %d rounds; medians in seconds" % (
        " ".join(load_before), " ".join(open("/proc/loadavg").read().split()[:3]), rounds))
    print("| command | configuration | wall | CPU |")
    print("|---|---|---:|---:|")
    for command in chosen:
        for name, _ in configurations:
            print("| %s | %s | %.3f | %.3f |" % (
                command, name, statistics.median(wall[(command, name)]), statistics.median(cpu[(command, name)])))


if __name__ == "__main__":
    main()
