import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// vitest `globals` is off, so RTL cannot register its own auto-cleanup.
afterEach(() => cleanup());

// findBy* waits for lazy chunks and workers; on a loaded machine they take longer than the 1 s default (a lazy view is first transformed then).
configure({ asyncUtilTimeout: 15_000 });
