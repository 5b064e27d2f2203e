import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/App';
import { useUiStore } from '../../src/state/uiStore';

describe('App', () => {
  it('renders the title', () => {
    render(<App />);
    expect(screen.getByRole('heading', { level: 1, name: 'fpsimd-viz' })).toBeInTheDocument();
  });
});

describe('uiStore', () => {
  it('clamps the step to a non-negative integer', () => {
    useUiStore.getState().setStep(-3);
    expect(useUiStore.getState().step).toBe(0);
    useUiStore.getState().setStep(4.7);
    expect(useUiStore.getState().step).toBe(4);
  });
});
