import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// vitest `globals` is off, so RTL cannot register its own auto-cleanup.
afterEach(() => cleanup());
