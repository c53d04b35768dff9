/**
 * Runs inside the sandbox as `python3 -I -S harness.py`. Reads `{ nonce, entry, calls, captureBytes }` from
 * stdin, compiles `solution.py`, calls the entry point once per call and writes one result line per call on
 * the real stdout, prefixed with the nonce. The candidate's own prints are captured per call. Expected values
 * never enter the sandbox: the parent compares. With `timing` in the spec it only times calls (`run_timed`).
 */
export const PYTHON_HARNESS = String.raw`
import io, json, os, sys, time, traceback

def main():
    # A timing run sends each call's arguments on a line of their own after the spec (see run_timed).
    head, _, arg_lines = sys.stdin.read().partition("\n")
    spec = json.loads(head)
    nonce, entry, cap = spec["nonce"], spec["entry"], spec["captureBytes"]
    real = os.fdopen(os.dup(1), "w", encoding="utf-8")
    used = [0]

    def emit(obj):
        real.write("@@" + nonce + ":" + json.dumps(obj) + "\n")
        real.flush()

    class Capture(io.TextIOBase):
        def __init__(self):
            self.parts = []
            self.size = 0
        def writable(self):
            return True
        def write(self, s):
            s = str(s)
            used[0] += len(s)
            if used[0] > cap:
                emit({"type": "output_limit"})
                os._exit(0)
            if self.size < 8192:
                self.parts.append(s)
            self.size += len(s)
            return len(s)
        def value(self):
            return "".join(self.parts)[:8192]

    def short_trace(exc):
        lines = traceback.format_exception(type(exc), exc, exc.__traceback__)
        keep = [l for l in lines if "harness.py" not in l]
        return "".join(keep)[-4000:]

    with open("/code/solution.py", encoding="utf-8") as f:
        source = f.read()
    try:
        code = compile(source, "solution.py", "exec")
    except (SyntaxError, ValueError) as exc:
        emit({"type": "compile_error", "message": "".join(traceback.format_exception_only(type(exc), exc))[-4000:]})
        return
    out, err = Capture(), Capture()
    sys.stdout, sys.stderr = out, err
    namespace = {"__name__": "solution", "__builtins__": __builtins__}
    try:
        exec(code, namespace)
    except MemoryError:
        emit({"type": "memory_limit"})
        os._exit(0)
    except BaseException as exc:
        emit({"type": "load_error", "message": short_trace(exc), "stdout": out.value(), "stderr": err.value()})
        return
    fn = namespace.get(entry)
    if not callable(fn):
        emit({"type": "compile_error", "message": "solution.py does not define a function named " + entry})
        return
    emit({"type": "loaded", "stdout": out.value(), "stderr": err.value()})
    if spec.get("timing"):
        run_timed(fn, spec["calls"], arg_lines.split("\n"), spec["timing"], emit, short_trace)
        emit({"type": "done"})
        real.flush()
        os._exit(0)
    for index, call in enumerate(spec["calls"]):
        out, err = Capture(), Capture()
        sys.stdout, sys.stderr = out, err
        started = time.perf_counter()
        result = {"type": "call", "index": index}
        try:
            actual = fn(*call["args"])
            result["ok"] = True
            try:
                json.dumps(actual, allow_nan=False)
                result["actual"] = actual
            except (TypeError, ValueError) as exc:
                result["ok"] = False
                result["error"] = "the return value is not JSON data: " + str(exc)
        except MemoryError:
            emit({"type": "memory_limit"})
            os._exit(0)
        except BaseException as exc:
            result["ok"] = False
            result["error"] = short_trace(exc)
        result["timeMs"] = round((time.perf_counter() - started) * 1000, 3)
        result["stdout"], result["stderr"] = out.value(), err.value()
        emit(result)
    emit({"type": "done"})
    real.flush()
    os._exit(0)

class Discard(io.TextIOBase):
    def writable(self):
        return True
    def write(self, s):
        return len(s)


SLOW_ENOUGH_MS = 20


def run_timed(fn, calls, arg_lines, timing, emit, short_trace):
    """Timing only: the clock runs around the call alone, on arguments parsed afresh from their line for each run
    (a call may sort its input in place, and only one call's input is alive at a time). A call's timeMs is its
    fastest CPU time over all its runs, emitted again whenever it improves: this thread's own work, so time spent
    waiting for a core does not count (the process clock ticks coarsely under RLIMIT_CPU, the thread clock does
    not), and what load still adds only ever adds. Output is discarded and no return value leaves. The calls are
    timed in rounds, so that a burst of load slows one run of several sizes rather than every run of one size:
    the first round runs each call call["repeat"] times in a row (a warm-up; two are enough once a call takes
    SLOW_ENOUGH_MS) and grows until a call took over the per-call budget, the round's calls together over its share
    of the total (total / rounds), or the next call would likely exceed either (each step doubles the size): a
    call's own cost is its CPU time (one preemption must not end the growth), what the run spends is wall time
    (what a submission waits for); each later round runs every call the first one reached once more, in the same order, while the
    longest round so far still fits in what is left of the total budget."""
    import gc
    sys.stdout = sys.stderr = Discard()
    budget, total, rounds = timing["callBudgetMs"], timing["totalBudgetMs"], timing["rounds"]
    share = total / rounds
    best = []
    spent = [0.0]

    def time_once(index):
        """One timed run of a call: its CPU time, or None when it raised (reported; the timing run ends)."""
        args = json.loads(arg_lines[index])
        gc.collect()
        started, cpu_started = time.perf_counter(), time.thread_time()
        try:
            fn(*args)
        except MemoryError:
            emit({"type": "memory_limit"})
            os._exit(0)
        except BaseException as exc:
            emit({"type": "call", "index": index, "ok": False, "error": short_trace(exc), "timeMs": 0})
            return None
        cpu = (time.thread_time() - cpu_started) * 1000
        ms = (time.perf_counter() - started) * 1000
        spent[0] += ms
        if index == len(best):
            best.append(cpu)
        elif cpu < best[index]:
            best[index] = cpu
        else:
            return cpu
        emit({"type": "call", "index": index, "ok": True, "timeMs": round(cpu, 3)})
        return cpu

    last = prev = None
    for index, call in enumerate(calls):
        if last is not None:
            predicted = last * (max(2.0, last / prev) if prev else 4.0)
            if predicted > 2 * budget or spent[0] + predicted > share:
                break
        for attempt in range(call.get("repeat", 1)):
            cpu = time_once(index)
            if cpu is None:
                return
            if cpu > budget / 4 or (attempt > 0 and best[index] > SLOW_ENOUGH_MS):
                break
        if best[index] > budget or spent[0] > share:
            break
        prev, last = last, best[index]
    longest = spent[0]
    for _ in range(1, rounds):
        if spent[0] + longest > total:
            return
        before = spent[0]
        for index in range(len(best)):
            if time_once(index) is None:
                return
        longest = max(longest, spent[0] - before)

main()
`;
