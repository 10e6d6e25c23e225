// The JSON reports of unused (or used) permissions, each read into entries: the short form,
// GetFindingV2's finding details, GetServiceLastAccessedDetails and CloudTrail events. findings.ts
// tells which one a text is, and what the entries mean.
import type { FindingsEntry } from './findings';
import { entry, stringValue, type JsonObject, type JsonValue } from './json';
import { quote, Refusal, type LineMap } from './source';
import { foldCase } from './universe';

const SERVICE_TEXT = /^[A-Za-z0-9-]+$/;
const SERVICE_PATTERN = /^[A-Za-z0-9*?-]+$/;

/**
 * A service prefix from the input, lower case, or an error at `at` saying what is wrong with it.
 * Where a person may write the list (`wildcards`), `*` and `?` make it a pattern that stands for the
 * services it matches; reports AWS writes (last-accessed data, CloudTrail) never hold one.
 */
function servicePrefix(text: string, at: number, wildcards = false): string {
  if (!(wildcards ? SERVICE_PATTERN : SERVICE_TEXT).test(text))
    throw new Refusal(
      at,
      /[*?]/.test(text)
        ? `${quote(text)}: AWS never writes a wildcard here; name the service, like s3 or vpc-lattice`
        : `${quote(text)} is not a service prefix like s3 or vpc-lattice`,
    );
  return foldCase(text);
}

/** The short form, `[{"serviceNamespace": "s3", "actions": ["GetObject"]}]`; no "actions": all of it. */
export function shortFormEntries(items: JsonValue[], lines: LineMap): FindingsEntry[] {
  const entries: FindingsEntry[] = [];
  for (const item of items) {
    if (item.kind !== 'object')
      throw new Refusal(item.start, 'Every entry must be an object with "serviceNamespace"');
    const service = entry(item, 'serviceNamespace');
    if (service?.kind !== 'string' || service.value === '')
      throw new Refusal(item.start, 'This entry has no "serviceNamespace" string');
    const actions = entry(item, 'actions');
    const svc = servicePrefix(service.value, service.start, true);
    if (!actions) {
      entries.push({ service: svc, action: null, ...lines.position(service.start) });
      continue;
    }
    if (actions.kind !== 'array')
      throw new Refusal(actions.start, '"actions" must be a list of action names');
    for (const a of actions.items) {
      const name =
        a.kind === 'string'
          ? a.value
          : a.kind === 'object'
            ? stringValue(entry(a, 'action'))
            : undefined;
      if (name === undefined)
        throw new Refusal(a.start, '"actions" must hold action names like "GetObject"');
      entries.push(actionEntry(svc, name, a, lines));
    }
  }
  return entries;
}

function actionEntry(
  service: string,
  name: string,
  at: JsonValue,
  lines: LineMap,
  wildcards = true,
): FindingsEntry {
  const colon = name.indexOf(':');
  if (colon >= 0 && foldCase(name.slice(0, colon)) !== service)
    throw new Refusal(at.start, `${quote(name)} is listed under the service ${quote(service)}`);
  const action = colon >= 0 ? name.slice(colon + 1) : name;
  if (!/^[A-Za-z0-9*?_.-]+$/.test(action))
    throw new Refusal(at.start, `${quote(name)} is not an action name`);
  if (!wildcards && /[*?]/.test(action))
    throw new Refusal(
      at.start,
      `${quote(name)}: AWS never writes a wildcard here; this report names actions one by one`,
    );
  return { service, action, ...lines.position(at.start) };
}

/** GetFindingV2's "findingDetails": each "unusedPermissionDetails" names a service and its actions. */
export function findingDetailsEntries(
  items: JsonValue[],
  container: JsonValue,
  lines: LineMap,
): FindingsEntry[] {
  const entries: FindingsEntry[] = [];
  for (const item of items) {
    const details = item.kind === 'object' ? entry(item, 'unusedPermissionDetails') : undefined;
    if (details?.kind !== 'object') continue; // other detail kinds (access keys, passwords) carry no actions
    const service = stringValue(entry(details, 'serviceNamespace'));
    if (!service)
      throw new Refusal(details.start, '"unusedPermissionDetails" has no "serviceNamespace"');
    const svc = servicePrefix(service, details.start, true);
    const actions = entry(details, 'actions');
    if (!actions) {
      entries.push({
        service: svc,
        action: null,
        ...lines.position(details.start),
      });
      continue;
    }
    if (actions.kind !== 'array') throw new Refusal(actions.start, '"actions" must be a list');
    for (const a of actions.items) {
      const name = a.kind === 'object' ? stringValue(entry(a, 'action')) : stringValue(a);
      if (!name) throw new Refusal(a.start, 'Each of "actions" must have an "action"');
      entries.push(actionEntry(svc, name, a, lines));
    }
  }
  if (entries.length === 0)
    throw new Refusal(
      container.start,
      'These finding details hold no "unusedPermissionDetails": nothing says which permissions are unused',
    );
  return entries;
}

/**
 * GetServiceLastAccessedDetails at ACTION_LEVEL: a service never authenticated is unused whole, and in
 * the others each tracked action with no "LastAccessedTime".
 */
export function lastAccessedEntries(
  root: JsonObject,
  services: JsonValue,
  lines: LineMap,
): FindingsEntry[] {
  if (services.kind !== 'array')
    throw new Refusal(services.start, '"ServicesLastAccessed" must be a list');
  const granularity = stringValue(entry(root, 'JobType'));
  if (granularity && granularity !== 'ACTION_LEVEL')
    throw new Refusal(
      root.start,
      `This report is ${quote(granularity)}; generate it with --granularity ACTION_LEVEL so it names actions`,
    );
  const entries: FindingsEntry[] = [];
  for (const s of services.items) {
    if (s.kind !== 'object')
      throw new Refusal(s.start, 'Each of "ServicesLastAccessed" must be an object');
    const ns = stringValue(entry(s, 'ServiceNamespace'));
    if (!ns) throw new Refusal(s.start, 'This service has no "ServiceNamespace"');
    const svc = servicePrefix(ns, s.start);
    if (!entry(s, 'LastAuthenticated')) {
      entries.push({ service: svc, action: null, ...lines.position(s.start) });
      continue;
    }
    const tracked = entry(s, 'TrackedActionsLastAccessed');
    if (tracked?.kind !== 'array') continue; // authenticated, and no action-level data: nothing is known unused
    for (const a of tracked.items) {
      if (a.kind !== 'object') continue;
      const name = stringValue(entry(a, 'ActionName'));
      if (name && !entry(a, 'LastAccessedTime'))
        entries.push(actionEntry(svc, name, a, lines, false));
    }
  }
  return entries;
}

/** CloudTrail events: each names an action that was used. */
export function cloudTrailEntries(
  items: JsonValue[],
  lines: LineMap,
  sourceKey: string,
  nameKey: string,
): FindingsEntry[] {
  const entries: FindingsEntry[] = [];
  for (const item of items) {
    if (item.kind !== 'object') continue;
    const source = stringValue(entry(item, sourceKey));
    const name = stringValue(entry(item, nameKey));
    if (!source || !name) continue;
    // CloudTrail names the endpoint (s3.amazonaws.com); its first label is the IAM prefix for nearly every service.
    const service = servicePrefix(
      source.replace(/\.amazonaws\.com$/, '').split('.')[0],
      item.start,
    );
    if (!/^[A-Za-z0-9_.-]+$/.test(name))
      throw new Refusal(item.start, `${quote(name)} is not an action name`);
    entries.push({ service, action: name, ...lines.position(item.start) });
  }
  if (entries.length === 0)
    throw new Refusal(0, `These CloudTrail events name no ${sourceKey} and ${nameKey}`);
  return entries;
}
