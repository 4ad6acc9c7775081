#!/usr/bin/env python3
"""Measures `cleft watch`'s latency from a save to the printed result, as a user sees it.

Starts `./cleft watch MODEL -- COMMAND...` on a copy of the ionotropic synapse in a temporary
directory, saves the copy SAVES times (default 10, alternately in place and by renaming a new
file over it, as editors do), and for each save takes the wall time from just before the write
to the moment the watch's separator line for that run has been read from its output. Prints the
median, minimum and maximum, then ends the watch with Ctrl-C (SIGINT) and checks that it exits
with 0.

    bench/latency/watch_latency.py check      # cleft check on every save
    bench/latency/watch_latency.py eval       # cleft eval --check 1e-12 on every save
"""
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MODEL = os.path.join(ROOT, "models/src/main/syn/IonotropicSynapse.syn")
REFERENCE = os.path.join(ROOT, "models/src/test/resources/reference/jaxley/IonotropicSynapse.csv")
SEPARATOR_END = "(Ctrl-C ends) --"


def main():
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    saves = int(os.environ.get("SAVES", "10"))
    with tempfile.TemporaryDirectory(prefix="cleft-watch-latency") as work:
        model = os.path.join(work, "IonotropicSynapse.syn")
        shutil.copyfile(MODEL, model)
        text = open(MODEL).read()
        args = {"check": ["check", model], "eval": ["eval", model, "--input", REFERENCE, "--check", "1e-12"],
                "eval-interpret": ["eval", model, "--input", REFERENCE, "--check", "1e-12", "--interpret"]}[command]
        watch = subprocess.Popen(
            [os.path.join(ROOT, "cleft"), "watch", model, "--"] + args,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)

        def await_separator():
            while True:
                line = watch.stdout.readline()
                if not line:
                    sys.exit("the watch ended early")
                if line.rstrip().endswith(SEPARATOR_END):
                    return line.rstrip()

        print("first run:", await_separator())
        latencies = []
        for i in range(saves):
            time.sleep(0.5)  # well past the debounce, so that every save is a run of its own
            new_text = text + "\n// save %d\n" % i
            start = time.monotonic()
            if i % 2 == 0:
                with open(model, "w") as f:
                    f.write(new_text)
            else:
                written = os.path.join(work, ".IonotropicSynapse.syn.new")
                with open(written, "w") as f:
                    f.write(new_text)
                os.replace(written, model)
            line = await_separator()
            latencies.append(time.monotonic() - start)
            if " exit 0," not in line:
                sys.exit("a run failed: " + line)
        watch.send_signal(signal.SIGINT)
        exit_code = watch.wait(timeout=10)
        print("load average: %s; %s on every save, %d saves" % (" ".join(open("/proc/loadavg").read().split()[:3]), command, saves))
        print("save to result: median %.3f s, min %.3f s, max %.3f s" % (
            statistics.median(latencies), min(latencies), max(latencies)))
        print("exit code after Ctrl-C:", exit_code)
        if exit_code != 0:
            sys.exit(1)


if __name__ == "__main__":
    main()
