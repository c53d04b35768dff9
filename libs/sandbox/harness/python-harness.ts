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
    (a call may sort its input in place, and only one call's input is alive at a time). timeMs is the fastest CPU
    time of call["repeat"] runs: this thread's own work, so other load on the machine does not count (the process
    clock ticks coarsely under RLIMIT_CPU, the thread clock does not); two runs are enough once a call takes
    SLOW_ENOUGH_MS. Output is discarded and no return value leaves. Growth stops, by wall time, once a call took
    over the per-call budget, the total budget is spent, or the next size would likely exceed either (each step
    doubles the size)."""
    import gc
    sys.stdout = sys.stderr = Discard()
    budget, total = timing["callBudgetMs"], timing["totalBudgetMs"]
    spent, last, prev = 0.0, None, None
    for index, call in enumerate(calls):
        if last is not None:
            predicted = last * (max(2.0, last / prev) if prev else 4.0)
            if predicted > 2 * budget or spent + predicted > total:
                return
        best = wall = None
        for attempt in range(call.get("repeat", 1)):
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
                return
            cpu = (time.thread_time() - cpu_started) * 1000
            ms = (time.perf_counter() - started) * 1000
            spent += ms
            best = cpu if best is None else min(best, cpu)
            wall = ms if wall is None else min(wall, ms)
            if ms > budget / 4 or (attempt > 0 and best > SLOW_ENOUGH_MS):
                break
        emit({"type": "call", "index": index, "ok": True, "timeMs": round(best, 3)})
        if wall > budget or spent > total:
            return
        prev, last = last, wall

main()
`;
