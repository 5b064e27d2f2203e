// View id (src/state/views.ts) -> component. New views register here.
import type { ComponentType } from 'react';
import { StepView } from './StepView';

export const VIEW_COMPONENTS: Record<string, ComponentType> = {
  diagram: StepView,
};
