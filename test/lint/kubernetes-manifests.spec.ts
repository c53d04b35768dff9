import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job } from 'kubernetes-models/batch/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Secret, Service } from 'kubernetes-models/v1';
import { parseAllDocuments, parse } from 'yaml';
import { loadConfig } from '../../libs/config/index.js';
import { envSchema } from '../../libs/config/config.schema.js';

type Obj = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string }; [k: string]: unknown };
type Container = {
  name: string;
  image: string;
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef: { key: string } } }[];
  [k: string]: unknown;
};

/**
 * What `kubectl kustomize` does with deploy/kubernetes, for the features used there (no kustomize binary at test
 * time): resources (files, or directories with their own kustomization), namespace, images, and strategic-merge
 * patches (maps merged by key, lists of named items merged by name, other lists replaced).
 */
function render(dir: string): Obj[] {
  const k = parse(readFileSync(join(dir, 'kustomization.yaml'), 'utf8')) as {
    resources?: string[];
    namespace?: string;
    images?: { name: string; newName?: string; newTag?: string }[];
    patches?: { path: string }[];
  };
  const objects = (k.resources ?? []).flatMap((r) =>
    r.endsWith('.yaml') ? parseAllDocuments(readFileSync(join(dir, r), 'utf8')).map((d) => d.toJS() as Obj) : render(join(dir, r)),
  );
  for (const { path } of k.patches ?? []) {
    const patch = parse(readFileSync(join(dir, path), 'utf8')) as Obj;
    const target = objects.find((o) => o.kind === patch.kind && o.metadata.name === patch.metadata.name);
    if (!target) throw new Error(`${path}: no ${patch.kind} ${patch.metadata.name} to patch`);
    merge(target, patch);
  }
  for (const o of objects) {
    if (k.namespace) o.metadata.namespace = k.namespace;
    for (const c of containers(o)) {
      const image = k.images?.find((i) => c.image.split(':')[0] === i.name);
      if (image) c.image = `${image.newName ?? image.name}${image.newTag ? `:${image.newTag}` : ''}`;
    }
  }
  return objects;
}

function merge(target: Record<string, unknown>, patch: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(patch)) {
    const current = target[key];
    if (Array.isArray(value) && Array.isArray(current) && value.every((v) => typeof v === 'object' && v && 'name' in v)) {
      for (const item of value as { name: string }[]) {
        const same = (current as { name: string }[]).find((c) => c.name === item.name);
        if (same) merge(same, item);
        else current.push(item);
      }
    } else if (value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object' && !Array.isArray(current)) {
      merge(current as Record<string, unknown>, value as Record<string, unknown>);
    } else {
      target[key] = value;
    }
  }
}

function podSpec(o: Obj): Record<string, unknown> | undefined {
  return (o.spec as { template?: { spec?: Record<string, unknown> } } | undefined)?.template?.spec;
}

function containers(o: Obj): Container[] {
  return (podSpec(o)?.containers as Container[] | undefined) ?? [];
}

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  ConfigMap,
  Secret,
  Service,
  Deployment,
  Job,
  HorizontalPodAutoscaler,
  PodDisruptionBudget,
} as never;

/** Validates against the Kubernetes JSON schemas (kubernetes-models' generated validators); throws naming the field. */
function validate(o: Obj): void {
  const Model = MODELS[o.kind];
  if (!Model) throw new Error(`no schema for kind ${o.kind}`);
  new Model(o as never).validate();
}

const BASE = 'deploy/kubernetes/base';
const OVERLAY = 'deploy/kubernetes/overlays/example';
const find = (objects: Obj[], kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name)!;

describe('Kubernetes manifests (deploy/kubernetes)', () => {
  it.each([BASE, OVERLAY])('%s renders to objects that each pass the Kubernetes schema of their kind', (dir) => {
    const objects = render(dir);
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual(
      [
        'ConfigMap/mock-interview-config',
        'Secret/mock-interview-secrets',
        'Deployment/api',
        'Service/api',
        'HorizontalPodAutoscaler/api',
        'PodDisruptionBudget/api',
        'Deployment/worker',
        'PodDisruptionBudget/worker',
        'Deployment/code-runner',
        'PodDisruptionBudget/code-runner',
        'Job/migrate',
      ].sort(),
    );
    for (const o of objects) expect(() => validate(o)).not.toThrow();
  });

  it('the validator refuses what the schema refuses (a port that is not a number)', () => {
    const api = render(BASE).find((o) => o.kind === 'Deployment')!;
    (containers(api)[0]!.ports as { containerPort: unknown }[])[0]!.containerPort = 'http';
    expect(() => validate(api)).toThrow(/containerPort must be integer/);
  });

  it('the ConfigMap and the Secret name every variable of the config schema, and nothing else', () => {
    const objects = render(BASE);
    const keys = [
      ...Object.keys(find(objects, 'ConfigMap', 'mock-interview-config').data as object),
      ...Object.keys(find(objects, 'Secret', 'mock-interview-secrets').stringData as object),
    ].filter((k) => k !== 'DATABASE_DIRECT_URL');
    expect(keys.sort()).toEqual(Object.keys(envSchema.shape).sort());
  });

  it('every container gets the ConfigMap and the Secret, and its environment is a valid production configuration', () => {
    const objects = render(OVERLAY);
    const data = find(objects, 'ConfigMap', 'mock-interview-config').data as Record<string, string>;
    const secrets = find(objects, 'Secret', 'mock-interview-secrets').stringData as Record<string, string>;
    for (const o of objects.filter((x) => x.kind === 'Deployment' || x.kind === 'Job')) {
      for (const c of containers(o)) {
        expect(c.envFrom).toEqual([{ configMapRef: { name: 'mock-interview-config' } }, { secretRef: { name: 'mock-interview-secrets' } }]);
        const own = Object.fromEntries((c.env ?? []).map((e) => [e.name, e.value ?? secrets[e.valueFrom!.secretKeyRef.key]]));
        const config = loadConfig({ ...data, ...secrets, ...own });
        expect(config.env).toBe('production');
        expect(c.image).toBe('registry.example.com/mock-interview:1.0.0');
      }
    }
    const migrate = loadConfig({ ...data, ...secrets, DATABASE_URL: secrets.DATABASE_DIRECT_URL });
    expect(migrate.database.url).toMatch(/@postgres:5432\//);
    expect(loadConfig({ ...data, ...secrets })).toMatchObject({ database: { poolMode: 'transaction' }, redis: { target: { kind: 'cluster' } } });
  });

  it('probes the api on its health endpoints, drains it before SIGTERM and scales it on CPU', () => {
    const objects = render(OVERLAY);
    const api = find(objects, 'Deployment', 'api');
    const [c] = containers(api) as (Container & {
      readinessProbe: { httpGet: { path: string } };
      livenessProbe: { httpGet: { path: string } };
      lifecycle: { preStop: { exec: { command: string[] } } };
    })[];
    expect([c!.readinessProbe.httpGet.path, c!.livenessProbe.httpGet.path]).toEqual(['/health/ready', '/health']);
    expect(c!.lifecycle.preStop.exec.command[0]).toBe('sleep');
    const config = loadConfig({
      ...(find(objects, 'ConfigMap', 'mock-interview-config').data as Record<string, string>),
      JWT_SECRET: 'x'.repeat(40),
    });
    const preStopMs = Number(c!.lifecycle.preStop.exec.command[1]) * 1000;
    // preStop, the drain's delay, its in-flight bound (half the shutdown bound) and the close all fit in the grace period.
    expect(preStopMs + config.drain.delayMs + config.queue.shutdownTimeoutMs).toBeLessThan(
      (podSpec(api)!.terminationGracePeriodSeconds as number) * 1000,
    );
    expect(find(objects, 'HorizontalPodAutoscaler', 'api').spec).toMatchObject({
      scaleTargetRef: { kind: 'Deployment', name: 'api' },
      metrics: [{ type: 'Resource', resource: { name: 'cpu' } }],
    });
  });

  it('gives the worker more time to stop than a job may take', () => {
    const objects = render(OVERLAY);
    const worker = find(objects, 'Deployment', 'worker');
    const env = Object.fromEntries((containers(worker)[0]!.env ?? []).map((e) => [e.name, e.value!]));
    const config = loadConfig({
      ...(find(objects, 'ConfigMap', 'mock-interview-config').data as Record<string, string>),
      ...env,
      JWT_SECRET: 'x'.repeat(40),
    });
    const graceMs = (podSpec(worker)!.terminationGracePeriodSeconds as number) * 1000;
    expect(config.queue.shutdownTimeoutMs).toBeGreaterThanOrEqual(config.queue.jobTimeoutMs);
    expect(graceMs).toBeGreaterThan(config.queue.shutdownTimeoutMs + 2_000);
  });

  it('runs only the code runner as root, with SETUID and SETGID and nothing else privileged', () => {
    for (const o of render(OVERLAY).filter((x) => x.kind === 'Deployment' || x.kind === 'Job')) {
      const pod = podSpec(o)!;
      expect(pod.automountServiceAccountToken).toBe(false);
      for (const c of containers(o)) {
        const sc = c.securityContext as {
          runAsUser?: number;
          privileged?: boolean;
          allowPrivilegeEscalation?: boolean;
          readOnlyRootFilesystem?: boolean;
          capabilities?: { drop?: string[]; add?: string[] };
        };
        expect(sc).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
        expect(sc.privileged).not.toBe(true);
        if (o.metadata.name === 'code-runner') {
          expect(sc.runAsUser).toBe(0);
          expect(sc.capabilities!.add).toEqual(['SETUID', 'SETGID']);
        } else {
          expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
          expect(sc.capabilities!.add).toBeUndefined();
          expect(JSON.stringify(o)).not.toContain('Unconfined');
        }
      }
    }
  });

  it('gives every Deployment a disruption budget that selects it', () => {
    const objects = render(OVERLAY);
    for (const d of objects.filter((o) => o.kind === 'Deployment')) {
      const labels = (d.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels;
      const budgets = objects.filter(
        (o) =>
          o.kind === 'PodDisruptionBudget' &&
          Object.entries((o.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels).every(([k, v]) => labels[k] === v),
      );
      expect([d.metadata.name, budgets.length]).toEqual([d.metadata.name, 1]);
    }
  });
});
