/**
 * Runs inside the sandbox as `python3 -I -S analyser.py`, like the harness: the spec `{ nonce, entry }` on stdin,
 * `solution.py` read as text and parsed with the standard `ast` module (never executed), one nonce-prefixed
 * `analysis` line with the structure the server scores (`StaticAnalysis`): functions with their length and
 * nesting, every name bound, unreachable statements, unused functions and variables.
 */
export const PYTHON_ANALYSER = String.raw`
import ast, json, sys

NESTING = (ast.If, ast.For, ast.AsyncFor, ast.While, ast.Try, ast.With, ast.AsyncWith) + ((ast.Match,) if hasattr(ast, "Match") else ()) + ((ast.TryStar,) if hasattr(ast, "TryStar") else ())
FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
ENDERS = {ast.Return: "return", ast.Raise: "raise", ast.Break: "break", ast.Continue: "continue"}


def code_lines(lines, first, last):
    return sum(1 for text in lines[first - 1:last] if text.strip() and not text.strip().startswith("#"))


def depth_of(body, depth=0):
    """Deepest control-flow nesting in a statement list; an elif continues its if; nested functions count apart."""
    deepest = depth
    for node in body:
        if isinstance(node, FUNCTIONS + (ast.ClassDef,)):
            continue
        if isinstance(node, NESTING):
            inner = depth + 1
            deepest = max(deepest, depth_of(node.body, inner))
            orelse = getattr(node, "orelse", [])
            if isinstance(node, ast.If) and len(orelse) == 1 and isinstance(orelse[0], ast.If):
                deepest = max(deepest, depth_of(orelse, depth))
            else:
                deepest = max(deepest, depth_of(orelse, inner))
            deepest = max(deepest, depth_of(getattr(node, "finalbody", []), inner))
            for handler in getattr(node, "handlers", []):
                deepest = max(deepest, depth_of(handler.body, inner))
            for case in getattr(node, "cases", []):
                deepest = max(deepest, depth_of(case.body, inner))
    return deepest


def analyse(source, entry):
    tree = ast.parse(source)
    lines = source.split("\n")
    facts = {"functions": [], "names": [], "unreachable": [], "unusedFunctions": [], "unusedVariables": []}
    loaded = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    attributes = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}

    def bind(name, line, kind):
        facts["names"].append({"name": name, "line": line, "kind": kind})

    def bind_target(target, kind):
        if isinstance(target, ast.Name):
            bind(target.id, target.lineno, kind)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                bind_target(element, "unpack" if kind == "variable" else kind)
        elif isinstance(target, ast.Starred):
            bind_target(target.value, kind)

    def visit(node, parents):
        if isinstance(node, FUNCTIONS):
            in_class = bool(parents) and isinstance(parents[-1], ast.ClassDef)
            facts["functions"].append({"name": node.name, "line": node.lineno, "endLine": node.end_lineno, "lines": code_lines(lines, node.body[0].lineno, node.end_lineno), "maxDepth": depth_of(node.body)})
            bind(node.name, node.lineno, "method" if in_class else "function")
            one_line = node.lineno == node.end_lineno
            for arg in node.args.posonlyargs + node.args.args + node.args.kwonlyargs + [a for a in (node.args.vararg, node.args.kwarg) if a]:
                if arg.arg not in ("self", "cls"):
                    bind(arg.arg, arg.lineno, "lambda-param" if one_line else "parameter")
            private_method = in_class and node.name.startswith("_") and not node.name.endswith("__")
            if (private_method and node.name not in attributes) or (not in_class and node.name != entry and node.name not in loaded):
                facts["unusedFunctions"].append({"name": node.name, "line": node.lineno})
            if parents:
                find_unused_variables(node)
        elif isinstance(node, ast.Lambda):
            for arg in node.args.args:
                bind(arg.arg, node.lineno, "lambda-param")
        elif isinstance(node, ast.ClassDef):
            bind(node.name, node.lineno, "class")
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            for target in getattr(node, "targets", None) or [node.target]:
                bind_target(target, "variable")
        elif isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
            bind_target(node.target, "loop")
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bind(node.name, node.lineno, "exception")
        elif isinstance(node, ast.withitem) and node.optional_vars is not None:
            bind_target(node.optional_vars, "variable")
        for field in ("body", "orelse", "finalbody"):
            block = getattr(node, field, None)
            if isinstance(block, list):
                find_unreachable(block)
        for handler in getattr(node, "handlers", []):
            find_unreachable(handler.body)
        for child in ast.iter_child_nodes(node):
            visit(child, parents + [node])

    def find_unreachable(block):
        for i, statement in enumerate(block[:-1]):
            kind = ENDERS.get(type(statement))
            if kind:
                facts["unreachable"].append({"line": block[i + 1].lineno, "after": kind, "afterLine": statement.lineno})
                return

    def find_unused_variables(function):
        used = {n.id for n in ast.walk(function) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
        shared = {name for n in ast.walk(function) if isinstance(n, (ast.Global, ast.Nonlocal)) for name in n.names}
        for node in ast.walk(function):
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                name = node.targets[0].id
                if name not in used and name not in shared and not name.startswith("_"):
                    facts["unusedVariables"].append({"name": name, "line": node.lineno})

    # Module level: top-level functions also get their own variables checked.
    for node in tree.body:
        visit(node, [])
        if isinstance(node, FUNCTIONS):
            find_unused_variables(node)
    find_unreachable(tree.body)
    seen = set()
    facts["unusedVariables"] = [v for v in facts["unusedVariables"] if not ((v["name"], v["line"]) in seen or seen.add((v["name"], v["line"])))]
    return facts


def main():
    spec = json.loads(sys.stdin.read())
    nonce = spec["nonce"]
    with open("/code/solution.py", encoding="utf-8") as f:
        source = f.read()
    try:
        message = {"type": "analysis", "facts": analyse(source, spec["entry"])}
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        message = {"type": "analysis_error", "message": type(exc).__name__ + ": " + str(exc)[:500]}
    sys.stdout.write("@@" + nonce + ":" + json.dumps(message) + "\n")
    sys.stdout.flush()

main()
`;
