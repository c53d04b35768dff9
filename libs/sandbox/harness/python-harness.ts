/**
 * Runs inside the sandbox as `python3 -I -S harness.py`. Reads `{ nonce, entry, calls, captureBytes }` from
 * stdin, compiles `solution.py`, calls the entry point once per call and writes one result line per call on
 * the real stdout, prefixed with the nonce. The candidate's own prints are captured per call. Expected values
 * never enter the sandbox: the parent compares.
 */
export const PYTHON_HARNESS = String.raw`
import io, json, os, sys, time, traceback

def main():
    spec = json.loads(sys.stdin.read())
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

main()
`;
