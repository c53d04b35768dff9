import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * apps/web reads the api through the types generated from openapi.json (`api-types.ts`, `Schema<'Name'>`); a
 * hand-declared copy of a response drifts from the server unnoticed. These are the ways a copy shows itself: a type
 * named like a schema of the document, an object type with exactly the fields of one, or `api<T>()` / `apiGet<T>()`
 * naming the answer's type by hand.
 */
const root = process.cwd();
const WEB = join(root, 'apps/web/src');

type SchemaNode = { properties?: Record<string, unknown>; [key: string]: unknown };

/** Every named schema of the document, and the field set of every object schema in it (named or inline). */
function contract(document: { components: { schemas: Record<string, SchemaNode> }; paths: unknown }) {
  const fieldSets = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const { properties } = node as SchemaNode;
    if (properties && typeof properties === 'object' && Object.keys(properties).length >= 3) fieldSets.add(Object.keys(properties).sort().join(','));
    Object.values(node).forEach(walk);
  };
  walk(document);
  return { names: new Set(Object.keys(document.components.schemas)), fieldSets };
}

/** Aliases of the generated REST types or of the protocol's socket types (both made from the same zod schemas). */
const isGeneratedAlias = (node: ts.TypeAliasDeclaration, source: ts.SourceFile) =>
  /^((Pick|Omit|Extract|NonNullable)<)?(Schema<|components\[|ApiRequest<|ApiResponse<|ServerEvent<|ClientAckData\[|ClientPayload<)/.test(
    node.type.getText(source),
  );

function memberNames(members: ts.NodeArray<ts.TypeElement>, source: ts.SourceFile): string[] {
  return members.filter(ts.isPropertySignature).map((m) => m.name.getText(source).replace(/^['"]|['"]$/g, ''));
}

/** The hand-declared api types in one file of the web client, as `name (why)`. */
export function handDeclaredApiTypes(fileName: string, text: string, api: ReturnType<typeof contract>): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) {
      const name = node.name.text;
      const generated = ts.isTypeAliasDeclaration(node) && isGeneratedAlias(node, source);
      if (!generated && (api.names.has(name) || api.names.has(name.replace(/(Dto|View)$/, ''))))
        found.push(`${name} (named like the schema ${name.replace(/(Dto|View)$/, '')})`);
      const members = ts.isInterfaceDeclaration(node) ? node.members : ts.isTypeLiteralNode(node.type) ? node.type.members : undefined;
      const fields = members ? memberNames(members, source) : [];
      if (fields.length >= 3 && api.fieldSets.has([...fields].sort().join(','))) found.push(`${name} (the fields of a response schema)`);
    }
    if (ts.isCallExpression(node) && node.typeArguments?.length && /^(api|apiGet)$/.test(node.expression.getText(source))) {
      found.push(`${node.expression.getText(source)}<${node.typeArguments.map((t) => t.getText(source)).join(', ')}> (a hand-named answer type)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function webFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? webFiles(join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !/\.spec\.tsx?$|\.d\.ts$|^api-types\.ts$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

describe('web client api types', () => {
  const api = contract(JSON.parse(readFileSync(join(root, 'openapi.json'), 'utf8')));
  const sut = (text: string) => handDeclaredApiTypes('apps/web/src/x.tsx', text, api);

  it('apps/web declares no api response type by hand', () => {
    const found = webFiles(WEB).flatMap((file) =>
      handDeclaredApiTypes(file, readFileSync(file, 'utf8'), api).map((f) => `${file.slice(root.length + 1)}: ${f}`),
    );
    expect(found).toEqual([]);
  });

  it.each([
    ['a type named like a schema', 'interface Progress { streak: number }'],
    ['a Dto named like a schema', 'export type WaitlistStatusDto = { status: string };'],
    [
      'an object type with the fields of a schema',
      'interface Agreement { n: number; exact: number | null; withinOne: number | null; kappa: number | null; kappaNote?: string }',
    ],
    ['a hand-named answer of api()', "const x = api<{ accessToken: string }>('POST', '/api/auth/login');"],
    ['a hand-named answer of apiGet()', "const q = apiGet<Row[]>('/api/review/queue');"],
  ])('finds %s', (_, text) => {
    expect(sut(text)).toHaveLength(1);
  });

  it('allows the generated types and types that are not the api', () => {
    expect(
      sut(
        "type Progress = Schema<'Progress'>;\ntype Body = NonNullable<ApiRequest<'/api/admin/rollout', 'PUT'>['body']>;\ninterface Props { open: boolean; title: string; onClose(): void }",
      ),
    ).toEqual([]);
  });
});
