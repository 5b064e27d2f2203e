// The diagram model of a cursor view for one diagram on the page, sharing its unchanged panels, cards
// and rows with that diagram's previous model only (createDiagramMemo): the step view, the explainer,
// a tour and each compare column keep their own sharing.
import { useMemo, useState } from 'react';
import type { CursorView } from '../../state/viewmodels/cursorView';
import { createDiagramMemo, type DiagramModel } from '../../state/viewmodels/diagramModel';

export function useDiagramModel(cv: CursorView): DiagramModel {
  const [memo] = useState(createDiagramMemo);
  return useMemo(() => memo(cv), [memo, cv]);
}
