// First step of `npm test`: the programs the tests need from the system, installed from Debian's
// package archive when missing (`apt-get update && apt-get install -y ...`, as root, else through sudo).
// When that is impossible it stops with an error naming what to install. Nothing is done when all
// are present. The decision is pure (planSystemDeps) so tests can check it without running apt.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/**
 * What the tests need. `command` is looked up on PATH; `chromium` may be elsewhere (CHROMIUM_PATH),
 * and is only installed when it is expected at Debian's place.
 */
export const SYSTEM_DEPS = [
  { pkg: 'chromium', command: 'chromium', why: 'the browser tests (Playwright drives Debian’s Chromium)' },
  { pkg: 'spin', command: 'spin', why: 'the cross-check of the explorer against the Spin model checker' },
  { pkg: 'gcc', command: 'gcc', why: 'Spin compiles its verifier (pan.c) with gcc' },
];

/**
 * Decides what to do. `probe` answers questions about the machine:
 * `exists(file)`, `onPath(command)`, `uid`, `env`.
 * Returns { action: 'none' } | { action: 'install', packages, commands } | { action: 'error', message }.
 */
export function planSystemDeps(probe, deps = SYSTEM_DEPS) {
  const chromiumPath = probe.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  const missing = [];
  for (const dep of deps) {
    if (dep.pkg === 'chromium') {
      if (probe.exists(chromiumPath)) continue;
      if (chromiumPath !== DEFAULT_CHROMIUM)
        return {
          action: 'error',
          message:
            `CHROMIUM_PATH is ${chromiumPath}, which does not exist: point it at a Chromium, or unset it ` +
            `to use Debian's chromium package (${DEFAULT_CHROMIUM}, installed here when missing)`,
        };
    } else if (probe.onPath(dep.command)) continue;
    missing.push(dep);
  }
  if (missing.length === 0) return { action: 'none' };

  const packages = missing.map((d) => d.pkg);
  const what = missing.map((d) => `${d.pkg} (${d.why})`).join(', ');
  const manual =
    `the tests need ${what}; install ${packages.length > 1 ? 'them' : 'it'} ` +
    `(on Debian: sudo apt-get install -y ${packages.join(' ')}) and run again`;
  if (!probe.onPath('apt-get')) return { action: 'error', message: `no apt-get on this machine: ${manual}` };
  let prefix;
  if (probe.uid === 0) prefix = [];
  else if (probe.onPath('sudo')) prefix = ['sudo'];
  else return { action: 'error', message: `not root and no sudo to run apt-get: ${manual}` };
  const apt = [...prefix, ...(prefix.length ? ['DEBIAN_FRONTEND=noninteractive'] : []), 'apt-get'];
  return {
    action: 'install',
    packages,
    manual,
    commands: [
      [...apt, 'update', '-qq'],
      [...apt, 'install', '-y', '-qq', ...packages],
    ],
  };
}

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The real machine, for planSystemDeps. */
export function machineProbe(env = process.env) {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return {
    env,
    uid: typeof process.getuid === 'function' ? process.getuid() : -1,
    exists: isExecutable,
    onPath: (cmd) => dirs.some((d) => isExecutable(path.join(d, cmd))),
  };
}

/** Runs the plan; returns the exit status (0: everything present). */
export function ensureSystemDeps(probe = machineProbe()) {
  const plan = planSystemDeps(probe);
  if (plan.action === 'none') return 0;
  if (plan.action === 'error') {
    console.error(`ensure-system-deps: ${plan.message}`);
    return 1;
  }
  console.log(`ensure-system-deps: installing Debian packages ${plan.packages.join(', ')}`);
  for (const [cmd, ...args] of plan.commands) {
    console.log(`$ ${[cmd, ...args].join(' ')}`);
    // Without sudo the environment is passed directly; with sudo it is the `VAR=value` argument.
    const res = spawnSync(cmd, args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (res.status !== 0) {
      const why = res.error ? res.error.message : `exit ${res.status ?? res.signal}`;
      console.error(`ensure-system-deps: '${[cmd, ...args].join(' ')}' failed (${why}): ${plan.manual}`);
      return 1;
    }
  }
  const after = planSystemDeps(probe);
  if (after.action !== 'none') {
    console.error(`ensure-system-deps: still missing after apt-get install: ${plan.manual}`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  process.exitCode = ensureSystemDeps();
}
