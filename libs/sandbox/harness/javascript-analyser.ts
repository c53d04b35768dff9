/**
 * Runs inside the sandbox as `node analyser.cjs`, like the harness: the spec `{ nonce, entry }` on stdin,
 * `solution.js` read as text and parsed with acorn (bound beside it as `acorn.cjs`; the code is never executed),
 * one nonce-prefixed `analysis` line with the structure the server scores (`StaticAnalysis`), the same shape as
 * the Python analyser's.
 */
export const JAVASCRIPT_ANALYSER = String.raw`
'use strict';
const fs = require('node:fs');
const acorn = require('/code/acorn.cjs');

const spec = JSON.parse(fs.readFileSync(0, 'utf8'));
const emit = (obj) => fs.writeSync(1, '@@' + spec.nonce + ':' + JSON.stringify(obj) + '\n');
const NESTING = new Set(['IfStatement', 'ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement', 'TryStatement', 'SwitchStatement']);
const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
const ENDERS = { ReturnStatement: 'return', ThrowStatement: 'throw', BreakStatement: 'break', ContinueStatement: 'continue' };

const children = (node) => {
  const out = [];
  for (const key of Object.keys(node)) {
    if (key === 'loc') continue;
    const value = node[key];
    if (Array.isArray(value)) { for (const v of value) if (v && typeof v.type === 'string') out.push(v); }
    else if (value && typeof value.type === 'string') out.push(value);
  }
  return out;
};

function analyse(source, entry) {
  const program = acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'script', locations: true, allowHashBang: true });
  const lines = source.split('\n');
  const facts = { functions: [], names: [], unreachable: [], unusedFunctions: [], unusedVariables: [] };
  const refs = new Map();
  const properties = new Set();
  const declared = [];
  const bind = (name, line, kind) => facts.names.push({ name, line, kind });
  const bindPattern = (p, kind) => {
    if (!p) return;
    if (p.type === 'Identifier') bind(p.name, p.loc.start.line, kind);
    else if (p.type === 'ArrayPattern') p.elements.forEach((e) => bindPattern(e, kind === 'variable' ? 'unpack' : kind));
    else if (p.type === 'ObjectPattern') p.properties.forEach((e) => bindPattern(e.type === 'RestElement' ? e.argument : e.value, kind === 'variable' ? 'unpack' : kind));
    else if (p.type === 'AssignmentPattern') bindPattern(p.left, kind);
    else if (p.type === 'RestElement') bindPattern(p.argument, kind);
  };
  const codeLines = (first, last) => lines.slice(first - 1, last).filter((t) => t.trim() && !/^\s*(\/\/|\/\*|\*)/.test(t)).length;
  const depthOf = (node, depth) => {
    if (FUNCTIONS.has(node.type)) return depth;
    let deepest = depth;
    for (const child of children(node)) {
      const elseIf = node.type === 'IfStatement' && child === node.alternate && child.type === 'IfStatement';
      const inner = NESTING.has(node.type) && !elseIf && child !== node.test && child !== node.discriminant ? depth + 1 : depth;
      deepest = Math.max(deepest, FUNCTIONS.has(child.type) ? inner : depthOf(child, inner));
    }
    return deepest;
  };
  const nameOf = (node, parent) => {
    if (node.id) return node.id.name;
    if (parent && parent.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
    if (parent && (parent.type === 'MethodDefinition' || parent.type === 'Property' || parent.type === 'PropertyDefinition') && parent.key) return parent.key.name || parent.key.value || null;
    if (parent && parent.type === 'AssignmentExpression' && parent.left.type === 'MemberExpression' && !parent.left.computed) return parent.left.property.name;
    return null;
  };
  const findUnreachable = (body) => {
    for (let i = 0; i < body.length - 1; i++) {
      const kind = ENDERS[body[i].type];
      if (!kind) continue;
      const next = body.slice(i + 1).find((s) => s.type !== 'FunctionDeclaration' && s.type !== 'EmptyStatement');
      if (next) facts.unreachable.push({ line: next.loc.start.line, after: kind, afterLine: body[i].loc.start.line });
      return;
    }
  };

  const visit = (node, parent, parents) => {
    if (FUNCTIONS.has(node.type)) {
      const name = nameOf(node, parent);
      const first = node.loc.start.line, last = node.loc.end.line;
      const inMethod = parent && parent.type === 'MethodDefinition';
      if (name || first !== last) {
        const bodyStart = node.body.type === 'BlockStatement' ? node.body.loc.start.line + (node.body.loc.start.line === last ? 0 : 1) : first;
        facts.functions.push({ name: name || '(anonymous)', line: first, endLine: last, lines: Math.max(1, codeLines(bodyStart, node.body.type === 'BlockStatement' && last > first ? last - 1 : last)), maxDepth: depthOf(node.body, 0) });
      }
      if (node.type === 'FunctionDeclaration') {
        bind(node.id.name, first, 'function');
        declared.push({ name: node.id.name, line: first, fn: true });
      } else if (inMethod && name) bind(name, first, 'method');
      node.params.forEach((p) => bindPattern(p, first === last && node.type !== 'FunctionDeclaration' ? 'lambda-param' : 'parameter'));
    } else if (node.type === 'VariableDeclaration') {
      const loopHead = parent && /^For(In|Of)?Statement$/.test(parent.type) && parent.body !== node;
      for (const d of node.declarations) {
        bindPattern(d.id, loopHead ? 'loop' : 'variable');
        if (!loopHead && d.id.type === 'Identifier') declared.push({ name: d.id.name, line: d.loc.start.line, fn: false });
      }
    } else if (node.type === 'ClassDeclaration' && node.id) bind(node.id.name, node.loc.start.line, 'class');
    else if (node.type === 'CatchClause' && node.param) bindPattern(node.param, 'exception');
    else if (node.type === 'MethodDefinition' || node.type === 'PropertyDefinition') {
      const key = node.key.type === 'PrivateIdentifier' ? '#' + node.key.name : node.key.name;
      if (key && (key.startsWith('#') || key.startsWith('_')) && node.kind !== 'constructor') declared.push({ name: key, line: node.loc.start.line, method: true });
    } else if (node.type === 'Identifier') {
      const isKey = parent && ((parent.type === 'MemberExpression' && parent.property === node && !parent.computed) || ((parent.type === 'Property' || parent.type === 'MethodDefinition' || parent.type === 'PropertyDefinition') && parent.key === node && !parent.computed && !parent.shorthand));
      if (isKey) properties.add(node.name);
      else refs.set(node.name, (refs.get(node.name) || 0) + 1);
    } else if (node.type === 'PrivateIdentifier' && parent && parent.type === 'MemberExpression') properties.add('#' + node.name);
    if (node.type === 'BlockStatement' || node.type === 'Program') findUnreachable(node.body);
    if (node.type === 'SwitchCase') findUnreachable(node.consequent);
    for (const child of children(node)) visit(child, node, parents);
  };
  visit(program, null, []);
  for (const d of declared) {
    if (d.method) { if (!properties.has(d.name)) facts.unusedFunctions.push({ name: d.name, line: d.line }); continue; }
    if (d.name === entry || d.name.startsWith('_') || (refs.get(d.name) || 0) > 1) continue;
    (d.fn ? facts.unusedFunctions : facts.unusedVariables).push({ name: d.name, line: d.line });
  }
  return facts;
}

let message;
try {
  message = { type: 'analysis', facts: analyse(fs.readFileSync('/code/solution.js', 'utf8'), spec.entry) };
} catch (e) {
  message = { type: 'analysis_error', message: String(e && e.name) + ': ' + String(e && e.message).slice(0, 500) };
}
emit(message);
process.reallyExit(0);
`;
